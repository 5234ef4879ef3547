"""A territory's indicators over time (the profile's « Évolutions »), without Streamlit.

For each fragility indicator of the territory's level (the key figures' list), up to three lines
on one time axis (decimal years, `lib.periods.position`): the territory, the indicator's
**reference row** (`reference_territory_id`: the France scope that base 100 and the key figures'
benchmark use, for the same concept and period) and, for a department, its region. Rules:

- **No interpolation.** A line holds the periods its level has values for between its first and
  last value; a period without a value there is a gap (`None`), drawn as a break.
- **Vintages are never joined.** A point's vintage is its row's origin: the embedded data or one
  layer (an upload...). Within the embedded data a different definition is a different concept id
  (`data/README.md`), and the import kept one vintage per concept where the series notes warn
  (`data/series_import_report.md`: unemployment update of 20/12/2023, the CNAF system of 2016 for
  AAH, the SSMSI 2025 edition), so one embedded concept is one series. Points of two vintages are
  drawn apart and never compared.
- **The last change** compares the territory's latest period with its previous period of the same
  vintage (also with the first one of that vintage), in points for a percentage and in the
  indicator's unit otherwise. Its direction is judged by `higher_is_worse`: "plus fragile" /
  "moins fragile"; **stable** when the change rounds to 0 at the precision the indicator is shown
  with (its `decimals`).
- **The summary** lists the indicators whose last change is the most fragile-ward ("Ce qui
  s'aggrave") and the most favourable ("Ce qui s'améliore"), at most SUMMARY_SIZE each, ranked by
  the change divided by the spread (standard deviation) of the level's territories at the
  previous period: units and scales differ between indicators, and a ratio to the previous
  value means nothing for a rate of change near 0. Without a spread (fewer than MIN_SPREAD
  territories with a value), an indicator is drawn but not ranked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import pstdev

import pandas as pd

from lib import sources_page
from lib.datasets import EMBEDDED_ORIGIN
from lib.formatting import format_number, format_value, is_missing, join_items
from lib.i18n import t
from lib.periods import period_label, position, sort_key
from lib.profile import KeyFigures, Lookups, main_indicators
from lib.vocabulary import shown_decimals, unit_text

SUMMARY_SIZE = 3
MIN_SPREAD = 3  # territories of a level with a value at a period, for its spread to rank changes
MINUS = "\u2212"  # a change below zero: "−0,4 pt" (never read as a formula in a spreadsheet)


@dataclass(frozen=True)
class Point:
    """One period of a line: its value (None: a gap), vintage (origin), source and the decimals
    its source publishes it with (None: its indicator's)."""

    period: str
    position: float  # decimal year (lib.periods.position)
    value: float | None
    vintage: str | None = None
    source_id: str | None = None
    decimals: int | None = None


@dataclass(frozen=True)
class Place:
    """What a line needs to know of a territory (pandas lookups are slow in loops)."""

    level: str
    parent_id: str | None
    name: str


@dataclass(frozen=True)
class SeriesIndex:
    """Every known value by (territory, concept), the periods each level has values for and the
    spread of its territories at each period; built once per dataset (`series_index`)."""

    places: dict[str, Place]  # France scopes, regions, departments
    known: dict[tuple[str, str], tuple[Point, ...]]  # oldest first
    level_periods: dict[tuple[str, str], tuple[str, ...]]  # (level, concept) -> oldest first
    spread: dict[tuple[str, str, str], float]  # (level, concept, period) -> standard deviation


def series_index(indicators: pd.DataFrame, places: pd.DataFrame) -> SeriesIndex:
    """Index the indicator rows of the territories in `places` (territories by territory_id,
    as `lib.profile.Lookups.places`)."""
    by_id = {
        place: Place(str(level), None if is_missing(parent) else str(parent), str(name))
        for place, level, parent, name in zip(
            places.index, places["level"], places["parent_id"], places["name"], strict=True
        )
    }
    origins = (
        indicators["origin"].tolist()
        if "origin" in indicators
        else [EMBEDDED_ORIGIN] * len(indicators)
    )
    own = (
        indicators["decimals"].astype(object).tolist()
        if "decimals" in indicators
        else [None] * len(indicators)
    )
    known: dict[tuple[str, str], list[Point]] = {}
    values: dict[tuple[str, str, str], list[float]] = {}
    columns = ("territory_id", "indicator_id", "period", "value", "source_id")
    for place, concept, period, value, source_id, origin, decimals in zip(
        *(indicators[c].tolist() for c in columns), origins, own, strict=True
    ):
        if place not in by_id or is_missing(value):
            continue
        level = by_id[place].level
        decimals = None if is_missing(decimals) else int(decimals)
        point = Point(period, position(period), float(value), origin, source_id, decimals)
        known.setdefault((place, concept), []).append(point)
        values.setdefault((level, concept, period), []).append(point.value)
    periods: dict[tuple[str, str], set[str]] = {}
    for level, concept, period in values:
        periods.setdefault((level, concept), set()).add(period)
    return SeriesIndex(
        places=by_id,
        known={
            key: tuple(sorted(ps, key=lambda p: sort_key(p.period))) for key, ps in known.items()
        },
        level_periods={key: tuple(sorted(ps, key=sort_key)) for key, ps in periods.items()},
        spread={key: pstdev(vs) for key, vs in values.items() if len(vs) >= MIN_SPREAD},
    )


@dataclass(frozen=True)
class Line:
    """One territory's series of a concept: every period of its level between its first and
    last value, a gap being a point without value."""

    territory_id: str
    name: str
    role: str  # "territory", "reference" (the concept's reference row) or "parent" (region)
    points: tuple[Point, ...]

    @property
    def known(self) -> tuple[Point, ...]:
        return tuple(p for p in self.points if p.value is not None)


def series_line(index: SeriesIndex, territory_id: str, concept: str, role: str) -> Line | None:
    """The line of `territory_id` (None without any value)."""
    known = index.known.get((territory_id, concept))
    if not known:
        return None
    place = index.places[territory_id]
    by_period = {p.period: p for p in known}
    first, last = sort_key(known[0].period), sort_key(known[-1].period)
    points = tuple(
        by_period.get(period) or Point(period, position(period), None)
        for period in index.level_periods[(place.level, concept)]
        if first <= sort_key(period) <= last
    )
    return Line(territory_id, place.name, role, points)


def drawn(line: Line) -> tuple[list[float], list[float | None], list[str | None]]:
    """x (decimal years), y (None = a break) and period of each point to draw: the line's gaps,
    plus a break between two known points of different vintages (never joined)."""
    xs: list[float] = []
    ys: list[float | None] = []
    periods: list[str | None] = []
    before: Point | None = None
    for point in line.points:
        if point.value is not None:
            if before is not None and before.vintage != point.vintage:
                xs.append((before.position + point.position) / 2)
                ys.append(None)
                periods.append(None)
            before = point
        xs.append(point.position)
        ys.append(point.value)
        periods.append(point.period)
    return xs, ys, periods


@dataclass(frozen=True)
class Change:
    """The territory's latest value against its previous one of the same vintage."""

    latest: str
    previous: str
    delta: float  # latest - previous, rounded to the indicator's decimals
    scaled: float | None  # the change / the level's spread at `previous` (None: no spread)
    direction: str  # "up", "down" or "stable"
    fragility: str | None  # "worse", "better", or None (stable, or no orientation)
    first: str | None  # the first period of the same vintage, when before `previous`
    delta_first: float | None  # latest - first, rounded


def last_change(
    known: tuple[Point, ...],
    decimals: int,
    higher_is_worse: bool | None,
    spread: Mapping[str, float] | None = None,
) -> Change | None:
    """The change of the latest known point (None without an earlier point of its vintage);
    `spread`: period -> standard deviation of the level's territories (to rank changes)."""
    if not known:
        return None
    latest = known[-1]
    same = [p for p in known[:-1] if p.vintage == latest.vintage]
    if not same:
        return None
    previous, first = same[-1], same[0]
    delta = round(latest.value - previous.value, decimals)
    direction, fragility = judged(delta, higher_is_worse)
    return Change(
        latest=latest.period,
        previous=previous.period,
        delta=delta,
        scaled=_scaled(latest.value - previous.value, (spread or {}).get(previous.period)),
        direction=direction,
        fragility=fragility,
        first=first.period if first is not previous else None,
        delta_first=round(latest.value - first.value, decimals) if first is not previous else None,
    )


def judged(delta: float, higher_is_worse: bool | None) -> tuple[str, str | None]:
    """Direction ("up", "down", "stable") and fragility ("worse", "better"; None when stable or
    without orientation) of a change already rounded to the indicator's decimals."""
    direction = "up" if delta > 0 else "down" if delta < 0 else "stable"
    if direction == "stable" or higher_is_worse is None:
        return direction, None
    return direction, "worse" if (direction == "up") == higher_is_worse else "better"


def _scaled(change: float, spread: float | None) -> float | None:
    return change / spread if spread else None


def is_percentage(unit: str) -> bool:
    """A unit in % (its changes read in points): '%', '% des personnes', 'taux ..., en %'."""
    return unit.startswith("%") or "en %" in unit


def signed_number(delta: float, decimals: int, lang: str = "fr") -> str:
    """'+1,2', '−0,4', '0,0': a change without its unit."""
    sign = "+" if delta > 0 else MINUS if delta < 0 else ""
    return sign + format_number(abs(delta), decimals, lang)


def delta_text(delta: float, meta: Mapping[str, object], lang: str = "fr") -> str:
    """'+1,2 pt', '−0,4 pt', '+950 € par an et par UC' (a percentage's change in points)."""
    number = signed_number(delta, int(meta["decimals"]), lang)
    unit = t("trend_points", lang) if is_percentage(str(meta["unit"])) else unit_text(meta, lang)
    return f"{number} {unit}"


def change_sentence(
    change: Change | None, meta: Mapping[str, object], lang: str = "fr", short: bool = False
) -> str:
    """The last change in words: '+1,2 pt depuis 2016 : en hausse, plus fragile'; `short`, the
    key figures' « Évolution » cell: '+1,2 pt depuis 2016 (plus fragile)'. 'stable depuis 2016'
    when it rounds to 0; without a change, why (or 'non disponible' when `short`)."""
    if change is None:
        return t("not_available" if short else "trend_no_change", lang)
    since = period_label(change.previous, lang)
    if change.direction == "stable":
        return t("trend_stable", lang, since=since)
    text = t("trend_since", lang, delta=delta_text(change.delta, meta, lang), since=since)
    fragility = t(f"trend_{change.fragility}", lang) if change.fragility else None
    if short:
        return f"{text} ({fragility})" if fragility else text
    words = t(f"trend_{change.direction}", lang)
    if fragility:
        words = t("trend_judged", lang, direction=words, fragility=fragility)
    return t("trend_sentence", lang, change=text, words=words)


def since_first_sentence(
    change: Change | None, meta: Mapping[str, object], lang: str = "fr"
) -> str:
    """'Depuis T1 2014 : −2,4 pt.' when the vintage starts before the previous period, else ''."""
    if change is None or change.first is None:
        return ""
    return t(
        "trend_since_first",
        lang,
        first=period_label(change.first, lang),
        delta=delta_text(change.delta_first, meta, lang),
    )


@dataclass(frozen=True)
class Trend:
    """One indicator of the territory over time, ready to draw and to read."""

    indicator_id: str
    label: str
    unit: str  # in the page's language
    lines: tuple[Line, ...]  # the territory first, then its reference row and its parent
    change: Change | None
    sentence: str  # change_sentence
    short: str  # change_sentence(..., short=True)
    since_first: str  # since_first_sentence ('' when none)
    sources: str  # the publishers of the territory's values

    @property
    def n_periods(self) -> int:
        """How many periods the territory has a value for."""
        return len(self.lines[0].known)


@dataclass(frozen=True)
class TerritoryTrends:
    """Every fragility indicator of a territory over time and the summary of its last changes."""

    territory_id: str
    trends: tuple[Trend, ...]  # in the key figures' order
    # « Ce qui s'aggrave » / « Ce qui s'améliore »: (indicator_id, summary_line), largest first
    worse: tuple[tuple[str, str], ...]
    better: tuple[tuple[str, str], ...]

    @property
    def charted(self) -> tuple[Trend, ...]:
        """The indicators with two periods or more for the territory (drawn as lines)."""
        return tuple(trend for trend in self.trends if trend.n_periods >= 2)


def territory_lines(
    look: Lookups, index: SeriesIndex, territory_id: str, concept: str
) -> tuple[Line, ...]:
    """The territory's line of `concept`, then its reference row's and its region's (those with
    a value; the reference row is the concept's, the same for every period)."""
    wanted = [(territory_id, "territory")]
    reference = look.meta[concept]["reference_territory_id"]
    if not is_missing(reference) and reference:
        wanted.append((str(reference), "reference"))
    place = index.places[territory_id]
    if place.level == "department" and place.parent_id:
        wanted.append((place.parent_id, "parent"))
    lines = (series_line(index, other, concept, role) for other, role in wanted)
    return tuple(line for line in lines if line is not None)


def trend(look: Lookups, index: SeriesIndex, territory_id: str, concept: str) -> Trend | None:
    """One indicator of the territory over time (None when the territory has no value)."""
    lines = territory_lines(look, index, territory_id, concept)
    if not lines or lines[0].role != "territory":
        return None
    meta, lang = look.meta[concept], look.lang
    worse = meta["higher_is_worse"]
    level = index.places[territory_id].level
    spread = {
        period: index.spread[(level, concept, period)]
        for period in index.level_periods[(level, concept)]
        if (level, concept, period) in index.spread
    }
    change = last_change(
        lines[0].known, int(meta["decimals"]), None if is_missing(worse) else bool(worse), spread
    )
    publishers = dict.fromkeys(look.publishers[p.source_id] for p in lines[0].known)
    return Trend(
        indicator_id=concept,
        label=look.label(concept),
        unit=unit_text(meta, lang),
        lines=lines,
        change=change,
        sentence=change_sentence(change, meta, lang),
        short=change_sentence(change, meta, lang, short=True),
        since_first=since_first_sentence(change, meta, lang),
        sources=join_items(publishers, lang, long_items=True),
    )


def _ranked(look: Lookups, trends: list[Trend], fragility: str) -> tuple[tuple[str, str], ...]:
    """The trends whose last change goes `fragility`-ward, the largest against the level's
    spread first, as (indicator_id, summary_line)."""
    chosen = [
        tr
        for tr in trends
        if tr.change is not None
        and tr.change.fragility == fragility
        and tr.change.scaled is not None
    ]
    chosen.sort(key=lambda tr: abs(tr.change.scaled), reverse=True)
    return tuple((tr.indicator_id, summary_line(look, tr)) for tr in chosen[:SUMMARY_SIZE])


def territory_trends(
    look: Lookups, index: SeriesIndex, territory_id: str, concepts: Sequence[str] | None = None
) -> TerritoryTrends:
    """Every fragility indicator of the territory over time: `concepts`, the key figures'
    indicators (`lib.profile.main_indicators`, computed when not given)."""
    if concepts is None:
        concepts = [concept for concept, _ in main_indicators(look, territory_id)]
    found = (trend(look, index, territory_id, concept) for concept in concepts)
    trends = [tr for tr in found if tr is not None]
    return TerritoryTrends(
        territory_id=territory_id,
        trends=tuple(trends),
        worse=_ranked(look, trends, "worse"),
        better=_ranked(look, trends, "better"),
    )


def for_territory(look: Lookups, territory_id: str) -> TerritoryTrends:
    """`territory_trends` of the key figures' indicators, the series index built here (the
    exports: the profile page shares its index, `lib.profile.page`)."""
    return territory_trends(look, series_index(look.dataset.indicators, look.places), territory_id)


def leading(territory: TerritoryTrends) -> Trend | None:
    """The trend a slide draws: the largest change towards fragility, else the largest
    favourable one, else the first indicator known at two periods (None: none is)."""
    by_id = {tr.indicator_id: tr for tr in territory.trends}
    ranked = [*territory.worse, *territory.better]
    if ranked:
        return by_id[ranked[0][0]]
    return territory.charted[0] if territory.charted else None


def with_changes(figures: KeyFigures, model: TerritoryTrends, lang: str) -> pd.DataFrame:
    """The key figures with each indicator's last change after its period ('non disponible'
    when the territory has a single period of it): the profile's and the PDF's table."""
    shorts = {tr.indicator_id: tr.short for tr in model.trends}
    table = figures.table.copy()
    missing = t("not_available", lang)
    changes = [shorts.get(indicator_id, missing) for indicator_id in figures.indicator_ids]
    table.insert(table.columns.get_loc(t("period", lang)) + 1, t("trend_column", lang), changes)
    return table


def summary_line(look: Lookups, tr: Trend) -> str:
    """'Taux de chômage localisé : +0,3 pt entre T2 2023 et T3 2023 (10,9 %)'."""
    change, lang = tr.change, look.lang
    meta, latest = look.meta[tr.indicator_id], tr.lines[0].known[-1]
    return t(
        "trend_summary_line",
        lang,
        label=tr.label,
        delta=delta_text(change.delta, meta, lang),
        previous=period_label(change.previous, lang),
        latest=period_label(change.latest, lang),
        value=format_value(latest.value, tr.unit, shown_decimals(meta, latest.decimals), lang),
    )


def long_table(look: Lookups, territory: TerritoryTrends) -> pd.DataFrame:
    """Every period of every line of the territory's indicators, one row each (the territory,
    its reference rows, its region): territory, role, indicator, period, value (a number), unit,
    source and its verification status."""
    lang = look.lang
    sources = look.dataset.sources
    checks = dict(
        zip(sources["source_id"], sources_page.verification_texts(sources, lang), strict=True)
    )
    rows = [
        {
            "territory_id": line.territory_id,
            t("territory", lang): line.name,
            t("trend_col_role", lang): t(f"trend_role_{line.role}", lang),
            "indicator_id": tr.indicator_id,
            t("indicator", lang): tr.label,
            "period": point.period,
            t("period", lang): period_label(point.period, lang),
            t("value", lang): point.value,
            t("sources_col_unit", lang): tr.unit,
            t("source", lang): look.sources[point.source_id],
            t("sources_col_verification", lang): checks.get(point.source_id)
            or t("trend_not_assessed", lang),
        }
        for tr in territory.trends
        for line in tr.lines
        for point in line.known
    ]
    return pd.DataFrame(rows)
