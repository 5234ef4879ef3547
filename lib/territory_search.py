"""Find any territory (region, department, EPCI, commune) by name or code, without Streamlit.

`search_index` is built once per dataset (`lib.cached`); `search` answers a query with a few
matches: accents, case and punctuation ignored, "St"/"Ste" read as "Saint"/"Sainte", an INSEE
code or a SIREN matched exactly. Homonyms are told apart by their department in the label
("Saint-Denis (93)", "Saint-Denis (974)") and come most populous first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from lib import vocabulary
from lib.data import Dataset
from lib.formatting import join_items
from lib.i18n import t
from lib.settings import SEARCH_QUERY_CHARS, SEARCH_RESULTS

SEARCHED_LEVELS = ("region", "department", "epci", "commune")
POPULATION = "population"
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def normalized(text: str) -> str:
    """'Saint-Étienne-du-Rouvray' and 'st etienne du rouvray' -> 'saint etienne du rouvray'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = _NOT_ALNUM.sub(" ", plain).split()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


@dataclass(frozen=True)
class Match:
    """One territory found: its id and how it reads in the results."""

    territory_id: str
    label: str


@dataclass(frozen=True)
class SearchIndex:
    """The searchable territories, in parallel tuples (level order, then code)."""

    ids: tuple[str, ...]
    names: tuple[str, ...]  # normalized names, each after a space (word starts: " " + query)
    by_code: dict[str, tuple[int, ...]]  # upper-case code (INSEE code, SIREN) -> positions
    labels: tuple[str, ...]
    rank: tuple[int, ...]  # the level's position in SEARCHED_LEVELS
    population: tuple[float, ...]  # latest known population, 0 when unknown


def _department_codes(row) -> list[str]:
    """Department codes a commune or an EPCI is told apart by."""
    if row.level == "commune":
        return [vocabulary.department_code(row.code)]
    ids = vocabulary.all_parents(row.parent_id, row.parent_ids)
    return [vocabulary.code_of(i) for i in ids if vocabulary.is_level(i, "department")]


def _label(row, departments: list[str], lang: str) -> str:
    """'Saint-Denis (93)', 'Brest Métropole (intercommunalité, 29)', 'Bretagne (région)'."""
    if row.level == "region":
        return f"{row.name} ({t('search_kind_region', lang)})"
    if row.level == "department":
        return f"{row.name} ({row.code})"
    shown = join_items([*departments[:3], *(["…"] if len(departments) > 3 else [])], lang)
    if row.level == "epci":
        return f"{row.name} ({t('search_kind_epci', lang)}, {shown})"
    return f"{row.name} ({shown})"


def populations(dataset: Dataset) -> dict[str, float]:
    """territory_id -> latest population among the dataset's indicator rows."""
    rows = dataset.indicators[dataset.indicators["indicator_id"] == POPULATION]
    rows = rows[rows["value"].notna()].sort_values("period")
    latest = rows.drop_duplicates("territory_id", keep="last")
    return dict(zip(latest["territory_id"], latest["value"].astype(float), strict=True))


def search_index(
    dataset: Dataset, lang: str = "fr", communes: Mapping[str, float] | None = None
) -> SearchIndex:
    """Every region, department, EPCI and commune of the dataset, ready to search; `communes`:
    commune_id -> population (`lib.data.load_commune_population`), for homonyms' order."""
    population = {**populations(dataset), **(communes or {})}
    rows = dataset.territories[dataset.territories["level"].isin(SEARCHED_LEVELS)]
    if "parent_ids" not in rows:
        rows = rows.assign(parent_ids="")
    order = {level: i for i, level in enumerate(SEARCHED_LEVELS)}
    rows = rows.assign(level_rank=rows["level"].map(order)).sort_values(["level_rank", "code"])
    entries = [
        (
            row.territory_id,
            " " + normalized(row.name),
            str(row.code).upper(),
            _label(row, _department_codes(row), lang),
            row.level_rank,
            population.get(row.territory_id, 0.0),
        )
        for row in rows.itertuples(index=False)
    ]
    ids, names, codes, labels, rank, sizes = zip(*entries, strict=True)
    by_code: dict[str, tuple[int, ...]] = {}
    for i, code in enumerate(codes):
        by_code[code] = (*by_code.get(code, ()), i)
    return SearchIndex(ids, names, by_code, labels, rank, sizes)


def territory_label(dataset: Dataset, territory_id: str, lang: str = "fr") -> str:
    """How one territory reads in the search ('Brest (29)'), without building the index;
    KeyError for an unknown id."""
    rows = dataset.territories[dataset.territories["territory_id"] == territory_id]
    if rows.empty:
        raise KeyError(territory_id)
    if "parent_ids" not in rows:
        rows = rows.assign(parent_ids="")
    row = next(rows.itertuples(index=False))
    return _label(row, _department_codes(row), lang)


def picker_options(
    dataset: Dataset, names: dict[str, str], chosen: str | None, lang: str = "fr"
) -> dict[str, str]:
    """The picker's regions and departments (`names`), plus `chosen` when it is an EPCI or a
    commune (picked by a search or a link: offered as it is, "Saint-Denis (93)")."""
    if chosen is None or chosen in names:
        return names
    return {**names, chosen: territory_label(dataset, chosen, lang)}


def search(index: SearchIndex, query: str, limit: int = SEARCH_RESULTS) -> list[Match]:
    """The territories whose code is the query, then those whose name equals it, starts with
    it, has a word starting with it, contains it (from 3 characters on); larger levels first
    within each kind, then the most populous, then shorter names."""
    wanted = normalized(query[:SEARCH_QUERY_CHARS])
    if not wanted:
        return []
    by_code = index.by_code.get(query.strip().upper(), ())
    # (kind, level rank, -population, name length, position)
    found = [(0, index.rank[i], 0.0, 0, i) for i in by_code]
    spaced, inside = " " + wanted, len(wanted) >= 3
    for i, name in enumerate(index.names):
        if wanted not in name or i in by_code:
            continue
        if name == spaced:
            kind = 1
        elif name.startswith(spaced):
            kind = 2
        elif spaced in name:
            kind = 3
        elif inside:
            kind = 4
        else:
            continue
        found.append((kind, index.rank[i], -index.population[i], len(name), i))
    found.sort()
    return [Match(index.ids[i], index.labels[i]) for *_, i in found[:limit]]
