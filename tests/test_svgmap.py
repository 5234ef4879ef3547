"""Static SVG map: one linked, titled shape per territory, classes coloured, text escaped."""

import dataclasses
import re
from xml.etree import ElementTree

import pandas as pd
import pytest
import shapely
from hostile import HOSTILE, one_line, shown_html

from lib import geo
from lib.classify import MISSING_COLOUR, PALETTE, quantile_classes
from lib.explore import MapView
from lib.filters import Filters
from lib.safe_text import WORD_JOINER
from lib.svgmap import (
    _path,
    choropleth_svg,
    legend_html,
    map_markdown,
    markdown_block,
    profile_links,
    table_html,
)


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


def _titles(svg: str) -> list[str]:
    return [shown_html(title) for title in re.findall(r"<title>([^<]*)</title>", svg)]


def test_one_link_and_tooltip_per_territory_with_class_colours():
    boundaries = geo.with_overseas_insets(geo.read_boundaries("region"))
    view = _view(["Bretagne", "Pays de la Loire", "Mayotte"], [6.0, 5.8, float("nan")])
    svg = choropleth_svg(view, boundaries, {"REG-53": "profil?territory=REG-53"}, "Carte")
    assert svg.count("<path ") == 3
    assert '<a href="profil?territory=REG-53" target="_self">' in svg
    # shapes in the boundary file's order (by INSEE code)
    assert _titles(svg) == [
        "Mayotte : non disponible",
        "Pays de la Loire : 5.8 %",
        "Bretagne : 6.0 %",
    ]
    fills = re.findall(r'fill="(#[0-9a-f]{6})"', svg)
    assert fills == [MISSING_COLOUR, PALETTE[0], PALETTE[-1]]


def _elements(markup: str) -> list[ElementTree.Element]:
    """Every element of `markup` (well-formed XML: any injected tag would show here)."""
    return list(ElementTree.fromstring(markup).iter())


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_names_units_and_titles_stay_text_and_every_region_is_drawn(hostile):
    boundaries = geo.read_boundaries("region")
    view = _view([hostile, "A & B", f"C {hostile}"], [1.0, 2.0, 3.0])
    view = dataclasses.replace(view, frame=view.frame.assign(value_text=f"1 {hostile}"))
    links = {"REG-53": 'x" onmouseover="alert(1)'}
    svg = choropleth_svg(view, boundaries, links, hostile)
    elements = _elements(svg)
    assert [e.tag for e in elements if e.tag != "title"] == ["svg", *["a", "path"] * 3]
    assert elements[0].get("aria-label").replace(WORD_JOINER, "") == one_line(hostile)
    hrefs = sorted(e.get("href") for e in elements if e.tag == "a")
    assert hrefs == ["", "", 'x" onmouseover="alert(1)']  # an attribute value, quoted
    assert sorted(_titles(svg)) == sorted(
        one_line(f"{name} : 1 {hostile}") for name in (hostile, "A & B", f"C {hostile}")
    )
    legend = legend_html(["1 – 2", hostile], (PALETTE[0], PALETTE[-1]), hostile, hostile)
    assert {e.tag for e in _elements(legend)} == {"div", "strong", "span"}
    assert shown_html(re.sub(r"<[^>]*>", "", legend)).count(one_line(hostile)) == 3
    assert "\n" not in svg + legend  # a blank line would end the HTML block in markdown


def test_legend_lists_classes_then_missing():
    html = legend_html(["1 – 2", "2 – 3"], (PALETTE[0], PALETTE[-1]), "% <b>", "non disponible")
    assert html.count("background:") == 3
    assert "<b>" not in html and "% <b>" in shown_html(html)
    assert html.index("1 – 2") < html.index("2 – 3") < html.index("non disponible")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_table_alternative_is_plain_html_with_every_cell_escaped(hostile):
    frame = pd.DataFrame({"Territoire": [hostile, "Côtes-d'Armor & co"], hostile: [1.5, None]})
    markup = table_html(frame, f"Tableau {hostile}")
    assert markup.startswith("<details><summary>") and markup.count("\n\n") == 2
    elements = _elements(markup)
    assert [e.tag for e in elements] == [
        "details", "summary", "table", "thead", "tr", "th", "th", "tbody",
        "tr", "td", "td", "tr", "td", "td",
    ]  # fmt: skip
    assert [e.text.replace(WORD_JOINER, "") for e in elements if e.tag in ("th", "td")] == [
        "Territoire",
        one_line(hostile),
        one_line(hostile),
        "1.5",
        "Côtes-d'Armor & co",
        "nan",
    ]
    assert elements[1].text.replace(WORD_JOINER, "") == one_line(f"Tableau {hostile}")


def test_paths_are_whole_relative_moves_without_rings_too_small_to_see():
    square = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])
    speck = shapely.Polygon([(50, 50), (50.2, 50), (50.2, 50.2)])  # rounds to one point
    path = _path(shapely.MultiPolygon([square, speck]), lambda x, y: (x + 0.4, y * 2))
    assert path == "M0 0l10 0 0 20 -10 0z"


def test_the_map_reaches_markdown_as_one_raw_html_block():
    block = markdown_block('<svg class="svg-map"></svg><div>légende</div>')
    # a line that opens a <div> starts a CommonMark HTML block, which runs to a blank line
    assert block.splitlines() == [
        "<div>",
        '<svg class="svg-map"></svg><div>légende</div>',
        "</div>",
    ]
    with pytest.raises(ValueError, match="blank line"):
        markdown_block("<svg>\n\n</svg>")


def test_each_territory_links_to_its_profile_with_the_other_filters_kept():
    filters = Filters(level="department", territory="DEP-29", indicator="taux_chomage", lang="en")
    assert profile_links(filters, ["REG-53", "REG-06"]) == {
        "REG-53": "profil?level=department&territory=REG-53&indicator=taux_chomage&lang=en",
        "REG-06": "profil?level=department&territory=REG-06&indicator=taux_chomage&lang=en",
    }


@pytest.mark.parametrize(
    ("lang", "classes", "missing"),
    [
        ("fr", ["5,8 – 5,8", "6,0 – 6,0"], "non disponible"),
        ("en", ["5.8 – 5.8", "6.0 – 6.0"], "not available"),
    ],
)
def test_the_map_block_is_the_linked_map_then_its_legend_in_the_language(lang, classes, missing):
    boundaries = geo.with_overseas_insets(geo.read_boundaries("region"))
    view = _view(["Bretagne", "Pays de la Loire", "Mayotte"], [6.0, 5.8, float("nan")])
    block = map_markdown(view, boundaries, {"REG-53": "profil?territory=REG-53"}, lang)
    assert block.splitlines()[0] == "<div>" and block.splitlines()[-1] == "</div>"
    svg, legend = block.split("</svg>")
    assert svg.count("<path ") == 3 and svg.count('<a href="profil?territory=REG-53"') == 1
    labels = [shown_html(label) for label in re.findall(r"</span>([^<]+)</span>", legend)]
    assert (labels[0], labels[-2], labels[-1]) == (*classes, missing)
