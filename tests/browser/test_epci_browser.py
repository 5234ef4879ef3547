"""EPCI and commune profiles in a real browser: a commune found by the sidebar search, an EPCI
clicked on the map; no request leaves the machine."""

import re

import pytest
from test_map_browser import MAP_READY, click_map_until

pytestmark = pytest.mark.browser

BREST = (-4.49, 48.40)  # a point inside Brest (lon, lat)


def test_a_commune_found_by_search_opens_its_profile_with_its_nesting(page, app_url):
    page.goto(app_url)
    box = page.get_by_label("Rechercher un territoire")
    box.wait_for(timeout=60_000)
    box.fill("brest")
    box.press("Enter")
    result = page.get_by_role("button", name="Brest (29)", exact=True)
    result.wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Brest Métropole (intercommunalité, 29)").is_visible()
    result.click()
    page.wait_for_function(
        "() => location.pathname.endsWith('/profil')"
        " && location.search.includes('territory=COM-29019')",
        timeout=30_000,
    )
    heading = page.get_by_role("heading", name="Brest (29019) — commune, Finistère")
    heading.wait_for(timeout=60_000)
    nesting = page.get_by_role("heading", name="Le territoire dans ses échelons")
    assert nesting.is_visible()
    main = page.locator("[data-testid='stMain']")
    main.get_by_text("Brest Métropole", exact=True).first.wait_for(timeout=30_000)
    assert page.external.blocked == []


def test_clicking_an_epci_on_the_map_opens_its_profile(page, app_url):
    page.goto(f"{app_url}/carte?level=epci&territory=DEP-29")
    page.wait_for_function(MAP_READY, timeout=60_000)
    click_map_until(
        page,
        *BREST,
        "() => location.pathname.endsWith('/profil')"
        " && location.search.includes('territory=EPCI-242900314')",
    )
    heading = page.get_by_role("heading", name=re.compile("^Brest Métropole — intercommunalité"))
    heading.wait_for(timeout=60_000)
    assert page.external.blocked == []
