"""Figures of the presentation mode: the app's charts with projector-size text (an indicator
over time titled with its label), and the bars of a workshop's results by actor profile."""

from __future__ import annotations

import plotly.graph_objects as go

from lib import profile
from lib.charts.alliances import actor_colour
from lib.charts.style import STYLE_LAYOUT
from lib.charts.trends import trend_figure
from lib.i18n import t
from lib.presentation.slides import PerceptionChart, TrendChart
from lib.safe_text import plotly_text, plotly_wrapped

SLIDE_FONT_SIZE = 20
LABEL_WIDTH = 30  # characters per line of a domain label
BAR_HEIGHT = 40
# The tallest chart of a slide: with the title, three lines and the source line it fits a
# 1280 × 720 screen (the smallest projector the mode is made for; measured in the browser test).
SLIDE_CHART_HEIGHT = 300
TREND_CHART_HEIGHT = 250  # its three lines are longer than the other slides'
ROOM_DOMAINS = 5  # the room's slide: its most chosen domains


def for_slide(figure: go.Figure, rows: int | None = None) -> go.Figure:
    """`figure` with text large enough for a shared screen, room for `rows` bars when given,
    and never taller than SLIDE_CHART_HEIGHT (the same figure, changed)."""
    figure.update_layout(
        font={"size": SLIDE_FONT_SIZE}, hoverlabel={"font": {"size": SLIDE_FONT_SIZE}}
    )
    wanted = 160 + BAR_HEIGHT * 1.5 * rows if rows is not None else figure.layout.height
    figure.update_layout(height=min(wanted or SLIDE_CHART_HEIGHT, SLIDE_CHART_HEIGHT))
    return figure


def most_chosen(chart: PerceptionChart, n: int) -> list[str]:
    """The `n` domains with the highest figure in any profile (ties: the first listed)."""
    best: dict[str, float] = {}
    for block in chart.blocks:
        for domain_id, value in zip(block.frame["domain_id"], block.frame["value"], strict=True):
            if value == value:  # NaN: not available, never a top domain
                best[domain_id] = max(best.get(domain_id, value), value)
    return sorted(best, key=lambda d: -best[d])[:n]


def perception_bars(chart: PerceptionChart, lang: str = "fr") -> go.Figure:
    """One bar series per actor profile: the share (or score) it gives each domain, its top
    priority first; one colour per actor as in every chart of the app. Only the ROOM_DOMAINS
    domains with the highest figure of any profile: the slide fits the screen (every domain is
    in the exports)."""
    shown = most_chosen(chart, ROOM_DOMAINS)
    data = []
    for block, name, order in zip(chart.blocks, chart.actor_names, chart.actor_orders, strict=True):
        frame = block.frame[block.frame["domain_id"].isin(shown)]
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
    rows = len(shown)
    layout = {
        **STYLE_LAYOUT,
        "height": 160 + BAR_HEIGHT * rows * max(1, len(data)) ** 0.5,
        "barmode": "group",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        "yaxis": {"autorange": "reversed", "automargin": True},
        "xaxis": {"title": {"text": plotly_text(title or t("value", lang))}, "automargin": True},
    }
    return for_slide(go.Figure({"data": data, "layout": layout}))


def trend_chart(chart: TrendChart, lang: str = "fr") -> go.Figure:
    """The profile's chart of one indicator over time, its label and unit as its title."""
    figure = for_slide(trend_figure(chart.trend, chart.decimals, lang))
    figure.update_layout(
        title={"text": plotly_text(chart.title(lang)), "font": {"size": SLIDE_FONT_SIZE}},
        margin={"t": 40},
        height=TREND_CHART_HEIGHT,
    )
    return figure
