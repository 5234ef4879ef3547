"""One rank for one index: a territory's rank among its comparison set, and how it reads.

Every page that ranks a territory on an index (the overall index or a domain's) or on a mapped
indicator ranks it here, from the values of the territories compared: 1 = most fragile (highest
value), ties share the best rank (pandas' "min"), a missing value has no rank ("non
disponible"). The rank is always shown with its set: "3e sur 13 régions métropolitaines".

A domain's rank among the territory's own domains ("2e domaine le plus fragile",
`lib.perception.objective_ranks`) is another thing and reads differently.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.formatting import is_missing, ordinal
from lib.i18n import t

# (level, area) of a whole level -> label key of its comparison set
WHOLE_LEVEL_KINDS = {
    ("region", "metro"): "set_region_metro",
    ("region", "all"): "set_region_all",
    ("department", "metro"): "set_department_metro",
    ("department", "all"): "set_department_all",
}
WITHIN_KINDS = {
    "department": "set_department_within",
    "epci": "set_epci_within",
    "commune": "set_commune_within",
}
CHOSEN_KIND = "set_chosen"  # some territories picked by the user
SHOWN_KIND = "set_shown"  # the territories of a view, without more to say about them


@dataclass(frozen=True)
class ComparisonSet:
    """The territories an index is computed and ranked among, as people read it."""

    kind: str  # label key: a value of WHOLE_LEVEL_KINDS or WITHIN_KINDS, CHOSEN_KIND, SHOWN_KIND
    size: int  # territories in the set
    within: str = ""  # the parent's name for a region's departments or a department's communes

    def label(self, lang: str = "fr") -> str:
        """'13 régions métropolitaines', '5 départements de Bretagne', '4 territoires choisis'."""
        return t(self.kind, lang, n=self.size, name=self.within)


def whole_level(level: str, area: str, size: int) -> ComparisonSet:
    """Every region or department of `area` ("metro" or "all")."""
    return ComparisonSet(WHOLE_LEVEL_KINDS[(level, area)], size)


def ranks(values: pd.Series) -> pd.Series:
    """Rank 1 = most fragile (highest value); ties share the best rank; missing stays missing."""
    return values.rank(ascending=False, method="min").astype("Int64")


def rank_text(rank: object, members: ComparisonSet, lang: str = "fr") -> str:
    """'3e sur 13 régions métropolitaines', or 'non disponible' without a rank."""
    if is_missing(rank):
        return t("not_available", lang)
    return t("rank_of_set", lang, rank=ordinal(int(rank), lang), members=members.label(lang))


def short_text(rank: object, members: ComparisonSet, lang: str = "fr") -> str:
    """'3e sur 13' (where the set is stated nearby, e.g. on a chart), or 'non disponible'."""
    if is_missing(rank):
        return t("not_available", lang)
    return t("rank_of_n", lang, rank=ordinal(int(rank), lang), n=members.size)


@dataclass(frozen=True)
class Standing:
    """A territory's value and rank for one index among its comparison set."""

    value: float  # NaN when missing
    rank: int | None
    members: ComparisonSet
    text: str  # "3e sur 13 régions métropolitaines" or "non disponible"


def standing(
    values: pd.Series, territory_id: str, members: ComparisonSet, lang: str = "fr"
) -> Standing:
    """The value and rank of `territory_id` among `values` (territory_id -> index value over
    the comparison set `members`; a territory outside it has no rank)."""
    value = values.get(territory_id, float("nan"))
    value = float("nan") if is_missing(value) else float(value)
    rank = None if is_missing(value) else ranks(values)[territory_id]
    rank = None if is_missing(rank) else int(rank)
    return Standing(value, rank, members, rank_text(rank, members, lang))
