"""What the dataset's ids are called, per language: domains, actors, practices and indicators
(their `label_fr` / `label_en` columns, French where the language's label is missing, as
`lib.i18n.t` does for interface texts) and territories (one name in every language)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from lib.i18n import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from lib.data import Dataset

# kind -> (dataset table, id column)
KINDS = {
    "domain": ("domains", "domain_id"),
    "actor": ("actors", "actor_id"),
    "practice": ("practices", "practice_id"),
    "indicator": ("indicator_meta", "indicator_id"),
}


def _localised(table: pd.DataFrame, lang: str) -> pd.Series:
    """The table's `label_<lang>` column, `label_fr` where it is empty or absent."""
    french = table[f"label_{DEFAULT_LANGUAGE}"]
    column = f"label_{lang}"
    if column not in table:
        return french
    own = table[column]
    return own.where(own.notna() & own.ne(""), french)


def labels(dataset: Dataset, kind: str, lang: str) -> dict[str, str]:
    """id -> label in `lang` of every item of a kind (see KINDS), in the table's order."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}")
    name, key = KINDS[kind]
    table = getattr(dataset, name)
    return dict(zip(table[key], _localised(table, lang), strict=True))


def label(dataset: Dataset, kind: str, item_id: str, lang: str) -> str:
    """The label in `lang` of one id of a kind (KeyError for an unknown id)."""
    return str(labels(dataset, kind, lang)[item_id])


def territory_name(dataset: Dataset, territory_id: str) -> str:
    """'Finistère' (KeyError for an unknown id)."""
    return str(dataset.territory_index.loc[territory_id, "name"])


def territory_names(dataset: Dataset, territory_ids: Iterable[str]) -> dict[str, str]:
    """Names of a few territories (faster than indexing the 35,000 territories)."""
    rows = dataset.territories[dataset.territories["territory_id"].isin(set(territory_ids))]
    return dict(zip(rows["territory_id"], rows["name"], strict=True))
