"""The map page with the initiatives layer on, in a real headless browser, offline."""

import csv
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[2] / "data" / "initiatives.csv"
PLACED_LEVELS = {"commune", "epci_commune", "epci_department", "department", "region"}
NANTES = "plateforme-rse-nantes-metropole"  # alone at its place: its dot is not spread
DOTS = "(gd => (gd.data || []).find(t => t.name === 'initiatives'))"
FIGURE = "document.querySelector('.js-plotly-plot')"


def expected_dots(actor: str) -> list[str]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return sorted(
            row["initiative_id"]
            for row in csv.DictReader(handle)
            if row["placement_level"] in PLACED_LEVELS and actor in row["actor_ids"].split(";")
        )


def wait_until_idle(page) -> None:
    page.wait_for_selector(".js-plotly-plot .maplibregl-canvas", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )


def test_map_shows_the_initiatives_and_their_hover_offline(page, app_url):
    page.goto(app_url)  # a fresh server runs a deep-linked page alone until st.navigation ran
    page.get_by_role("link", name="Initiatives d'alliance").wait_for(timeout=60_000)
    page.goto(f"{app_url}/carte?actor=entreprises")
    wait_until_idle(page)
    page.get_by_text("Afficher les initiatives d'alliance").click()
    page.wait_for_function(f"() => {DOTS}({FIGURE})", timeout=60_000)
    wait_until_idle(page)
    shown = page.evaluate(f"() => Array.from({DOTS}({FIGURE}).customdata)")
    assert sorted(shown) == expected_dots("entreprises")

    page.wait_for_function(f"() => {FIGURE}._fullLayout.map._subplot.map.loaded()")
    x, y = page.evaluate(
        f"""() => {{
            const gd = {FIGURE};
            const dots = gd._fullData.find(t => t.name === "initiatives");  // decoded arrays
            const i = Array.from(dots.customdata).indexOf("{NANTES}");
            const map = gd._fullLayout.map._subplot.map;
            const pixel = map.project([dots.lon[i], dots.lat[i]]);
            const box = map.getCanvas().getBoundingClientRect();
            return [box.left + pixel.x, box.top + pixel.y];
        }}"""
    )
    page.mouse.move(x, y)
    hover = page.locator(".hoverlayer .hovertext", has_text="Plateforme RSE Nantes Métropole")
    hover.wait_for(timeout=10_000)
    assert "Source : Le RAMEAU" in hover.text_content()
    page.mouse.click(x, y)  # a click shows the initiative's card under the map
    page.get_by_text("Lieu : Nantes Métropole (placé sur Nantes)").wait_for(timeout=30_000)
    assert page.external.blocked == []
