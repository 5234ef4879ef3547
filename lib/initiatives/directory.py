"""The directory page's parts, built from `describe`: table (and CSV), cards, counts per
region and the filters applied, in words."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib import vocabulary
from lib.data import Dataset
from lib.filters import Filters
from lib.formatting import join_items
from lib.i18n import t
from lib.initiatives.places import places


def directory_table(described: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """The directory (`describe` output) as a table; also the CSV download: it carries the
    source of each row."""
    columns = {
        "name": t("ini_col_name", lang),
        "place": t("ini_col_place", lang),
        "actors": t("actors", lang),
        "domains": t("domains", lang),
        "practice": t("ini_col_practice", lang),
        "year": t("year", lang),
        "description": t("ini_col_description", lang),
        "source": t("source", lang),
        "quote": t("ini_col_quote", lang),
        "note": t("ini_col_note", lang),
        "initiative_id": t("ini_col_id", lang),
    }
    return described[list(columns)].rename(columns=columns).reset_index(drop=True)


@dataclass(frozen=True)
class Card:
    """One initiative as a card: plain text (Streamlit shows any HTML in it as text)."""

    initiative_id: str
    title: str
    lines: list[str]  # "Lieu : …", "Acteurs : …"...
    description: str
    quote: str
    note: str
    profile_id: str | None  # department or region whose profile the card links to
    profile_label: str


def cards(described: pd.DataFrame, lang: str = "fr") -> list[Card]:
    """Cards of the directory (`describe` output), in its order."""
    result = []
    for row in described.itertuples(index=False):
        fields = [
            ("ini_col_place", row.place),
            ("actors", row.actors),
            ("domains", row.domains),
            ("ini_col_practice", row.practice),
            ("year", row.year),
            ("source", row.source),
        ]
        result.append(
            Card(
                initiative_id=row.initiative_id,
                title=row.name,
                lines=[t("ini_line", lang, label=t(k, lang), value=v) for k, v in fields],
                description=row.description,
                quote=t("ini_line", lang, label=t("ini_col_quote", lang), value=row.quote),
                note=t("ini_line", lang, label=t("ini_col_note", lang), value=row.note),
                profile_id=row.profile_id if isinstance(row.profile_id, str) else None,
                profile_label=t("ini_open_profile", lang, name=row.profile_name)
                if isinstance(row.profile_id, str)
                else "",
            )
        )
    return result


def region_counts(described: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """How many initiatives (`describe` output) per region (most first), then national and
    unlocated ones."""
    keys = [
        name or t("ini_national" if level == "france" else "ini_unlocated", lang)
        for name, level in zip(described["region_name"], described["placement_level"], strict=True)
    ]
    counts = pd.Series(keys, dtype=object).value_counts()
    located = set(described["region_name"]) - {""}
    order = sorted(counts.index, key=lambda k: (k not in located, -counts[k], k))
    return pd.DataFrame(
        {t("ini_region", lang): order, t("ini_n", lang): [int(counts[k]) for k in order]}
    )


def filters_text(dataset: Dataset, filters: Filters, lang: str = "fr") -> str:
    """Which shared filters the directory applies, in words."""
    territory = (
        t(
            "ini_territory_and_children",
            lang,
            name=places(dataset, [filters.territory]).name[filters.territory],
        )
        if filters.territory
        else t("all_france", lang)
    )
    actors = vocabulary.labels(dataset, "actor", lang)
    domains = vocabulary.labels(dataset, "domain", lang)
    return t(
        "ini_filters_applied",
        lang,
        territory=territory,
        actors=join_items((actors[a] for a in filters.actors), lang) or t("ini_all", lang),
        domains=join_items((domains[d] for d in filters.domains), lang) or t("ini_all", lang),
    )
