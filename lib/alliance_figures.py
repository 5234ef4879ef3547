"""The alliance figures (the Alliances page, the slides, the exports), computed without
Streamlit: partnership figures by actor, grouped into charts.

Rows come from `dataset.alliances` (Observatoire des partenariats studies). A chart never mixes
studies, years, units, territories or survey bases: `chart_groups` splits the rows so that each
chart holds the figures of one (territory, study, year, unit, base).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from lib import vocabulary
from lib.data import Dataset, in_language
from lib.formatting import format_number, format_value, is_missing, join_items
from lib.i18n import t
from lib.sources_page import source_columns, source_labels

# Display order of the dimensions (schema ALLIANCE_DIMENSIONS), practice types first.
DIMENSIONS = (
    "practice",
    "territorial_level",
    "partner",
    "trend",
    "perception",
    "engagement",
    "motivation",
    "outcome",
    "context",
)
GROUP_KEYS = ["territory_id", "study", "year", "year_note", "unit", "base_n"]
NO_ACTOR_ORDER = 99


def practice_choices(dataset: Dataset, lang: str) -> dict[str, str]:
    """Practice id -> label, flagging the types outside the Observatoire's typology."""
    labels = vocabulary.labels(dataset, "practice", lang)
    choices = {}
    for row in dataset.practices.itertuples():
        label = labels[row.practice_id]
        if not row.observatoire_typology:
            label = t("alliances_outside_typology", lang, label=label)
        choices[row.practice_id] = label
    return choices


def filter_alliances(
    alliances: pd.DataFrame, actors: Sequence[str] = (), practices: Sequence[str] = ()
) -> pd.DataFrame:
    """Rows of the chosen actors (all when none) and practice types (all when none).

    The practice filter applies to rows tied to a practice type; the other rows stay.
    """
    rows = alliances
    if actors:
        rows = rows[rows["actor_id"].isin(actors)]
    if practices:
        rows = rows[rows["practice_id"].isna() | rows["practice_id"].isin(practices)]
    return rows.reset_index(drop=True)


def value_text(value: float, unit: str, lang: str) -> str:
    """'45 %', '674 000', '8,5 points', '18 mois'."""
    decimals = 0 if float(value).is_integer() else 1
    if unit == "count":
        return format_number(value, decimals, lang)
    if unit == "%":
        return format_value(value, "%", decimals, lang)
    return format_value(value, t("alliances_unit_" + unit, lang), decimals, lang)


def year_text(year: object, year_note: object, lang: str) -> str:
    """'2015', '2011 – 2010-2011 (…)', '2015-2016' (note only) or 'année non précisée'."""
    note = None if is_missing(year_note) else str(year_note)
    if is_missing(year):
        return note or t("alliances_year_unknown", lang)
    return f"{year} – {note}" if note else str(year)


def _records(dataset: Dataset, rows: pd.DataFrame, lang: str) -> list[dict]:
    """Rows as dicts (missing = None) with actor and territory names, sorted by dimension, then
    national before regional, year, study and id."""
    actor_names = vocabulary.labels(dataset, "actor", lang)
    actor_order = dict(zip(dataset.actors["actor_id"], dataset.actors["order"], strict=True))
    names = vocabulary.territory_names(dataset, rows["territory_id"], lang)
    records = []
    for raw in rows.astype(object).to_dict("records"):
        row = {k: None if is_missing(v) else v for k, v in raw.items()}
        actor = row["actor_id"]
        row["actor_key"] = actor or ""
        row["actor_name"] = (
            actor_names.get(actor) or row["actor_label"] or t("alliances_no_actor", lang)
        )
        row["actor_order"] = int(actor_order.get(actor, NO_ACTOR_ORDER))
        row["population"] = row["actor_label"] or ""
        row["territory_name"] = names[row["territory_id"]]
        records.append(row)
    rank = {d: i for i, d in enumerate(DIMENSIONS)}
    return sorted(
        records,
        key=lambda r: (
            rank[r["dimension"]],
            r["territory_id"] != vocabulary.NATIONAL,
            r["year"] is None,
            r["year"] or 0,
            r["study"],
            r["alliance_id"],
        ),
    )


@dataclass(frozen=True)
class Bar:
    """One figure of a chart."""

    alliance_id: str
    actor_key: str  # actor id, "" for figures about no actor in particular
    actor_name: str
    actor_order: int
    population: str  # the study's own words for who was surveyed
    label: str
    value: float
    value_text: str
    note: str | None


@dataclass(frozen=True)
class ChartGroup:
    """The figures of one chart: one dimension, territory, study, year, unit and base."""

    key: str
    dimension: str
    territory_id: str
    territory_name: str
    study: str
    year_text: str
    unit: str
    base_n: int | None
    bars: tuple[Bar, ...]
    source_ids: tuple[str, ...]

    @property
    def values(self) -> list[float]:
        return [bar.value for bar in self.bars]


def chart_groups(dataset: Dataset, rows: pd.DataFrame, lang: str) -> dict[str, list[ChartGroup]]:
    """Charts by dimension (in `DIMENSIONS` order, dimensions without rows left out)."""
    parts: dict[tuple, list[dict]] = {}
    for row in _records(dataset, rows, lang):
        key = (row["dimension"], *(row[k] for k in GROUP_KEYS))
        parts.setdefault(key, []).append(row)
    groups: dict[str, list[ChartGroup]] = {}
    for part in parts.values():
        group = _chart_group(part, lang)
        groups.setdefault(group.dimension, []).append(group)
    return groups


def _chart_group(part: list[dict], lang: str) -> ChartGroup:
    first = part[0]
    # the same figure for one actor twice in a chart (e.g. employer / non-employer
    # associations): the bars are told apart by the population surveyed
    seen = Counter((r["category"], r["actor_key"]) for r in part)
    bars = tuple(
        Bar(
            alliance_id=r["alliance_id"],
            actor_key=r["actor_key"],
            actor_name=r["actor_name"],
            actor_order=r["actor_order"],
            population=r["population"],
            label=r["category"]
            if seen[r["category"], r["actor_key"]] == 1
            else f"{r['category']} ({r['population']})",
            value=float(r["value"]),
            value_text=value_text(r["value"], r["unit"], lang),
            note=in_language(r, "note", lang),
        )
        for r in part
    )
    return ChartGroup(
        key=f"{first['dimension']}-{first['alliance_id']}",
        dimension=first["dimension"],
        territory_id=first["territory_id"],
        territory_name=first["territory_name"],
        study=first["study"],
        year_text=year_text(first["year"], in_language(first, "year_note", lang), lang),
        unit=first["unit"],
        base_n=None if first["base_n"] is None else int(first["base_n"]),
        bars=bars,
        source_ids=tuple(dict.fromkeys(r["source_id"] for r in part)),
    )


def scope_text(group: ChartGroup, lang: str) -> str:
    """'Chiffre national (France)' or 'Chiffre régional : <name>'."""
    if group.territory_id == vocabulary.NATIONAL:
        return t("alliances_caption_national", lang)
    return t("alliances_caption_regional", lang, name=group.territory_name)


def base_text(base_n: int | None, lang: str) -> str:
    if base_n is None:
        return t("alliances_base_unknown", lang)
    return t("alliances_base", lang, n=format_number(base_n, 0, lang))


def group_caption(dataset: Dataset, group: ChartGroup, lang: str) -> str:
    """One line under a chart: scope, study and year, survey base, sources."""
    labels = source_labels(dataset, lang)
    sources = join_items((labels[s] for s in group.source_ids), lang, long_items=True)
    return " · ".join(
        [
            scope_text(group, lang),
            t("alliances_study_year", lang, study=group.study, year=group.year_text),
            base_text(group.base_n, lang),
            t("pres_source", lang, sources=sources),
        ]
    )


def group_notes(group: ChartGroup, lang: str) -> str | None:
    """The rows' notes (details, contradictions between sources) as a markdown list.

    A note shared by every bar is written once; otherwise it names the bars it concerns.
    """
    concerned: dict[str, list[str]] = {}
    for bar in group.bars:
        if bar.note:
            concerned.setdefault(bar.note, []).append(bar.label)
    if not concerned:
        return None
    lines = [
        "- "
        + (
            note
            if len(labels) == len(group.bars)
            else t("alliances_note_about", lang, bars=join_items(labels, lang), note=note)
        )
        for note, labels in concerned.items()
    ]
    return "\n".join([t("alliances_notes", lang), *lines])


def missing_dimensions(groups: dict[str, list[ChartGroup]], lang: str) -> str | None:
    """Which dimensions have no figure for the selection, or None."""
    missing = [d for d in DIMENSIONS if d not in groups]
    if not missing:
        return None
    labels = join_items((dimension_label(d, lang) for d in missing), lang)
    return t("alliances_missing_dimensions", lang, dimensions=labels)


def dimension_label(dimension: str, lang: str) -> str:
    """'Types de pratiques', 'Perceptions des alliances'…"""
    return t("alliances_dimension_" + dimension, lang)


def actors_text(dataset: Dataset, actors: Sequence[str], lang: str) -> str:
    """Which actors the page shows (the sidebar filter; all when empty)."""
    if not actors:
        names = t("alliances_all_actors", lang)
    else:
        labels = vocabulary.labels(dataset, "actor", lang)
        names = join_items((labels[a] for a in actors), lang)
    return t("alliances_actors_shown", lang, actors=names)


def territory_note(
    dataset: Dataset, rows: pd.DataFrame, territory: str | None, lang: str
) -> str | None:
    """For a chosen region (or a department's region): its own figures, or that none exist."""
    region = vocabulary.ancestor(territory, "region", dataset.territory_index["parent_id"])
    if region is None:
        return None
    name = vocabulary.territory_name(dataset, region)
    own = int(rows["territory_id"].eq(region).sum())
    if own:
        return t("alliances_territory_own", lang, name=name, n=own)
    return t("alliances_territory_none", lang, name=name)


def alliance_table(dataset: Dataset, rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every shown figure with its study, base and source (the table and the CSV download)."""
    practices = vocabulary.labels(dataset, "practice", lang)
    scope = {True: t("alliances_scope_national", lang), False: t("alliances_scope_regional", lang)}
    records = _records(dataset, rows, lang)
    table = pd.DataFrame(
        [
            {
                t("alliances_col_id", lang): r["alliance_id"],
                t("alliances_col_dimension", lang): dimension_label(r["dimension"], lang),
                t("territory", lang): r["territory_name"],
                t("alliances_col_scope", lang): scope[r["territory_id"] == vocabulary.NATIONAL],
                t("alliances_col_actor", lang): r["actor_name"],
                t("alliances_col_population", lang): r["actor_label"],
                t("alliances_col_category", lang): r["category"],
                t("alliances_col_practice", lang): practices.get(r["practice_id"]),
                t("value", lang): r["value"],
                t("alliances_col_unit", lang): t("alliances_unit_" + r["unit"], lang),
                t("alliances_col_base", lang): base_text(r["base_n"], lang),
                t("alliances_col_study", lang): r["study"],
                t("year", lang): year_text(r["year"], None, lang),
                t("alliances_col_year_note", lang): in_language(r, "year_note", lang),
            }
            for r in records
        ]
    )
    sources = source_columns(dataset, [r["source_id"] for r in records], lang)
    note = pd.DataFrame(
        {t("alliances_col_note", lang): [in_language(r, "note", lang) for r in records]}
    )
    return pd.concat([table, sources, note], axis=1)
