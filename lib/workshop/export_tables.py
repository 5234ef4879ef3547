"""A workshop's anonymised results as files: one table as CSV (`lib.export.safe_csv`), every
table as an Excel workbook whose text cells are escaped by the same `escape_cell`."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import datetime

import pandas as pd

from lib import profile
from lib.export import escape_cell, safe_csv
from lib.formatting import format_number
from lib.i18n import t
from lib.workshop import tables
from lib.workshop.results import n_participants

TABLES = ("ws_sheet_about", "ws_sheet_domains", "ws_sheet_actors", "ws_sheet_reading")
TABLES += ("ws_sheet_comments", "ws_sheet_votes")
MAX_SHEET_NAME = 31  # Excel's limit


def about_table(
    look: profile.Lookups,
    workshop,
    votes: pd.DataFrame,
    exported_at: datetime,
    notes: Sequence[str] = (),
) -> pd.DataFrame:
    """What the file holds: workshop, territory, dates, participants, the counting rule, then
    the reading's method notes."""
    lang = look.lang
    rows = {
        "ws_about_title": workshop.title,
        "ws_about_territory": look.name(workshop.territory_id),
        "ws_about_created": workshop.created_at.strftime("%d/%m/%Y"),
        "ws_about_participants": format_number(n_participants(votes), 0, lang),
        "ws_about_choices": str(workshop.n_choices),
        "ws_about_rule": t("ws_rule", lang),
        "ws_about_exported": exported_at.strftime("%d/%m/%Y %H:%M UTC"),
        "ws_about_anonymity": t("ws_anonymity", lang),
    }
    return pd.DataFrame(
        {
            t("ws_col_item", lang): [t(key, lang) for key in rows]
            + [t("ws_about_note", lang)] * len(notes),
            t("value", lang): [*rows.values(), *notes],
        }
    )


def results_tables(
    look: profile.Lookups,
    workshop,
    votes: pd.DataFrame,
    domains: profile.DomainProfile,
    exported_at: datetime,
) -> dict[str, pd.DataFrame]:
    """Every exported table, by label key of its sheet (TABLES order)."""
    reading = tables.room_reading(
        look, votes, domains, workshop.territory_id, list(workshop.actor_ids)
    )
    return {
        "ws_sheet_about": about_table(look, workshop, votes, exported_at, reading.notes),
        "ws_sheet_domains": tables.domain_table(look, votes),
        "ws_sheet_actors": tables.actor_table(look, votes),
        "ws_sheet_reading": reading.table,
        "ws_sheet_comments": tables.comments_table(look, votes),
        "ws_sheet_votes": tables.anonymised_votes(look, votes),
    }


def csv_bytes(table: pd.DataFrame, separator: str = ";") -> bytes:
    """One table as CSV (formula-injection escaping, UTF-8 with BOM)."""
    return safe_csv(table, separator=separator)


def excel_bytes(sheets: Mapping[str, pd.DataFrame], lang: str = "fr") -> bytes:
    """Every table in one workbook, a sheet each (named by its label), text cells escaped."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for key, frame in sheets.items():
            escaped = frame.map(escape_cell)
            escaped.columns = [escape_cell(str(c)) for c in frame.columns]
            name = t(key, lang)[:MAX_SHEET_NAME]
            escaped.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            for column in sheet.columns:
                width = max(len(str(cell.value or "")) for cell in column)
                sheet.column_dimensions[column[0].column_letter].width = min(width + 2, 80)
    return buffer.getvalue()
