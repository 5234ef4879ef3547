"""A workshop's anonymised results as files: one table as CSV (`lib.export.safe_csv`), every
table as an Excel workbook whose text cells are escaped by the same `escape_cell`.

Counts, shares (in %, as on screen: 41.7 means 41.7 %) and ranks are numbers, so a spreadsheet
can sum and chart them; a missing one reads "non disponible". The notes of a table (e.g. the
merged small profiles) follow it, after an empty row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from lib import profile
from lib.export import escape_cell, safe_csv
from lib.i18n import t
from lib.workshop import tables
from lib.workshop.results import n_participants

TABLES = ("ws_sheet_about", "ws_sheet_domains", "ws_sheet_actors", "ws_sheet_reading")
TABLES += ("ws_sheet_comments", "ws_sheet_votes")
MAX_SHEET_NAME = 31  # Excel's limit


@dataclass(frozen=True)
class Sheet:
    """One exported table and the notes written under it."""

    table: pd.DataFrame
    notes: tuple[str, ...] = ()


def about_table(
    look: profile.Lookups,
    workshop,
    votes: pd.DataFrame,
    exported_at: datetime,
    notes: Sequence[str] = (),
) -> pd.DataFrame:
    """What the file holds: workshop, territory, dates, participants, the counting and
    min-group rules, then the reading's method notes."""
    lang = look.lang
    rows = {
        "ws_about_title": workshop.title,
        "ws_about_territory": look.name(workshop.territory_id),
        "ws_about_created": workshop.created_at.strftime("%d/%m/%Y"),
        "ws_about_participants": n_participants(votes),
        "ws_about_choices": workshop.n_choices,
        "ws_about_rule": t("ws_rule", lang),
        "ws_about_min_group": tables.min_group_note(lang),
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
) -> dict[str, Sheet]:
    """Every exported table, by label key of its sheet (TABLES order)."""
    reading = tables.room_reading(
        look, votes, domains, workshop.territory_id, list(workshop.actor_ids), numbers=True
    )
    by_profile = (tables.min_group_note(look.lang),)
    return {
        "ws_sheet_about": Sheet(about_table(look, workshop, votes, exported_at, reading.notes)),
        "ws_sheet_domains": Sheet(tables.domain_table(look, votes, numbers=True)),
        "ws_sheet_actors": Sheet(tables.actor_table(look, votes, numbers=True), by_profile),
        "ws_sheet_reading": Sheet(reading.table),
        "ws_sheet_comments": Sheet(tables.comments_table(look, votes), by_profile),
        "ws_sheet_votes": Sheet(tables.anonymised_votes(look, votes), by_profile),
    }


def csv_bytes(sheet: Sheet, lang: str = "fr", separator: str = ";") -> bytes:
    """One table as CSV (formula-injection escaping, UTF-8 with BOM), then its notes."""
    data = safe_csv(sheet.table, separator=separator, missing=t("not_available", lang))
    if not sheet.notes:
        return data
    lines = io.StringIO()
    writer = csv.writer(lines, delimiter=separator, lineterminator="\n")
    writer.writerows([[], *([escape_cell(note)] for note in sheet.notes)])
    return data + lines.getvalue().encode("utf-8")


def excel_bytes(sheets: Mapping[str, Sheet], lang: str = "fr") -> bytes:
    """Every table in one workbook, a sheet each (named by its label): numbers as numbers, text
    cells escaped, then the table's notes."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for key, content in sheets.items():
            escaped = content.table.map(escape_cell)
            escaped.columns = [escape_cell(str(c)) for c in content.table.columns]
            name = t(key, lang)[:MAX_SHEET_NAME]
            escaped.to_excel(writer, sheet_name=name, index=False, na_rep=t("not_available", lang))
            sheet = writer.sheets[name]
            for column in sheet.columns:
                width = max(len(str(cell.value or "")) for cell in column)
                sheet.column_dimensions[column[0].column_letter].width = min(width + 2, 80)
            below = sheet.max_row + 2
            for row, note in enumerate(content.notes, start=below):
                sheet.cell(row=row, column=1, value=escape_cell(note))
    return buffer.getvalue()
