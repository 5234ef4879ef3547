"""The interactive map in a real browser: a click selects a region, its profile opens, and a
copied link reopens the same view; no request leaves the machine."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

MAP_READY = (
    "() => { const gd = document.querySelector('.js-plotly-plot');"
    " return gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot"
    " && gd._fullLayout.map._subplot.map.loaded()"
    " && !document.querySelector('[data-testid=\"stStatusWidget\"]'); }"
)
BRITTANY = (-2.9, 48.1)  # a point inside Bretagne (lon, lat)


def click_map_at(page, lon: float, lat: float) -> None:
    """Click the map at a geographic point (plotly's MapLibre map projects it to pixels)."""
    x, y = page.evaluate(
        "([lon, lat]) => { const gd = document.querySelector('.js-plotly-plot');"
        " const map = gd._fullLayout.map._subplot.map; const p = map.project([lon, lat]);"
        " const box = map.getCanvas().getBoundingClientRect();"
        " return [box.left + p.x, box.top + p.y]; }",
        [lon, lat],
    )
    page.mouse.click(x, y)


def click_map_until(page, lon: float, lat: float, condition: str) -> None:
    """Click the map at a point until the JS `condition` holds. Streamlit updates the URL in
    place (history API): poll it rather than wait for a load. MapLibre may swallow a click that
    lands while it is still settling: click again then."""
    for _attempt in range(3):
        click_map_at(page, lon, lat)
        try:
            page.wait_for_function(condition, timeout=10_000)
            return
        except PlaywrightTimeout:
            page.wait_for_function(MAP_READY, timeout=30_000)


def test_clicking_a_region_selects_it_and_opens_its_profile(page, app_url):
    page.goto(f"{app_url}/carte")
    page.wait_for_function(MAP_READY, timeout=60_000)
    click_map_until(page, *BRITTANY, "() => location.search.includes('territory=REG-53')")
    assert "territory=REG-53" in page.url
    page.get_by_role("link", name="Ouvrir le profil de Bretagne").click()
    page.wait_for_function(
        "() => location.pathname.endsWith('/profil') && location.search.includes('territory=REG-53')",
        timeout=30_000,
    )
    page.wait_for_selector("h1", timeout=60_000)
    assert page.get_by_role("heading", name=re.compile("Bretagne")).first.is_visible()
    assert page.external.blocked == []


def test_a_copied_link_reopens_the_same_view(page, app_url):
    page.goto(f"{app_url}/carte?level=department&territory=REG-53&indicator=index&area=metro")
    page.wait_for_function(MAP_READY, timeout=60_000)
    copied = page.url
    drawn = page.evaluate("() => document.querySelector('.js-plotly-plot').data[0].locations")
    other = page.context.new_page()
    other.goto(copied)
    other.wait_for_function(MAP_READY, timeout=60_000)
    assert (
        other.evaluate("() => document.querySelector('.js-plotly-plot').data[0].locations") == drawn
    )
    assert sorted(drawn) == ["DEP-22", "DEP-29", "DEP-35", "DEP-56"]
    assert (
        "Indice global de fragilité"
        in other.locator("[data-testid=stMain] [data-testid=stCaptionContainer]").first.inner_text()
    )
    other.close()
    assert page.external.blocked == []
