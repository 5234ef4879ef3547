"""Server-side PNG charts (lib/static_charts.py): exact size, highlight, missing values."""

import io
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image

from lib import alliance_figures, explore, profile, static_charts, trends
from lib.classify import MISSING_COLOUR
from lib.periods import position

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BLUE = (0x00, 0x72, 0xB2)  # the highlight (Okabe–Ito blue)


@pytest.fixture(scope="module")
def look(dataset):
    return profile.lookups(dataset, "fr")


def pixels(png: bytes) -> np.ndarray:
    assert png.startswith(PNG_SIGNATURE)
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def share_of(png: bytes, colour: tuple[int, int, int]) -> float:
    """Share of the image's pixels of exactly `colour`."""
    image = pixels(png)
    return float((image == np.array(colour)).all(axis=2).mean())


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def region_view(dataset, indicator: str) -> explore.MapView:
    return explore.map_view(dataset, indicator, explore.scope_territories(dataset, "region"))


@pytest.mark.parametrize(("size", "dpi"), [((1600, 900), 150), ((833, 517), 100), ((55, 97), 150)])
def test_images_are_png_of_exactly_the_size_asked(dataset, size, dpi):
    png = static_charts.territory_map_png(dataset, "REG-53", size=size, dpi=dpi)
    assert Image.open(io.BytesIO(png)).size == size
    assert pixels(png).shape[:2] == (size[1], size[0])


def test_too_small_an_image_is_refused(dataset):
    with pytest.raises(ValueError, match="too small"):
        static_charts.territory_map_png(dataset, "REG-53", size=(40, 300))


def test_locator_map_paints_the_territory_blue_in_proportion_to_its_area(dataset):
    large = share_of(static_charts.territory_map_png(dataset, "REG-75"), BLUE)  # Nouvelle-Aquitaine
    small = share_of(static_charts.territory_map_png(dataset, "REG-11"), BLUE)  # Île-de-France
    assert large > 5 * small > 0
    assert static_charts.territory_map_png(dataset, "REG-11") == static_charts.territory_map_png(
        dataset, "REG-11"
    )  # deterministic: same input, same bytes


def test_department_locator_shows_its_region_departments(dataset):
    departments = static_charts.locator_territories(dataset, "DEP-29")
    parents = dataset.territory_index.loc[departments, "parent_id"]
    assert set(parents) == {"REG-53"} and "DEP-29" in departments
    assert share_of(static_charts.territory_map_png(dataset, "DEP-29"), BLUE) > 0.05
    with pytest.raises(ValueError):
        static_charts.locator_territories(dataset, "COM-29019")


def test_choropleth_uses_the_app_classes_and_outlines_the_highlight(dataset):
    view = region_view(dataset, "taux_chomage")
    plain = static_charts.choropleth_png(view)
    highlighted = static_charts.choropleth_png(view, highlight="REG-32")
    assert plain != highlighted
    black = share_of(highlighted, (0, 0, 0)) - share_of(plain, (0, 0, 0))
    assert black > 0.001  # the highlight's thick black outline
    for colour in view.classes.colours:  # every class colour is painted
        assert share_of(plain, hex_rgb(colour)) > 0
    # Mayotte has no unemployment rate: hatched grey, and grey in the legend
    assert view.frame.set_index("territory_id").loc["REG-06", "value_text"] == "non disponible"
    assert share_of(plain, hex_rgb(MISSING_COLOUR)) > 0


def test_choropleth_without_any_value_draws_everything_missing(dataset):
    view = region_view(dataset, "taux_chomage")
    empty = view.frame.assign(value=float("nan"))
    view = replace(view, frame=empty)
    png = static_charts.choropleth_png(view, size=(800, 450), dpi=100)
    assert pixels(png).shape[:2] == (450, 800)
    assert share_of(png, hex_rgb(MISSING_COLOUR)) > 0.05


def test_domain_bars_with_and_without_indices(look):
    domains = profile.domain_profile(look, "REG-32", "metro", "minmax")
    assert domains.n_with_index > 0
    bars = static_charts.domain_bars_png(domains.frame, "minmax", "region", size=(900, 700))
    none = domains.frame.assign(index=float("nan"))
    empty = static_charts.domain_bars_png(none, "base100", "region", lang="en", size=(900, 700))
    assert Image.open(io.BytesIO(empty)).size == (900, 700)
    # without any index only the legend's swatch is blue: every domain reads "not available"
    assert share_of(bars, BLUE) > 10 * share_of(empty, BLUE) > 0


def test_alliance_bars_for_every_chart_of_the_alliances_page(dataset):
    groups = alliance_figures.chart_groups(dataset, dataset.alliances, "fr")
    charts = [group for by_dimension in groups.values() for group in by_dimension]
    assert len(charts) > 10
    for group in charts:
        png = static_charts.alliance_bars_png(group, size=(640, 360), dpi=60)
        assert Image.open(io.BytesIO(png)).size == (640, 360)
    practice = groups["practice"][0]
    colours = {static_charts.actor_colour(bar.actor_order) for bar in practice.bars}
    png = static_charts.alliance_bars_png(practice)
    assert all(share_of(png, hex_rgb(colour)) > 0.01 for colour in colours)


def test_a_map_never_mixes_levels(dataset):
    view = region_view(dataset, "taux_chomage")
    mixed = view.frame.copy()
    mixed.loc[0, "territory_id"] = "DEP-29"
    with pytest.raises(ValueError, match="mix of levels"):
        static_charts.choropleth_png(replace(view, frame=mixed))


def a_trend(values: dict[str, float | None], vintages: dict[str, str] | None = None):
    """One territory line of yearly values (None: a gap), each point of its vintage."""
    points = tuple(
        trends.Point(p, position(p), v, (vintages or {}).get(p, "embedded"))
        for p, v in values.items()
    )
    line = trends.Line("DEP-93", "Seine-Saint-Denis", "territory", points)
    return trends.Trend("x", "Indicateur", "%", (line,), None, "", "", "", "INSEE")


def blue_hole(png: bytes) -> float:
    """The widest run of columns without the territory's blue between its first and last blue
    columns, as a share of the width (the legend below the axes left out)."""
    image = pixels(png)[: int(0.75 * static_charts.SLIDE_SIZE[1])]
    blue = (image == np.array(BLUE)).all(axis=2).any(axis=0)
    columns = np.flatnonzero(blue)
    return float(np.diff(columns).max() / image.shape[1])


def test_a_trend_is_drawn_with_its_gaps_and_changes_of_vintage_as_breaks():
    years = ("2010", "2011", "2012", "2013", "2014")
    whole = static_charts.trend_png(a_trend(dict(zip(years, (1, 2, 2.5, 3, 4), strict=True))))
    assert Image.open(io.BytesIO(whole)).size == static_charts.SLIDE_SIZE
    assert blue_hole(whole) < 0.01  # one unbroken line
    gap = static_charts.trend_png(a_trend(dict(zip(years, (1, 2, None, 3, 4), strict=True))))
    assert blue_hole(gap) > 0.3  # 2011 → 2013 not joined: about half the time axis
    values = dict(zip(years, (1, 2, 2.5, 3, 4), strict=True))
    vintages = {"2013": "upload", "2014": "upload"}
    assert blue_hole(static_charts.trend_png(a_trend(values, vintages))) > 0.1  # 2012 ≠ 2013
