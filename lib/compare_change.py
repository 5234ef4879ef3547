"""Territories ranked by the change of one indicator between two periods (the Compare page's
« évolution » mode), without Streamlit. The rules are those of `lib.trends`:

- **No interpolation.** A territory needs a value at both periods; without one it is listed
  apart as "non disponible", never ranked, never 0.
- **Vintages are never joined.** Its two values must come from the same vintage (the rows'
  `origin`: the embedded data or one layer); otherwise it is listed apart too.
- **The change** is end − start rounded to the indicator's decimals, judged by
  `lib.trends.judged` ("plus fragile" / "moins fragile" / "stable" when it rounds to 0), read
  in points for a percentage (`lib.trends.delta_text`).
- **Rank 1 = the most degraded**: the largest change towards fragility (the change, its sign
  flipped when a higher value is better); the most improved are ranked the other way; ties
  share the best rank (`lib.ranking.ranks`), so stable territories share one rank.
- **Default periods**: the vintage most of the compared territories have values of, its
  earliest and latest periods held by at least half of those territories.
- **Indicators only.** Only fragility indicators with a direction and two periods or more
  among the compared territories. Domains are not ranked by change: a domain index is relative
  (min–max among the territories at one period, or base 100 of France at that period) and its
  indicators have different periods (quarters, census years), so a domain has no common start
  and end, and a change of its index would mix the other territories' moves with the
  territory's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.data import Dataset
from lib.datasets import EMBEDDED_ORIGIN
from lib.formatting import is_missing
from lib.periods import chronological, sort_key
from lib.ranking import ranks
from lib.trends import judged

DEFAULT_INDICATOR = "taux_chomage"
MISSING_REASONS = ("missing_both", "missing_start", "missing_end", "vintage")


@dataclass(frozen=True)
class Choices:
    """What the compared territories can be ranked by."""

    indicators: list[str]  # the metadata's order
    periods: dict[str, list[str]]  # indicator -> periods with a value, oldest first
    defaults: dict[str, tuple[str, str]]  # indicator -> (start, end)

    def indicator(self, wanted: str | None) -> str | None:
        """`wanted` when it can be ranked, else DEFAULT_INDICATOR, else the first (or None)."""
        for concept in (wanted, DEFAULT_INDICATOR):
            if concept in self.indicators:
                return concept
        return self.indicators[0] if self.indicators else None


def oriented_rows(
    dataset: Dataset, territory_ids: Sequence[str], concept: str | None = None
) -> pd.DataFrame:
    """Values of the oriented fragility indicators (only `concept` when given) among
    `territory_ids`, with their origin."""
    meta = dataset.indicator_meta
    oriented = meta.loc[meta["role"].eq("fragility") & meta["higher_is_worse"].notna()]
    values = dataset.indicators
    if concept is not None:
        values = values[values["indicator_id"].to_numpy() == concept]
    rows = values[
        values["territory_id"].isin(territory_ids)
        & values["indicator_id"].isin(oriented["indicator_id"])
        & values["value"].notna()
    ]
    if "origin" not in rows:
        rows = rows.assign(origin=EMBEDDED_ORIGIN)
    return rows


def choices(dataset: Dataset, territory_ids: Sequence[str]) -> Choices:
    """The indicators with two periods or more among `territory_ids`, their periods and
    default start and end."""
    rows = oriented_rows(dataset, territory_ids)
    vintages = rows.groupby(["indicator_id", "origin"])["territory_id"].nunique()
    held = rows.groupby(["indicator_id", "origin", "period"])["territory_id"].nunique()
    periods = {c: chronological(p) for c, p in rows.groupby("indicator_id")["period"]}
    indicators = [c for c in dataset.indicator_meta["indicator_id"] if len(periods.get(c, ())) >= 2]
    defaults = {}
    for concept in indicators:
        counts = vintages[concept]
        vintage = sorted(counts.index, key=lambda o: (-counts[o], o != EMBEDDED_ORIGIN, o))[0]
        own = held[concept][vintage]
        common = chronological(own.index[own * 2 >= counts[vintage]])
        span = common if len(common) >= 2 else chronological(own.index)
        span = span if len(span) >= 2 else periods[concept]
        defaults[concept] = (span[0], span[-1])
    return Choices(indicators, {c: periods[c] for c in indicators}, defaults)


@dataclass(frozen=True)
class Periods:
    """The start and end compared, and why a period asked for was not used."""

    start: str
    end: str
    dropped: tuple[str, ...] = ()  # periods asked for that the indicator does not have

    @property
    def ordered(self) -> bool:
        return sort_key(self.start) < sort_key(self.end)


def chosen_periods(
    available: Sequence[str], default: tuple[str, str], start: str | None, end: str | None
) -> Periods:
    """`start` and `end` when the indicator has them (else its default, the period dropped)."""
    dropped = tuple(p for p in (start, end) if p is not None and p not in available)
    return Periods(
        start if start in available else default[0],
        end if end in available else default[1],
        dropped,
    )


def _at(rows: pd.DataFrame, ids: pd.Index, period: str) -> tuple[np.ndarray, np.ndarray]:
    """Value (NaN when missing) and origin (None) of each of `ids` at `period`."""
    chosen = rows[rows["period"].to_numpy() == period]
    where = pd.Index(chosen["territory_id"]).get_indexer(ids)  # -1: not found, the last item
    values = np.append(chosen["value"].to_numpy(dtype=float), np.nan)
    origins = np.append(chosen["origin"].to_numpy(dtype=object), None)
    return values[where], origins[where]


def ranking(
    rows: pd.DataFrame,
    names: pd.Series,
    start: str,
    end: str,
    decimals: int,
    higher_is_worse: bool,
) -> pd.DataFrame:
    """Every territory of `names` (territory_id -> name) by its change of one indicator
    (`rows`: its values, with `origin`): territory_id, name, start, end, change, fragility,
    worse_rank (1 = most degraded), better_rank (1 = most improved), reason (why a territory
    is not ranked: MISSING_REASONS, else None), start_origin, end_origin (the values' vintages);
    the most degraded first, then the unranked (start, end and change missing)."""
    ids = names.index
    first_value, first_origin = _at(rows, ids, start)
    last_value, last_origin = _at(rows, ids, end)
    has_first, has_last = ~np.isnan(first_value), ~np.isnan(last_value)
    reason = np.select(
        [~has_first & ~has_last, ~has_first, ~has_last, first_origin != last_origin],
        list(MISSING_REASONS),
        default="",
    )
    ranked = reason == ""
    change = [
        round(b - a, decimals) if ok else np.nan
        for a, b, ok in zip(first_value.tolist(), last_value.tolist(), ranked, strict=True)
    ]
    fragility = [None if is_missing(c) else judged(c, higher_is_worse)[1] for c in change]
    worse = pd.Series(change, dtype=float) * (1.0 if higher_is_worse else -1.0)
    frame = pd.DataFrame(
        {
            "territory_id": ids,
            "name": names.to_numpy(),
            "start": np.where(ranked, first_value, np.nan),
            "end": np.where(ranked, last_value, np.nan),
            "change": change,
            "fragility": pd.Series(fragility, dtype=object),  # None when stable
            "worse_rank": ranks(worse).to_numpy(),
            "better_rank": ranks(-worse).to_numpy(),
            "reason": pd.Series([r or None for r in reason], dtype=object),
            "start_origin": first_origin,
            "end_origin": last_origin,
        }
    )
    return frame.sort_values(["worse_rank", "name"], na_position="last").reset_index(drop=True)
