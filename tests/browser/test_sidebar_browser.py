"""The sidebar in a real browser at 1280×800: the search box and the territory picker are on
screen at once without scrolling; the less-used filters open from « Plus de filtres » and
stay bound to the URL."""

import re

import pytest
from test_home_browser import wait_until_idle

pytestmark = pytest.mark.browser


def on_screen(locator, height: int = 800) -> bool:
    box = locator.bounding_box()
    return (
        locator.is_visible()
        and box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= height
    )


def test_search_and_territory_on_screen_and_more_filters_open_on_click(page, app_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(app_url)
    page.wait_for_selector("svg.svg-map path", timeout=60_000)
    wait_until_idle(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    assert on_screen(sidebar.get_by_label("Rechercher un territoire"))
    assert on_screen(sidebar.get_by_label("Mon territoire"))
    more = sidebar.get_by_text(re.compile("^Plus de filtres"))
    assert sidebar.get_by_role("radio", name="Base 100 = France").count() == 0  # not drawn
    more.scroll_into_view_if_needed()  # below the 4 main filters: the sidebar scrolls
    more.click()
    base100 = sidebar.get_by_text("Base 100 = France", exact=True)
    base100.wait_for(timeout=30_000)
    base100.click()
    page.wait_for_function("() => location.search.includes('method=base100')", timeout=30_000)
    assert page.external.blocked == []
