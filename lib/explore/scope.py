"""Which territories a map shows (its *scope*) and which of them are compared.

A scope is every region, every department, a region's departments, or a department's communes.
Its territories outside the comparison set (overseas ones when metropolitan France is compared)
are still drawn, grey and "non disponible" (`lib.filters.comparison_area`).
"""

from __future__ import annotations

import pandas as pd

from lib import vocabulary
from lib.data import Dataset
from lib.filters import comparison_area
from lib.ranking import WITHIN_KINDS, ComparisonSet, whole_level


def territories_at(dataset: Dataset, level: str) -> pd.DataFrame:
    """Territories of one level (territory_id, code, name, parent_id, overseas), by code."""
    rows = dataset.territories[dataset.territories["level"] == level]
    return rows.sort_values("code").reset_index(drop=True)


def scope_territories(
    dataset: Dataset, level: str, within: str | None = None, area: str = "all"
) -> pd.DataFrame:
    """Territories shown at `level`, restricted to the children of `within` when it is their
    parent (a region's departments, a department's communes, a department's EPCIs: those whose
    main department it is), to its grandchildren (a region's EPCIs), to an EPCI's communes
    (`epci_id`, `lib.data.with_epci`), and to metropolitan France when `area` is "metro"."""
    if area not in ("all", "metro"):
        raise ValueError(f"area {area!r}: 'all' or 'metro' expected (lib.filters.comparison_area)")
    rows = territories_at(dataset, level)
    if within is not None and (rows["parent_id"] == within).any():
        rows = rows[rows["parent_id"] == within]
    elif within is not None and level == "epci":
        rows = rows[rows["parent_id"].map(dataset.territory_index["parent_id"]) == within]
    elif within is not None and level == "commune" and "epci_id" in rows:  # an EPCI's communes
        rows = rows[rows["epci_id"] == within]
    if area == "metro" and not rows["overseas"].all():
        rows = rows[~rows["overseas"].astype(bool)]
    return rows.reset_index(drop=True)


# Map levels that can show the children of one territory alone (a region's departments, a
# department's communes), -> the levels of the territories they can be shown within.
SCOPED_LEVELS = {
    "department": ("region",),
    "epci": ("region", "department"),
    "commune": ("department", "epci"),
}


def scope_parent(level: str, territory: str | None) -> str | None:
    """The territory whose children a map at `level` shows (a region's departments, a
    department's communes), else None (every territory of the level): what
    `scope_territories` makes of `within`, known without reading the territories."""
    if level not in SCOPED_LEVELS:
        return None
    return territory if vocabulary.level_of(territory) in SCOPED_LEVELS[level] else None


def territory_area(dataset: Dataset, area: str, territory: str | None) -> str:
    """The area ("metro" or "all") of a comparison concerning `territory` (None: France as a
    whole, compared as metropolitan France by default): `lib.filters.comparison_area`."""
    index = dataset.territory_index
    overseas = territory in index.index and bool(index.at[territory, "overseas"])
    return comparison_area(area, overseas)


def comparison_set(
    dataset: Dataset, level: str, within: str | None, area: str, size: int
) -> ComparisonSet:
    """How the territories compared read: '13 régions métropolitaines', '4 départements
    (Bretagne)' for a region's departments, 'n communes (Finistère)' for a department's."""
    if within is not None and level in WITHIN_KINDS:
        return ComparisonSet(WITHIN_KINDS[level], size, vocabulary.territory_name(dataset, within))
    return whole_level(level, area, size)
