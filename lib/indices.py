"""Fragility scores, domain indices and overall index (method in DESIGN.md and README; ranks:
`lib.ranking`).

- Orientation: every score is "higher = more fragile" (`higher_is_worse`).
- `minmax` (default): 100 × (v − min) / (max − min) across the territories compared (same level);
  mirrored (100 − …) when a higher value is better.
- `base100`: 100 × (1 + s × (v − ref) / ref) with ref the reference territory's value (a France
  scope) for the same indicator and the same period, and s = +1 when higher is worse, −1
  otherwise; 100 = the reference. Without that reference value the score is missing ("non
  disponible").
- Periods: an indicator id is a concept whose values carry a period (a year, a quarter, a span:
  `lib.periods`). Per concept, a comparison uses **the latest period that covers every territory
  of the comparison set**; a concept with no such period is left out ("couverture incomplète").
  Periods may differ across concepts (the app always shows them); periods of one concept are
  never mixed in one comparison.
- Domain index = mean of the eligible indicators' scores; overall index = weighted mean of domain
  indices, missing ("non disponible") when a weighted domain is missing. Missing is never 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.periods import sort_key

METHODS = ("minmax", "base100")
DEFAULT_METHOD = "minmax"


UNUSED_PERIOD = "période plus récente retenue"
INCOMPLETE = "couverture incomplète"


@dataclass(frozen=True)
class Eligibility:
    """Which fragility indicators enter a comparison, with which period, and why not the others."""

    eligible: list[str]  # indicator ids (concepts), in the metadata's order
    periods: dict[str, str]  # indicator_id -> the period used
    coverage: pd.DataFrame  # indicator_id, period, domain_id, covered, shown, eligible, reason


def coverage_table(
    values: pd.DataFrame, meta: pd.DataFrame, territory_ids: Sequence[str]
) -> pd.DataFrame:
    """Territories covered among those shown, per fragility indicator and period (one row with
    an empty period and 0 covered for an indicator without any value there)."""
    shown = set(territory_ids)
    fragility = meta.loc[meta["role"] == "fragility", ["indicator_id", "domain_id"]]
    present = values[
        values["territory_id"].isin(shown)
        & values["value"].notna()
        & values["indicator_id"].isin(fragility["indicator_id"])
    ]
    covered = present.groupby(["indicator_id", "period"])["territory_id"].nunique()
    table = fragility.merge(
        covered.rename("covered").reset_index(), on="indicator_id", how="left", sort=False
    )
    table["covered"] = table["covered"].fillna(0).astype(int)
    table["shown"] = len(shown)
    return table.reset_index(drop=True)


def eligible_indicators(
    values: pd.DataFrame, meta: pd.DataFrame, territory_ids: Sequence[str]
) -> Eligibility:
    """Apply the rule: per concept, the latest period covering every territory shown."""
    table = coverage_table(values, meta, territory_ids)
    complete = table["period"].notna() & (table["covered"] == table["shown"])
    order = table.loc[complete, "period"].map(sort_key)
    latest = order.groupby(table.loc[complete, "indicator_id"], sort=False).idxmax()
    table["eligible"] = table.index.isin(latest.to_numpy())
    table["reason"] = np.select(
        [table["eligible"], complete], ["", UNUSED_PERIOD], default=INCOMPLETE
    )
    used = table[table["eligible"]]
    periods = dict(zip(used["indicator_id"], used["period"], strict=True))
    return Eligibility(eligible=list(periods), periods=periods, coverage=table)


def excluded_for_coverage(coverage: pd.DataFrame) -> int:
    """Indicators left out although they have values for some of the territories shown (no
    period covers them all), from an `Eligibility.coverage` table."""
    used = set(coverage.loc[coverage["eligible"], "indicator_id"])
    partial = coverage[(coverage["covered"] > 0) & ~coverage["indicator_id"].isin(used)]
    return partial["indicator_id"].nunique()


def display_period(
    values: pd.DataFrame,
    indicator_id: str,
    territory_ids: Sequence[str],
    wanted: str | None = None,
) -> str | None:
    """The period one indicator is shown for over some territories: `wanted` when it has a
    value there, else the period covering the most of them, the latest on ties (so the index
    rule's period whenever one covers them all); None without any value."""
    rows = values[values["indicator_id"].eq(indicator_id) & values["value"].notna()]
    counts = rows[rows["territory_id"].isin(territory_ids)].groupby("period")["territory_id"]
    covered = counts.nunique().to_dict()
    if wanted in covered:
        return wanted
    return max(covered, key=lambda p: (covered[p], sort_key(p)), default=None)


def period_rows(values: pd.DataFrame, periods: Mapping[str, str]) -> pd.DataFrame:
    """The rows of each indicator's given period (other indicators and periods left out)."""
    return values[values["period"].eq(values["indicator_id"].map(periods))]


def _orientation(meta: pd.DataFrame) -> pd.Series:
    """+1 when a higher value is more fragile, −1 otherwise, by indicator id."""
    worse = meta.set_index("indicator_id")["higher_is_worse"].astype("boolean")
    return worse.map({True: 1.0, False: -1.0})


def indicator_scores(
    values: pd.DataFrame,
    meta: pd.DataFrame,
    territory_ids: Sequence[str],
    periods: Mapping[str, str],
    method: str = DEFAULT_METHOD,
) -> pd.DataFrame:
    """Scores of the indicators of `periods` (indicator_id -> period), long format:
    territory_id, indicator_id, period, value, score."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {METHODS}")
    rows = period_rows(values, periods)
    shown = rows[rows["territory_id"].isin(territory_ids)][
        ["territory_id", "indicator_id", "period", "value"]
    ].copy()
    sign = shown["indicator_id"].map(_orientation(meta)).astype(float)
    if method == "minmax":
        grouped = shown.groupby("indicator_id")["value"]
        low, high = grouped.transform("min"), grouped.transform("max")
        spread = (high - low).where(high > low)
        position = 100 * (shown["value"] - low) / spread
        shown["score"] = position.where(sign > 0, 100 - position)
    else:
        ref = shown["indicator_id"].map(reference_values(rows, meta))
        shown["score"] = 100 * (1 + sign * (shown["value"] - ref) / ref)
    return shown.reset_index(drop=True)


def reference_values(rows: pd.DataFrame, meta: pd.DataFrame) -> pd.Series:
    """indicator_id -> its reference territory's value among `rows` (one period per indicator),
    for the indicators that have a positive one."""
    pairs = meta.dropna(subset=["reference_territory_id"])
    reference = rows["indicator_id"].map(pairs.set_index("indicator_id")["reference_territory_id"])
    found = rows[rows["territory_id"].eq(reference) & rows["value"].gt(0)]
    return found.drop_duplicates("indicator_id").set_index("indicator_id")["value"].astype(float)


def domain_indices(scores: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Mean score of each domain's indicators (columns: territory_id, domain_id, index, n)."""
    domains = scores["indicator_id"].map(meta.set_index("indicator_id")["domain_id"])
    grouped = scores.assign(domain_id=domains).groupby(["territory_id", "domain_id"])["score"]
    # mean of the available scores; a domain whose scores are all missing stays missing
    result = grouped.agg(index="mean", n="count").reset_index()
    return result


def weighted_mean(
    values: np.ndarray, columns: Sequence[str], weights: Mapping[str, float]
) -> np.ndarray:
    """Weighted mean of each row of `values` (columns named `columns`) over the columns weighted
    above 0, NaN when one of them is missing or when none is weighted. The columns are summed
    in sorted order, so that the same row and weights give the same number whatever the
    order and the other columns of the matrix (one value, one rank on every page)."""
    used = sorted(c for c in columns if float(weights.get(c, 0.0)) > 0)
    if not used:
        return np.full(len(values), np.nan)
    position = {c: i for i, c in enumerate(columns)}
    w = np.array([float(weights[c]) for c in used])
    # a NaN in a weighted domain makes the sum NaN: missing, never 0
    return (values[:, [position[c] for c in used]] * w).sum(axis=1) / w.sum()


def overall_index(
    domain_table: pd.DataFrame, weights: Mapping[str, float], all_domains: Sequence[str]
) -> pd.DataFrame:
    """Weighted mean of domain indices (columns: territory_id, index, n_domains, n_total).

    Domains with weight 0 are left out. A territory missing any weighted domain gets a missing
    index ("non disponible"). `n_domains` counts the weighted domains, out of `n_total`.
    """
    wide = domain_table.pivot(index="territory_id", columns="domain_id", values="index")
    columns = list(wide.columns)
    return pd.DataFrame(
        {
            "territory_id": wide.index,
            "index": weighted_mean(wide.to_numpy(dtype=float), columns, weights),
            "n_domains": sum(float(weights.get(c, 0.0)) > 0 for c in columns),
            "n_total": len(all_domains),
        }
    ).reset_index(drop=True)
