"""Exports. Every CSV download goes through `safe_csv` (formula-injection escaping)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pandas as pd

# A cell starting with one of these is read as a formula by spreadsheet programs
# (OWASP "CSV injection"); leading whitespace or quotes do not protect it.
# A lone "%" followed by a space is a unit ("% de la population active"), not a formula.
_FORMULA_START = re.compile(r"^[\s\"']*(?:[=+\-@|]|%(?! ))|^[\t\r]")


def escape_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with a quote; `|` escaped.

    Numbers are left alone (a negative number is data, not a formula).
    """
    if not isinstance(value, str) or not _FORMULA_START.search(value):
        return value
    return "'" + value.replace("|", "\\|")


def safe_csv(
    frame: pd.DataFrame, separator: str = ",", excel: bool = True, missing: str = ""
) -> bytes:
    """CSV bytes of `frame` with text cells escaped; UTF-8 with BOM for Excel by default.

    `separator` is "," or ";"; with ";" numbers get a decimal comma, as French Excel expects.
    Missing values are written as `missing` (empty by default).
    """
    if separator not in {",", ";"}:
        raise ValueError("separator must be ',' or ';'")
    escaped = frame.copy()
    for column in escaped.columns:
        dtype = escaped[column].dtype
        if (
            pd.api.types.is_object_dtype(dtype)
            or pd.api.types.is_string_dtype(dtype)
            or isinstance(dtype, pd.CategoricalDtype)
        ):
            escaped[column] = escaped[column].map(escape_cell)
    escaped.columns = [escape_cell(str(c)) for c in escaped.columns]
    decimal = "," if separator == ";" else "."
    text = escaped.to_csv(
        index=False, sep=separator, decimal=decimal, lineterminator="\n", na_rep=missing
    )
    return text.encode("utf-8-sig" if excel else "utf-8")


def csv_built_now(build: Callable[[], pd.DataFrame], separator: str = ",") -> bytes:
    """`safe_csv` of a table built at this moment (a download button's data, made on click)."""
    return safe_csv(build(), separator=separator)


def fact_sheet_pdf(
    dataset, territory_id: str, *, area: str, method: str, lang: str, actors: Sequence[str] = ()
) -> bytes:
    """A territory's PDF fact sheet (`lib.onepager`), imported on call: fpdf2 and matplotlib
    load when someone asks for a PDF (a download button's data), not with every page."""
    from lib.onepager import territory_onepager_pdf

    return territory_onepager_pdf(
        dataset, territory_id, area=area, method=method, lang=lang, actors=actors
    )


def local_fact_sheet_pdf(dataset, page, *, method: str, lang: str) -> bytes:
    """An EPCI's or a commune's PDF fact sheet (`lib.local_sheet`) from its profile `page`,
    imported on call like `fact_sheet_pdf`."""
    from lib.local_sheet import local_onepager_pdf

    return local_onepager_pdf(dataset, page, method=method, lang=lang)
