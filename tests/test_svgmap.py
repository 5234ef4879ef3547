"""Static SVG map: one linked, titled shape per territory, classes coloured, text escaped."""

import re

import pandas as pd
import shapely

from lib import geo
from lib.classify import MISSING_COLOUR, PALETTE, quantile_classes
from lib.explore import MapView
from lib.svgmap import _path, choropleth_svg, legend_html, table_html


def _view(names, values):
    frame = pd.DataFrame(
        {
            "territory_id": ["REG-53", "REG-52", "REG-06"],
            "name": names,
            "value": values,
            "value_text": [f"{v} %" if v == v else "non disponible" for v in values],
        }
    )
    return MapView(
        "x", "Indicateur", "%", 1, "2023", True, frame, quantile_classes(frame["value"]), [], []
    )


def test_one_link_and_tooltip_per_territory_with_class_colours():
    boundaries = geo.with_overseas_insets(geo.read_boundaries("region"))
    view = _view(["Bretagne", "Pays de la Loire", "Mayotte"], [6.0, 5.8, float("nan")])
    svg = choropleth_svg(view, boundaries, {"REG-53": "profil?territory=REG-53"}, "Carte")
    assert svg.count("<path ") == 3
    assert '<a href="profil?territory=REG-53" target="_self">' in svg
    # shapes in the boundary file's order (by INSEE code)
    assert re.findall(r"<title>([^<]*)</title>", svg) == [
        "Mayotte : non disponible",
        "Pays de la Loire : 5.8 %",
        "Bretagne : 6.0 %",
    ]
    fills = re.findall(r'fill="(#[0-9a-f]{6})"', svg)
    assert fills == [MISSING_COLOUR, PALETTE[0], PALETTE[-1]]


def test_names_and_links_are_escaped():
    boundaries = geo.read_boundaries("region")
    view = _view(["<script>alert(1)</script>", "A & B", "C"], [1.0, 2.0, 3.0])
    svg = choropleth_svg(view, boundaries, {"REG-53": 'x" onmouseover="alert(1)'}, '"><img src=x>')
    assert "<script>" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert 'onmouseover="' not in svg and "x&quot; onmouseover=&quot;alert(1)" in svg
    assert "<img" not in svg
    assert "A &amp; B" in svg


def test_legend_lists_classes_then_missing():
    html = legend_html(["1 – 2", "2 – 3"], (PALETTE[0], PALETTE[-1]), "% <b>", "non disponible")
    assert html.count("background:") == 3
    assert "% &lt;b&gt;" in html
    assert html.index("1 – 2") < html.index("2 – 3") < html.index("non disponible")


def test_the_table_alternative_is_plain_html_with_every_cell_escaped():
    frame = pd.DataFrame({"Territoire": ["<script>alert(1)</script>", "Côtes-d'Armor & co"]})
    html_text = table_html(frame, "Tableau <des> valeurs")
    assert html_text.startswith("<details><summary>Tableau &lt;des&gt; valeurs</summary>")
    assert "<script>" not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert "<td>Côtes-d'Armor &amp; co</td>" in html_text


def test_paths_are_whole_relative_moves_without_rings_too_small_to_see():
    square = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])
    speck = shapely.Polygon([(50, 50), (50.2, 50), (50.2, 50.2)])  # rounds to one point
    path = _path(shapely.MultiPolygon([square, speck]), lambda x, y: (x + 0.4, y * 2))
    assert path == "M0 0l10 0 0 20 -10 0z"
