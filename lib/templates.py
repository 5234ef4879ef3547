"""Templates to fill in for an upload: one example row, and what each column means."""

from __future__ import annotations

import io

import pandas as pd

from lib.formatting import join_items
from lib.i18n import DEFAULT_LANGUAGE, t
from lib.upload.fields import FIELDS
from lib.upload.read import EXPLANATION_SHEET

TEMPLATE_SHEET = "Données"


def template_frame(kind: str) -> pd.DataFrame:
    """The template of `kind`: its columns and one example row."""
    return pd.DataFrame([{f.name: f.example for f in FIELDS[kind]}])


def explanation_frame(kind: str, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """One row per column: name, required or not, French variants accepted, explanation (in
    `lang`; the Excel template's sheet is French)."""
    fields = FIELDS[kind]
    return pd.DataFrame(
        {
            t("template_col_column", lang): [f.name for f in fields],
            t("template_col_required", lang): [
                t("template_yes" if f.required else "template_no", lang) for f in fields
            ],
            t("template_col_aliases", lang): [join_items(f.aliases, lang) for f in fields],
            t("template_col_help", lang): [f.help(lang) for f in fields],
        }
    )


def template_xlsx(kind: str) -> bytes:
    """An Excel template: the example sheet, then the "Explications" sheet."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        template_frame(kind).to_excel(writer, sheet_name=TEMPLATE_SHEET, index=False)
        explanation_frame(kind).to_excel(writer, sheet_name=EXPLANATION_SHEET, index=False)
    return buffer.getvalue()
