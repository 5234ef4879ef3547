"""Figures of the territory profile: the territory's domain indices as bars and as a radar.

Traces and layouts are plain dicts given to `styled_figure` with the shared look: no validation
pass at run time (the tests validate these figures).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.charts.style import QUALITATIVE, styled_figure
from lib.formatting import format_number, is_missing
from lib.i18n import t
from lib.rows import records
from lib.safe_text import plotly_text, plotly_wrapped

BAR_COLOUR = QUALITATIVE[0]
REFERENCE_COLOUR = QUALITATIVE[7]
NOT_AVAILABLE_COLOUR = "#707070"  # dark grey text, readable on white
ROW_HEIGHT = 26
RADAR_LABEL_WIDTH = 26  # characters per line of a radar label (drawn outside the circle)
LEGEND = {"orientation": "h", "y": 1.0, "x": 0, "yanchor": "bottom"}


def reference_name(method: str, level: str, lang: str = "fr") -> str:
    """Legend of the benchmark: 'Médiane (Régions)' or '100 = France'."""
    return t(f"profile_chart_reference_{method}", lang, territories=t(f"level_{level}", lang))


def _reference_trace(shown: list[dict], method: str, level: str, lang: str) -> dict:
    """Min-max: the level's median of each domain as a black tick. Base 100: the legend entry
    of the dashed line drawn at 100 (a layout shape)."""
    name = plotly_text(reference_name(method, level, lang))
    if method == "minmax":
        return {
            "type": "scatter",
            "name": name,
            "x": [r["reference"] for r in shown],
            "y": [plotly_text(r["label"]) for r in shown],
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
    """One bar per domain (index and short rank in the text, the rank with its comparison set
    in the hover), the benchmark as a black tick (median of the level) or a dashed line
    (100 = France); domains without an index read "non disponible".
    `frame`: lib.profile.DomainProfile.frame."""
    shown, missing = _split(frame)
    top = _top(shown)
    labels = [plotly_text(r["label"]) for r in shown]
    bars = {
        "type": "bar",
        "name": t("profile_chart_index", lang),
        "x": [r["index"] for r in shown],
        "y": labels,
        "orientation": "h",
        "marker": {"color": BAR_COLOUR},
        "customdata": [
            [plotly_text(r[column]) for column in ("rank_text", "indicators", "sources")]
            for r in shown
        ],
        "hovertemplate": "%{y}<br>%{x:.1f} · %{customdata[0]}<br>%{customdata[1]}"
        "<br>%{customdata[2]}<extra></extra>",
    }
    values = _text_trace(  # value and rank, aligned right of the plot (clear of the ticks)
        [top * 1.04] * len(shown),
        labels,
        [plotly_text(f"{format_number(r['index'], 1, lang)} · {r['rank_short']}") for r in shown],
        "black",
    )
    not_available = _text_trace(
        [0] * len(missing),
        [plotly_text(r["label"]) for r in missing],
        [t("not_available", lang)] * len(missing),
    )
    layout = {
        "xaxis": {
            "range": [0, top * 1.42],
            "tickvals": [v for v in range(0, int(top) + 1, 20)],
            "title": {"text": t(f"index_unit_{method}", lang)},
        },
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": [plotly_text(label) for label in frame["label"]][::-1],
            "automargin": True,
        },
        "legend": LEGEND,
        "bargap": 0.3,
    }
    if method == "base100":
        line = {"color": REFERENCE_COLOUR, "dash": "dash", "width": 2}
        layout["shapes"] = [
            {"type": "line", "x0": 100, "x1": 100, "y0": 0, "y1": 1, "yref": "paper", "line": line}
        ]
    traces = [bars, values, not_available, _reference_trace(shown, method, level, lang)]
    return styled_figure(traces, layout, height=130 + ROW_HEIGHT * len(frame))


def _top(shown: list[dict]) -> float:
    """The largest index or reference shown, at least 100."""
    references = [r["reference"] for r in shown if not is_missing(r["reference"])]
    return max([100.0, *(r["index"] for r in shown), *references])


def _split(frame: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """The domains with an index and those without, as rows."""
    columns = ["label", "index", "rank_text", "rank_short", "reference", "indicators", "sources"]
    rows = records(frame, columns)
    shown = [r for r in rows if not is_missing(r["index"])]
    return shown, [r for r in rows if is_missing(r["index"])]


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


def domain_radar(frame: pd.DataFrame, method: str, level: str, lang: str = "fr") -> go.Figure:
    """The domains with an index on a radar, with the benchmark (closed shapes)."""
    shown, _ = _split(frame)

    def closed(column: str) -> list:
        values = [r[column] for r in shown]
        return [*values, values[0]]

    theta = [plotly_wrapped(label, RADAR_LABEL_WIDTH) for label in closed("label")]
    top = _top(shown)
    return styled_figure(
        [
            {
                "type": "scatterpolar",
                "name": t("profile_chart_index", lang),
                "r": closed("index"),
                "theta": theta,
                "fill": "toself",
                "line": {"color": BAR_COLOUR},
            },
            {
                "type": "scatterpolar",
                "name": plotly_text(reference_name(method, level, lang)),
                "r": closed("reference"),
                "theta": theta,
                "line": {"color": REFERENCE_COLOUR, "dash": "dash"},
            },
        ],
        {
            "polar": {"radialaxis": {"range": [0, top * 1.05]}},
            "legend": {"orientation": "h", "y": -0.08, "x": 0, "yanchor": "top"},
        },
        height=460,
        over={"font": {"size": 12}, "margin": {"l": 90, "r": 90, "t": 30, "b": 30}},
    )
