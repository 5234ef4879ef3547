"""Where initiatives act: the territories they name and every territory above them (pure).

An initiative names where it acts by `territory_id`: a commune (also the town an
intercommunality is named after), a department (an intercommunality without a main town), a
region, `FR` for national ones, or nothing when the documents name no place.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from lib import vocabulary
from lib.data import Dataset

SEPARATOR = ";"


def split_ids(value: object) -> list[str]:
    """'a;b' -> ['a', 'b']; a missing cell -> []."""
    return [v for v in value.split(SEPARATOR) if v] if isinstance(value, str) else []


def fold(text: object) -> str:
    """Lower case without accents, for searching ("Barœul" matches "baroeul")."""
    decomposed = unicodedata.normalize("NFKD", str(text).replace("œ", "oe").replace("Œ", "Oe"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Places:
    """Names, parents, levels of the territories some initiatives need (theirs and every
    territory above the communes), as dicts: one pass over the 35,000-row territories table
    per call keeps the pages fast."""

    parent: dict[str, str]
    name: dict[str, str]
    level: dict[str, str]
    overseas: dict[str, bool]

    def chain(self, territory_id: object) -> list[str]:
        """The territory and its ancestors, nearest first (commune, department, region, FR)."""
        ids: list[str] = []
        while (
            isinstance(territory_id, str) and territory_id in self.name and territory_id not in ids
        ):
            ids.append(territory_id)
            territory_id = self.parent.get(territory_id)
        return ids


def places(dataset: Dataset, territory_ids: Iterable[object]) -> Places:
    """`Places` of these territories and of every France scope, region and department (the
    ancestors of any territory; communes and EPCIs are never parents)."""
    index = dataset.territory_index
    local = {i for i in territory_ids if vocabulary.level_of(i) in ("commune", "epci")}
    known = sorted(i for i in local if i in index.index)
    rows = pd.concat([dataset.upper_territories, index.loc[known].reset_index()], ignore_index=True)
    ids = rows["territory_id"].tolist()
    return Places(
        parent={
            i: p for i, p in zip(ids, rows["parent_id"].tolist(), strict=True) if isinstance(p, str)
        },
        name=dict(zip(ids, rows["name"].tolist(), strict=True)),
        level=dict(zip(ids, rows["level"].tolist(), strict=True)),
        overseas=dict(zip(ids, rows["overseas"].astype(bool).tolist(), strict=True)),
    )


def chains(dataset: Dataset, frame: pd.DataFrame) -> tuple[Places, list[list[str]]]:
    """The places of the frame's territories, and each row's territory chain."""
    known = places(dataset, frame["territory_id"])
    return known, [known.chain(i) for i in frame["territory_id"]]


def initiative_places(dataset: Dataset) -> Places:
    """`Places` of every initiative's territory (and every territory above the communes)."""
    return places(dataset, dataset.initiatives["territory_id"])
