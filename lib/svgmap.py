"""A light, static choropleth drawn as inline SVG (no JavaScript): the fast first paint of the
home page and of printed or presented views. Each territory is a link with a native tooltip.

The markup is shown by Streamlit's markdown (HTML allowed): every text goes through
`lib.safe_text.html_text` (escaped, on one line, inert as markdown too).
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Iterable, Mapping
from urllib.parse import urlencode

import geopandas as gpd
import pandas as pd
import shapely

from lib.classify import MISSING_COLOUR, assign_classes
from lib.explore import MapView
from lib.filters import Filters, to_query
from lib.i18n import t
from lib.maps import class_labels
from lib.safe_text import html_text

VIEW_WIDTH = 1000  # SVG user units; the browser scales the drawing to the container


def _mercator(lon: float, lat: float) -> tuple[float, float]:
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _projector(bounds: tuple[float, float, float, float], width: float):
    """lon/lat -> SVG x/y (y down) fitting `bounds` into `width`; returns (function, height)."""
    (x0, y0), (x1, y1) = _mercator(bounds[0], bounds[1]), _mercator(bounds[2], bounds[3])
    scale = width / (x1 - x0)

    def project(lon: float, lat: float) -> tuple[float, float]:
        x, y = _mercator(lon, lat)
        return (x - x0) * scale, (y1 - y) * scale

    return project, (y1 - y0) * scale


def _path(geometry, project) -> str:
    """SVG path data of a (multi)polygon: whole user units (1/1000 of the map's width, below a
    screen pixel), relative moves, rings that round to less than a triangle left out. Every
    byte counts: the browser parses this markup on the home page's first paint."""
    parts = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        for ring in [polygon.exterior, *polygon.interiors]:
            points = _distinct([_rounded(project(x, y)) for x, y in ring.coords])
            if len(points) < 3:
                continue
            moves = [f"{x - px} {y - py}" for (px, py), (x, y) in itertools.pairwise(points)]
            parts.append(f"M{points[0][0]} {points[0][1]}l{' '.join(moves)}z")
    return "".join(parts)


def _rounded(point: tuple[float, float]) -> tuple[int, int]:
    return round(point[0]), round(point[1])


def _distinct(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Points without consecutive repeats, nor the closing repeat of the first point."""
    kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    return kept[:-1] if len(kept) > 1 and kept[-1] == kept[0] else kept


def choropleth_svg(
    view: MapView,
    boundaries: gpd.GeoDataFrame,
    links: Mapping[str, str],
    title: str,
    simplify: float = 0.01,
) -> str:
    """Inline SVG of `view` over `boundaries` (display geometry, insets applied).

    `links` maps territory ids to the URL opened on click; hover shows name and value
    (SVG <title>), and why there is none for a territory outside the comparison set. Text
    comes escaped; `simplify` (degrees) thins the outlines for the screen.
    """
    frame = view.frame.set_index("territory_id")
    classes = assign_classes(frame["value"], view.classes)
    shapes = boundaries[boundaries["territory_id"].isin(frame.index)]
    geometries = shapely.simplify(shapes.geometry.to_numpy(), simplify, preserve_topology=True)
    project, height = _projector(tuple(shapes.total_bounds), VIEW_WIDTH)
    items = []
    for territory_id, geometry in zip(shapes["territory_id"], geometries, strict=True):
        row = frame.loc[territory_id]
        cls = classes.loc[territory_id]
        colour = MISSING_COLOUR if pd.isna(cls) else view.classes.colours[int(cls)]
        outside = "compared" in frame and not row["compared"]
        why = f" ({row['detail']})" if outside else ""
        tooltip = html_text(f"{row['name']} : {row['value_text']}{why}")
        href = html.escape(links.get(territory_id, ""), quote=True)
        items.append(
            f'<a href="{href}" target="_self"><path d="{_path(geometry, project)}" fill="{colour}">'
            f"<title>{tooltip}</title></path></a>"
        )
    return (
        f'<svg class="svg-map" role="img" aria-label="{html_text(title)}" '
        f'viewBox="-4 -4 {VIEW_WIDTH + 8} {height + 8:.0f}" width="100%" '
        f'style="max-height:70vh" stroke="#555" stroke-width="0.8" stroke-linejoin="round">'
        f"{''.join(items)}</svg>"
    )


def markdown_block(html_text_block: str) -> str:
    """`html_text_block` (one line, no blank line) as one raw HTML block of Markdown: a line
    opening a `<div>` starts a CommonMark HTML block that runs to the next blank line, so the
    page's Markdown renderer hands the ~28 KB of SVG to its HTML parser as it is instead of
    scanning it as inline text first (about a third of the home page's Markdown work)."""
    if "\n\n" in html_text_block:
        raise ValueError("a blank line would end the HTML block")
    return f"<div>\n{html_text_block}\n</div>"


def legend_html(labels: list[str], colours: tuple[str, ...], title: str, missing_label: str) -> str:
    """Colour swatches with their class labels, plus the grey of missing values."""
    entries = [*zip(colours, labels, strict=True), (MISSING_COLOUR, missing_label)]
    swatches = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:1.2em">'
        f'<span style="display:inline-block;width:1.4em;height:1em;background:{colour};'
        f'border:1px solid #555;margin-right:0.4em"></span>{html_text(label)}</span>'
        for colour, label in entries
    )
    return f'<div class="svg-map-legend"><strong>{html_text(title)}</strong> : {swatches}</div>'


def table_html(frame: pd.DataFrame, summary: str) -> str:
    """The map's values as a plain HTML table in a disclosure (every cell escaped): the table
    alternative of a static map, with no table component for the browser to load."""
    head = "".join(f"<th>{html_text(column)}</th>" for column in frame.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html_text(value)}</td>" for value in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    table = (
        f'<table class="svg-map-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )
    return f"<details><summary>{html_text(summary)}</summary>\n\n{table}\n\n</details>"


def profile_links(filters: Filters, territory_ids: Iterable[str]) -> dict[str, str]:
    """Each territory's profile page, the other filters kept ("profil?territory=REG-53&…")."""
    return {
        territory: "profil?" + urlencode(to_query(filters.with_(territory=territory)))
        for territory in territory_ids
    }


def map_markdown(
    view: MapView, boundaries: gpd.GeoDataFrame, links: Mapping[str, str], lang: str
) -> str:
    """The map of `view` over `boundaries` (as drawn) and its legend, as one markdown block;
    the territories of `links` link there."""
    svg = choropleth_svg(view, boundaries, links, view.label)
    labels = class_labels(view.classes, view.decimals, lang)
    legend = legend_html(labels, view.classes.colours, view.unit, t("not_available", lang))
    return markdown_block(svg + legend)
