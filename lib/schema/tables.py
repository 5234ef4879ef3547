"""The tables of the dataset, each described once (`TABLES`): its columns, their types and
allowed values, its unique key and the rules across the columns of a row.

Declarations only (one `Col` per column): `lib.schema.validate` turns them into pandera checks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from lib.periods import is_period
from lib.vocabulary import LEVEL_NAMES, is_level, prefix

MEASURES = ("share", "score", "rank")
# Why a published file gives no value (lib.withheld): statistical secrecy, perimeter changed since
WITHHELD_REASONS = ("secret_statistique", "perimetre_modifie")
ALLIANCE_DIMENSIONS = (
    "engagement",
    "practice",
    "partner",
    "territorial_level",
    "motivation",
    "perception",
    "trend",
    "outcome",
    "context",
)
ALLIANCE_UNITS = ("%", "score /10", "count", "rank", "points", "years", "months")
INDICATOR_ROLES = ("context", "fragility")
LABEL_KINDS = ("domain", "actor")
LABEL_STATUSES = ("mapped", "context", "outside_typology")
# Perceived figures published outside the Observatoire: a share citing an item, a rank, or a
# value published in words; a share may come with the source's qualifier ("plus de 30 %").
PUBLISHED_UNITS = ("%", "rank", "text")
PUBLISHED_QUALIFIERS = ("plus de", "près de")
# Where an initiative is placed: the level of its territory by placement level (None = no
# territory).
PLACEMENT_LEVELS = {
    "commune": "commune",
    "epci_commune": "commune",  # an intercommunality placed on the town it is named after
    "epci_department": "department",  # an intercommunality without a main town: its department
    "department": "department",
    "region": "region",
    "france": "france",
    "unlocated": None,
}


@dataclass(frozen=True)
class Col:
    """A column: its type, whether it may be empty, and checks on its values."""

    dtype: type | str = str
    nullable: bool = False
    unique: bool = False
    allowed: Callable[[Mapping[str, set[str]]], set[str]] | None = None
    min_value: float | None = None
    max_value: float | None = None
    separator: str | None = None  # a list of ids in one cell ("a;b"): each must be allowed
    optional: bool = False  # the column may be absent from the file (then read as empty)


@dataclass(frozen=True)
class RowRule:
    """A check across columns of a row, with the message (a label key) shown for failing rows."""

    column: str
    message: str  # key of lib/labels/schema.py
    ok: Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class Table:
    """A table of the dataset: its columns, unique key and cross-column rules."""

    columns: dict[str, Col]
    key: tuple[str, ...] = ()
    rules: tuple[RowRule, ...] = field(default_factory=tuple)


def _ids(name: str) -> Callable[[Mapping[str, set[str]]], set[str]]:
    """Allowed values taken from a reference set (territories, sources...)."""
    return lambda refs: refs[name]


def _const(values: tuple[str, ...]) -> Callable[[Mapping[str, set[str]]], set[str]]:
    return lambda _refs: set(values)


def _percent_rows(df: pd.DataFrame, unit_column: str) -> pd.Series:
    return df[unit_column].astype(str).str.startswith("%")


def _in_percent_range(df: pd.DataFrame, unit_column: str) -> pd.Series:
    return ~_percent_rows(df, unit_column) | df["value"].between(0, 100)


def _within_own_decimals(df: pd.DataFrame) -> pd.Series:
    """A value has no more digits than the decimals its row gives (when it gives them)."""
    own = df["decimals"]
    rounded = [v if pd.isna(d) else round(v, int(d)) for v, d in zip(df["value"], own, strict=True)]
    return own.isna() | df["value"].eq(pd.Series(rounded, index=df.index))


def _level_matches_prefix(df: pd.DataFrame) -> pd.Series:
    prefixes = df["level"].map({level: prefix(level) for level in LEVEL_NAMES})
    matches = [t.startswith(p) for t, p in zip(df["territory_id"], prefixes, strict=True)]
    return pd.Series(matches, index=df.index)


def _placement_matches_territory(df: pd.DataFrame) -> pd.Series:
    levels = df["placement_level"].map(PLACEMENT_LEVELS)
    territories = df["territory_id"].fillna("")
    matches = [
        is_level(t, level) if isinstance(level, str) else t == ""
        for t, level in zip(territories, levels, strict=True)
    ]
    return pd.Series(matches, index=df.index)


def _published_value_fits_unit(df: pd.DataFrame) -> pd.Series:
    """A share is a number within 0–100, a rank a whole number ≥ 1, a text has no number."""
    value = df["value"]
    share = df["unit"].eq("%") & ~value.between(0, 100)
    rank = df["unit"].eq("rank") & ~(value.ge(1) & value.eq(value.round()))
    text = df["unit"].eq("text") & value.notna()
    return ~(share | rank | text)


def _measure_in_range(df: pd.DataFrame) -> pd.Series:
    share = df["measure"].eq("share") & ~df["value"].between(0, 100)
    score = df["measure"].eq("score") & ~df["value"].between(0, 10)
    rank = df["measure"].eq("rank") & (df["value"] < 1)
    return ~(share | score | rank)


# The project's notes written in French, by table; each has an optional English column
# (`note_en` for `note`), filled from notes_en.csv when a file lacks it (lib.data). A text
# without a letter ("2015", "15,7") reads the same in English and has none.
ENGLISH_NOTES = {
    "sources": ("note", "verification_note"),
    "perceptions": ("year_note", "note"),
    "perceived_more": ("value_text", "base", "year_text", "note"),
    "alliances": ("year_note", "note"),
    "initiatives": ("practice_note", "note"),
}


def _english(table: str) -> dict[str, Col]:
    return {f"{name}_en": Col(nullable=True, optional=True) for name in ENGLISH_NOTES[table]}


_INDICATOR_ROWS = Table(
    columns={
        "territory_id": Col(allowed=_ids("territories")),
        "indicator_id": Col(allowed=_ids("indicators")),
        "period": Col(),
        "value": Col(float),
        "source_id": Col(allowed=_ids("sources")),
        "note": Col(nullable=True),
        # the decimals the source publishes this value with, when fewer or more than its
        # indicator's `decimals` (empty: the indicator's)
        "decimals": Col("Int64", nullable=True, optional=True, min_value=0, max_value=3),
    },
    key=("territory_id", "indicator_id", "period"),
    rules=(
        RowRule(
            "value",
            "schema_percent_range",
            lambda d: _in_percent_range(d, "unit"),
        ),
        RowRule("value", "schema_value_decimals", _within_own_decimals),
        RowRule(
            "period",
            "schema_period",
            lambda d: d["period"].map(is_period),
        ),
    ),
)

_WITHHELD_ROWS = Table(
    columns={
        "territory_id": Col(allowed=_ids("territories")),
        "indicator_id": Col(allowed=_ids("indicators")),
        "period": Col(),
        "source_id": Col(allowed=_ids("sources")),
        "reason": Col(allowed=_const(WITHHELD_REASONS)),
    },
    key=("territory_id", "indicator_id", "period"),
    rules=(RowRule("period", "schema_period", lambda d: d["period"].map(is_period)),),
)

TABLES: dict[str, Table] = {
    "sources": Table(
        columns={
            "source_id": Col(unique=True),
            "title": Col(),
            "publisher": Col(),
            "year": Col(),
            "url_or_package": Col(),
            "licence": Col(),
            "note": Col(nullable=True),
            # whether the values were checked against a second source (empty = not assessed)
            "verification": Col(nullable=True, optional=True),
            "verification_note": Col(nullable=True, optional=True),
            **_english("sources"),
        }
    ),
    # the English text of the project's French notes (lib.data.ENGLISH_NOTES), by French text
    "notes_en": Table(columns={"fr": Col(unique=True), "en": Col()}),
    "territories": Table(
        columns={
            "territory_id": Col(unique=True),
            "level": Col(allowed=_const(LEVEL_NAMES)),
            "code": Col(nullable=True),
            "name": Col(),
            "parent_id": Col(nullable=True, allowed=_ids("territories")),
            "overseas": Col("boolean"),
            # every parent of a territory with several ("DEP-75;DEP-92", an EPCI spanning
            # departments; parent_id is the first); empty when parent_id is the only one
            "parent_ids": Col(
                nullable=True, optional=True, separator=";", allowed=_ids("territories")
            ),
        },
        rules=(
            RowRule(
                "territory_id",
                "schema_id_level",
                _level_matches_prefix,
            ),
        ),
    ),
    "domains": Table(
        columns={
            "domain_id": Col(unique=True),
            "order": Col(int),
            "label_fr": Col(),
            "label_en": Col(),
        }
    ),
    "actors": Table(
        columns={
            "actor_id": Col(unique=True),
            "order": Col(int),
            "label_fr": Col(),
            "label_en": Col(),
            "in_observatoire_studies": Col("boolean"),
        }
    ),
    "practices": Table(
        columns={
            "practice_id": Col(unique=True),
            "order": Col(int),
            "label_fr": Col(),
            "label_en": Col(),
            "observatoire_typology": Col("boolean"),
        }
    ),
    "indicator_meta": Table(
        columns={
            "indicator_id": Col(unique=True),
            "role": Col(allowed=_const(INDICATOR_ROLES)),
            "domain_id": Col(nullable=True, allowed=_ids("domains")),
            "label_fr": Col(),
            "label_en": Col(),
            "unit": Col(),
            # English unit and definition: every embedded indicator has them (tested); an
            # uploaded file may leave them out, its French texts are then shown in English too.
            "unit_en": Col(nullable=True, optional=True),
            "decimals": Col(int, min_value=0, max_value=3),
            "higher_is_worse": Col("boolean", nullable=True),
            "reference_territory_id": Col(nullable=True, allowed=_ids("france_scopes")),
            "definition_fr": Col(),
            "definition_en": Col(nullable=True, optional=True),
        },
        rules=(
            RowRule(
                "domain_id",
                "schema_fragility_domain",
                lambda d: d["role"].ne("fragility") | d["domain_id"].notna(),
            ),
            RowRule(
                "higher_is_worse",
                "schema_fragility_direction",
                lambda d: d["role"].ne("fragility") | d["higher_is_worse"].notna(),
            ),
        ),
    ),
    "indicators": _INDICATOR_ROWS,
    "withheld": _WITHHELD_ROWS,
    "perceptions": Table(
        columns={
            "perception_id": Col(unique=True),
            "figure_id": Col(),
            "territory_id": Col(allowed=_ids("territories")),
            "actor_id": Col(allowed=_ids("actors")),
            "actor_label": Col(),
            "domain_id": Col(allowed=_ids("domains")),
            "study": Col(),
            "question": Col(),
            "measure": Col(allowed=_const(MEASURES)),
            "value": Col(float),
            "base_n": Col("Int64", nullable=True, min_value=1),
            "year": Col("Int64", nullable=True, min_value=1990, max_value=2100),
            "year_note": Col(nullable=True),
            "source_id": Col(allowed=_ids("sources")),
            "note": Col(nullable=True),
            **_english("perceptions"),
        },
        rules=(
            RowRule(
                "value",
                "schema_measure_scale",
                _measure_in_range,
            ),
        ),
    ),
    "perceived_more": Table(
        columns={
            "figure_id": Col(unique=True),
            "territory_id": Col(allowed=_ids("territories")),
            "actor_id": Col(allowed=_ids("actors")),
            "actor_label": Col(),
            "domain_id": Col(nullable=True, allowed=_ids("domains")),
            "producer": Col(),
            "survey": Col(),
            "study": Col(),
            "item": Col(),
            "value": Col(float, nullable=True),
            "value_qualifier": Col(nullable=True, allowed=_const(PUBLISHED_QUALIFIERS)),
            "value_text": Col(),
            "unit": Col(allowed=_const(PUBLISHED_UNITS)),
            "inverse": Col("boolean"),
            "base": Col(),
            "year": Col("Int64", nullable=True, min_value=1990, max_value=2100),
            "year_text": Col(),
            "source_id": Col(allowed=_ids("sources")),
            "note": Col(nullable=True),
            "quote": Col(nullable=True),
            **_english("perceived_more"),
        },
        rules=(
            RowRule(
                "value",
                "schema_unit_value",
                _published_value_fits_unit,
            ),
            RowRule(
                "value_qualifier",
                "schema_qualifier",
                lambda d: d["value_qualifier"].isna() | d["unit"].eq("%"),
            ),
        ),
    ),
    "alliances": Table(
        columns={
            "alliance_id": Col(unique=True),
            "figure_id": Col(),
            "territory_id": Col(allowed=_ids("territories")),
            "actor_id": Col(nullable=True, allowed=_ids("actors")),
            "actor_label": Col(nullable=True),
            "dimension": Col(allowed=_const(ALLIANCE_DIMENSIONS)),
            "category": Col(),
            "practice_id": Col(nullable=True, allowed=_ids("practices")),
            "value": Col(float),
            "unit": Col(allowed=_const(ALLIANCE_UNITS)),
            "base_n": Col("Int64", nullable=True, min_value=1),
            "study": Col(),
            "year": Col("Int64", nullable=True, min_value=1990, max_value=2100),
            "year_note": Col(nullable=True),
            "source_id": Col(allowed=_ids("sources")),
            "note": Col(nullable=True),
            **_english("alliances"),
        },
        rules=(
            RowRule(
                "value",
                "schema_percent_range",
                lambda d: _in_percent_range(d, "unit"),
            ),
        ),
    ),
    "initiatives": Table(
        columns={
            "initiative_id": Col(unique=True),
            "name": Col(),
            "description": Col(),
            "territory_label": Col(nullable=True),
            "territory_id": Col(nullable=True, allowed=_ids("territories")),
            "placement_level": Col(allowed=_const(tuple(PLACEMENT_LEVELS))),
            "actor_ids": Col(nullable=True, allowed=_ids("actors"), separator=";"),
            "domain_ids": Col(nullable=True, allowed=_ids("domains"), separator=";"),
            "free_tags": Col(nullable=True),
            "practice_id": Col(nullable=True, allowed=_ids("practices")),
            "practice_note": Col(nullable=True),
            "year": Col("Int64", nullable=True, min_value=1990, max_value=2100),
            "source_id": Col(allowed=_ids("sources")),
            "quote": Col(),
            "note": Col(nullable=True),
            "research_note": Col(nullable=True),
            **_english("initiatives"),
        },
        rules=(
            RowRule(
                "territory_id",
                "schema_placement",
                _placement_matches_territory,
            ),
        ),
    ),
    "label_mapping": Table(
        columns={
            "kind": Col(allowed=_const(LABEL_KINDS)),
            "source_label": Col(),
            "target_id": Col(nullable=True),
            "status": Col(allowed=_const(LABEL_STATUSES)),
        },
        key=("kind", "source_label"),
    ),
}
