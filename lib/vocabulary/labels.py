"""What the dataset's ids are called, per language: domains, actors, practices and indicators
(their `label_<code>` columns, French where the language's label is missing, as `lib.i18n.t`
does for interface texts) and territories (place names are the same in every language; the
national scopes' names are labels, `scope_name_<id>`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lib.i18n import DEFAULT_LANGUAGE, t
from lib.vocabulary.territory_ids import FRANCE_SCOPES

if TYPE_CHECKING:
    from lib.data import Dataset

# kind -> (dataset table, id column)
KINDS = {
    "domain": ("domains", "domain_id"),
    "actor": ("actors", "actor_id"),
    "practice": ("practices", "practice_id"),
    "indicator": ("indicator_meta", "indicator_id"),
}


def labels(dataset: Dataset, kind: str, lang: str) -> dict[str, str]:
    """id -> label in `lang` of every item of a kind (see KINDS), in the table's order."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}")
    name, key = KINDS[kind]
    table = getattr(dataset, name)
    french = table[f"label_{DEFAULT_LANGUAGE}"].tolist()
    column = f"label_{lang}"
    own = table[column].tolist() if column in table else french
    return {
        item: label if isinstance(label, str) and label else fallback
        for item, label, fallback in zip(table[key].tolist(), own, french, strict=True)
    }


def label(dataset: Dataset, kind: str, item_id: str, lang: str) -> str:
    """The label in `lang` of one id of a kind (KeyError for an unknown id)."""
    return str(labels(dataset, kind, lang)[item_id])


def place_name(territory_id: str, name: str, lang: str) -> str:
    """A territory's name (from the territories file) as read in `lang`."""
    if lang == DEFAULT_LANGUAGE or territory_id not in FRANCE_SCOPES:
        return name  # the territories file names every territory in the default language
    return t(f"scope_name_{territory_id}", lang)


def territory_name(dataset: Dataset, territory_id: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """'Finistère', 'France hors Mayotte' / 'France excluding Mayotte' (KeyError for an unknown
    id)."""
    return place_name(territory_id, str(dataset.territory_index.loc[territory_id, "name"]), lang)


def territory_names(
    dataset: Dataset, territory_ids: Iterable[str], lang: str = DEFAULT_LANGUAGE
) -> dict[str, str]:
    """Names of a few territories (faster than indexing the 35,000 territories)."""
    rows = dataset.territories[dataset.territories["territory_id"].isin(set(territory_ids))]
    return {
        tid: place_name(tid, name, lang)
        for tid, name in zip(rows["territory_id"], rows["name"], strict=True)
    }
