"""EPCI and commune profiles in a real browser: a commune found by the sidebar search, an EPCI
clicked on the map; no request leaves the machine."""

import re
from pathlib import Path

import pandas as pd
import pytest
from test_map_browser import MAP_READY, click_map_until

from lib.formatting import format_value
from scripts.local_server import ARTIFACTS

pytestmark = pytest.mark.browser

BREST = (-4.49, 48.40)  # a point inside Brest (lon, lat)
DATA = Path(__file__).resolve().parents[2] / "data"


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


def test_the_brest_commune_shows_its_filosofi_poverty_rate(page, app_url):
    rows = pd.read_csv(DATA / "indicators_filosofi2019_communes.csv", dtype=str)
    rate = rows.query("territory_id == 'COM-29019' and indicator_id == 'taux_pauvrete'")
    # with the decimals INSEE's commune file gives it (to the unit): '17 %', not '17,0 %'
    decimals = int(rate["decimals"].iloc[0])
    expected = format_value(float(rate["value"].iloc[0]), "% des personnes", decimals)
    assert decimals == 0 and "," not in expected
    page.goto(f"{app_url}/profil?territory=COM-29019")
    page.get_by_role("heading", name="Brest (29019) — commune, Finistère").wait_for(timeout=60_000)
    main = page.locator("[data-testid='stMain']")
    rows_shown = main.get_by_role("row").filter(has_text="Taux de pauvreté")
    rows_shown.first.wait_for(timeout=30_000)
    cells = [[c.strip() for c in r.locator("td, th").all_inner_texts()] for r in rows_shown.all()]
    assert ["Taux de pauvreté", expected, "2019"] in [row[:3] for row in cells]
    assert page.external.blocked == []


def test_an_epci_profile_draws_its_trends(page, app_url):
    page.goto(f"{app_url}/profil?territory=EPCI-242900314")
    page.get_by_role("heading", name="Évolutions").wait_for(timeout=60_000)
    chart = page.locator(".st-key-profil_trend_taux_pauvrete .js-plotly-plot")
    chart.wait_for(timeout=30_000)
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_text(re.compile(r"pt depuis 2019 : en hausse, plus fragile")).count() >= 1
    page.get_by_role("heading", name="Évolutions").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "epci_trends.png"))
    page.goto(f"{app_url}/profil?territory=EPCI-200054781")
    page.get_by_text(
        "Aucun indicateur n'est connu à deux périodes pour cette intercommunalité."
    ).wait_for(timeout=60_000)
    assert page.external.blocked == []
