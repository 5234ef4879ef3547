"""Fragility scores, domain indices, overall index and ranks (method in DESIGN.md and README).

- Orientation: every score is "higher = more fragile" (`higher_is_worse`).
- `minmax` (default): 100 × (v − min) / (max − min) across the territories shown (same level);
  mirrored (100 − …) when a higher value is better.
- `base100`: 100 × (1 + s × (v − ref) / ref) with ref the indicator's reference row (a France
  scope) and s = +1 when higher is worse, −1 otherwise; 100 = the reference. Without a reference
  row the score is missing ("non disponible").
- Coverage: an indicator enters a level's comparison only if it covers every territory shown;
  among eligible vintages of the same concept the latest one is used.
- Domain index = mean of the eligible indicators' scores; overall index = weighted mean of domain
  indices, missing ("non disponible") when a weighted domain is missing. Missing is never 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

METHODS = ("minmax", "base100")
DEFAULT_METHOD = "minmax"


@dataclass(frozen=True)
class Eligibility:
    """Which fragility indicators enter a comparison, and why the others do not."""

    eligible: list[str]
    coverage: pd.DataFrame  # indicator_id, covered, shown, eligible, reason


def coverage_table(
    values: pd.DataFrame, meta: pd.DataFrame, territory_ids: Sequence[str]
) -> pd.DataFrame:
    """Territories covered by each fragility indicator among those shown."""
    shown = set(territory_ids)
    present = values[values["territory_id"].isin(shown) & values["value"].notna()]
    covered = present.groupby("indicator_id")["territory_id"].nunique()
    fragility = meta[meta["role"] == "fragility"]
    table = fragility[["indicator_id", "concept_id", "domain_id", "year"]].copy()
    table["covered"] = table["indicator_id"].map(covered).fillna(0).astype(int)
    table["shown"] = len(shown)
    return table.reset_index(drop=True)


def eligible_indicators(
    values: pd.DataFrame, meta: pd.DataFrame, territory_ids: Sequence[str]
) -> Eligibility:
    """Apply the coverage rule, then keep the latest vintage of each concept."""
    table = coverage_table(values, meta, territory_ids)
    complete = table["covered"] == table["shown"]
    table["eligible"] = False
    table["reason"] = np.where(complete, "", "couverture incomplète")
    candidates = table[complete].sort_values("year", ascending=False)
    latest = candidates.drop_duplicates("concept_id", keep="first")
    table.loc[latest.index, "eligible"] = True
    superseded = complete & ~table["eligible"]
    table.loc[superseded, "reason"] = "millésime plus récent retenu"
    return Eligibility(eligible=list(table.loc[table["eligible"], "indicator_id"]), coverage=table)


def _orientation(meta: pd.DataFrame) -> pd.Series:
    """+1 when a higher value is more fragile, −1 otherwise, by indicator id."""
    worse = meta.set_index("indicator_id")["higher_is_worse"].astype("boolean")
    return worse.map({True: 1.0, False: -1.0})


def indicator_scores(
    values: pd.DataFrame,
    meta: pd.DataFrame,
    territory_ids: Sequence[str],
    indicator_ids: Sequence[str],
    method: str = DEFAULT_METHOD,
) -> pd.DataFrame:
    """Scores (territory × indicator, long format: territory_id, indicator_id, value, score)."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {METHODS}")
    shown = values[
        values["territory_id"].isin(territory_ids) & values["indicator_id"].isin(indicator_ids)
    ][["territory_id", "indicator_id", "value"]].copy()
    sign = shown["indicator_id"].map(_orientation(meta)).astype(float)
    if method == "minmax":
        grouped = shown.groupby("indicator_id")["value"]
        low, high = grouped.transform("min"), grouped.transform("max")
        spread = (high - low).where(high > low)
        position = 100 * (shown["value"] - low) / spread
        shown["score"] = position.where(sign > 0, 100 - position)
    else:
        reference = _reference_values(values, meta)
        ref = shown["indicator_id"].map(reference)
        shown["score"] = 100 * (1 + sign * (shown["value"] - ref) / ref)
    return shown.reset_index(drop=True)


def _reference_values(values: pd.DataFrame, meta: pd.DataFrame) -> pd.Series:
    """The reference row's value of each indicator that has one (indicator_id -> value)."""
    refs = meta.dropna(subset=["reference_territory_id"])
    pairs = refs.set_index("indicator_id")["reference_territory_id"]
    indexed = values.set_index(["indicator_id", "territory_id"])["value"]
    found = {i: indexed.get((i, t)) for i, t in pairs.items()}
    return pd.Series({i: v for i, v in found.items() if v is not None and v > 0}, dtype=float)


def domain_indices(scores: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Mean score of each domain's indicators (columns: territory_id, domain_id, index, n)."""
    domains = scores["indicator_id"].map(meta.set_index("indicator_id")["domain_id"])
    grouped = scores.assign(domain_id=domains).groupby(["territory_id", "domain_id"])["score"]
    # mean of the available scores; a domain whose scores are all missing stays missing
    result = grouped.agg(index="mean", n="count").reset_index()
    return result


def overall_index(
    domain_table: pd.DataFrame, weights: Mapping[str, float], all_domains: Sequence[str]
) -> pd.DataFrame:
    """Weighted mean of domain indices (columns: territory_id, index, n_domains, n_total).

    Domains with weight 0 are left out. A territory missing any weighted domain gets a missing
    index ("non disponible"). `n_domains` counts the weighted domains, out of `n_total`.
    """
    wide = domain_table.pivot(index="territory_id", columns="domain_id", values="index")
    used = [d for d, w in weights.items() if w > 0 and d in wide.columns]
    if not used:
        return pd.DataFrame(
            {
                "territory_id": wide.index,
                "index": np.nan,
                "n_domains": 0,
                "n_total": len(all_domains),
            }
        )
    w = pd.Series({d: float(weights[d]) for d in used})
    block = wide[used]
    index = (block * w).sum(axis=1, min_count=len(used)) / w.sum()
    index = index.where(block.notna().all(axis=1))
    return pd.DataFrame(
        {
            "territory_id": wide.index,
            "index": index.to_numpy(),
            "n_domains": len(used),
            "n_total": len(all_domains),
        }
    ).reset_index(drop=True)


def ranks(values: pd.Series) -> pd.Series:
    """Rank 1 = most fragile (highest value); ties share the best rank; missing stays missing."""
    return values.rank(ascending=False, method="min").astype("Int64")
