"""The map of an indicator's change between two periods (the Carte's « Évolution » mode), without
Streamlit.

- **Value**: end − start for each territory, rounded to the indicator's decimals, in points for a
  percentage and in the indicator's unit otherwise (`lib.trends.delta_text`).
- **Non disponible** (grey, never 0): a territory without a value at either period, or whose two
  values come from different vintages (row `origin`: `lib.trends` never joins vintages), or
  outside the territories compared. Nothing is interpolated.
- **Colours**: ColorBrewer PuOr (colour-blind safe), DIVERGING_CLASSES classes of equal width
  symmetric around 0 (the middle class, near white, holds 0). Orange is always the more fragile
  side and purple the less fragile one (`higher_is_worse`); without an orientation, orange is a
  rise.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from lib import explore
from lib.classify import Classes
from lib.data import Dataset
from lib.datasets import publisher_texts
from lib.filters import Filters
from lib.formatting import format_number, format_value, join_items
from lib.i18n import t
from lib.periods import chronological, period_label, sort_key
from lib.trends import MINUS, delta_text, is_percentage
from lib.vocabulary import unit_text

# ColorBrewer PuOr, 5 classes, from orange (more fragile) to purple (less fragile).
PUOR = ("#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99")
DIVERGING_CLASSES = len(PUOR)
MIN_WIDTH_STEPS = 2  # the middle class spans at least −1 to +1 display step
ROUND_WIDTHS = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)  # times a power of 10

# How a page gets the map view of some filters: `lib.explore.filters_map_view` or a cached one.
MapViews = Callable[[Dataset, Filters], explore.MapView]


def start_options(periods: Sequence[str], end: str | None) -> list[str]:
    """The periods a change can start from (those before `end`), oldest first."""
    if end is None:
        return []
    return [p for p in chronological(periods) if sort_key(p) < sort_key(end)]


def default_start(periods: Sequence[str], end: str | None) -> str | None:
    """The start offered when the change mode is chosen: the oldest period before `end`."""
    options = start_options(periods, end)
    return options[0] if options else None


def diverging_classes(values: pd.Series, decimals: int, higher_is_worse: bool | None) -> Classes:
    """DIVERGING_CLASSES classes of equal width, symmetric around 0, covering every value
    (values rounded to `decimals`). No edge falls on a value that can be shown: a value on a
    class boundary goes to the class nearer 0, on both sides alike. Colours low to high, orange
    on the more fragile side."""
    present = values.dropna()
    if present.empty:
        return Classes(edges=(), colours=())
    step = 10.0**-decimals
    largest = round(float(present.abs().max()) / step)
    width = _round_width(max(MIN_WIDTH_STEPS, math.ceil(2 * largest / DIVERGING_CLASSES)))
    upper = [width * (2 * i + 1) / 2 for i in range(DIVERGING_CLASSES // 2 + 1)]  # in steps
    upper = [e + 0.5 if float(e).is_integer() else e for e in upper]
    edges = tuple([-e * step for e in reversed(upper)] + [e * step for e in upper])
    colours = PUOR if higher_is_worse is False else tuple(reversed(PUOR))
    return Classes(edges=edges, colours=colours)


def _round_width(steps: int) -> int:
    """A class width (in display steps) rounded up to a round number from 10 steps on (1 500
    rather than 1 464), for a legend that reads easily."""
    if steps < 10:
        return steps
    scale = 10 ** math.floor(math.log10(steps))
    return next(int(m * scale) for m in ROUND_WIDTHS if m * scale >= steps)


def legend_labels(classes: Classes, decimals: int, lang: str = "fr") -> list[str]:
    """The values each class holds, as shown: 'de −0,6 à +0,6' ('+0,7 to +1,8')."""
    step = 10.0**-decimals
    labels = []
    for low, high in zip(classes.edges, classes.edges[1:], strict=False):
        first, last = math.ceil(low / step) * step, math.floor(high / step) * step
        labels.append(
            signed(first, decimals, lang)
            if first == last
            else t(
                "change_class",
                lang,
                low=signed(first, decimals, lang),
                high=signed(last, decimals, lang),
            )
        )
    return labels


def signed(value: float, decimals: int, lang: str = "fr") -> str:
    """'+1,2', '−0,4', '0,0'."""
    rounded = round(value, decimals)
    sign = "+" if rounded > 0 else MINUS if rounded < 0 else ""
    return sign + format_number(abs(rounded), decimals, lang)


@dataclass(frozen=True)
class ChangeMap:
    """What the change mode shows: the map view (value = the change; `period` reads 'T4 2019 →
    T3 2023'), the legend, the captions and the table alternative."""

    view: explore.MapView
    start: str
    end: str
    legend: list[str]
    captions: list[str]
    table: pd.DataFrame


def change_map(
    dataset: Dataset, filters: Filters, views: MapViews = explore.filters_map_view
) -> ChangeMap:
    """The change of the filters' indicator from `filters.change_from` to the period their map
    shows (`filters.period`, or its default), over their scope."""
    if filters.change_from is None:
        raise ValueError("change_map needs filters.change_from (the start period)")
    end_view = views(dataset, filters.with_(change_from=None))
    start_view = views(dataset, filters.with_(period=filters.change_from, change_from=None))
    if start_view.period_id != filters.change_from:  # no value at all there: never another one
        missing = start_view.frame.assign(value=float("nan"), source_id=None)
        start_view = replace(start_view, frame=missing)
    return combine(dataset, start_view, end_view, filters.change_from, filters.lang)


def combine(
    dataset: Dataset, start: explore.MapView, end: explore.MapView, start_id: str, lang: str
) -> ChangeMap:
    """The change from the `start` view (period `start_id`) to the `end` view (same indicator,
    same territories)."""
    meta = dataset.indicator_meta.set_index("indicator_id").loc[end.selection]
    decimals, worse = int(meta["decimals"]), end.higher_is_worse
    frame = _change_frame(dataset, start.frame, end.frame, meta, lang)
    frame["value_text"] = [_change_text(v, meta, worse, lang) for v in frame["value"]]
    labels = (period_label(start_id, lang), end.period)
    frame["detail"] = [
        t(
            "change_detail",
            lang,
            start=labels[0],
            start_value=before,
            end=labels[1],
            end_value=after,
            note=note,
        )
        if compared
        else note
        for compared, before, after, note in zip(
            frame["compared"], frame["start_text"], frame["end_text"], frame["note"], strict=True
        )
    ]
    unit = t("trend_points", lang) if is_percentage(str(meta["unit"])) else end.unit
    classes = diverging_classes(frame["value"], decimals, worse)
    used = frame["value"].notna()
    sources = pd.concat([frame.loc[used, "start_source"], frame.loc[used, "source_id"]])
    direction = "worse" if worse else "better" if worse is False else "none"
    view = replace(
        end,
        unit=unit,
        period=t("change_period", lang, start=labels[0], end=labels[1]),
        frame=frame,
        classes=classes,
        source_ids=sorted(sources.dropna().unique()),
        notes=[t(f"change_colours_{direction}", lang), t("change_missing", lang)],
    )
    caption = t(
        "change_caption",
        lang,
        label=end.label,
        start=labels[0],
        end=labels[1],
        unit=unit,
        source=explore.sources_text(dataset, view.source_ids, lang),
    )
    return ChangeMap(
        view=view,
        start=start_id,
        end=end.period_id or "",
        legend=legend_labels(classes, decimals, lang),
        captions=[caption, *explore.note_lines(dataset, view, lang)],
        table=change_table(frame, worse, labels, lang),
    )


def _change_frame(
    dataset: Dataset, start: pd.DataFrame, end: pd.DataFrame, meta: pd.Series, lang: str
) -> pd.DataFrame:
    """territory_id, name, compared, value (the change), start/end values as text, start
    source, end source (source_id), origin (of the values compared) and note (their publishers,
    or why they are not compared)."""
    before = start.set_index("territory_id")
    frame = end[["territory_id", "name", "compared", "value", "source_id"]].rename(
        columns={"value": "end_value"}
    )
    frame["start_value"] = frame["territory_id"].map(before["value"])
    frame["start_source"] = frame["territory_id"].map(before["source_id"])
    both = frame["start_value"].notna() & frame["end_value"].notna()
    if "origin" in end and "origin" in before:
        origin = end["origin"]
        same_vintage = origin.eq(frame["territory_id"].map(before["origin"]))
    else:
        origin, same_vintage = pd.Series(None, index=frame.index, dtype=object), both
    decimals = int(meta["decimals"])
    frame["value"] = (frame["end_value"] - frame["start_value"]).round(decimals)
    frame["value"] = frame["value"].where(both & same_vintage)
    frame["origin"] = origin.where(frame["value"].notna())
    unit = unit_text(meta, lang)
    for name in ("start", "end"):
        frame[f"{name}_text"] = [
            format_value(v, unit, decimals, lang) for v in frame[f"{name}_value"]
        ]
    publishers = publisher_texts(dataset.sources, lang)
    frame["note"] = [
        t("outside_comparison", lang)
        if not compared
        else t("change_vintages_differ", lang)
        if comparable and not same
        else t("change_source", lang, source=_publishers(publishers, (first, last), lang))
        for compared, comparable, same, first, last in zip(
            frame["compared"],
            both,
            same_vintage,
            frame["start_source"],
            frame["source_id"],
            strict=True,
        )
    ]
    return frame


def _publishers(publishers: dict[str, str], source_ids: Sequence[object], lang: str) -> str:
    named = dict.fromkeys(publishers[s] for s in source_ids if isinstance(s, str))
    return join_items(named, lang, long_items=True) or t("not_available", lang)


def _change_text(value: float, meta: pd.Series, worse: bool | None, lang: str) -> str:
    """'−0,9 pt (moins fragile)', '+120 € par an et par UC (en hausse)', '0,0 pt (stable)'."""
    if pd.isna(value):
        return t("not_available", lang)
    if value == 0:
        judged = t("change_stable", lang)
    elif worse is None:
        judged = t("trend_up" if value > 0 else "trend_down", lang)
    else:
        judged = t("trend_worse" if (value > 0) == worse else "trend_better", lang)
    return f"{delta_text(value, meta, lang)} ({judged})"


def change_table(
    frame: pd.DataFrame, worse: bool | None, periods: tuple[str, str], lang: str
) -> pd.DataFrame:
    """The table alternative: each territory's start value, end value and change (missing in
    words), the most fragile-ward change first."""
    rows = frame.sort_values(
        ["value", "name"], ascending=[worse is False, True], na_position="last"
    )
    return pd.DataFrame(
        {
            t("territory", lang): rows["name"],
            t("change_value_at", lang, period=periods[0]): rows["start_text"],
            t("change_value_at", lang, period=periods[1]): rows["end_text"],
            t("trend_column", lang): rows["value_text"],
            t("change_col_note", lang): rows["note"],
        }
    )
