"""The profile of an intercommunality (EPCI) or a commune, computed without Streamlit.

Key figures with their sources, domain indices among comparable territories (the EPCIs of the
same region, the communes of the same department) on the indicators known at that level, and
the territory in its nesting: commune -> EPCI -> department -> region -> France side by side on
each indicator. The dataset passed in holds the commune rows for a commune's profile
(`lib.cached.with_communes`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from lib import initiatives, vocabulary, withheld
from lib.data import Dataset
from lib.datasets import publisher_texts, source_texts
from lib.explore import IndexTable, IndexTables, index_table
from lib.formatting import format_number, is_missing, join_items
from lib.i18n import t
from lib.periods import period_label, sort_key
from lib.ranking import ComparisonSet, rank_text, ranks

LOCAL_LEVELS = ("epci", "commune")
POPULATION = "population"
PEER_KINDS = {"epci": "set_epci_within", "commune": "set_commune_within"}


def has_local_profile(territory_id: object) -> bool:
    """Whether the territory is an EPCI or a commune."""
    return vocabulary.level_of(territory_id) in LOCAL_LEVELS


def nesting(dataset: Dataset, members: Mapping[str, str], territory_id: str) -> list[str]:
    """The territory and the territories it lies in, smallest first, France last: a commune,
    its EPCI (if any), department, region, France; an EPCI, its main department, its region,
    France (`members`: commune_id -> epci_id)."""
    parents = dataset.territory_index["parent_id"]
    chain = [territory_id]
    if vocabulary.is_level(territory_id, "commune") and territory_id in members:
        chain.append(members[territory_id])
    department = vocabulary.ancestor(territory_id, "department", parents)
    region = vocabulary.ancestor(territory_id, "region", parents)
    return [*chain, *(p for p in (department, region) if p), vocabulary.NATIONAL]


def peers(dataset: Dataset, territory_id: str) -> tuple[list[str], str]:
    """(The territories an EPCI or a commune is compared among, the territory they share): the
    EPCIs whose main department lies in the same region; the communes of the same department."""
    territories = dataset.territories
    parents = dataset.territory_index["parent_id"]
    level = vocabulary.level_of(territory_id)
    if level == "commune":
        within = parents[territory_id]
        rows = territories[
            (territories["level"] == "commune") & (territories["parent_id"] == within)
        ]
        return sorted(rows["territory_id"]), within
    within = vocabulary.ancestor(territory_id, "region", parents)
    rows = territories[territories["level"] == "epci"]
    regions = rows["parent_id"].map(parents)
    return sorted(rows.loc[regions == within, "territory_id"]), within


@dataclass(frozen=True)
class LocalProfile:
    """Everything the profile of an EPCI or a commune shows."""

    territory_id: str
    title: str
    population: str  # "139 926 habitants" or "non disponible"
    population_note: str
    figures: pd.DataFrame  # indicator, value, period, source
    domains: pd.DataFrame  # domain, index, rank ("3e sur 52 intercommunalités (Bretagne)")
    n_domains: int  # domains with an index for the territory
    compared: str  # "52 intercommunalités (Île-de-France)"
    indicators_used: str  # the indicators behind the indices, with their periods
    nesting: pd.DataFrame  # indicator (period) x the nested territories
    source_ids: list[str]
    initiatives: pd.DataFrame  # known initiatives in or around it (lib.initiatives.related_table)
    white_spots: pd.DataFrame  # its most fragile domains among its peers and their initiatives


def _values(dataset: Dataset, territory_ids: list[str]) -> dict[tuple[str, str, str], tuple]:
    """(territory, indicator, period) -> (value, source_id) for a few territories."""
    rows = dataset.indicators[dataset.indicators["territory_id"].isin(territory_ids)]
    rows = rows[rows["value"].notna()]
    return {
        (place, indicator, period): (value, source)
        for place, indicator, period, value, source in zip(
            rows["territory_id"],
            rows["indicator_id"],
            rows["period"],
            rows["value"],
            rows["source_id"],
            strict=True,
        )
    }


def _latest(values: Mapping, territory_id: str) -> dict[str, str]:
    """indicator_id -> the latest period known for the territory."""
    latest: dict[str, str] = {}
    for place, indicator, period in values:
        if place == territory_id and (
            indicator not in latest or sort_key(period) > sort_key(latest[indicator])
        ):
            latest[indicator] = period
    return latest


def _withheld_source(dataset: Dataset, key: tuple[str, str, str]) -> str:
    """The source that withheld the value of (territory, indicator, period)."""
    return withheld.for_indicator(dataset, key[1], key[2]).loc[key[0], "source_id"]


def title(dataset: Dataset, territory_id: str, lang: str) -> str:
    """'Brest (29019) — commune, Finistère', 'Brest Métropole — intercommunalité (Finistère)'."""
    row = dataset.territory_index.loc[territory_id]
    department = vocabulary.territory_name(dataset, row["parent_id"])
    if vocabulary.is_level(territory_id, "commune"):
        return t("local_title_commune", lang, name=row["name"], code=row["code"], dep=department)
    ids = vocabulary.all_parents(row["parent_id"], row.get("parent_ids"))
    names = join_items((vocabulary.territory_names(dataset, ids)[i] for i in ids), lang)
    return t("local_title_epci", lang, name=row["name"], deps=names)


def build(
    dataset: Dataset,
    members: Mapping[str, str],
    territory_id: str,
    method: str,
    lang: str = "fr",
    index_tables: IndexTables = index_table,
) -> LocalProfile:
    """The profile of an EPCI or a commune (`members`: commune_id -> epci_id), its indices
    computed with `method` among `peers` (`index_tables`: a cached version may be passed)."""
    missing = t("not_available", lang)
    meta = dataset.indicator_meta.set_index("indicator_id").to_dict("index")
    indicator_labels = vocabulary.labels(dataset, "indicator", lang)
    publishers = publisher_texts(dataset.sources, lang)
    chain = nesting(dataset, members, territory_id)
    references = {m["reference_territory_id"] for m in meta.values()}
    scopes = [s for s in vocabulary.FRANCE_SCOPES if s in references]
    values = _values(dataset, [*chain, *scopes])
    latest = _latest(values, territory_id)
    held = withheld.reasons(dataset, chain)
    for place, indicator, period in held:  # "non disponible (secret statistique)" shown too
        if place == territory_id and indicator not in latest:
            latest[indicator] = period
    order = {indicator: i for i, indicator in enumerate(meta)}
    shown = sorted(latest, key=order.get)

    def text(key: tuple[str, str, str]) -> str:
        """The value of (territory, indicator, period), with its source's decimals."""
        own = dataset.own_decimals.get(key)
        return vocabulary.value_text(meta[key[1]], values[key][0], lang, own)

    def cell(place: str, indicator: str, period: str) -> str:
        key = (place, indicator, period)
        return text(key) if key in values else withheld.missing_text(held.get(key), lang)

    figures, nested, source_ids = [], [], []
    names = vocabulary.territory_names(dataset, chain)
    for indicator in shown:
        period = latest[indicator]
        key = (territory_id, indicator, period)
        source = values[key][1] if key in values else _withheld_source(dataset, key)
        source_ids.append(source)
        label = indicator_labels[indicator]
        figures.append(
            {
                t("indicator", lang): label,
                t("value", lang): cell(*key),
                t("period", lang): period_label(period, lang),
                t("source", lang): publishers[source],
            }
        )
        reference = meta[indicator]["reference_territory_id"]
        france = reference if not is_missing(reference) else vocabulary.NATIONAL
        row = {t("indicator", lang): f"{label} ({period_label(period, lang)})"}
        for place in chain[:-1]:
            row[names[place]] = cell(place, indicator, period)
        found = (france, indicator, period)
        row[t("local_france", lang)] = text(found) if found in values else missing
        nested.append(row)
    population, note = missing, ""
    if POPULATION in latest:
        period = latest[POPULATION]
        source = values[(territory_id, POPULATION, period)][1]
        population = text((territory_id, POPULATION, period))
        sources = source_texts(dataset.sources, lang)
        note = t(
            "profile_population_note",
            lang,
            period=period_label(period, lang),
            source=sources[source],
        )
    compared_ids, within = peers(dataset, territory_id)
    members_set = ComparisonSet(
        PEER_KINDS[vocabulary.level_of(territory_id)],
        len(compared_ids),
        vocabulary.territory_name(dataset, within),
    )
    table = index_tables(dataset, compared_ids, method)
    domains = _domain_rows(dataset, table, territory_id, members_set, lang)
    related = initiatives.local_relations(dataset, territory_id, members)
    own = table.domains[table.domains["territory_id"] == territory_id]
    spots = initiatives.spots_of(
        dataset, dict(zip(own["domain_id"], own["index"], strict=True)), related
    )
    used = join_items(
        (
            f"{indicator_labels[i]} ({period_label(table.periods[i], lang)})"
            for i in table.indicators_used
        ),
        lang,
    )
    return LocalProfile(
        territory_id=territory_id,
        title=title(dataset, territory_id, lang),
        population=population,
        population_note=note,
        figures=pd.DataFrame(figures),
        domains=domains,
        n_domains=int((domains[t("local_index", lang)] != missing).sum()),
        compared=members_set.label(lang),
        indicators_used=used or "—",
        nesting=pd.DataFrame(nested),
        source_ids=list(dict.fromkeys(source_ids)),
        initiatives=initiatives.related_table(dataset, related, lang),
        white_spots=initiatives.white_spots_table(dataset, spots, lang),
    )


def _domain_rows(
    dataset: Dataset, table: IndexTable, territory_id: str, members: ComparisonSet, lang: str
) -> pd.DataFrame:
    """One row per domain with an index among the peers: the territory's index and rank."""
    domain_labels = vocabulary.labels(dataset, "domain", lang)
    wide = table.domains.pivot(index="territory_id", columns="domain_id", values="index")
    rows = []
    for domain_id, label in domain_labels.items():
        if domain_id not in wide.columns:
            continue
        column = wide[domain_id]
        value = column.get(territory_id)
        rank = ranks(column).get(territory_id) if not is_missing(value) else None
        rows.append(
            {
                t("profile_domain", lang): label,
                t("local_index", lang): format_number(value, 1, lang)
                if not is_missing(value)
                else t("not_available", lang),
                t("local_rank", lang): rank_text(rank, members, lang),
            }
        )
    columns = [t("profile_domain", lang), t("local_index", lang), t("local_rank", lang)]
    return pd.DataFrame(rows, columns=columns)


def domains_note(page: LocalProfile, method: str, lang: str) -> str:
    """The note under the domain indices: the territories compared, the indicators used, the
    method."""
    note = t("local_domains_note", lang, members=page.compared, indicators=page.indicators_used)
    return f"{note} {t('method_' + method, lang)}"
