"""A small line chart of one indicator over time (`lib.trends.Trend`): the territory, its
reference row and its region on a true time axis (decimal years), gaps and changes of vintage
drawn as breaks (`connectgaps` off: nothing is interpolated).

Traces and layout are plain dicts given to `styled_figure`: no validation pass at run time (the
tests validate these figures).
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from lib import trends
from lib.charts.style import QUALITATIVE, styled_figure
from lib.formatting import format_value
from lib.languages import language
from lib.periods import period_label
from lib.safe_text import plotly_text

# Okabe–Ito colours, told apart by dash too: territory, reference row, region.
LINE_STYLES = {
    "territory": {"color": QUALITATIVE[0], "width": 3},
    "reference": {"color": QUALITATIVE[7], "width": 2, "dash": "dash"},
    "parent": {"color": QUALITATIVE[1], "width": 2, "dash": "dot"},
}
HEIGHT = 290
LISTED_TICKS = 8  # up to this many periods, each is a tick labelled with its period
YEAR_TICKS = 6  # otherwise about this many ticks, one per year or every few years
UNIT_COLOUR = "#595959"  # dark grey, readable on white (contrast 7:1)


def time_ticks(positions: list[float], periods: list[str], lang: str) -> dict:
    """Each period as a tick when there are few; otherwise years, each at the middle of the
    year (where a yearly value sits: `lib.periods.position`). Also the PDF's and the deck's
    static chart (`lib.static_charts.trend_png`)."""
    if len(periods) <= LISTED_TICKS:
        return {"tickvals": positions, "ticktext": [period_label(p, lang) for p in periods]}
    first, last = math.floor(min(positions)), math.floor(max(positions))
    step = max(1, math.ceil((last - first + 1) / YEAR_TICKS))
    years = list(range(first, last + 1, step))
    return {"tickvals": [y + 0.5 for y in years], "ticktext": [str(y) for y in years]}


def trend_figure(trend: trends.Trend, decimals: int, lang: str = "fr") -> go.Figure:
    """The indicator's lines; the hover gives each point's period and value with its unit and
    `decimals` (a point's own when its source publishes it with others)."""
    traces = []
    axis: dict[str, float] = {}  # period -> position, every period drawn
    for line in trend.lines:
        xs, ys, periods = trends.drawn(line)
        name = plotly_text(line.name)
        own = {p.period: p.decimals for p in line.points if p.decimals is not None}
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": name,
                "x": xs,
                "y": ys,
                "connectgaps": False,
                "line": LINE_STYLES[line.role],
                "marker": {"size": 6, "color": LINE_STYLES[line.role]["color"]},
                "customdata": [
                    [
                        period_label(p, lang) if p else "",
                        plotly_text(format_value(y, trend.unit, own.get(p, decimals), lang))
                        if y is not None
                        else "",
                    ]
                    for p, y in zip(periods, ys, strict=True)
                ],
                "hovertemplate": "%{customdata[0]}"
                + language(lang).colon
                + "%{customdata[1]}<extra>"
                + name
                + "</extra>",
            }
        )
        axis.update((p, x) for p, x in zip(periods, xs, strict=True) if p is not None)
    ordered = sorted(axis, key=axis.get)
    positions = [axis[p] for p in ordered]
    margin = max(0.3, (max(positions) - min(positions)) * 0.04)
    layout = {
        "xaxis": {
            **time_ticks(positions, ordered, lang),
            "range": [min(positions) - margin, max(positions) + margin],
            "showgrid": False,
        },
        "yaxis": {"exponentformat": "none", "separatethousands": True},  # 24 000, not 24k
        "legend": {"orientation": "h", "y": -0.18, "x": 0, "yanchor": "top"},
        "separators": language(lang).decimal_mark + language(lang).thousands,
        "showlegend": True,
        "title": {  # the unit, small, above the values' axis
            "text": plotly_text(trend.unit),
            "font": {"size": 12, "color": UNIT_COLOUR},
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": 1,
            "yref": "paper",
            "yanchor": "bottom",
        },
    }
    return styled_figure(
        traces,
        layout,
        height=HEIGHT,
        over={"font": {"size": 12}, "margin": {"l": 10, "r": 10, "t": 30, "b": 10}},
    )
