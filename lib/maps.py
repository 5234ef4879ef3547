"""Map figures (plotly MapLibre, white background: no tile, font or script from the internet).

A map is a list of layers (trace lists) assembled by `map_figure`; `choropleth_layer` draws
classed values, and other layers (e.g. initiatives as points) plug in as more trace lists.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from lib.classify import MISSING_COLOUR, Classes, assign_classes
from lib.explore import MapView
from lib.formatting import format_number, is_missing
from lib.safe_text import plotly_text

# Metropolitan France plus the overseas insets placed west of it (see lib/geo.py).
FRANCE_VIEW = {"center": {"lat": 46.4, "lon": -0.6}, "zoom": 4.3}
HOVER_FIELDS = ("name", "value_text", "detail")
HOVER = "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>"
INITIATIVE_COLOUR = "#0072B2"  # Okabe–Ito blue: stands out on the YlOrRd classes


def class_labels(classes: Classes, decimals: int, lang: str = "fr") -> list[str]:
    """'a – b' label for each class."""
    edges = [format_number(e, decimals, lang) for e in classes.edges]
    return [f"{edges[i]} – {edges[i + 1]}" for i in range(classes.count)]


def _stepped_colourscale(colours: Sequence[str]) -> list[list]:
    count = len(colours)
    scale = []
    for i, colour in enumerate(colours):
        scale += [[i / count, colour], [(i + 1) / count, colour]]
    return scale


def choropleth_layer(
    frame: pd.DataFrame,
    geojson: str | dict,
    classes: Classes,
    legend_labels: Sequence[str],
    legend_title: str,
) -> list[dict]:
    """Classed choropleth of `frame` (territory_id, name, value, value_text, detail).

    Territories whose value is missing are drawn grey, with their hover saying so.
    """
    rows = list(
        zip(
            frame["territory_id"].tolist(),
            _hover_data(frame),
            assign_classes(frame["value"], classes).tolist(),
            strict=True,
        )
    )
    present = [(place, hover, int(c)) for place, hover, c in rows if not is_missing(c)]
    missing = [(place, hover) for place, hover, c in rows if is_missing(c)]
    outline = {"line": {"color": "#555555", "width": 0.6}}
    shared = {"type": "choroplethmap", "geojson": geojson, "featureidkey": "id", "marker": outline}
    traces = []
    if present:
        traces.append(
            {
                **shared,
                "locations": [place for place, _, _ in present],
                "z": [c for _, _, c in present],
                "zmin": -0.5,
                "zmax": classes.count - 0.5,
                "colorscale": _stepped_colourscale(classes.colours),
                "customdata": [hover for _, hover, _ in present],
                "hovertemplate": HOVER,
                "colorbar": {
                    "title": {"text": plotly_text(legend_title)},
                    "tickvals": list(range(classes.count)),
                    "ticktext": [plotly_text(label) for label in legend_labels],
                    "thickness": 18,
                    "len": 0.6,
                },
                "name": "values",
            }
        )
    if missing:
        traces.append(
            {
                **shared,
                "locations": [place for place, _ in missing],
                "z": [0] * len(missing),
                "colorscale": [[0, MISSING_COLOUR], [1, MISSING_COLOUR]],
                "showscale": False,
                "customdata": [hover for _, hover in missing],
                "hovertemplate": HOVER,
                "name": "missing",
            }
        )
    return traces


def _hover_data(frame: pd.DataFrame) -> list[list[str]]:
    """Escaped hover fields of each row: name, value with unit, detail (year, source)."""
    columns = [[plotly_text(v) for v in frame[c].tolist()] for c in HOVER_FIELDS]
    return [list(row) for row in zip(*columns, strict=True)]


def initiatives_layer(points: pd.DataFrame) -> list[dict]:
    """Initiatives as clickable dots (lib.initiatives.points_frame: initiative_id, name,
    hover_lines, lon, lat), on a white halo so they read on any class colour. Every text is
    escaped here (`plotly_text`): a name such as "<script>" shows as text."""
    if points.empty:
        return []
    hover = [
        "<br>".join([f"<b>{plotly_text(name)}</b>", *map(plotly_text, lines)])
        for name, lines in zip(points["name"], points["hover_lines"], strict=True)
    ]
    lon, lat = points["lon"].tolist(), points["lat"].tolist()
    halo = {
        "type": "scattermap",
        "lon": lon,
        "lat": lat,
        "mode": "markers",
        "marker": {"size": 15, "color": "white"},
        "hoverinfo": "skip",
        "showlegend": False,
        "name": "initiatives-halo",
    }
    dots = {
        "type": "scattermap",
        "lon": lon,
        "lat": lat,
        "mode": "markers",
        "marker": {"size": 11, "color": INITIATIVE_COLOUR},
        "customdata": points["initiative_id"].tolist(),
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "showlegend": False,
        "name": "initiatives",
    }
    return [halo, dots]


def map_figure(layers: Sequence[list], height: int = 620, view: dict | None = None) -> go.Figure:
    """Assemble layers (lists of plain-dict traces) on a plain white background (offline),
    without plotly's validation pass (the tests validate these figures). No template: Streamlit
    themes the chart (plotly's default template would add ~8 KiB)."""
    layout = {
        "map": {"style": "white-bg", **(view or FRANCE_VIEW)},
        "height": height,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "font": {"size": 16},
        "hoverlabel": {"font": {"size": 16}},
    }
    traces = [trace for layer in layers for trace in layer]
    return go.Figure(traces, layout=layout, _validate=False)


def view_map(
    view: MapView,
    geojson: str | dict,
    lang: str = "fr",
    fit: dict | None = None,
    layers: Sequence[list] = (),
    legend: Sequence[str] | None = None,
) -> go.Figure:
    """Classed choropleth of one indicator or index with its legend (`legend`: the classes'
    labels, when not 'a – b'), under extra `layers`."""
    layer = choropleth_layer(
        view.frame,
        geojson,
        view.classes,
        legend if legend is not None else class_labels(view.classes, view.decimals, lang),
        legend_title=view.unit,
    )
    return map_figure([layer, *layers], view=fit)


def fit_view(bounds: Sequence[float], width: int = 900, height: int = 620) -> dict:
    """Centre and zoom showing lon/lat `bounds` (minx, miny, maxx, maxy) in a width×height map."""
    minx, miny, maxx, maxy = bounds
    lon_span = max(maxx - minx, 1e-6)
    y0, y1 = (math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) for lat in (miny, maxy))
    zoom_x = math.log2(width * 360 / (512 * lon_span))
    zoom_y = math.log2(height * 2 * math.pi / (512 * max(y1 - y0, 1e-9)))
    centre_y = (y0 + y1) / 2
    centre_lat = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    return {
        "center": {"lon": (minx + maxx) / 2, "lat": centre_lat},
        "zoom": round(min(zoom_x, zoom_y) - 0.15, 2),
    }
