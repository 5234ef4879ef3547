"""The organiser's live chart: the share of participants who chose each domain."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from lib.charts.style import QUALITATIVE, styled_figure
from lib.formatting import format_value
from lib.i18n import t
from lib.safe_text import plotly_text

LABEL_WIDTH = 28  # characters per line of a domain's label (wrapped, never cut)


def wrapped(label: str, width: int = LABEL_WIDTH) -> str:
    """A label broken into lines of at most `width` characters at spaces (plotly's `<br>`)."""
    lines: list[str] = []
    for word in label.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def votes_bars(labels: Sequence[str], shares: Sequence[float], lang: str = "fr") -> go.Figure:
    """Horizontal bars, most chosen first, each domain's whole label (wrapped) beside its bar
    and its share written at its end."""
    order = sorted(range(len(shares)), key=lambda i: -shares[i])
    shown = [plotly_text(labels[i]) for i in order]
    values = [float(shares[i]) for i in order]
    bars = {
        "type": "bar",
        "orientation": "h",
        "x": values,
        "y": [wrapped(label) for label in shown],
        "marker": {"color": QUALITATIVE[0]},
        "text": [format_value(v, "%", 0, lang) for v in values],
        "textposition": "outside",
        "cliponaxis": False,
        "hovertext": shown,
        "hovertemplate": "%{hovertext} : %{text}<extra></extra>",
    }
    layout = {
        "xaxis": {
            "title": {"text": t("ws_col_share", lang) + " (%)"},
            "range": [0, max([100.0, *values]) * 1.12],
        },
        "yaxis": {"autorange": "reversed", "automargin": True},
        "margin": {"l": 10, "r": 30, "t": 10, "b": 10},
    }
    return styled_figure([bars], layout, height=max(260, 60 + 52 * len(values)))
