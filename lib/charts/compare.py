"""Figures of the Compare page: domain × territory heatmap, per-domain weight sensitivity,
territories ranked by the change of an indicator.

Plain-dict traces and layouts given to `styled_figure` (no validation pass at run time; the
tests validate these figures)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from lib.change_map import PUOR
from lib.charts.style import MISSING, QUALITATIVE, SEQUENTIAL, styled_figure
from lib.formatting import format_number
from lib.i18n import t
from lib.safe_text import plotly_text, plotly_wrapped

ROW_HEIGHT = 30
COLOURBAR_LENGTH = 300  # pixels, whatever the number of rows
LABEL_WIDTH = 14  # characters per line of a domain label under the heatmap
TEXT_ROOM = 0.3  # share of the changes' span added beside the longest bars for their texts


def _scale(colours: Sequence[str]) -> list[list]:
    step = 1 / (len(colours) - 1)
    return [[i * step, c] for i, c in enumerate(colours)]


def heatmap(
    matrix: pd.DataFrame,
    names: Mapping[str, str],
    labels: Mapping[str, str],
    unit: str,
    lang: str = "fr",
) -> go.Figure:
    """Domain indices: one row per territory of `matrix` (in its order, top first), one column
    per domain; `names` and `labels` name them.

    Two traces: "values" (sequential colour-blind-safe scale) and "missing" (grey cells whose
    hover reads "non disponible").
    """
    names = [plotly_text(names[i]) for i in matrix.index]
    domain_labels = [plotly_text(labels[d]) for d in matrix.columns]
    columns = [plotly_wrapped(labels[d], LABEL_WIDTH) for d in matrix.columns]
    z = matrix.to_numpy(dtype=float)
    hover = [
        [
            t("compare_cell", lang, name=name, domain=label, value=format_number(v, 1, lang))
            for label, v in zip(domain_labels, row, strict=True)
        ]
        for name, row in zip(names, z, strict=True)
    ]
    cells = [[None if math.isnan(v) else float(v) for v in row] for row in z]
    shared = {
        "type": "heatmap",
        "x": columns,
        "y": names,
        "text": hover,
        "hovertemplate": "%{text}<extra></extra>",
        "hoverongaps": False,
        "xgap": 1,
        "ygap": 1,
    }
    values = {
        **shared,
        "name": "values",
        "z": cells,
        "texttemplate": "%{z:.0f}",
        "colorscale": _scale(SEQUENTIAL),
        "colorbar": {
            "title": {"text": plotly_text(unit)},
            "lenmode": "pixels",
            "len": COLOURBAR_LENGTH,
            "y": 1,
            "yanchor": "top",
        },
    }
    missing = {
        **shared,
        "name": "missing",
        "z": [[1 if v is None else None for v in row] for row in cells],
        "colorscale": [[0, MISSING], [1, MISSING]],
        "showscale": False,
    }
    layout = {
        "yaxis": {"autorange": "reversed", "automargin": True},
        "xaxis": {"side": "top", "automargin": True, "tickangle": 0},
    }
    return styled_figure([values, missing], layout, height=max(360, 160 + ROW_HEIGHT * len(names)))


def sensitivity_bars(
    sensitivity: pd.DataFrame, labels: Mapping[str, str], lang: str = "fr"
) -> go.Figure:
    """Horizontal bars: territories changing rank when each domain's weight goes to 0
    (`sensitivity`: domain_id, changed, as from `lib.compare.weight_sensitivity`)."""
    counts = [int(n) for n in sensitivity["changed"]]
    domain_labels = [plotly_text(labels[d]) for d in sensitivity["domain_id"]]
    bars = {
        "type": "bar",
        "x": counts,
        "y": domain_labels,
        "orientation": "h",
        "marker": {"color": QUALITATIVE[0]},
        "text": [str(n) for n in counts],
        "textposition": "outside",
        "hovertext": [
            t("compare_bar_cell", lang, domain=label, n=n)
            for label, n in zip(domain_labels, counts, strict=True)
        ],
        "hovertemplate": "%{hovertext}<extra></extra>",
    }
    layout = {
        "title": {"text": t("compare_domain_sensitivity", lang)},
        "xaxis": {"title": {"text": t("compare_domain_sensitivity_axis", lang)}, "dtick": 1},
        "yaxis": {"autorange": "reversed", "automargin": True},
    }
    return styled_figure([bars], layout, height=max(300, 120 + 40 * len(counts)))


def change_bars(
    names: Sequence[str],
    changes: Sequence[float],
    towards_fragility: Sequence[float],
    texts: Sequence[str],
    hover: Sequence[str],
    axis: str,
) -> go.Figure:
    """Horizontal bars of the territories' changes (`names` top first; x: the change in the
    indicator's unit; `texts`: each change as read, beside its bar, so a stable territory
    reads « 0,0 » where it has no bar). Colour: the diverging colour-blind-safe scale
    centred on 0 by `towards_fragility` (the change, its sign flipped when a higher value is
    better), so the more fragile side is orange whatever the indicator (as on the change map)."""
    largest = max((abs(v) for v in towards_fragility), default=0.0) or 1.0
    low, high = min(0.0, *changes), max(0.0, *changes)
    pad = TEXT_ROOM * ((high - low) or 1.0)  # room for the texts beside the longest bars
    x_range = [low - pad if low < 0 else low, high + pad]
    bars = {
        "type": "bar",
        "orientation": "h",
        "x": [float(v) for v in changes],
        "y": [plotly_text(n) for n in names],
        "marker": {
            "color": [float(v) for v in towards_fragility],
            "colorscale": _scale(PUOR[::-1]),  # purple (less fragile) to orange (more)
            "cmin": -largest,
            "cmax": largest,  # symmetric: 0 is the scale's middle
        },
        "text": [plotly_text(v) for v in texts],
        "textposition": "outside",
        "cliponaxis": False,
        "hovertext": [plotly_text(h) for h in hover],
        "hovertemplate": "%{hovertext}<extra></extra>",
    }
    layout = {
        "xaxis": {
            "title": {"text": plotly_text(axis)},
            "range": x_range,
            "zeroline": True,
            "zerolinecolor": "#444",
        },
        "yaxis": {"autorange": "reversed", "automargin": True},
        "bargap": 0.2,
    }
    return styled_figure([bars], layout, height=max(300, 120 + ROW_HEIGHT * len(names)))
