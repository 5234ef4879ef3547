"""Figures of the "Données & sources" page: the indicator × territory coverage heatmap."""

from __future__ import annotations

import plotly.graph_objects as go

from lib import vocabulary
from lib.charts.style import MISSING, QUALITATIVE, STYLE_LAYOUT
from lib.data import Dataset
from lib.i18n import t
from lib.periods import period_label
from lib.safe_text import plotly_text
from lib.sources_page import CoverageMatrix

ROW_HEIGHT = 26
MANY_COLUMNS = 30  # beyond this many territories, smaller column labels


def coverage_heatmap(dataset: Dataset, matrix: CoverageMatrix, lang: str) -> go.Figure:
    """Blue = the indicator has a value for the territory, grey = not available; each row's
    label ends with its period and count ('Taux de chômage localisé (T3 2023 : 17 / 18)')."""
    labels = vocabulary.labels(dataset, "indicator", lang)
    rows = [
        plotly_text(
            f"{labels[i]} ({period_label(p, lang) + ' : ' if p else ''}{matrix.count_text(i)})"
        )
        for i, p in matrix.periods.items()
    ]
    names = [plotly_text(name) for name in matrix.territories["name"]]
    present, missing = t("sources_present", lang), t("not_available", lang)
    heatmap = {
        "type": "heatmap",
        "z": matrix.presence.astype(int).to_numpy().tolist(),
        "x": names,
        "y": rows,
        "zmin": 0,
        "zmax": 1,
        "colorscale": [[0, MISSING], [0.5, MISSING], [0.5, QUALITATIVE[0]], [1, QUALITATIVE[0]]],
        "showscale": False,
        "xgap": 1,
        "ygap": 1,
        "customdata": [
            [present if ok else missing for ok in row] for row in matrix.presence.to_numpy()
        ],
        "hovertemplate": "%{y}<br>%{x} : %{customdata}<extra></extra>",
    }
    layout = {
        **STYLE_LAYOUT,
        "height": 160 + ROW_HEIGHT * len(rows),
        "meta": {"level": matrix.level},
        "yaxis": {"autorange": "reversed", "automargin": True, "tickfont": {"size": 12}},
        "xaxis": {
            "automargin": True,
            "tickangle": -60,
            "tickfont": {"size": 10 if len(names) > MANY_COLUMNS else 12},
        },
    }
    return go.Figure({"data": [heatmap], "layout": layout})
