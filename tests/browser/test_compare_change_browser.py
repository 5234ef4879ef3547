"""Issue #15 in a real browser: Comparer ranks departments by their change of unemployment, the
most degraded at the top of the bar chart (expected values computed here from the data files)."""

import pandas as pd
import pytest
from data_files import changes, metro_departments, wide_values

pytestmark = pytest.mark.browser

IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
# The change chart's bars once plotly has drawn them: names (top first), changes, colours.
BARS = (
    "() => { const gd = document.querySelector('.st-key-compare_trend_chart .js-plotly-plot');"
    " return gd && gd.querySelector('.main-svg') && gd.data"
    " ? {y: gd.data[0].y, x: gd.data[0].x, colour: gd.data[0].marker.color} : null; }"
)


def unemployment_changes(start: str | None = None) -> pd.Series:
    """Metropolitan departments ("Name (code)") -> unemployment change from `start` (the first
    quarter of the files when None) to the last quarter, rounded to 0.1 point."""
    names = metro_departments()
    wide = wide_values("taux_chomage", names).rename(index=names)
    quarters = sorted(wide.columns)
    return changes(wide, start or quarters[0], quarters[-1], 1)


def bars(page) -> dict:
    page.wait_for_function(f"() => ({BARS})() !== null", timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    return page.evaluate(BARS)


def test_comparer_ranks_departments_by_their_change_of_unemployment(page, app_url):
    page.goto(f"{app_url}/comparer?level=department")
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    page.get_by_text("L'évolution d'un indicateur entre deux périodes").click()
    page.wait_for_function("() => location.search.includes('compare=change')", timeout=30_000)
    drawn = bars(page)
    expected = unemployment_changes()
    assert len(drawn["y"]) == len(expected) == 96
    assert drawn["x"] == pytest.approx([expected[name] for name in drawn["y"]])
    assert drawn["y"][0] in set(expected.index[expected == expected.max()])  # most degraded
    assert drawn["y"][-1] in set(expected.index[expected == expected.min()])  # most improved
    # unemployment: a rise is more fragile, so the colour follows the sign of the change
    assert all((c > 0) == (x > 0) for c, x in zip(drawn["colour"], drawn["x"], strict=True))
    assert page.get_by_role(
        "heading", name="Les territoires qui se sont le plus dégradés"
    ).is_visible()
    assert page.get_by_role(
        "heading", name="Les territoires qui se sont le plus améliorés"
    ).is_visible()
    # a link with a start period reopens that ranking
    page.goto(
        f"{app_url}/comparer?level=department&compare=change&indicator=taux_chomage"
        "&change_from=2022-T1"
    )
    drawn = bars(page)
    since = unemployment_changes("2022-T1")
    assert drawn["x"] == pytest.approx([since[name] for name in drawn["y"]])
    assert drawn["y"][0] in set(since.index[since == since.max()])
    assert page.external.blocked == []
