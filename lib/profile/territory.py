"""Which territories have a profile, what a profile reads (`Lookups`, built once per page run)
and the territories its indices are computed among (`Scope`)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pandas as pd

from lib import vocabulary
from lib.data import Dataset
from lib.datasets import publisher_texts, source_texts
from lib.explore import scope_territories
from lib.filters import comparison_area
from lib.i18n import t
from lib.periods import period_label
from lib.ranking import WITHIN_KINDS, ComparisonSet, whole_level
from lib.rows import records

PROFILE_LEVELS = ("region", "department")
# Level of an EPCI or a commune -> the level of the territory its peers share (`local_scope`)
LOCAL_PEERS_WITHIN = {"epci": "region", "commune": "department"}
POPULATION = "population"


def has_profile(territory_id: object) -> bool:
    """Whether the territory has a profile page (a region or a department)."""
    return vocabulary.level_of(territory_id) in PROFILE_LEVELS


def territory_level(territory_id: str) -> str:
    """'region' or 'department' (the profile's two levels)."""
    level = vocabulary.level_of(territory_id)
    if level not in PROFILE_LEVELS:
        raise ValueError(f"no profile for {territory_id!r}: a region or a department is expected")
    return level


@dataclass(frozen=True, eq=False)
class Lookups:
    """The dataset and the labels a profile reads, built once per page run (the territories
    table also holds 35,000 communes; pandas lookups are slow in loops)."""

    dataset: Dataset
    lang: str
    places: pd.DataFrame  # France scopes, regions, departments, by territory_id
    meta: dict[str, dict]  # indicator_id -> its indicator_meta row
    indicators: dict[str, str]  # indicator_id -> label
    domains: dict[str, str]  # domain_id -> label, in the vocabulary's order
    actors: dict[str, str]  # actor_id -> label, in order
    publishers: dict[str, str]  # source_id -> publisher
    sources: dict[str, str]  # source_id -> "publisher, title (year)"
    levels: dict[tuple[str, str], tuple[str, ...]]  # (level, area) -> territories, by code
    # (territory, indicator, period) -> value, source
    values: dict[tuple[str, str, str], tuple[float, str]]
    perceptions: list[dict]  # the perception rows, as records

    def name(self, territory_id: str) -> str:
        if territory_id not in self.places.index:  # an EPCI or a commune
            return vocabulary.territory_name(self.dataset, territory_id, self.lang)
        name = str(self.places.loc[territory_id, "name"])
        return vocabulary.place_name(territory_id, name, self.lang)

    def label(self, indicator_id: str) -> str:
        return str(self.indicators[indicator_id])

    def label_with_period(self, indicator_id: str, period: str) -> str:
        """The indicator's label with a period: 'Taux de chômage localisé (T3 2023)'."""
        return f"{self.label(indicator_id)} ({period_label(period, self.lang)})"

    def value_text(self, indicator_id: str, value: object, place: str, period: str) -> str:
        """The value with its unit and decimals: those its source publishes the value of
        (`place`, `indicator_id`, `period`) with, when its row gives them."""
        own = self.dataset.own_decimals.get((place, indicator_id, period))
        return vocabulary.value_text(self.meta[indicator_id], value, self.lang, own)

    def level_ids(self, level: str, area: str = "all") -> list[str]:
        """Territories of a level, as `lib.explore.scope_territories` without `within`."""
        return list(self.levels[(level, area)])


def _level_lists(places: pd.DataFrame) -> dict[tuple[str, str], tuple[str, ...]]:
    """(level, area) -> the level's territories by code (metropolitan ones with "metro",
    unless the level has only overseas territories)."""
    lists = {}
    for level in places["level"].unique():
        rows = places[places["level"] == level].sort_values("code")
        lists[(level, "all")] = tuple(rows.index)
        if not rows["overseas"].all():
            rows = rows[~rows["overseas"].astype(bool)]
        lists[(level, "metro")] = tuple(rows.index)
    return lists


def lookups(dataset: Dataset, lang: str = "fr") -> Lookups:
    """What every profile function reads, in `lang`."""
    places = dataset.upper_territories.set_index("territory_id")
    sources = dataset.sources
    return Lookups(
        dataset=dataset,
        lang=lang,
        places=places,
        meta=dataset.indicator_meta.set_index("indicator_id").to_dict("index"),
        indicators=vocabulary.labels(dataset, "indicator", lang),
        domains=vocabulary.labels(dataset, "domain", lang),
        actors=vocabulary.labels(dataset, "actor", lang),
        publishers=publisher_texts(sources, lang),
        sources=source_texts(sources, lang),
        levels=_level_lists(places),
        values=_known_values(dataset.indicators),
        perceptions=records(dataset.perceptions),
    )


def _known_values(indicators: pd.DataFrame) -> dict[tuple[str, str, str], tuple[float, str]]:
    """(territory_id, indicator_id, period) -> (value, source_id) of every known value."""
    known = indicators[indicators["value"].notna()]
    columns = ("territory_id", "indicator_id", "period", "value", "source_id")
    return {
        (place, indicator_id, period): (value, source_id)
        for place, indicator_id, period, value, source_id in zip(
            *(known[c].tolist() for c in columns), strict=True
        )
    }


def profile_title(look: Lookups, territory_id: str) -> str:
    """'Hauts-de-France — région', 'Finistère (29) — département, région Bretagne'."""
    row = look.places.loc[territory_id]
    if territory_level(territory_id) == "region":
        return t("profile_title_region", look.lang, name=row["name"])
    return t(
        "profile_title_department",
        look.lang,
        name=row["name"],
        code=row["code"],
        region=look.name(row["parent_id"]),
    )


def _sort_key(name: str) -> str:
    """Alphabetical order ignoring accents (Île-de-France among the I)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def region_choices(look: Lookups) -> list[tuple[str, str]]:
    """(territory_id, name) of every region, in alphabetical order."""
    pairs = [(i, look.name(i)) for i in look.level_ids("region")]
    return sorted(pairs, key=lambda pair: _sort_key(pair[1]))


@dataclass(frozen=True)
class Scope:
    """The territories a profile's indices are computed among."""

    level: str
    territory_ids: list[str]
    area: str  # the area used ("all" when an overseas territory is asked with "metro")
    area_changed: bool
    overseas: bool  # the territory is overseas
    members: ComparisonSet  # how the territories compared read

    @property
    def key(self) -> tuple:
        """What identifies the scope and its method notes (for one dataset version)."""
        return (self.level, self.area, self.area_changed, self.overseas)


def comparison_scope(look: Lookups, territory_id: str, area: str) -> Scope:
    """Every territory of the territory's level in the area `area` resolves to
    (`lib.filters.comparison_area`: by default the metropolitan ones, all of them for an
    overseas territory); all of them when an overseas territory is asked with "metro".
    An EPCI or a commune is compared among its peers (`local_scope`)."""
    if vocabulary.level_of(territory_id) in LOCAL_PEERS_WITHIN:
        return local_scope(look.dataset, territory_id)
    level = territory_level(territory_id)
    overseas = bool(look.places.at[territory_id, "overseas"])
    area = comparison_area(area, overseas)
    ids = look.level_ids(level, area)
    changed = territory_id not in ids
    if changed:
        area, ids = "all", look.level_ids(level, "all")
    return Scope(level, ids, area, changed, overseas, whole_level(level, area, len(ids)))


def local_scope(dataset: Dataset, territory_id: str) -> Scope:
    """An EPCI among the EPCIs whose main department lies in its region; a commune among the
    communes of its department (`dataset` holds the commune rows for a commune:
    `lib.cached.with_communes`)."""
    level = vocabulary.level_of(territory_id)
    index = dataset.territory_index
    within = vocabulary.ancestor(territory_id, LOCAL_PEERS_WITHIN[level], index["parent_id"])
    ids = sorted(scope_territories(dataset, level, within)["territory_id"])
    members = ComparisonSet(
        WITHIN_KINDS[level], len(ids), vocabulary.territory_name(dataset, within)
    )
    overseas = bool(index.at[territory_id, "overseas"])
    return Scope(level, ids, "all", False, overseas, members)
