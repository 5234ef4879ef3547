"""The Compare page's logic, without Streamlit: which territories look alike, how ranks move.

- Territories compared: every region or department of the chosen area (the commune level is
  compared by department), optionally restricted to a few of them.
- Overall index with editable weights: the rule of `lib.indices.overall_index` (weighted mean of
  domain indices, missing when a weighted domain is missing, weight 0 = left out), applied to a
  territory × domain matrix so that many weightings cost little (sensitivity).
- Similar profiles: root mean square difference of the domain indices over the domains both
  territories have (Euclidean distance / √shared), at least 2 shared domains.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib import explore, vocabulary
from lib.data import Dataset
from lib.datasets import publisher_texts, source_texts
from lib.formatting import format_number, is_missing, join_items
from lib.i18n import t
from lib.indices import period_rows, weighted_mean
from lib.periods import chronological, period_label
from lib.ranking import ranks

COMPARED_LEVELS = ("region", "department")
MIN_SHARED = 2
N_SIMILAR = 3


def compared_level(level: str) -> str:
    """The level compared: regions or departments (communes are compared by department)."""
    return level if level in COMPARED_LEVELS else "department"


def compared_territories(
    dataset: Dataset, level: str, area: str = "all", chosen: Sequence[str] = ()
) -> pd.DataFrame:
    """Territories of `level` in `area` (rows of the territories table), only `chosen` if any."""
    rows = explore.scope_territories(dataset, level, None, area)
    if chosen:
        rows = rows[rows["territory_id"].isin(chosen)].reset_index(drop=True)
    return rows


def territory_names(territories: pd.DataFrame, level: str) -> pd.Series:
    """territory_id -> name ("Bretagne"; a department with its code: "Finistère (29)")."""
    names = territories["name"].astype(str)
    if level == "department":
        names = names + " (" + territories["code"].astype(str) + ")"
    return pd.Series(names.to_numpy(), index=territories["territory_id"].to_numpy())


def domains_with_index(domain_table: pd.DataFrame, domain_order: Sequence[str]) -> list[str]:
    """Domains with at least one index value, in the dataset's order."""
    present = set(domain_table.dropna(subset=["index"])["domain_id"])
    return [d for d in domain_order if d in present]


def domain_labels(dataset: Dataset, domains: Sequence[str], lang: str = "fr") -> dict[str, str]:
    """domain_id -> label in `lang`, for `domains`."""
    labels = vocabulary.labels(dataset, "domain", lang)
    return {d: str(labels[d]) for d in domains}


def shown_domains(available: Sequence[str], chosen: Sequence[str]) -> list[str]:
    """The domains shown: those chosen in the filters that have an index, else all of them."""
    return [d for d in available if d in chosen] if chosen else list(available)


def domain_matrix(
    domain_table: pd.DataFrame, territory_ids: Sequence[str], domains: Sequence[str]
) -> pd.DataFrame:
    """Domain indices as a territory × domain matrix (rows `territory_ids`, missing = NaN)."""
    return (
        _wide(domain_table).reindex(index=list(territory_ids), columns=list(domains)).astype(float)
    )


def _wide(domain_table: pd.DataFrame) -> pd.DataFrame:
    return domain_table.pivot(index="territory_id", columns="domain_id", values="index")


def _ranks(values: np.ndarray) -> np.ndarray:
    """`lib.ranking.ranks` as floats (NaN = missing)."""
    return ranks(pd.Series(values)).to_numpy(dtype=float, na_value=np.nan)


def weighted_overall(matrix: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """Overall index of each row of `matrix` (same rule as `lib.indices.overall_index`)."""
    values = weighted_mean(matrix.to_numpy(dtype=float), list(matrix.columns), weights)
    return pd.Series(values, index=matrix.index)


def weighted_domains(weights: Mapping[str, float]) -> int:
    return sum(1 for w in weights.values() if w > 0)


def ranking(matrix: pd.DataFrame, weights: Mapping[str, float], names: pd.Series) -> pd.DataFrame:
    """territory_id, name, index, rank — most fragile first, missing last, ties by name."""
    index = weighted_overall(matrix, weights)
    frame = pd.DataFrame(
        {
            "territory_id": matrix.index,
            "name": names.reindex(matrix.index).to_numpy(),
            "index": index.to_numpy(),
        }
    )
    frame["rank"] = ranks(frame["index"]).to_numpy()
    return frame.sort_values(["rank", "name"], na_position="last").reset_index(drop=True)


def rank_changes(
    domain_table: pd.DataFrame, weights_a: Mapping[str, float], weights_b: Mapping[str, float]
) -> pd.DataFrame:
    """Ranks with weights a and with weights b (territory_id, rank_a, rank_b, change).

    `change` = rank_a − rank_b: positive when a territory climbs towards rank 1 (more fragile
    than the others) with weights b; missing when either rank is missing. Sorted by rank_b.
    """
    wide = _wide(domain_table)
    values, columns = wide.to_numpy(dtype=float), list(wide.columns)
    rank_a = _ranks(weighted_mean(values, columns, weights_a))
    rank_b = _ranks(weighted_mean(values, columns, weights_b))
    frame = pd.DataFrame(
        {"territory_id": wide.index, "rank_a": rank_a, "rank_b": rank_b, "change": rank_a - rank_b}
    ).astype({"rank_a": "Int64", "rank_b": "Int64", "change": "Int64"})
    return frame.sort_values(["rank_b", "territory_id"], na_position="last").reset_index(drop=True)


def _changed(rank_a: np.ndarray, rank_b: np.ndarray) -> int:
    """Territories whose rank differs (a rank appearing or disappearing counts as a change)."""
    same = (rank_a == rank_b) | (np.isnan(rank_a) & np.isnan(rank_b))
    return int((~same).sum())


def weight_sensitivity(domain_table: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """For each domain of `weights`: how many territories change rank when its weight goes to 0,
    the other weights unchanged (domain_id, changed)."""
    wide = _wide(domain_table)
    values, columns = wide.to_numpy(dtype=float), list(wide.columns)
    base = _ranks(weighted_mean(values, columns, weights))
    counts = [
        _changed(base, _ranks(weighted_mean(values, columns, {**weights, d: 0.0}))) for d in weights
    ]
    return pd.DataFrame({"domain_id": list(weights), "changed": counts})


def profile_distances(
    matrix: pd.DataFrame, target: str, min_shared: int = MIN_SHARED
) -> pd.DataFrame:
    """Distance of every other territory's domain profile to `target`'s.

    distance = √(Σ (a − b)² / k) over the k domains both have (missing when k < `min_shared`).
    Columns territory_id, distance, shared; nearest first, ties: more shared domains, then id.
    """
    others = matrix.drop(index=target)
    diff = others.sub(matrix.loc[target], axis=1)
    shared = diff.notna().sum(axis=1)
    squares = (diff**2).sum(axis=1)
    distance = np.sqrt(squares / shared.where(shared > 0)).where(shared >= min_shared)
    frame = pd.DataFrame(
        {
            "territory_id": others.index,
            "distance": distance.to_numpy(),
            "shared": shared.to_numpy(),
        }
    )
    return frame.sort_values(
        ["distance", "shared", "territory_id"],
        ascending=[True, False, True],
        na_position="last",
    ).reset_index(drop=True)


def most_similar(
    matrix: pd.DataFrame, target: str, n: int = N_SIMILAR, min_shared: int = MIN_SHARED
) -> pd.DataFrame:
    """The `n` nearest profiles that have a distance (fewer when fewer are comparable)."""
    distances = profile_distances(matrix, target, min_shared)
    return distances.dropna(subset=["distance"]).head(n).reset_index(drop=True)


def similarity_status(territory: str | None, level: str, compared_ids: Sequence[str]) -> str:
    """Why similar territories can or cannot be shown (a label key; "ok" when they can)."""
    if territory is None:
        return "compare_similar_no_territory"
    if not vocabulary.is_level(territory, compared_level(level)):
        return "compare_similar_other_level_" + level
    if territory not in compared_ids:
        return "compare_similar_not_compared"
    return "ok"


def change_text(change: object, lang: str = "fr") -> str:
    """▲ n (climbs towards rank 1), ▼ n (goes down), = (same rank), or "non disponible"."""
    if is_missing(change):
        return t("not_available", lang)
    value = int(change)  # type: ignore[call-overload]
    if value == 0:
        return "="
    return f"▲ {value}" if value > 0 else f"▼ {-value}"


def _rank_text(rank: object) -> str:
    return "–" if is_missing(rank) else str(int(rank))  # type: ignore[call-overload]


def ranks_table(
    ranked: pd.DataFrame, n_domains: int, n_total: int, lang: str = "fr"
) -> pd.DataFrame:
    """The ranking as shown: territory, overall index, rank, "n out of N" domains."""
    return pd.DataFrame(
        {
            t("territory", lang): ranked["name"],
            t("overall_index", lang): [format_number(v, 1, lang) for v in ranked["index"]],
            t("rank", lang): [_rank_text(r) for r in ranked["rank"]],
            t("compare_domains_used", lang): t(
                "compare_n_of_total", lang, n=n_domains, total=n_total
            ),
        }
    )


def ranks_export(
    ranked: pd.DataFrame,
    matrix: pd.DataFrame,
    domain_labels: Mapping[str, str],
    weights: Mapping[str, float],
    method_text: str,
    sources_text: str,
    lang: str = "fr",
) -> pd.DataFrame:
    """The ranking for a CSV: ids, numbers (not text), domain indices, weights, method, sources."""
    domains = matrix.reindex(ranked["territory_id"]).round(2)
    weights_text = join_items((f"{domain_labels[d]} = {weights[d]:g}" for d in weights), lang)
    frame = pd.DataFrame(
        {
            "territory_id": ranked["territory_id"],
            t("territory", lang): ranked["name"],
            t("overall_index", lang): ranked["index"].round(2),
            t("rank", lang): ranked["rank"],
        }
    )
    for domain in domains.columns:
        frame[domain_labels[domain]] = domains[domain].to_numpy()
    return frame.assign(
        **{
            t("compare_weights", lang): weights_text,
            t("method", lang): method_text,
            t("source", lang): sources_text,
        }
    )


def sensitivity_table(changes: pd.DataFrame, names: pd.Series, lang: str = "fr") -> pd.DataFrame:
    """Rank with equal weights, with the chosen weights, and the move (▲/▼ n)."""
    return pd.DataFrame(
        {
            t("territory", lang): changes["territory_id"].map(names),
            t("compare_rank_equal", lang): [_rank_text(r) for r in changes["rank_a"]],
            t("compare_rank_chosen", lang): [_rank_text(r) for r in changes["rank_b"]],
            t("compare_change", lang): [change_text(c, lang) for c in changes["change"]],
        }
    )


def similar_table(similar: pd.DataFrame, names: pd.Series, lang: str = "fr") -> pd.DataFrame:
    """The nearest profiles as shown: territory, distance, shared domains."""
    return pd.DataFrame(
        {
            t("territory", lang): similar["territory_id"].map(names),
            t("compare_distance", lang): [format_number(d, 1, lang) for d in similar["distance"]],
            t("compare_shared_domains", lang): similar["shared"].astype(int),
        }
    )


@dataclass(frozen=True)
class Provenance:
    """What a set of domain indices is made of: indicators with their years, and sources."""

    indicators: str  # "Label (year), Label (year)" or "—"
    sources: str  # "Publisher, title (year) ; ..." or "non disponible"
    publishers: str  # "Eurostat, INSEE" or "non disponible"
    years: str  # "2013, 2021, 2023-T3" or "—"

    def line(self, method: str, lang: str = "fr") -> str:
        """Method, indicators and sources in one caption."""
        return " ".join(
            [
                t("method_" + method, lang),
                t("indicators_used", lang, indicators=self.indicators),
                t("compare_sources", lang, sources=self.sources),
            ]
        )

    def brief(self, method: str, lang: str = "fr") -> str:
        """Method, publishers and years (for a figure next to the full caption)."""
        brief = t("compare_sources_brief", lang, publishers=self.publishers, years=self.years)
        return f"{t('method_' + method, lang)} {brief}"


def provenance(
    dataset: Dataset, scores: pd.DataFrame, domains: Sequence[str], lang: str = "fr"
) -> Provenance:
    """Indicators of `domains` with at least one score in `scores` (the ones the indices are
    made of), in the metadata's order, and the sources of their rows over those territories."""
    scored = scores.dropna(subset=["score"])
    meta = dataset.indicator_meta
    periods = dict(zip(scored["indicator_id"], scored["period"], strict=True))
    used = meta[meta["indicator_id"].isin(set(periods)) & meta["domain_id"].isin(domains)]
    labels = vocabulary.labels(dataset, "indicator", lang)
    label = [str(labels[i]) for i in used["indicator_id"]]
    used_periods = [periods[i] for i in used["indicator_id"]]
    parts = [
        f"{text} ({period_label(p, lang)})" for text, p in zip(label, used_periods, strict=True)
    ]
    rows = period_rows(dataset.indicators, {i: periods[i] for i in used["indicator_id"]})
    rows = rows[rows["territory_id"].isin(set(scored["territory_id"]))]
    ids = sorted(rows["source_id"].dropna().unique())
    publishers = publisher_texts(dataset.sources, lang)
    sources = source_texts(dataset.sources, lang)
    missing = t("not_available", lang)
    return Provenance(
        indicators=join_items(parts, lang) or "—",
        sources=join_items((sources[s] for s in ids), lang, long_items=True) or missing,
        publishers=join_items(sorted({publishers[s] for s in ids}), lang) or missing,
        years=join_items((period_label(p, lang) for p in chronological(used_periods)), lang) or "—",
    )
