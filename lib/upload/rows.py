"""An upload's cells as rows of the dataset, before the schema checks them.

The user's columns renamed to the template's fields (`mapped`) and each problem's field named
back as the user's column (`in_user_words`); numbers written with a decimal comma or spaced
thousands (`decimal_comma`); the checks that need no schema (rows repeating an earlier one,
cells that could hold a link); the rows in the shape of the dataset's table (`prepare`).
Pure (no Streamlit).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from lib.data import Dataset
from lib.i18n import message
from lib.schema import Problem
from lib.upload.fields import FIELD_NAMES, FIELDS
from lib.vocabulary import labels, level_of

# Natural key of each table: two rows with the same key are duplicates.
NATURAL_KEYS = {
    "indicators": ("territory_id", "indicator_id", "period"),
    "perceptions": ("territory_id", "actor_id", "domain_id", "study", "question", "measure"),
    "alliances": ("territory_id", "actor_id", "dimension", "category", "study", "year", "unit"),
    "initiatives": ("territory_id", "name"),
}
NUMERIC = ("value", "base_n", "decimals")


def decimal_comma(series: pd.Series) -> tuple[pd.Series, bool]:
    """The values with spaced thousands joined and a decimal comma read as a point; whether any
    value changed."""
    spaced = series.str.replace(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}(?:\D|$))", "", regex=True)
    converted = spaced.str.replace(r"^([+-]?\d*),(\d+)$", r"\1.\2", regex=True)
    return converted, bool((converted != spaced).any())


def duplicates(frame: pd.DataFrame, kind: str, file: str) -> list[Problem]:
    """Rows sharing a resolved territory and the rest of the natural key with an earlier row."""
    columns = [k for k in NATURAL_KEYS[kind] if k in frame]
    placed = frame[frame["territory_id"] != ""]
    repeated = placed[placed.duplicated(columns, keep="first")]
    if repeated.empty:
        return []
    first = placed.reset_index().groupby(columns, dropna=False)["index"].transform("first")
    first.index = placed.index
    return [
        Problem(
            file,
            int(i) + 2,
            None,
            message(
                "upload_duplicate_row", same=message(f"upload_same_{kind}"), first=first[i] + 2
            ),
        )
        for i in repeated.index
    ]


def link_cells(frame: pd.DataFrame, kind: str, file: str) -> list[Problem]:
    """Text cells holding [ or ]: shown in captions, they could add a link or an image."""
    problems = []
    for field in FIELDS[kind]:
        if field.name not in frame or field.name in NUMERIC:
            continue
        cells = frame[field.name].astype(str)
        for i in cells.index[cells.str.contains(r"[\[\]]", regex=True)]:
            problems.append(
                Problem(
                    file,
                    int(i) + 2,
                    field.name,
                    message("upload_markup"),
                )
            )
    return problems


def prepare(kind: str, frame: pd.DataFrame, dataset: Dataset, upload_id: str) -> pd.DataFrame:
    """The rows in the shape of the dataset's table (ids generated, defaults filled)."""
    frame = frame.assign(source_id=upload_id)
    if kind == "indicators":
        return frame
    if kind == "initiatives":
        return _prepare_initiatives(frame, upload_id)
    french = labels(dataset, "actor", "fr")
    actor_label = frame["actor_label"].where(
        frame["actor_label"] != "", frame["actor_id"].map(french).fillna("")
    )
    prefix = "PER" if kind == "perceptions" else "ALL"
    ids = [f"{upload_id}-{prefix}-{i + 2}" for i in frame.index]
    id_column = "perception_id" if kind == "perceptions" else "alliance_id"
    return frame.assign(
        **{id_column: ids}, figure_id=upload_id, actor_label=actor_label, year_note=""
    )


def _prepare_initiatives(frame: pd.DataFrame, upload_id: str) -> pd.DataFrame:
    """Initiative rows: generated ids, placement level from the territory, lists without spaces.

    An uploaded row has no proof quote: the `quote` column says so rather than inventing one.
    """
    placement = [level_of(tid) or "" for tid in frame["territory_id"]]
    lists = {
        c: frame[c].str.strip().str.replace(r"\s*[;,/|]\s*", ";", regex=True)
        for c in ("actor_ids", "domain_ids")
    }
    return frame.assign(
        initiative_id=[f"{upload_id}-INI-{i + 2}" for i in frame.index],
        territory_label="",
        placement_level=placement,
        free_tags="",
        practice_note="",
        quote="citation non fournie (données importées)",
        research_note="",
        **lists,
    )


def mapped(
    raw: pd.DataFrame, kind: str, mapping: Mapping[str, str], file: str
) -> tuple[pd.DataFrame, dict[str, str], list[Problem], list[str]]:
    """The file's mapped columns renamed to their fields; {field: user header}, the problems
    (a field fed by two columns, a required field missing) and the columns left aside."""
    headers: dict[str, str] = {}
    problems = []
    for header, field in mapping.items():
        if field not in FIELD_NAMES or header not in raw:
            continue
        if field in headers:
            problems.append(
                Problem(
                    file,
                    None,
                    str(header),
                    message("upload_field_twice", column=headers[field], field=FIELD_NAMES[field]),
                )
            )
            continue
        headers[field] = str(header)
    problems += [
        Problem(
            file,
            None,
            f.french,
            message("upload_required_missing"),
        )
        for f in FIELDS[kind]
        if f.required and f.name not in headers
    ]
    if "territory_id" not in headers and not {"level", "code"} <= set(headers):
        problems.append(
            Problem(
                file,
                None,
                "niveau, code_insee",
                message("upload_territory_columns_missing"),
            )
        )
    frame = raw[list(headers.values())].set_axis(list(headers), axis=1)
    left_aside = [str(c) for c in raw.columns if str(c) not in headers.values()]
    return frame, headers, problems, left_aside


def in_user_words(problems: list[Problem], headers: Mapping[str, str]) -> list[Problem]:
    """Each problem's field named as the user's column (or the French name of a missing one)."""
    return [
        replace(
            p,
            column=", ".join(
                headers.get(c.strip(), FIELD_NAMES.get(c.strip(), c.strip()))
                for c in p.column.split(",")
            ),
        )
        if p.column
        else p
        for p in problems
    ]
