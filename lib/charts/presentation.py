"""Figures of the presentation mode: the app's charts with projector-size text, and the bars of
a workshop's results by actor profile."""

from __future__ import annotations

import plotly.graph_objects as go

from lib import profile
from lib.charts.alliances import actor_colour
from lib.charts.style import STYLE_LAYOUT
from lib.i18n import t
from lib.safe_text import plotly_text, plotly_wrapped
from lib.slides import PerceptionChart

SLIDE_FONT_SIZE = 20
LABEL_WIDTH = 30  # characters per line of a domain label
BAR_HEIGHT = 40


def for_slide(figure: go.Figure, rows: int | None = None) -> go.Figure:
    """`figure` with text large enough for a shared screen, and room for `rows` bars when
    given (the same figure, changed)."""
    figure.update_layout(
        font={"size": SLIDE_FONT_SIZE}, hoverlabel={"font": {"size": SLIDE_FONT_SIZE}}
    )
    if rows is not None:
        figure.update_layout(height=160 + BAR_HEIGHT * 1.5 * rows)
    return figure


def perception_bars(chart: PerceptionChart, lang: str = "fr") -> go.Figure:
    """One bar series per actor profile: the share (or score) it gives each domain, its top
    priority first; one colour per actor as in every chart of the app."""
    data = []
    for block, name, order in zip(chart.blocks, chart.actor_names, chart.actor_orders, strict=True):
        frame = block.frame
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": plotly_text(name),
                "x": frame["value"].tolist(),
                "y": [plotly_wrapped(label, LABEL_WIDTH) for label in frame["label"]],
                "text": [plotly_text(text) for text in frame["value_text"]],
                "textposition": "outside",
                "cliponaxis": False,
                "marker": {"color": actor_colour(order)},
                "hovertemplate": "%{y}<br>%{text}<extra>%{fullData.name}</extra>",
            }
        )
    measures = {block.group.measure for block in chart.blocks}
    title = profile.measure_label(measures.pop(), lang) if len(measures) == 1 else ""
    rows = len({d for block in chart.blocks for d in block.frame["domain_id"]})
    layout = {
        **STYLE_LAYOUT,
        "height": 160 + BAR_HEIGHT * rows * max(1, len(data)) ** 0.5,
        "barmode": "group",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        "yaxis": {"autorange": "reversed", "automargin": True},
        "xaxis": {"title": {"text": plotly_text(title or t("value", lang))}, "automargin": True},
    }
    return for_slide(go.Figure({"data": data, "layout": layout}))
