"""White spots of a profile: the territory's most fragile domains without a *known* initiative
(the directory is not exhaustive)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from lib import explore, vocabulary
from lib.data import Dataset
from lib.filters import AUTO
from lib.formatting import format_number, is_missing, join_items
from lib.i18n import t
from lib.indices import DEFAULT_METHOD
from lib.initiatives.places import SEPARATOR, split_ids
from lib.initiatives.relations import relations

WHITE_SPOT_DOMAINS = 3


def white_spots(
    dataset: Dataset,
    territory_id: str,
    area: str = AUTO,
    method: str = DEFAULT_METHOD,
) -> pd.DataFrame:
    """The territory's 3 most fragile domains (domain indices among the territories of its
    level) and how many known initiatives touch each, then the domains without an index: see
    `spots_of`."""
    index = dataset.territory_index
    level = index.at[territory_id, "level"] if territory_id in index.index else None
    if level not in {"region", "department"}:
        raise ValueError(f"white spots need a region or a department, not {territory_id!r}")
    scope = explore.scope_territories(
        dataset, level, None, explore.territory_area(dataset, area, territory_id)
    )
    if territory_id not in set(scope["territory_id"]):
        scope = explore.scope_territories(dataset, level, None, "all")
    table = explore.index_table(dataset, list(scope["territory_id"]), method)
    rows = table.domains[table.domains["territory_id"] == territory_id]
    indices = dict(zip(rows["domain_id"], rows["index"], strict=True))
    return spots_of(dataset, indices, relations(dataset, territory_id))


def spots_of(
    dataset: Dataset, indices: Mapping[str, float], related: Iterable[str]
) -> pd.DataFrame:
    """White spots of a territory from its domain indices (domain_id -> index, NaN or absent
    when not available) and the ids of the initiatives that touch it (`relations`).

    Columns: domain_id, index (NaN = not available), rank (1 = most fragile, NA without an
    index), initiatives (count), initiative_ids (";"-separated), status: "white_spot" (a top
    domain without known initiative), "covered", or "not_available" (no index). The top 3 is
    by index, ties in the domains' order. The directory is not exhaustive: a white spot is an
    absence of *known* initiative.
    """
    domain_ids = dataset.domains["domain_id"].tolist()
    indexed = [d for d in domain_ids if not is_missing(indices.get(d))]
    top = sorted(indexed, key=lambda d: -indices[d])[:WHITE_SPOT_DOMAINS]  # stable: ties in order
    missing = [d for d in domain_ids if d not in indexed]
    related = set(related)
    frame = dataset.initiatives
    tagged = [
        (initiative_id, set(split_ids(domains)))
        for initiative_id, domains in zip(frame["initiative_id"], frame["domain_ids"], strict=True)
        if initiative_id in related
    ]
    matching = [[i for i, domains in tagged if d in domains] for d in [*top, *missing]]
    return pd.DataFrame(
        {
            "domain_id": [*top, *missing],
            "index": [*(float(indices[d]) for d in top), *[float("nan")] * len(missing)],
            "rank": pd.array([*range(1, len(top) + 1), *[pd.NA] * len(missing)], dtype="Int64"),
            "initiatives": [len(ids) for ids in matching],
            "initiative_ids": [SEPARATOR.join(ids) for ids in matching],
            "status": [
                *("covered" if ids else "white_spot" for ids in matching[: len(top)]),
                *["not_available"] * len(missing),
            ],
        }
    )


def white_spots_table(dataset: Dataset, spots: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """`white_spots` as a readable table (missing values in words, initiatives by name)."""
    domains = vocabulary.labels(dataset, "domain", lang)
    names = dict(
        zip(dataset.initiatives["initiative_id"], dataset.initiatives["name"], strict=True)
    )
    status = {
        "white_spot": lambda _n: t("ini_ws_white_spot", lang),
        "covered": lambda n: t("ini_ws_covered", lang, n=n),
        "not_available": lambda _n: t("not_available", lang),
    }
    return pd.DataFrame(
        {
            t("ini_ws_domain", lang): spots["domain_id"].map(domains),
            t("ini_ws_index", lang): [format_number(v, 1, lang) for v in spots["index"]],
            t("ini_ws_rank", lang): spots["rank"].astype("string").fillna("–"),
            t("ini_ws_status", lang): [
                status[s](n) for s, n in zip(spots["status"], spots["initiatives"], strict=True)
            ],
            t("ini_ws_known", lang): [
                join_items((names[i] for i in split_ids(ids)), lang) or "—"
                for ids in spots["initiative_ids"]
            ],
        }
    )
