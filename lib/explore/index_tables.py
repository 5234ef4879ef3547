"""Scores, domain indices and overall index of a set of territories, in one table."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from lib.data import Dataset
from lib.indices import (
    DEFAULT_METHOD,
    domain_indices,
    eligible_indicators,
    indicator_scores,
    overall_index,
)


@dataclass(frozen=True)
class IndexTable:
    """Scores, domain indices and overall index of a set of territories."""

    scores: pd.DataFrame  # territory_id, indicator_id, period, value, score
    domains: pd.DataFrame  # territory_id, domain_id, index, n
    overall: pd.DataFrame  # territory_id, index, n_domains, n_total
    indicators_used: list[str]
    coverage: pd.DataFrame  # per indicator and period: covered, eligible, reason
    periods: dict[str, str]  # indicator_id -> the period used


# How a page computes the index table of some territories: `index_table` itself, or a cached
# version of it (lib.cached) handed to the functions that need several tables.
IndexTables = Callable[[Dataset, Sequence[str], str], IndexTable]


def index_table(
    dataset: Dataset,
    territory_ids: Sequence[str],
    method: str = DEFAULT_METHOD,
    weights: Mapping[str, float] | None = None,
) -> IndexTable:
    """Everything the index pages need for one set of territories (same level)."""
    eligibility = eligible_indicators(dataset.indicators, dataset.indicator_meta, territory_ids)
    scores = indicator_scores(
        dataset.indicators, dataset.indicator_meta, territory_ids, eligibility.periods, method
    )
    domains = domain_indices(scores, dataset.indicator_meta)
    available = sorted(domains.dropna(subset=["index"])["domain_id"].unique())
    weights = weights if weights is not None else dict.fromkeys(available, 1.0)
    overall = overall_index(domains, weights, list(dataset.domains["domain_id"]))
    return IndexTable(
        scores, domains, overall, eligibility.eligible, eligibility.coverage, eligibility.periods
    )
