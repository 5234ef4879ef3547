"""The territory profile (views/profil.py), computed without Streamlit.

One region or department: its key figures, its domain indices among the territories of its
level, the priorities each actor perceives (national figures, and the territory's own or its
region's when published), perceived vs objective priorities, and the known alliance practices.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from lib import perception, vocabulary
from lib.data import Dataset, in_language
from lib.datasets import publisher_texts, source_texts
from lib.explore import IndexTable, index_table, scope_territories
from lib.filters import comparison_area
from lib.formatting import format_number, format_value, is_missing, ordinal
from lib.i18n import t
from lib.indices import excluded_for_coverage, period_rows
from lib.periods import chronological, latest, period_label, sort_key
from lib.ranking import (
    WITHIN_KINDS,
    ComparisonSet,
    Standing,
    rank_text,
    ranks,
    short_text,
    standing,
    whole_level,
)
from lib.rows import records
from lib.settings import MIN_PARTICIPANTS
from lib.vocabulary import NATIONAL
from lib.workshop.privacy import from_workshop

PROFILE_LEVELS = ("region", "department")
# Level of an EPCI or a commune -> the level of the territory its peers share (`local_scope`)
LOCAL_PEERS_WITHIN = {"epci": "region", "commune": "department"}
POPULATION = "population"


def has_profile(territory_id: object) -> bool:
    """Whether the territory has a profile page (a region or a department)."""
    return vocabulary.level_of(territory_id) in PROFILE_LEVELS


def territory_level(territory_id: str) -> str:
    """'region' or 'department' (the profile's two levels)."""
    level = vocabulary.level_of(territory_id)
    if level not in PROFILE_LEVELS:
        raise ValueError(f"no profile for {territory_id!r}: a region or a department is expected")
    return level


@dataclass(frozen=True, eq=False)
class Lookups:
    """The dataset and the labels a profile reads, built once per page run (the territories
    table also holds 35,000 communes; pandas lookups are slow in loops)."""

    dataset: Dataset
    lang: str
    places: pd.DataFrame  # France scopes, regions, departments, by territory_id
    meta: dict[str, dict]  # indicator_id -> its indicator_meta row
    indicators: dict[str, str]  # indicator_id -> label
    domains: dict[str, str]  # domain_id -> label, in the vocabulary's order
    actors: dict[str, str]  # actor_id -> label, in order
    publishers: dict[str, str]  # source_id -> publisher
    sources: dict[str, str]  # source_id -> "publisher, title (year)"
    levels: dict[tuple[str, str], tuple[str, ...]]  # (level, area) -> territories, by code
    # (territory, indicator, period) -> value, source
    values: dict[tuple[str, str, str], tuple[float, str]]
    perceptions: list[dict]  # the perception rows, as records

    def name(self, territory_id: str) -> str:
        if territory_id not in self.places.index:  # an EPCI or a commune
            return vocabulary.territory_name(self.dataset, territory_id, self.lang)
        name = str(self.places.loc[territory_id, "name"])
        return vocabulary.place_name(territory_id, name, self.lang)

    def label(self, indicator_id: str) -> str:
        return str(self.indicators[indicator_id])

    def label_with_period(self, indicator_id: str, period: str) -> str:
        """The indicator's label with a period: 'Taux de chômage localisé (T3 2023)'."""
        return f"{self.label(indicator_id)} ({period_label(period, self.lang)})"

    def value_text(self, indicator_id: str, value: object) -> str:
        return vocabulary.value_text(self.meta[indicator_id], value, self.lang)

    def level_ids(self, level: str, area: str = "all") -> list[str]:
        """Territories of a level, as `lib.explore.scope_territories` without `within`."""
        return list(self.levels[(level, area)])


def _level_lists(places: pd.DataFrame) -> dict[tuple[str, str], tuple[str, ...]]:
    """(level, area) -> the level's territories by code (metropolitan ones with "metro",
    unless the level has only overseas territories)."""
    lists = {}
    for level in places["level"].unique():
        rows = places[places["level"] == level].sort_values("code")
        lists[(level, "all")] = tuple(rows.index)
        if not rows["overseas"].all():
            rows = rows[~rows["overseas"].astype(bool)]
        lists[(level, "metro")] = tuple(rows.index)
    return lists


def lookups(dataset: Dataset, lang: str = "fr") -> Lookups:
    """What every profile function reads, in `lang`."""
    places = dataset.upper_territories.set_index("territory_id")
    sources = dataset.sources
    return Lookups(
        dataset=dataset,
        lang=lang,
        places=places,
        meta=dataset.indicator_meta.set_index("indicator_id").to_dict("index"),
        indicators=vocabulary.labels(dataset, "indicator", lang),
        domains=vocabulary.labels(dataset, "domain", lang),
        actors=vocabulary.labels(dataset, "actor", lang),
        publishers=publisher_texts(sources, lang),
        sources=source_texts(sources, lang),
        levels=_level_lists(places),
        values=_known_values(dataset.indicators),
        perceptions=records(dataset.perceptions),
    )


def _known_values(indicators: pd.DataFrame) -> dict[tuple[str, str, str], tuple[float, str]]:
    """(territory_id, indicator_id, period) -> (value, source_id) of every known value."""
    known = indicators[indicators["value"].notna()]
    columns = ("territory_id", "indicator_id", "period", "value", "source_id")
    return {
        (place, indicator_id, period): (value, source_id)
        for place, indicator_id, period, value, source_id in zip(
            *(known[c].tolist() for c in columns), strict=True
        )
    }


def profile_title(look: Lookups, territory_id: str) -> str:
    """'Hauts-de-France — région', 'Finistère (29) — département, région Bretagne'."""
    row = look.places.loc[territory_id]
    if territory_level(territory_id) == "region":
        return t("profile_title_region", look.lang, name=row["name"])
    return t(
        "profile_title_department",
        look.lang,
        name=row["name"],
        code=row["code"],
        region=look.name(row["parent_id"]),
    )


def _sort_key(name: str) -> str:
    """Alphabetical order ignoring accents (Île-de-France among the I)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def region_choices(look: Lookups) -> list[tuple[str, str]]:
    """(territory_id, name) of every region, in alphabetical order."""
    pairs = [(i, look.name(i)) for i in look.level_ids("region")]
    return sorted(pairs, key=lambda pair: _sort_key(pair[1]))


# --- 1. Key figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyFigures:
    """Population and the latest value of each fragility indicator known at the level."""

    population: str  # "5 995 298 habitants" or "non disponible"
    population_note: str  # census year and source
    table: pd.DataFrame  # indicator, value, year, benchmark (France row), source (publisher)
    source_ids: list[str]
    indicator_ids: list[str]  # the indicator of each row of `table`


def main_indicators(look: Lookups, territory_id: str) -> list[tuple[str, str]]:
    """(indicator_id, period) of each fragility indicator with values at the territory's level
    (domain order): its latest period known for the territory, else its latest at the level."""
    level_ids = set(look.level_ids(territory_level(territory_id)))
    best: dict[str, tuple[bool, tuple[float, float], str]] = {}  # indicator -> rank, period
    for place, indicator_id, period in look.values:
        if place not in level_ids or look.meta[indicator_id]["role"] != "fragility":
            continue
        rank = (place == territory_id, sort_key(period), period)  # known here first, then latest
        if indicator_id not in best or rank > best[indicator_id]:
            best[indicator_id] = rank
    order = {domain_id: i for i, domain_id in enumerate(look.domains)}
    position = {indicator_id: i for i, indicator_id in enumerate(look.meta)}
    chosen = sorted(best, key=lambda i: (order[look.meta[i]["domain_id"]], position[i]))
    return [(i, best[i][2]) for i in chosen]


def key_figures(look: Lookups, territory_id: str) -> KeyFigures:
    """The territory's population and main indicator values, each with year and source; the
    benchmark is the indicator's France reference row when there is one."""
    lang, missing = look.lang, t("not_available", look.lang)
    found = look.values

    def benchmark(indicator_id: str, period: str) -> str:
        reference = look.meta[indicator_id]["reference_territory_id"]
        if is_missing(reference) or (reference, indicator_id, period) not in found:
            return missing
        value = look.value_text(indicator_id, found[(reference, indicator_id, period)][0])
        return f"{value} ({look.name(reference)})"

    records, source_ids = [], []
    shown = main_indicators(look, territory_id)
    for indicator_id, period in shown:
        value, source_id = found.get((territory_id, indicator_id, period), (None, None))
        source_ids += [source_id] if source_id else []
        records.append(
            {
                t("indicator", lang): look.label(indicator_id),
                t("value", lang): look.value_text(indicator_id, value),
                t("period", lang): period_label(period, lang),
                t("profile_benchmark", lang): benchmark(indicator_id, period),
                t("source", lang): look.publishers[source_id] if source_id else missing,
            }
        )
    population, note = missing, ""
    census = latest(p for place, i, p in found if place == territory_id and i == POPULATION)
    if census is not None:
        value, source_id = found[(territory_id, POPULATION, census)]
        population = look.value_text(POPULATION, value)
        note = t(
            "profile_population_note",
            lang,
            period=period_label(census, lang),
            source=look.sources[source_id],
        )
        source_ids.insert(0, source_id)
    return KeyFigures(
        population,
        note,
        pd.DataFrame(records),
        list(dict.fromkeys(source_ids)),
        [indicator_id for indicator_id, _ in shown],
    )


# --- 2. Domain indices ------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """The territories a profile's indices are computed among."""

    level: str
    territory_ids: list[str]
    area: str  # the area used ("all" when an overseas territory is asked with "metro")
    area_changed: bool
    overseas: bool  # the territory is overseas
    members: ComparisonSet  # how the territories compared read

    @property
    def key(self) -> tuple:
        """What identifies the scope and its method notes (for one dataset version)."""
        return (self.level, self.area, self.area_changed, self.overseas)


def comparison_scope(look: Lookups, territory_id: str, area: str) -> Scope:
    """Every territory of the territory's level in the area `area` resolves to
    (`lib.filters.comparison_area`: by default the metropolitan ones, all of them for an
    overseas territory); all of them when an overseas territory is asked with "metro".
    An EPCI or a commune is compared among its peers (`local_scope`)."""
    if vocabulary.level_of(territory_id) in LOCAL_PEERS_WITHIN:
        return local_scope(look.dataset, territory_id)
    level = territory_level(territory_id)
    overseas = bool(look.places.at[territory_id, "overseas"])
    area = comparison_area(area, overseas)
    ids = look.level_ids(level, area)
    changed = territory_id not in ids
    if changed:
        area, ids = "all", look.level_ids(level, "all")
    return Scope(level, ids, area, changed, overseas, whole_level(level, area, len(ids)))


def local_scope(dataset: Dataset, territory_id: str) -> Scope:
    """An EPCI among the EPCIs whose main department lies in its region; a commune among the
    communes of its department (`dataset` holds the commune rows for a commune:
    `lib.cached.with_communes`)."""
    level = vocabulary.level_of(territory_id)
    index = dataset.territory_index
    within = vocabulary.ancestor(territory_id, LOCAL_PEERS_WITHIN[level], index["parent_id"])
    ids = sorted(scope_territories(dataset, level, within)["territory_id"])
    members = ComparisonSet(
        WITHIN_KINDS[level], len(ids), vocabulary.territory_name(dataset, within)
    )
    overseas = bool(index.at[territory_id, "overseas"])
    return Scope(level, ids, "all", False, overseas, members)


@dataclass(frozen=True)
class DomainProfile:
    """The territory's domain indices among its level, one row per domain of the vocabulary,
    and its overall index."""

    # domain_id, label, index, rank, n_ranked, rank_text ("3e sur 13 régions métropolitaines"),
    # rank_short ("3e sur 13"), reference, years, indicators, sources
    frame: pd.DataFrame
    method: str
    scope: Scope
    notes: list[str]  # method sentences
    source_ids: list[str]
    overall: Standing  # the overall index (equal weights) and its rank
    n_overall: int  # domains the overall index averages

    def indices(self) -> pd.Series:
        """domain_id -> index (missing when not available)."""
        return self.frame.set_index("domain_id")["index"]

    @property
    def n_with_index(self) -> int:
        """How many domains have an index for the territory."""
        return int(self.frame["index"].notna().sum())


@dataclass(frozen=True)
class LevelDomains:
    """What the domain profiles of every territory of one scope share (computed once)."""

    wide: pd.DataFrame  # territory_id x domain_id -> index
    ranks: pd.DataFrame  # same shape: 1 = most fragile, ties share the best rank
    n_ranked: pd.Series  # domain_id -> territories with an index
    overall: pd.Series  # territory_id -> overall index (equal weights)
    n_overall: int  # domains the overall index averages
    reference: pd.Series  # domain_id -> median (min-max) or 100 (base 100)
    inputs: pd.DataFrame  # years, indicators, sources per domain, in the domains' order
    notes: list[str]  # method sentences
    source_ids: list[str]


def indexed_domains(level: LevelDomains, territory_id: str) -> int:
    """How many domains have an index for the territory in `level`."""
    if territory_id not in level.wide.index:
        return 0
    return int(level.wide.loc[territory_id].notna().sum())


def level_domains(look: Lookups, scope: Scope, method: str, table: IndexTable) -> LevelDomains:
    """The domain indices of the scope's territories (`table`), ranked, with the reference,
    the indicators and sources behind them and the method notes."""
    domain_ids = list(look.domains)
    wide = table.domains.pivot(index="territory_id", columns="domain_id", values="index")
    wide = wide.reindex(columns=domain_ids)
    scores = table.scores
    scored = set(scores.loc[scores["score"].notna(), "indicator_id"])  # base 100: with a ref
    inputs, source_ids = _domain_inputs(
        look, scope, {i: table.periods[i] for i in table.indicators_used if i in scored}
    )
    overall = table.overall
    return LevelDomains(
        wide=wide,
        ranks=wide.apply(ranks),
        n_ranked=wide.count(),
        overall=overall.set_index("territory_id")["index"],
        n_overall=int(overall["n_domains"].max()) if len(overall) else 0,
        reference=wide.median() if method == "minmax" else pd.Series(100.0, index=domain_ids),
        inputs=inputs.reindex(domain_ids).fillna("").reset_index(drop=True),
        notes=_method_notes(look, scope, table, method),
        source_ids=source_ids,
    )


def domain_profile(
    look: Lookups,
    territory_id: str,
    area: str,
    method: str,
    table: IndexTable | None = None,
    level: LevelDomains | None = None,
) -> DomainProfile:
    """Domain indices of the territory computed among the territories of its level, its rank
    per domain (1 = most fragile, ties share the best rank) and the reference: the median of
    the territories compared (min-max) or 100 = France (base 100).

    `table`: the index table of `comparison_scope(...)`'s territories, and `level`: what
    `level_domains` makes of it, when already computed (pages pass cached ones).
    """
    scope = comparison_scope(look, territory_id, area)
    if level is None:
        if table is None:
            table = index_table(look.dataset, scope.territory_ids, method)
        level = level_domains(look, scope, method, table)
    domain_ids = list(look.domains)
    wide, n_ranked, reference = level.wide, level.n_ranked, level.reference
    missing = pd.Series(float("nan"), index=domain_ids)
    known = territory_id in wide.index
    own = wide.loc[territory_id] if known else missing
    rank = level.ranks.loc[territory_id] if known else missing
    frame = pd.DataFrame(
        {
            "domain_id": domain_ids,
            "label": [look.domains[d] for d in domain_ids],
            "index": own.to_numpy(dtype=float),
            "rank": pd.array(rank.to_numpy(), dtype="Int64"),
            "n_ranked": n_ranked.to_numpy(),
            "reference": reference.where(n_ranked > 0).to_numpy(dtype=float),
        }
    )
    members = scope.members
    frame["rank_text"] = [rank_text(r, members, look.lang) for r in frame["rank"]]
    frame["rank_short"] = [short_text(r, members, look.lang) for r in frame["rank"]]
    return DomainProfile(
        frame=pd.concat([frame, level.inputs], axis=1),
        method=method,
        scope=scope,
        notes=level.notes,
        source_ids=level.source_ids,
        overall=standing(level.overall, territory_id, members, look.lang),
        n_overall=level.n_overall,
    )


def _domain_inputs(
    look: Lookups, scope: Scope, used: dict[str, str]
) -> tuple[pd.DataFrame, list[str]]:
    """Indicators (with periods) and publishers behind each domain's index, and every source.
    `used`: indicator_id -> period."""
    rows = period_rows(look.dataset.indicators, used)
    rows = rows[rows["territory_id"].isin(scope.territory_ids)]
    pairs = rows[["indicator_id", "source_id"]].drop_duplicates()
    sources_of: dict[str, set[str]] = {}
    for indicator_id, source_id in pairs.itertuples(index=False):
        sources_of.setdefault(indicator_id, set()).add(source_id)
    by_domain: dict[str, list[str]] = {}
    for indicator_id in used:
        by_domain.setdefault(look.meta[indicator_id]["domain_id"], []).append(indicator_id)
    frame = pd.DataFrame(
        [
            (
                ", ".join(period_label(p, look.lang) for p in chronological(used[i] for i in ids)),
                ", ".join(look.label_with_period(i, used[i]) for i in ids),
                " ; ".join(
                    sorted({look.publishers[s] for i in ids for s in sources_of.get(i, ())})
                ),
            )
            for ids in by_domain.values()
        ],
        columns=["years", "indicators", "sources"],
        index=list(by_domain),
    )
    return frame, sorted(set(pairs["source_id"]))


def _method_notes(look: Lookups, scope: Scope, table: IndexTable, method: str) -> list[str]:
    lang = look.lang
    used = ", ".join(look.label_with_period(i, table.periods[i]) for i in table.indicators_used)
    if scope.level in LOCAL_PEERS_WITHIN:  # "52 intercommunalités (Bretagne)"
        compared = scope.members.label(lang)
    else:
        compared = t(f"profile_{scope.level}s_{scope.area}", lang, n=len(scope.territory_ids))
    notes = [
        t("profile_compared_among", lang, territories=compared),
        t("method_" + method, lang),
        t(f"profile_reference_{method}", lang),
        t("indicators_used", lang, indicators=used or "—"),
    ]
    excluded = excluded_for_coverage(table.coverage)
    if scope.level in LOCAL_PEERS_WITHIN and excluded:
        notes.append(t("excluded_for_coverage_local", lang, n=excluded))
    elif scope.area == "all" and not scope.overseas and excluded:
        notes.append(t("excluded_for_coverage", lang, n=excluded))
    if scope.area_changed:
        notes.append(t("profile_overseas_compared_with_all", lang))
    return notes


def top_domain_frame(domains: DomainProfile) -> pd.DataFrame:
    """The territory's most fragile domains: its 3 highest domain indices, ties included (as
    the perceived vs objective reading ranks them), most fragile first."""
    frame = domains.frame
    ranks = perception.objective_ranks(domains.indices())
    top = ranks[ranks <= perception.TOP]
    order = {domain_id: i for i, domain_id in enumerate(frame["domain_id"])}
    chosen = sorted(top.index, key=lambda d: (int(top[d]), order[d]))
    return frame.set_index("domain_id").loc[chosen].reset_index()


def overall_text(domains: DomainProfile, lang: str = "fr") -> str:
    """'Indice global (moyenne des 15 domaines disponibles) : 58,2 — 3e sur 13 régions
    métropolitaines.'"""
    overall = domains.overall
    if overall.rank is None:
        return t("profile_overall_missing", lang)
    return t(
        "profile_overall",
        lang,
        n=domains.n_overall,
        value=format_number(overall.value, 1, lang),
        rank=overall.text,
    )


# --- 3. Perceived priorities --------------------------------------------------------------------


def perception_territories(look: Lookups, territory_id: str) -> list[str]:
    """Where the territory's perceived figures can come from: itself, its region (for a
    department, an EPCI or a commune), France."""
    parents = look.dataset.territory_index["parent_id"]
    region = vocabulary.ancestor(territory_id, "region", parents)
    return [territory_id, *([region] if region not in (None, territory_id) else []), NATIONAL]


def scope_label(look: Lookups, territory_id: str) -> str:
    """'chiffres nationaux' for France, else the territory's figures named."""
    if territory_id == NATIONAL:
        return t("profile_national_figures", look.lang)
    regional = vocabulary.is_level(territory_id, "region")
    key = "profile_regional_figures" if regional else "profile_local_figures"
    return t(key, look.lang, name=look.name(territory_id))


def year_text(year: object, year_note: object, lang: str = "fr") -> str:
    """'2015', '2011 · 2010-2011 (publication janvier 2011)', the note alone, or missing."""
    parts = [str(v) for v in (year, year_note) if not is_missing(v) and str(v)]
    return " · ".join(parts) if parts else t("not_available", lang)


def perception_value_text(value: float, measure: str, lang: str = "fr") -> str:
    """A perception figure as read: '61 %', '7,1 /10', '1er'."""
    if is_missing(value):
        return t("not_available", lang)
    if measure == "rank":
        return ordinal(int(value), lang)
    decimals = 0 if float(value).is_integer() else 1
    if measure == "share":
        return format_value(value, "%", decimals, lang)
    return f"{format_number(value, 1, lang)} /10"


@dataclass(frozen=True)
class PerceptionBlock:
    """One actor's figures for one (territory, study, question, measure), ready to show."""

    group: perception.Group
    scope: str  # "chiffres nationaux", "chiffres régionaux (Pays de la Loire)"
    frame: pd.DataFrame  # domain_id, label, value, value_text; top priority first
    caption: str  # study, measure, year, base n, source


def perception_block(look: Lookups, group: perception.Group) -> PerceptionBlock:
    """One group's figures with their study, year, sample size and source."""
    lang, measure = look.lang, group.measure
    # top priority first: the highest share or score, the smallest rank (stable for ties)
    rows = sorted(group.rows, key=lambda r: r["value"], reverse=measure != "rank")
    frame = pd.DataFrame(
        {
            "domain_id": [r["domain_id"] for r in rows],
            "label": [look.domains[r["domain_id"]] for r in rows],
            "value": [float(r["value"]) for r in rows],
            "value_text": [perception_value_text(r["value"], measure, lang) for r in rows],
        }
    )
    years = dict.fromkeys(
        year_text(r["year"], in_language(r, "year_note", lang), lang) for r in rows
    )
    bases = {r["base_n"] for r in rows if not is_missing(r["base_n"])}
    base = (
        t("profile_base_n", lang, n=format_number(bases.pop(), 0, lang))
        if len(bases) == 1
        else t("profile_base_unknown", lang)
    )
    sources = dict.fromkeys(look.sources[r["source_id"]] for r in rows)
    caption = t(
        "profile_perception_caption",
        lang,
        study=group.study,
        measure=t("profile_measure_" + measure, lang),
        year=" ; ".join(years),
        base=base,
        source=" ; ".join(sources),
    )
    if from_workshop(rows):  # a workshop's profiles: the small ones are left out
        caption += " · " + t("ws_min_group_published", lang, minimum=MIN_PARTICIPANTS)
    return PerceptionBlock(
        group=group,
        scope=scope_label(look, group.territory_id),
        frame=frame,
        caption=caption,
    )


SCALE = {"share": 100.0, "score": 10.0}  # top of the scale of each measure (rank: none)


def block_table(block: PerceptionBlock, lang: str = "fr") -> pd.DataFrame:
    """A group's figures as a small table, top priority first: the number for a share or a
    score (shown as an in-cell bar on SCALE), the rank in words for a rank."""
    values = block.frame["value_text" if block.group.measure == "rank" else "value"]
    return pd.DataFrame(
        {
            t("profile_domain", lang): block.frame["label"],
            measure_label(block.group.measure, lang): values,
        }
    )


def measure_label(measure: str, lang: str = "fr") -> str:
    """'Note sur 10', 'Part des répondants (%)', 'Rang (1 = priorité)'."""
    return t("profile_measure_" + measure, lang).capitalize()


def groups_by_actor(
    look: Lookups, territory_id: str, actors: Sequence[str]
) -> dict[str, list[perception.Group]]:
    """Each actor's groups of figures for the territory: its own, its region's, then national."""
    places = perception_territories(look, territory_id)
    return perception.group_rows(look.perceptions, actors, places)


def actors_shown(look: Lookups, territory_id: str, chosen: Sequence[str]) -> list[str]:
    """The chosen actors, or every actor with perceived figures for the territory."""
    if chosen:
        return list(chosen)
    places = set(perception_territories(look, territory_id))
    present = {row["actor_id"] for row in look.perceptions if row["territory_id"] in places}
    return [a for a in look.actors if a in present]


# --- 4. Perceived vs objective -------------------------------------------------------------------


def group_label(look: Lookups, group: perception.Group) -> str:
    """How a group is offered in the picker: study, question, measure, scope, domains."""
    return t(
        "profile_group_option",
        look.lang,
        study=group.study,
        question=group.question,
        measure=t("profile_measure_" + group.measure, look.lang),
        scope=scope_label(look, group.territory_id),
        n=group.n_domains,
    )


@dataclass(frozen=True)
class Reading:
    """Perceived vs objective priorities of the territory for one actor's group."""

    table: pd.DataFrame  # display table, one row per domain of the vocabulary
    categories: pd.Series  # domain_id -> class id (lib.perception.CATEGORIES)
    notes: list[str]


def reading(look: Lookups, domains: DomainProfile, group: perception.Group) -> Reading:
    """Compare one group's perceived priorities with the territory's domain indices."""
    lang, measure, domain_ids = look.lang, group.measure, list(look.domains)
    result = perception.perceived_vs_objective(
        group.values(), measure, domains.indices(), domain_ids
    )
    rows = records(result)
    territory_ranks = domains.frame.set_index("domain_id")["rank_text"]
    table = pd.DataFrame(
        {
            t("profile_domain", lang): [look.domains[d] for d in domain_ids],
            t("profile_perceived", lang): [
                perception_value_text(r["perceived"], measure, lang) for r in rows
            ],
            t("profile_perceived_rank", lang): [
                _rank_text(r["perceived_rank"], lang) for r in rows
            ],
            t("profile_objective", lang): [format_number(r["objective"], 1, lang) for r in rows],
            t("profile_objective_rank", lang): [
                _domain_rank_text(r["objective_rank"], lang) for r in rows
            ],
            t("profile_territory_rank", lang): [territory_ranks[d] for d in domain_ids],
            t("profile_reading", lang): [t("profile_class_" + r["category"], lang) for r in rows],
        }
    )
    notes = [
        t("profile_reading_method", lang, top=perception.TOP),
        t("profile_ranks_note", lang, members=domains.scope.members.label(lang)),
    ]
    n_perceived = sum(not is_missing(r["perceived_rank"]) for r in rows)
    n_objective = sum(not is_missing(r["objective_rank"]) for r in rows)
    if min(n_perceived, n_objective) < perception.TOP:
        notes.append(t("profile_few_domains", lang, perceived=n_perceived, objective=n_objective))
    categories = pd.Series([r["category"] for r in rows], index=domain_ids, name="category")
    return Reading(table, categories, notes)


def _rank_text(value: object, lang: str) -> str:
    return t("not_available", lang) if is_missing(value) else ordinal(int(value), lang)


def _domain_rank_text(value: object, lang: str) -> str:
    """A domain's rank among the territory's domains: '2e domaine le plus fragile'."""
    if is_missing(value):
        return t("not_available", lang)
    return t("profile_domain_rank", lang, rank=ordinal(int(value), lang))


# --- 5. Alliances ------------------------------------------------------------------------------


ALLIANCE_UNIT_KEYS = {
    "points": "profile_unit_points",
    "years": "profile_unit_years",
    "months": "profile_unit_months",
}


def alliance_value_text(value: float, unit: str, lang: str = "fr") -> str:
    """An alliance figure with its unit: '37 %', '89 000', '8,5 points', '7 ans', '6 /10'."""
    if is_missing(value):
        return t("not_available", lang)
    decimals = 0 if float(value).is_integer() else 1
    if unit == "%":
        return format_value(value, "%", decimals, lang)
    if unit == "rank":
        return ordinal(int(value), lang)
    number = format_number(value, decimals, lang)
    if unit == "score /10":
        return f"{number} /10"
    if unit in ALLIANCE_UNIT_KEYS:
        return f"{number} {t(ALLIANCE_UNIT_KEYS[unit], lang)}"
    return number  # count


def alliance_places(look: Lookups, territory_id: str) -> tuple[str, ...]:
    """The places whose alliance figures the territory's profile shows (itself, its region,
    France: those with figures). Territories with the same places show the same table."""
    present = set(look.dataset.alliances["territory_id"])
    return tuple(p for p in perception_territories(look, territory_id) if p in present)


def alliance_table(look: Lookups, territory_id: str, actors: Sequence[str]) -> pd.DataFrame:
    """Known alliance practices for the chosen actors (every row when none is chosen): national
    figures, and the territory's or its region's when published; each with study, year, source."""
    lang = look.lang
    places = perception_territories(look, territory_id)
    alliances = look.dataset.alliances
    mask = alliances["territory_id"].isin(places)
    if actors:
        mask &= alliances["actor_id"].isin(actors)
    order = {a: i for i, a in enumerate(look.actors)}
    place_order = {p: i for i, p in enumerate(places)}
    records = sorted(
        alliances[mask].to_dict("records"),
        key=lambda r: (order.get(r["actor_id"], len(order)), place_order[r["territory_id"]]),
    )
    scopes = {p: scope_label(look, p) for p in places}
    return pd.DataFrame(
        {
            t("profile_actor", lang): (
                t("profile_no_actor", lang)
                if is_missing(r["actor_id"])
                else look.actors[r["actor_id"]]
            ),
            t("profile_category", lang): r["category"],
            t("value", lang): alliance_value_text(r["value"], r["unit"], lang),
            t("profile_study", lang): r["study"],
            t("year", lang): year_text(r["year"], in_language(r, "year_note", lang), lang),
            t("source", lang): look.publishers[r["source_id"]],
            t("profile_scope", lang): scopes[r["territory_id"]],
        }
        for r in records
    )


# --- Download ----------------------------------------------------------------------------------


def download_table(look: Lookups, figures: KeyFigures, domains: DomainProfile) -> pd.DataFrame:
    """The profile's figures as one table with a source on every row: key figures, then the
    domain indices (benchmark = the median of the territories compared, or 100 = France)."""
    lang, frame = look.lang, domains.frame
    missing = t("not_available", lang)
    indices = pd.DataFrame(
        {
            t("indicator", lang): [t("domain_index", lang, domain=d) for d in frame["label"]],
            t("value", lang): [format_number(v, 1, lang) for v in frame["index"]],
            t("period", lang): [y or missing for y in frame["years"]],
            t("profile_benchmark", lang): [
                missing
                if pd.isna(v)
                else t(
                    f"profile_reference_value_{domains.method}",
                    lang,
                    value=format_number(v, 1, lang),
                )
                for v in frame["reference"]
            ],
            t("source", lang): [s or missing for s in frame["sources"]],
        }
    )
    return pd.concat([figures.table, indices], ignore_index=True)
