"""Shared look of every chart: readable at projector size, colour-blind-safe palettes."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

# Streamlit themes every chart it shows; plotly's default template would only cost time
# (~10 ms per figure) and bytes. Process-wide on purpose: every figure of the app is shown by
# Streamlit.
pio.templates.default = "none"

# Okabe–Ito: qualitative palette distinguishable with the common colour-vision deficiencies.
QUALITATIVE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
# ColorBrewer YlOrRd (sequential, colour-blind safe), low -> high fragility; same as the maps.
SEQUENTIAL = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
MISSING = "#d9d9d9"
FONT_SIZE = 16


# The shared layout; `apply_style` lays it over each figure's own layout.
STYLE_LAYOUT = {
    "font": {"size": FONT_SIZE},
    "hoverlabel": {"font": {"size": FONT_SIZE}},
    "plot_bgcolor": "white",
    "paper_bgcolor": "white",
    "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
    "colorway": list(QUALITATIVE),
    "xaxis": {"automargin": True, "gridcolor": "#eeeeee"},
    "yaxis": {"automargin": True, "gridcolor": "#eeeeee"},
}


def _merged(base: dict, over: dict) -> dict:
    """`base` with `over` laid on top, nested dicts merged key by key."""
    merged = dict(base)
    for key, value in over.items():
        inner = merged.get(key)
        merged[key] = (
            _merged(inner, value) if isinstance(value, dict) and isinstance(inner, dict) else value
        )
    return merged


def apply_style(figure: go.Figure, height: int = 420, over: dict | None = None) -> go.Figure:
    """Large fonts, white background, no plotly logo space; returns the same figure.
    `over`: layout properties laid over the shared style (e.g. a smaller font).

    The layout is merged as plain dicts and assigned once: the same result as
    `update_layout(...)`, which walks every nested property and costs ~12 ms a figure.
    """
    figure.layout = _merged(figure.layout.to_plotly_json(), _style(height, over))
    return figure


def styled_figure(
    traces: list[dict], layout: dict, height: int = 420, over: dict | None = None
) -> go.Figure:
    """A figure of plain-dict traces and layout with the shared style (as `apply_style`),
    built without plotly's validation pass (~5 ms a figure, on every page that builds one).
    Use it only for figures a test rebuilds with validation (see tests/test_profile.py)."""
    return go.Figure(traces, layout=_merged(layout, _style(height, over)), _validate=False)


def _style(height: int, over: dict | None) -> dict:
    return _merged({**STYLE_LAYOUT, "height": height}, over or {})
