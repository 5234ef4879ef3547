"""What a person sees: the home map drawn in a real headless browser, with no external request."""

import re

import pytest

pytestmark = pytest.mark.browser


def wait_until_idle(page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )


def test_home_shows_the_18_regions_and_its_source(page, app_url):
    page.goto(app_url)
    page.wait_for_selector("svg.svg-map path", timeout=60_000)
    wait_until_idle(page)
    assert page.get_by_role("heading", name="Territoires fragiles & alliances").is_visible()
    shapes = page.locator("svg.svg-map path")
    assert shapes.count() == 18
    box = page.locator("svg.svg-map").bounding_box()
    assert box["width"] > 600 and box["height"] > 300  # drawn at a readable size
    titles = page.locator("svg.svg-map title").all_text_contents()
    assert "Bretagne : 6,0\u202f% de la population active" in titles
    assert page.get_by_text(
        re.compile(r"Source : INSEE, Taux de chômage localisés")
    ).first.is_visible()
    assert page.external.blocked == []


def test_clicking_a_region_opens_its_profile(page, app_url):
    page.goto(app_url)
    page.wait_for_selector("svg.svg-map path", timeout=60_000)
    link = page.locator('svg.svg-map a[href^="profil?territory=REG-53"]')
    assert link.get_attribute("target") == "_self"  # same tab: the profile replaces the map
    link.click()
    page.wait_for_url(re.compile(r"/profil\?territory=REG-53"), timeout=60_000)
    page.wait_for_selector("h1", timeout=60_000)
    wait_until_idle(page)
    assert page.get_by_role("heading", name=re.compile("Bretagne")).first.is_visible()
    assert page.external.blocked == []
