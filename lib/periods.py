"""Periods of indicator values: a year `2021`, a quarter `2023-T3` or a span `2016-2022`.

A period is kept as that string everywhere (files, URLs, tables). This module checks it,
orders it and places it in time:
- `position`: a decimal year at the middle of the period (2021 -> 2021.5, 2023-T3 -> 2023.625);
  a span is placed at the middle of its **last** year (2016-2022 -> 2022.5): its value describes
  the span as a whole and is known only at its end.
- `sort_key`: chronological order by `position`, then by start (a year before a span ending the
  same year), so "the latest period" is the last one in that order.
- `period_label`: what a person reads ("T3 2023" in French, "Q3 2023" in English, "2016-2022").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lib.formatting import join_items
from lib.i18n import t

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-T([1-4])$")
_SPAN = re.compile(r"^(\d{4})-(\d{4})$")
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _bounds(period: str) -> tuple[float, float] | None:
    """(start, end) of the period in decimal years, or None when it is not a period."""
    text = str(period)
    if match := _YEAR.match(text):
        year = int(match[1])
        bounds = (year, year + 1.0)
    elif match := _QUARTER.match(text):
        year, quarter = int(match[1]), int(match[2])
        bounds = (year + (quarter - 1) / 4, year + quarter / 4)
    elif match := _SPAN.match(text):
        start, end = int(match[1]), int(match[2])
        if start >= end:
            return None
        bounds = (start, end + 1.0)
    else:
        return None
    if not (bounds[0] >= FIRST_YEAR and bounds[1] <= LAST_YEAR + 1):
        return None
    return float(bounds[0]), float(bounds[1])


def is_period(text: object) -> bool:
    """True for a year, a quarter `YYYY-Tn` or a span `YYYY-YYYY` (start before end), 1900–2100."""
    return isinstance(text, str) and _bounds(text) is not None


def position(period: str) -> float:
    """Decimal year at the middle of the period; a span at the middle of its last year."""
    bounds = _bounds(period)
    if bounds is None:
        raise ValueError(f"not a period: {period!r}")
    start, end = bounds
    if _SPAN.match(period):
        start = end - 1.0
    return (start + end) / 2


@lru_cache(maxsize=4096)  # called for every value row when choosing periods: few distinct
def sort_key(period: str) -> tuple[float, float]:
    """Chronological order: by position, then by start (a span after the year it ends in)."""
    bounds = _bounds(period)
    if bounds is None:
        raise ValueError(f"not a period: {period!r}")
    return position(period), -bounds[0]


def latest(periods: Iterable[str]) -> str | None:
    """The latest of some periods (None when there is none)."""
    return max(periods, key=sort_key, default=None)


def chronological(periods: Iterable[str]) -> list[str]:
    """Distinct periods, oldest first."""
    return sorted(set(periods), key=sort_key)


def period_label(period: str, lang: str = "fr") -> str:
    """'2021', 'T3 2023' (French) / 'Q3 2023' (English), '2016-2022'."""
    text = str(period)
    if match := _QUARTER.match(text):
        return t("period_quarter", lang, quarter=match[2], year=match[1])
    return text


LISTED_PERIODS = 4  # more periods than this are shown as a span: 'T1 2014 à T3 2023 (39 périodes)'


def periods_text(periods: Iterable[str], lang: str = "fr") -> str:
    """The periods of a series, oldest first: listed ('2013, 2019, 2021') or, when there are
    more than LISTED_PERIODS, as a span with their number (gaps are not hidden: the number says
    how many there are); '' when there is none."""
    ordered = [period_label(p, lang) for p in chronological(periods)]
    if len(ordered) <= LISTED_PERIODS:
        return join_items(ordered, lang)
    return t("periods_span", lang, first=ordered[0], last=ordered[-1], n=len(ordered))
