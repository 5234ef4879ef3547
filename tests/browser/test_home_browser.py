"""What a person sees: the home map drawn in a real headless browser, with no external request."""

import re

import pytest

pytestmark = pytest.mark.browser


def wait_for_app(page) -> None:
    """Wait until the map is drawn and Streamlit has finished running the script."""
    page.wait_for_selector(
        ".js-plotly-plot .maplibregl-canvas, .js-plotly-plot canvas", timeout=60_000
    )
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )


def test_home_shows_the_18_regions_and_its_source(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    assert page.get_by_role("heading", name="Territoires fragiles & alliances").is_visible()
    # plotly keeps the drawn figure on its root element: 18 region locations across traces
    located = page.evaluate(
        "() => document.querySelector('.js-plotly-plot').data.flatMap(t => t.locations)"
    )
    assert len(located) == 18 and len(set(located)) == 18
    caption = page.get_by_text(re.compile(r"Source : INSEE, Taux de chômage localisés")).first
    assert caption.is_visible()
    assert page.external.blocked == []
