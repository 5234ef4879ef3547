"""Validate an upload read as strings against the template of one fact table.

`validate_upload` maps the file's columns to the template's fields (`lib.upload.mapping`),
resolves its territories (`lib.upload.territories`) and indicators (`lib.upload.indicators`),
shapes its rows (`lib.upload.rows`), checks them against the dataset's schema (`lib.schema`) and
returns an `UploadReport`: the valid rows kept, every problem found in one pass as a keyed
message shown in the reader's language, naming the user's column and the row as Excel numbers
it. Pure (no Streamlit).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

import pandas as pd

from lib.data import Dataset, validate_indicator_rows
from lib.i18n import Message, message
from lib.schema import TABLES, DataValidationError, Problem, validate_table
from lib.upload import indicators
from lib.upload.fields import FIELDS
from lib.upload.mapping import name_keys, propose_mapping
from lib.upload.rows import (
    NUMERIC,
    decimal_comma,
    duplicates,
    in_user_words,
    link_cells,
    mapped,
    prepare,
)
from lib.upload.territories import resolve_territories
from lib.vocabulary import level_of

_TERRITORY_FIELDS = ("level", "code", "territory_id")
PLACEHOLDER_TERRITORY = "FR"  # stands for an unresolved territory while its other cells are checked
# problems of a repeated key: left aside on refused rows, whose placeholder territory makes them
DUPLICATE_KEYS = ("upload_duplicate_row", "schema_check_multiple_fields_uniqueness")


@dataclass(frozen=True)
class RawUpload:
    """An uploaded file read as strings, with what was detected."""

    frame: pd.DataFrame
    notes: tuple[Message, ...]
    problems: tuple[Problem, ...] = ()  # cell problems found while reading (formulas)


@dataclass(frozen=True)
class UploadReport:
    """What validation found: the valid rows (as tables of a layer) and every problem."""

    kind: str
    file: str
    n_rows: int
    tables: Mapping[str, pd.DataFrame]
    valid_lines: tuple[int, ...]
    problems: tuple[Problem, ...]
    notes: tuple[Message, ...]
    replaced_indicators: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # distinct values of the file's own source column
    mapping: Mapping[str, str] | None = None  # {user header: field} the check used

    @property
    def n_valid(self) -> int:
        return len(self.valid_lines)


def territory_name_keys(dataset: Dataset) -> set[str]:
    """Every territory name in comparable form (`header_key`), to tell a name column."""
    return set(name_keys(dataset.territories["name"]))


def validate_upload(
    raw: RawUpload,
    kind: str,
    dataset: Dataset,
    upload_id: str,
    file: str,
    mapping: Mapping[str, str] | None = None,
) -> UploadReport:
    """Check an uploaded frame against the template of `kind`, its columns mapped by `mapping`
    ({user header: field}; the proposal when None); keep the valid rows. Every problem is found
    in one pass: missing fields first, then rows, each named by the user's own column."""
    if mapping is None:
        mapping = propose_mapping(raw.frame, FIELDS[kind], partial(territory_name_keys, dataset))
    frame, headers, missing, aside = mapped(raw.frame, kind, mapping, file)
    notes = list(raw.notes)
    if aside:
        quoted = [message("quoted", text=c) for c in aside]
        notes.append(message("upload_note_unused", n=len(aside), columns=quoted))
    for f in FIELDS[kind]:
        frame[f.name] = frame[f.name].str.strip() if f.name in frame else ""
    for column in NUMERIC:
        if column in headers:
            frame[column], converted = decimal_comma(frame[column])
            if converted:
                notes.append(message("upload_note_decimal_comma", column=headers[column]))
    if kind == "indicators":
        frame["indicator_id"] = indicators.known_indicators(frame["indicator_id"], dataset)
    read_problems = [Problem(file, p.line, p.column, p.message) for p in raw.problems]
    territories, problems = resolve_territories(frame, dataset, file)
    frame["territory_id"] = territories.fillna("")
    problems += duplicates(frame, kind, file) + link_cells(frame, kind, file)
    rows = prepare(kind, frame, dataset, upload_id)
    bad = {p.line - 2 for p in problems + read_problems if p.line is not None}
    formulas = {p.line - 2 for p in read_problems if p.line is not None}
    tables, more, replaced = _validated_tables(
        kind, rows, (bad, formulas), dataset, upload_id, file
    )
    absent = {f.name for f in FIELDS[kind] if f.name not in headers}
    if not {"level", "code"} <= set(headers) and "territory_id" not in headers:
        absent |= set(_TERRITORY_FIELDS)
    problems = [p for p in problems + more if p.column not in absent or p.line is None]
    if any(f.required and f.name in absent for f in FIELDS[kind]) or missing:
        tables = {}
    if kind == "indicators" and replaced and tables:
        notes.append(message("upload_note_replaced", n=len(replaced), indicators=replaced))
    main = tables.get(kind)
    valid = tuple(int(i) + 2 for i in main.index) if main is not None else ()
    problems = read_problems + in_user_words(problems, headers)  # read ones name the user's
    problems = sorted(_first_per_cell(problems), key=lambda p: (p.line or 0, p.column or ""))
    sources = tuple(dict.fromkeys(v for v in frame["source"] if v))
    return UploadReport(
        kind,
        file,
        len(frame),
        tables,
        valid,
        tuple(missing + problems),
        tuple(notes),
        tuple(replaced),
        sources,
        dict(mapping),
    )


def _first_per_cell(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple] = set()
    kept = []
    for p in problems:
        if (p.line, p.column) not in seen or p.line is None:
            seen.add((p.line, p.column))
            kept.append(p)
    return kept


def _refused_rows_problems(
    rows: pd.DataFrame, bad: set[int], check: Callable[[pd.DataFrame], pd.DataFrame]
) -> list[Problem]:
    """The other problems of rows already refused (a territory, a duplicate...), so that the
    report is complete: checked with a placeholder territory, key duplicates left aside (the
    placeholder makes them)."""
    refused = rows[rows.index.isin(list(bad))]
    if refused.empty:
        return []
    refused = refused.assign(territory_id=PLACEHOLDER_TERRITORY)
    if "placement_level" in refused:
        refused["placement_level"] = level_of(PLACEHOLDER_TERRITORY)
    _, problems = _validate_rows(refused, check)
    return [p for p in problems if p.message.key not in DUPLICATE_KEYS]


def _validated_tables(
    kind: str,
    rows: pd.DataFrame,
    refused: tuple[set[int], set[int]],
    dataset: Dataset,
    upload_id: str,
    file: str,
) -> tuple[dict[str, pd.DataFrame], list[Problem], list[str]]:
    """The valid rows as typed tables, and their problems. `refused`: the rows already refused,
    and among them those holding a formula. An indicator's metadata is checked on all its rows
    but those with a formula, even on rows with another problem, so the report is complete."""
    bad, formulas = refused
    refs = dataset.refs()
    refs["sources"] = refs["sources"] | {upload_id}
    good = rows.drop(index=[i for i in rows.index if i in bad])
    if kind != "indicators":
        columns = _columns(kind)
        check = partial(validate_table, kind, refs=refs, file=file)
        typed, problems = _validate_rows(good[columns], check)
        problems += _refused_rows_problems(rows[columns], bad, check)
        return ({kind: typed} if typed is not None else {}), problems, []
    described = rows[(rows["indicator_id"] != "") & ~rows.index.isin(list(formulas))]
    meta_raw, problems = indicators.indicator_meta(described.copy(), dataset, file)
    wrong = {p.line - 2 for p in problems}
    bad_ids = set(rows.loc[[i for i in rows.index if i in wrong], "indicator_id"])
    meta_raw = meta_raw[~meta_raw["indicator_id"].isin(bad_ids)]
    meta_refs = {"domains": refs["domains"], "france_scopes": refs["france_scopes"]}
    meta, meta_problems = _validate_rows(
        meta_raw, lambda r: validate_table("indicator_meta", r, meta_refs, file=file)
    )
    problems += meta_problems
    if meta is None:
        return {}, problems, []
    rows = rows[rows["indicator_id"].isin(set(meta["indicator_id"]))]
    good = good[good["indicator_id"].isin(set(meta["indicator_id"]))]
    refs["indicators"] = refs["indicators"] | set(meta["indicator_id"])
    columns = _columns("indicators")
    check = partial(validate_indicator_rows, indicator_meta=meta, refs=refs, file=file)
    typed, row_problems = _validate_rows(good[columns], check)
    problems += row_problems + _refused_rows_problems(rows[columns], bad, check)
    if typed is None:
        return {}, problems, []
    meta = meta[meta["indicator_id"].isin(set(typed["indicator_id"]))]
    embedded = set(dataset.indicator_meta["indicator_id"])
    replaced = sorted(set(meta["indicator_id"]) & embedded)
    return {"indicators": typed, "indicator_meta": meta}, problems, replaced


def _columns(kind: str) -> list[str]:
    """The columns of the dataset's table `kind` that every file holds (`lib.schema.TABLES`)."""
    return [name for name, col in TABLES[kind].columns.items() if not col.optional]


def _validate_rows(
    raw: pd.DataFrame, validate: Callable[[pd.DataFrame], pd.DataFrame]
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Validate, dropping the rows named by problems until the rest passes."""
    problems: list[Problem] = []
    for _ in range(4):
        if raw.empty:
            return None, problems
        try:
            return validate(raw), problems
        except DataValidationError as error:
            problems += error.problems
            bad = {p.line - 2 for p in error.problems if p.line is not None}
            if not bad:
                return None, problems
            raw = raw.drop(index=[i for i in raw.index if i in bad])
    return None, problems
