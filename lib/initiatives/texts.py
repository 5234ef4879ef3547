"""Readable texts of initiatives: place, actors, domains, type, source, notes (`describe`).

The directory, its cards, the map's hover texts and a profile's initiatives are built from
`describe`, computed once per page run.
"""

from __future__ import annotations

import pandas as pd

from lib import profile, vocabulary
from lib.data import Dataset, column_in_language
from lib.datasets import source_texts
from lib.formatting import is_missing, join_items
from lib.i18n import t
from lib.initiatives.places import Places, chains, split_ids
from lib.initiatives.practices import UNCLASSIFIED, practice_labels

NOTES = ("note", "practice_note")  # shown under an initiative, in this order


def _list_text(ids: list[str], labels: dict[str, str], lang: str) -> str:
    return join_items((labels[i] for i in ids), lang) or t("ini_not_stated", lang)


def _domains_text(domain_ids: object, free_tags: object, labels: dict[str, str], lang: str):
    listed = [labels[d] for d in split_ids(domain_ids)]
    free = split_ids(free_tags)
    if free:
        listed.append(t("ini_free_tags", lang, tags=join_items(free, lang)))
    return join_items(listed, lang, long_items=True) or t("ini_not_stated", lang)


def _place_text(row, known: Places, lang: str) -> str:
    level, territory_id = row.placement_level, row.territory_id
    if level == "france":
        return t("ini_national", lang)
    if level == "unlocated":
        return t("ini_unlocated", lang)
    name = known.name[territory_id]
    if level.startswith("epci") and isinstance(row.territory_label, str):
        return t("ini_placed_on", lang, label=row.territory_label, name=name)
    return name


def _sentence(text: str) -> str:
    """'type d'alliance : …' -> 'Type d'alliance : ….'"""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def _profile_id(ids: list[str]) -> str | None:
    """The nearest department or region of a territory chain (what the profile page shows)."""
    return next((i for i in ids if profile.has_profile(i)), None)


def _region_id(ids: list[str]) -> str | None:
    return next((i for i in ids if vocabulary.is_level(i, "region")), None)


def describe(dataset: Dataset, frame: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """Readable texts of initiatives (unescaped; missing values in words).

    Columns: initiative_id, name, place, placement_level, region_id, region_name, profile_id
    (nearest department or region), profile_name, actors, domains, practice, year,
    description, source, quote, note (the note and the partnership type's note, in `lang`).
    The directory, cards and counts are built from it (describe once per page run).
    """
    known, chain_list = chains(dataset, frame)
    actors = vocabulary.labels(dataset, "actor", lang)
    domains = vocabulary.labels(dataset, "domain", lang)
    sources = source_texts(dataset.sources, lang)
    practices = practice_labels(dataset, lang)
    frame = frame.assign(**{c: column_in_language(frame, c, lang) for c in NOTES})
    rows = []
    for row, ids in zip(frame.itertuples(index=False), chain_list, strict=True):
        notes = [getattr(row, c) for c in NOTES]
        rows.append(
            {
                "initiative_id": row.initiative_id,
                "name": row.name,
                "place": _place_text(row, known, lang),
                "placement_level": row.placement_level,
                "region_id": _region_id(ids),
                "region_name": known.name.get(_region_id(ids) or "", ""),
                "profile_id": _profile_id(ids),
                "profile_name": known.name.get(_profile_id(ids) or "", ""),
                "actors": _list_text(split_ids(row.actor_ids), actors, lang),
                "domains": _domains_text(row.domain_ids, row.free_tags, domains, lang),
                "practice": practices.get(row.practice_id, practices[UNCLASSIFIED]),
                "year": t("not_available", lang) if is_missing(row.year) else str(row.year),
                "description": row.description,
                "source": sources[row.source_id],
                "quote": row.quote,
                "note": " ".join(_sentence(n) for n in notes if not is_missing(n)),
            }
        )
    return pd.DataFrame(rows, columns=_DESCRIBED)


_DESCRIBED = [
    "initiative_id",
    "name",
    "place",
    "placement_level",
    "region_id",
    "region_name",
    "profile_id",
    "profile_name",
    "actors",
    "domains",
    "practice",
    "year",
    "description",
    "source",
    "quote",
    "note",
]


def source_summary(dataset: Dataset, frame: pd.DataFrame) -> str:
    """Publishers and years of the sources of `frame` ('Le RAMEAU… (2020) ; …')."""
    sources = dataset.sources[dataset.sources["source_id"].isin(frame["source_id"])]
    years = sources.groupby("publisher", sort=True)["year"].agg(lambda y: ", ".join(sorted(set(y))))
    return " ; ".join(f"{publisher} ({year})" for publisher, year in years.items())
