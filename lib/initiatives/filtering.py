"""Which initiatives the directory and the map show: filters, search and chosen ids."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from lib.data import Dataset
from lib.filters import Filters, listed_area
from lib.initiatives.places import chains, fold, split_ids
from lib.initiatives.practices import UNCLASSIFIED


def _any_of(values: pd.Series, wanted: Iterable[str]) -> pd.Series:
    wanted = set(wanted)
    return values.map(lambda cell: bool(wanted.intersection(split_ids(cell))))


def filter_initiatives(
    dataset: Dataset,
    territory: str | None = None,
    actors: Sequence[str] = (),
    domains: Sequence[str] = (),
    practices: Sequence[str] = (),
    area: str = "all",
    search: str = "",
) -> pd.DataFrame:
    """Initiatives matching every filter given, sorted by name.

    territory: the territory and its children (a region's departments and communes);
    actors / domains: an initiative involving ANY of them; practices: practice ids, or
    UNCLASSIFIED for initiatives without a type; area: `lib.filters.listed_area` (only "metro"
    leaves out overseas places: a directory compares nothing);
    search: part of the name, of the place as the document writes it, or of a territory name
    (town, department, region), ignoring case and accents.
    """
    frame = dataset.initiatives
    known, chain_list = chains(dataset, frame)
    chained = pd.Series(chain_list, index=frame.index)
    keep = pd.Series(True, index=frame.index)
    if territory:
        keep &= chained.map(lambda ids: territory in ids)
    if actors:
        keep &= _any_of(frame["actor_ids"], actors)
    if domains:
        keep &= _any_of(frame["domain_ids"], domains)
    if practices:
        unclassified = frame["practice_id"].isna() & (UNCLASSIFIED in practices)
        keep &= frame["practice_id"].isin(practices) | unclassified
    if listed_area(area) == "metro":
        keep &= ~chained.map(lambda ids: bool(ids) and known.overseas[ids[0]])
    if search.strip():
        haystack = [
            fold(
                " ".join([name, label if isinstance(label, str) else "", *map(known.name.get, ids)])
            )
            for name, label, ids in zip(
                frame["name"], frame["territory_label"], chained, strict=True
            )
        ]
        keep &= pd.Series([fold(search.strip()) in h for h in haystack], index=frame.index)
    shown = frame[keep]
    return shown.iloc[shown["name"].map(fold).argsort(kind="stable")]


def for_filters(
    dataset: Dataset, filters: Filters, practices: Sequence[str] = (), search: str = ""
) -> pd.DataFrame:
    """The initiatives the shared filters select (territory, actors, domains, area)."""
    return filter_initiatives(
        dataset,
        filters.territory,
        filters.actors,
        filters.domains,
        practices,
        filters.area,
        search,
    )


def with_ids(dataset: Dataset, initiative_ids: Sequence[str]) -> pd.DataFrame:
    """The initiatives of these ids, in that order (unknown ids are ignored)."""
    frame = dataset.initiatives.set_index("initiative_id", drop=False)
    return frame.loc[[i for i in initiative_ids if i in frame.index]].reset_index(drop=True)
