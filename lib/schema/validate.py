"""Validate a raw table (all strings, as read from CSV) against its description in `TABLES`.

`validate_table` checks it in two passes with pandera: types first (so that a non-numeric value
is reported as such rather than breaking the range checks), then values, ranges, allowed ids and
unique keys, then the rules across a row's columns. Problems come back as `DataValidationError`,
naming the file, the line and the column; each message is keyed (lib/labels/schema.py) and shown
in the reader's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from lib.i18n import DEFAULT_LANGUAGE, Message, message
from lib.schema.tables import TABLES, Col, Table


@dataclass(frozen=True)
class Problem:
    """One validation problem, located in a file; its message is keyed (any language)."""

    file: str
    line: int | None  # line in the file (the header is line 1); None for the whole table
    column: str | None
    message: Message

    def text(self, lang: str) -> str:
        """The message in `lang`."""
        return self.message.text(lang)

    def located(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """'fichier a.csv, ligne 12, colonne « valeur » : message', in `lang`."""
        where = [message("schema_where_file", file=self.file)]
        if self.line is not None:
            where.append(message("schema_where_line", line=self.line))
        if self.column:
            where.append(message("schema_where_column", column=self.column))
        places = ", ".join(m.text(lang) for m in where)
        return message("schema_located", where=places, message=self.message).text(lang)

    def __str__(self) -> str:
        return self.located()


class DataValidationError(ValueError):
    """A table failed validation; `problems` lists every problem found (`str()` in French,
    `.text(lang)` in `lang`)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.text(DEFAULT_LANGUAGE))

    def text(self, lang: str) -> str:
        """The count and the first 20 problems, in `lang`."""
        n = len(self.problems)
        lines = [message("schema_invalid", n=n).text(lang)]
        lines += [f"- {p.located(lang)}" for p in self.problems[:20]]
        if n > 20:
            lines.append(message("schema_more_problems", n=n - 20).text(lang))
        return "\n".join(lines)


# pandera check name -> label key (lib/labels/schema.py); a column's type -> what it expects
_CHECKS = (
    "not_nullable",
    "field_uniqueness",
    "isin",
    "greater_than_or_equal_to",
    "less_than_or_equal_to",
    "coerce_dtype",
    "column_in_dataframe",
    "multiple_fields_uniqueness",
    "list_isin",
)
_DTYPE_KEYS = {"float": "float", "int": "int", "Int64": "int", "bool": "bool", "boolean": "bool"}


def _column_schema(col: Col, refs: Mapping[str, set[str]], typed_only: bool) -> pa.Column:
    checks = []
    if not typed_only:
        if col.allowed is not None and col.separator is not None:
            checks.append(_list_check(col.allowed(refs), col.separator))
        elif col.allowed is not None:
            checks.append(pa.Check.isin(sorted(col.allowed(refs))))
        if col.min_value is not None:
            checks.append(pa.Check.ge(col.min_value))
        if col.max_value is not None:
            checks.append(pa.Check.le(col.max_value))
    return pa.Column(
        col.dtype,
        checks=checks,
        nullable=True if typed_only else col.nullable,
        unique=False if typed_only else col.unique,
        coerce=True,
    )


def _list_check(allowed: set[str], separator: str) -> pa.Check:
    """Every item of a separated list is an allowed id (empty items are refused)."""
    return pa.Check(
        lambda values: values.map(lambda v: all(i in allowed for i in str(v).split(separator))),
        name="list_isin",
    )


def _schema(table: Table, refs: Mapping[str, set[str]], typed_only: bool) -> pa.DataFrameSchema:
    columns = {name: _column_schema(col, refs, typed_only) for name, col in table.columns.items()}
    return pa.DataFrameSchema(columns, unique=list(table.key) or None, strict=False)


def _message(check: str, value: object, col: Col | None, key: tuple[str, ...]) -> Message:
    name = check.split("(")[0]
    label = f"schema_check_{name if name in _CHECKS else 'other'}"
    dtype = str(col.dtype.__name__ if isinstance(col.dtype, type) else col.dtype) if col else ""
    return message(
        label,
        value=value,
        check=check,
        expected=message(f"schema_type_{_DTYPE_KEYS.get(dtype, 'str')}") if col else "",
        columns=", ".join(key),
    )


def _problems(file: str, table: Table, errors: SchemaErrors) -> list[Problem]:
    problems = []
    cases = errors.failure_cases.drop_duplicates(["column", "check", "index"])
    for case in cases.itertuples(index=False):
        check = str(case.check)
        if check.startswith("dtype("):
            continue  # already reported by the coercion failure of the same cell
        if check == "column_in_dataframe":
            column, line = str(case.failure_case), None
        else:
            multi_field = check.startswith("multiple_fields_uniqueness")
            column = None if multi_field or pd.isna(case.column) else str(case.column)
            line = None if case.index is None or pd.isna(case.index) else int(case.index) + 2
        col = table.columns.get(column) if column else None
        problem = _message(check, case.failure_case, col, table.key)
        problems.append(Problem(file, line, column, problem))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or ""))


_BOOLEAN_WORDS = {"true": True, "false": False, "vrai": True, "faux": False, "1": True, "0": False}


def _normalise_booleans(raw: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Read true/false (and vrai/faux, 1/0) as booleans; other words stay and fail coercion."""
    raw = raw.copy()
    for name, col in table.columns.items():
        if col.dtype == "boolean" and name in raw:
            words = raw[name].map(lambda v: v.strip().lower() if isinstance(v, str) else v)
            raw[name] = words.map(
                lambda v: _BOOLEAN_WORDS.get(v, v) if isinstance(v, str) else v
            ).astype(object)
    return raw


def validate_table(
    name: str, raw: pd.DataFrame, refs: Mapping[str, set[str]], file: str | None = None
) -> pd.DataFrame:
    """Validate a raw table (strings, as read from CSV) and return it typed.

    `refs` holds the allowed ids (territories, domains, actors, practices, sources, indicators,
    france_scopes). Extra columns needed by row rules (e.g. `unit` for indicator rows) must
    already be in `raw`. Raises `DataValidationError` listing every problem.
    """
    table = TABLES[name]
    file = file or f"{name}.csv"
    raw = _normalise_booleans(raw.replace({"": None}), table)
    absent = [n for n, c in table.columns.items() if c.optional and n not in raw]
    raw = raw.assign(**dict.fromkeys(absent, None))
    try:
        typed = _schema(table, refs, typed_only=True).validate(raw, lazy=True)
        checked = _schema(table, refs, typed_only=False).validate(typed, lazy=True)
    except SchemaErrors as errors:
        raise DataValidationError(_problems(file, table, errors)) from None
    problems = [
        Problem(file, int(i) + 2, rule.column, message(rule.message))
        for rule in table.rules
        for i in checked.index[~rule.ok(checked).fillna(False).astype(bool)]
    ]
    if problems:
        raise DataValidationError(problems)
    return checked
