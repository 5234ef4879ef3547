"""Templates to fill in for an upload: one example row, and what each column means (French)."""

from __future__ import annotations

import io

import pandas as pd

from lib.upload import FIELDS
from lib.upload_read import EXPLANATION_SHEET

TEMPLATE_SHEET = "Données"


def template_frame(kind: str) -> pd.DataFrame:
    """The template of `kind`: its columns and one example row."""
    return pd.DataFrame([{f.name: f.example for f in FIELDS[kind]}])


def explanation_frame(kind: str) -> pd.DataFrame:
    """One row per column: name, required or not, French variants accepted, explanation."""
    return pd.DataFrame(
        {
            "colonne": [f.name for f in FIELDS[kind]],
            "obligatoire": ["oui" if f.required else "non" for f in FIELDS[kind]],
            "autres noms acceptés": [", ".join(f.aliases) for f in FIELDS[kind]],
            "explication": [f.help_fr for f in FIELDS[kind]],
        }
    )


def template_xlsx(kind: str) -> bytes:
    """An Excel template: the example sheet, then the "Explications" sheet."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        template_frame(kind).to_excel(writer, sheet_name=TEMPLATE_SHEET, index=False)
        explanation_frame(kind).to_excel(writer, sheet_name=EXPLANATION_SHEET, index=False)
    return buffer.getvalue()
