"""A profile's domain indices among the territories of its level, their ranks, reference and
method notes, and its overall index."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib import perception
from lib.explore import IndexTable, index_table
from lib.formatting import format_number, join_items
from lib.i18n import t
from lib.indices import excluded_for_coverage, period_rows
from lib.periods import chronological, period_label
from lib.profile.territory import LOCAL_PEERS_WITHIN, Lookups, Scope, comparison_scope
from lib.ranking import Standing, rank_text, ranks, short_text, standing


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
                join_items(
                    (period_label(p, look.lang) for p in chronological(used[i] for i in ids)),
                    look.lang,
                ),
                join_items((look.label_with_period(i, used[i]) for i in ids), look.lang),
                join_items(
                    sorted({look.publishers[s] for i in ids for s in sources_of.get(i, ())}),
                    look.lang,
                    long_items=True,
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
    used = join_items(
        (look.label_with_period(i, table.periods[i]) for i in table.indicators_used), lang
    )
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
