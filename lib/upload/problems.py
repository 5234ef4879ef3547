"""A report's problems as the importer page shows them: a table (`problems_table`) and, for each
kind of problem, a sentence saying how to fix it (`fix_hints`). Pure (no Streamlit)."""

from __future__ import annotations

import pandas as pd

from lib.i18n import t
from lib.schema import Problem
from lib.upload.validate import DUPLICATE_KEYS


def problems_table(problems: tuple[Problem, ...], lang: str) -> pd.DataFrame:
    """The report's problems, one per row, in `lang`; the row as Excel numbers it (the header is
    row 1), blank for a problem of the whole file."""
    return pd.DataFrame(
        {
            t("importer_col_line", lang): ["" if p.line is None else str(p.line) for p in problems],
            t("importer_col_column", lang): [p.column or "" for p in problems],
            t("importer_col_problem", lang): [p.text(lang) for p in problems],
        }
    )


_FIXES = {  # message key -> label key of the sentence saying how to fix that kind of problem
    "upload_required_missing": "importer_fix_missing",
    "upload_territory_columns_missing": "importer_fix_missing",
    "schema_check_column_in_dataframe": "importer_fix_missing",
    "upload_field_twice": "importer_fix_twice",
    "upload_code_ambiguous": "importer_fix_territory",
    "upload_territory_unknown_id": "importer_fix_territory",
    "upload_territory_missing": "importer_fix_territory",
    "upload_level_unknown": "importer_fix_territory",
    "upload_code_missing": "importer_fix_territory",
    "upload_territory_unknown": "importer_fix_territory",
    "upload_name_mismatch": "importer_fix_name",
    "upload_name_ambiguous": "importer_fix_name",
    "upload_name_unknown": "importer_fix_territory",
    **dict.fromkeys(DUPLICATE_KEYS, "importer_fix_duplicate"),
    "schema_check_coerce_dtype": "importer_fix_value",
    "schema_check_greater_than_or_equal_to": "importer_fix_value",
    "schema_check_less_than_or_equal_to": "importer_fix_value",
    "schema_percent_range": "importer_fix_value",
    "schema_measure_scale": "importer_fix_value",
    "schema_period": "importer_fix_period",
    "upload_new_indicator": "importer_fix_new_indicator",
    "upload_meta_differs": "importer_fix_meta",
    "upload_formula": "importer_fix_formula",
    "upload_markup": "importer_fix_markup",
    "schema_check_isin": "importer_fix_unknown",
    "schema_check_list_isin": "importer_fix_unknown",
    "schema_check_not_nullable": "importer_fix_empty",
}


def fix_hints(problems: tuple[Problem, ...], lang: str) -> list[str]:
    """One sentence per kind of problem in the report, saying how to fix it (in report order)."""
    keys = (_FIXES.get(p.message.key, "importer_fix_other") for p in problems)
    return [t(key, lang) for key in dict.fromkeys(keys)]
