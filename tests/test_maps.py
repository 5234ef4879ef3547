"""Map figures (lib/maps.py): classed choropleth, missing values, initiatives, plotly-valid."""

import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib import explore, maps
from lib.classify import MISSING_COLOUR, Classes
from lib.explore import MapView
from lib.filters import Filters

FRAME = pd.DataFrame(
    {
        "territory_id": ["REG-11", "REG-24", "REG-27"],
        "name": ["Île-de-France", "<b>Centre</b>", "Bourgogne"],
        "value": [3.0, math.nan, 9.0],
        "value_text": ["3,0 %", "non disponible", "9,0 %"],
        "detail": ["2023 · INSEE", "—", "2023 · INSEE"],
    }
)
CLASSES = Classes(edges=(0.0, 5.0, 10.0), colours=("#ffffb2", "#bd0026"))
POINTS = pd.DataFrame(
    {
        "initiative_id": ["a"],
        "name": ["Alliance"],
        "hover_lines": [["Roubaix"]],
        "lon": [3.17],
        "lat": [50.69],
    }
)


def layers():
    choropleth = maps.choropleth_layer(FRAME, "/x.geojson", CLASSES, ["0 – 5", "5 – 10"], "%")
    return choropleth, maps.initiatives_layer(POINTS)


def test_values_are_classed_and_missing_ones_grey_with_escaped_hovers():
    values, missing = layers()[0]
    assert values["locations"] == ["REG-11", "REG-27"] and values["z"] == [0, 1]
    assert values["colorbar"]["ticktext"] == ["0 – 5", "5 – 10"]
    assert missing["locations"] == ["REG-24"]
    assert missing["colorscale"] == [[0, MISSING_COLOUR], [1, MISSING_COLOUR]]
    assert missing["customdata"] == [["&lt;b&gt;Centre&lt;/b&gt;", "non disponible", "—"]]


@pytest.mark.parametrize("fit", [None, {"center": {"lon": 2.0, "lat": 47.0}, "zoom": 6.0}])
def test_map_figures_pass_plotly_validation(fit):
    """Built without validation (map_figure): plotly must accept them as they are."""
    figure = maps.map_figure(list(layers()), view=fit).to_dict()
    assert go.Figure(figure).to_dict() == figure
    assert figure["layout"]["map"]["style"] == "white-bg"
    assert figure["layout"]["map"]["zoom"] == (fit or maps.FRANCE_VIEW)["zoom"]


def test_view_map_draws_the_view_with_its_legend():
    view = MapView(
        selection="chomage",
        label="Chômage",
        unit="%",
        decimals=1,
        period="2023",
        higher_is_worse=True,
        frame=FRAME,
        classes=CLASSES,
        source_ids=[],
        notes=[],
    )
    names = [trace["name"] for trace in maps.view_map(view, "/x.geojson").to_dict()["data"]]
    assert names == ["values", "missing"]


@pytest.mark.parametrize(
    ("level", "territory"),
    [
        ("region", "REG-53"),
        ("region", "DEP-29"),
        ("department", "REG-53"),
        ("department", "DEP-29"),
        ("department", None),
        ("commune", "DEP-29"),
    ],
)
def test_the_scope_parent_gives_the_scope_the_territory_gives(dataset, level, territory):
    """The map cache is keyed by `scope_parent`: it must not change what the map shows."""
    parent = explore.scope_parent(level, territory)
    assert explore.scope_territories(dataset, level, parent).equals(
        explore.scope_territories(dataset, level, territory)
    )
    filters = Filters(level=level, territory=territory, actors=("entreprises",), domains=("sante",))
    resolved = Filters(level=level, territory=parent, area="metro")  # a metropolitan territory
    assert explore.map_filters(dataset, filters) == resolved


OVERSEAS_REGIONS = ["REG-01", "REG-02", "REG-03", "REG-04", "REG-06"]


@pytest.mark.parametrize("selection", ["taux_chomage", "index", "index-sante"])
def test_a_national_map_draws_every_region_and_greys_those_outside_the_comparison(
    dataset, selection
):
    """Default filters, no territory: metropolitan France is compared; the overseas regions
    are drawn all the same, grey, their hover saying why."""
    view = explore.filters_map_view(dataset, Filters(indicator=selection))
    assert len(view.frame) == 18 and view.shown == 13
    assert view.comparison.label() == "13 régions métropolitaines"
    outside = view.frame[~view.frame["compared"]]
    assert sorted(outside["territory_id"]) == OVERSEAS_REGIONS
    assert outside["value"].isna().all() and outside["rank"].isna().all()
    assert set(outside["detail"]) == {"hors du périmètre de comparaison"}
    ranked = view.frame.loc[view.frame["compared"], "rank"]
    assert ranked.notna().all() and ranked.min() == 1 and ranked.max() <= 13
    _, missing = maps.view_map(view, "/x.geojson").to_dict()["data"]
    assert sorted(missing["locations"]) == OVERSEAS_REGIONS
    hovers = {row[0]: row for row in missing["customdata"]}
    assert hovers["Mayotte"][1:] == ["non disponible", "hors du périmètre de comparaison"]


def test_an_overseas_territory_brings_every_region_into_the_comparison(dataset):
    view = explore.filters_map_view(dataset, Filters(territory="REG-04", indicator="index"))
    assert view.shown == 18 and view.frame["compared"].all()
    assert view.comparison.label() == "18 régions de France"
    explicit = explore.filters_map_view(dataset, Filters(indicator="index", area="all"))
    assert explicit.frame["value"].equals(view.frame["value"])
