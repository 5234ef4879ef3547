"""Issue #15 part 1 in a real browser: the profile of Seine-Saint-Denis draws its indicators over
time once the reader opens them, the unemployment rate over every quarter the data files hold."""

import pandas as pd
import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser

IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
# Each drawn chart of the « Évolutions » section: its first trace's name, the points it draws
# (breaks excluded) and whether plotly has drawn it (its SVG).
TREND_CHARTS = (
    "() => Array.from(document.querySelectorAll('.st-key-profil_screen_trends .js-plotly-plot'))"
    ".filter(gd => gd.querySelector('.main-svg') && gd.data)"
    ".map(gd => ({name: gd.data[0].name, n: gd.data.length,"
    " points: gd.data[0].y.filter(y => y !== null).length,"
    " markers: gd.querySelectorAll('.scatterlayer .trace:first-child .point').length}))"
)


def quarters_in_files(territory_id: str, indicator_id: str) -> int:
    """How many periods the data files hold for one territory and indicator."""
    rows = pd.concat(
        pd.read_csv(path, dtype=str)
        for path in sorted((ROOT / "data").glob("indicators*.csv"))
        if "_communes" not in path.name and "_epci" not in path.name
    )
    chosen = rows[(rows["territory_id"] == territory_id) & (rows["indicator_id"] == indicator_id)]
    return chosen["period"].nunique()


def test_the_profile_of_seine_saint_denis_draws_its_trends(page, app_url):
    page.goto(app_url)
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    page.goto(f"{app_url}/profil?territory=DEP-93")
    opener = page.get_by_text("Afficher les courbes des 17 indicateurs suivis dans le temps")
    opener.wait_for(timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    assert page.evaluate(TREND_CHARTS) == []  # drawn on demand
    opener.click()
    page.wait_for_function(f"() => ({TREND_CHARTS})().length >= 5", timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    page.get_by_role("heading", name="Évolutions").scroll_into_view_if_needed()
    charts = page.evaluate(TREND_CHARTS)
    assert len(charts) >= 5
    assert all(chart["name"] == "Seine-Saint-Denis" for chart in charts)
    expected = quarters_in_files("DEP-93", "taux_chomage")
    assert expected >= 30
    # the unemployment chart: the territory, France hors Mayotte and Île-de-France, every quarter
    unemployment = [chart for chart in charts if chart["points"] == expected]
    assert unemployment, charts
    assert unemployment[0]["n"] == 3
    assert unemployment[0]["markers"] == expected
    assert page.get_by_role("heading", name="Ce qui s'aggrave").is_visible()
    assert page.get_by_role("heading", name="Ce qui s'améliore").is_visible()
    assert page.external.blocked == []
