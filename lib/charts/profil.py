"""Figures of the territory profile: the territory's domain indices as bars and as a radar.

Traces are plain dicts and layouts are given to the figure's constructor (one validation pass,
much faster than trace objects validated twice or several `update_*` calls), then
`apply_style` adds the shared look.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from lib.charts.style import QUALITATIVE, apply_style
from lib.formatting import format_number
from lib.i18n import t

BAR_COLOUR = QUALITATIVE[0]
REFERENCE_COLOUR = QUALITATIVE[7]
NOT_AVAILABLE_COLOUR = "#707070"  # dark grey text, readable on white
ROW_HEIGHT = 26
LEGEND = {"orientation": "h", "y": 1.0, "x": 0, "yanchor": "bottom"}


def reference_name(method: str, level: str, lang: str = "fr") -> str:
    """Legend of the benchmark: 'Médiane (Régions)' or '100 = France'."""
    return t(f"profile_chart_reference_{method}", lang, territories=t(f"level_{level}", lang))


def _reference_trace(shown: pd.DataFrame, method: str, level: str, lang: str) -> dict:
    """Min-max: the level's median of each domain as a black tick. Base 100: the legend entry
    of the dashed line drawn at 100 (a layout shape)."""
    name = reference_name(method, level, lang)
    if method == "minmax":
        return {
            "type": "scatter",
            "name": name,
            "x": shown["reference"].tolist(),
            "y": shown["label"].tolist(),
            "mode": "markers",
            "marker": {
                "symbol": "line-ns",
                "size": 22,
                "line": {"width": 3, "color": REFERENCE_COLOUR},
            },
            "hovertemplate": "%{y}<br>%{x:.1f}<extra>" + name + "</extra>",
        }
    line = {"color": REFERENCE_COLOUR, "dash": "dash", "width": 2}
    return {
        "type": "scatter",
        "name": name,
        "x": [None],
        "y": [None],
        "mode": "lines",
        "line": line,
    }


def domain_bars(frame: pd.DataFrame, method: str, level: str, lang: str = "fr") -> go.Figure:
    """One bar per domain (index and rank in the text), the benchmark as a black tick (median
    of the level) or a dashed line (100 = France); domains without an index read "non
    disponible". `frame`: lib.profile.DomainProfile.frame."""
    shown = frame[frame["index"].notna()]
    missing = frame[frame["index"].isna()]
    top = max([100.0, *shown["index"], *shown["reference"].dropna()])
    bars = {
        "type": "bar",
        "name": t("profile_chart_index", lang),
        "x": shown["index"].tolist(),
        "y": shown["label"].tolist(),
        "orientation": "h",
        "marker": {"color": BAR_COLOUR},
        "customdata": shown[["rank_text", "indicators", "sources"]].to_numpy().tolist(),
        "hovertemplate": "%{y}<br>%{x:.1f} · %{customdata[0]}<br>%{customdata[1]}"
        "<br>%{customdata[2]}<extra></extra>",
    }
    values = _text_trace(  # value and rank, aligned right of the plot (clear of the ticks)
        [top * 1.04] * len(shown),
        shown["label"].tolist(),
        [
            f"{format_number(v, 1, lang)} · {r}"
            for v, r in zip(shown["index"], shown["rank_text"], strict=True)
        ],
        "black",
    )
    not_available = _text_trace(
        [0] * len(missing), missing["label"].tolist(), [t("not_available", lang)] * len(missing)
    )
    line = {"color": REFERENCE_COLOUR, "dash": "dash", "width": 2}
    shapes = (
        [{"type": "line", "x0": 100, "x1": 100, "y0": 0, "y1": 1, "yref": "paper", "line": line}]
        if method == "base100"
        else []
    )
    layout = {
        "xaxis": {
            "range": [0, top * 1.42],
            "tickvals": [v for v in range(0, int(top) + 1, 20)],
            "title": {"text": t(f"index_unit_{method}", lang)},
        },
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": list(frame["label"])[::-1],
            "automargin": True,
        },
        "legend": LEGEND,
        "bargap": 0.3,
        "shapes": shapes,
    }
    traces = [bars, values, not_available, _reference_trace(shown, method, level, lang)]
    figure = go.Figure(traces, layout=layout)
    return apply_style(figure, height=130 + ROW_HEIGHT * len(frame))


def _text_trace(
    x: list[float], y: list[str], text: list[str], colour: str = NOT_AVAILABLE_COLOUR
) -> dict:
    """Words at given points, left-aligned, without legend or hover."""
    return {
        "type": "scatter",
        "x": x,
        "y": y,
        "mode": "text",
        "text": text,
        "textposition": "middle right",
        "textfont": {"color": colour},
        "hoverinfo": "skip",
        "showlegend": False,
        "cliponaxis": False,
    }


def wrap(label: str, width: int = 26) -> str:
    """A long label on several lines (radar labels are drawn outside the circle)."""
    return "<br>".join(textwrap.wrap(label, width)) or label


def domain_radar(frame: pd.DataFrame, method: str, level: str, lang: str = "fr") -> go.Figure:
    """The domains with an index on a radar, with the benchmark (closed shapes)."""
    shown = frame[frame["index"].notna()]

    def closed(values: pd.Series) -> list:
        return [*values.tolist(), values.iloc[0]]

    theta = closed(shown["label"].map(wrap))
    top = max([100.0, *shown["index"], *shown["reference"]])
    figure = go.Figure(
        [
            {
                "type": "scatterpolar",
                "name": t("profile_chart_index", lang),
                "r": closed(shown["index"]),
                "theta": theta,
                "fill": "toself",
                "line": {"color": BAR_COLOUR},
            },
            {
                "type": "scatterpolar",
                "name": reference_name(method, level, lang),
                "r": closed(shown["reference"]),
                "theta": theta,
                "line": {"color": REFERENCE_COLOUR, "dash": "dash"},
            },
        ],
        layout={
            "polar": {"radialaxis": {"range": [0, top * 1.05]}},
            "legend": {"orientation": "h", "y": -0.08, "x": 0, "yanchor": "top"},
        },
    )
    return apply_style(
        figure,
        height=460,
        over={"font": {"size": 12}, "margin": {"l": 90, "r": 90, "t": 30, "b": 30}},
    )
