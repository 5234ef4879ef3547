"""Figures of the Alliances page: one horizontal bar chart per (study, year, unit) group."""

from __future__ import annotations

import plotly.graph_objects as go

from lib.alliance_figures import Bar, ChartGroup
from lib.charts.style import QUALITATIVE, STYLE_LAYOUT
from lib.i18n import t
from lib.safe_text import plotly_text, plotly_wrapped

LABEL_WIDTH = 38  # characters per line of a bar label
BAR_HEIGHT = 44
PERCENT_RANGE = [0, 108]  # room for the value printed after the longest bar


def actor_colour(order: int) -> str:
    """One colour per actor, the same in every chart (Okabe–Ito, by the actors' order)."""
    return QUALITATIVE[(order - 1) % len(QUALITATIVE)]


def _by_actor(bars: tuple[Bar, ...]) -> dict[str, list[Bar]]:
    """Bars by actor, actors in the vocabulary's order (same legend order in every chart)."""
    by_actor: dict[str, list[Bar]] = {}
    for bar in sorted(bars, key=lambda b: b.actor_order):
        by_actor.setdefault(bar.actor_key, []).append(bar)
    return by_actor


def _trace(bars: list[Bar], population: str) -> dict:
    return {
        "type": "bar",
        "orientation": "h",
        "x": [bar.value for bar in bars],
        "y": [plotly_wrapped(bar.label, LABEL_WIDTH) for bar in bars],
        "name": plotly_text(bars[0].actor_name),
        "marker": {"color": actor_colour(bars[0].actor_order)},
        "text": [plotly_text(bar.value_text) for bar in bars],
        "textposition": "outside",
        "cliponaxis": False,
        "customdata": [[plotly_text(bar.value_text), plotly_text(bar.population)] for bar in bars],
        "hovertemplate": (
            f"%{{y}}<br>%{{customdata[0]}}<br>{population} : %{{customdata[1]}}"
            "<extra>%{fullData.name}</extra>"
        ),
    }


def group_chart(group: ChartGroup, lang: str) -> go.Figure:
    """Bars of one group, one colour per actor; values printed after the bars."""
    population = t("alliances_hover_population", lang)
    by_actor = _by_actor(group.bars)
    rows = len({bar.label for bar in group.bars})
    layout = {
        **STYLE_LAYOUT,
        "height": int(170 + BAR_HEIGHT * rows * len(by_actor) ** 0.5),
        "title": {"text": plotly_text(f"{group.study}, {group.year_text}"), "font": {"size": 16}},
        "barmode": "group",
        "showlegend": True,
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        "meta": {"group": group.key, "dimension": group.dimension},
        "yaxis": {"autorange": "reversed", "automargin": True},
        "xaxis": {
            "title": {"text": t("alliances_unit_" + group.unit, lang)},
            "range": PERCENT_RANGE if group.unit == "%" else None,
            "gridcolor": "#eeeeee",
            "automargin": True,
        },
    }
    data = [_trace(bars, population) for bars in by_actor.values()]
    return go.Figure({"data": data, "layout": layout})
