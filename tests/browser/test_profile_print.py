"""The territory profile printed by a real headless browser: title and figures on ≤ 2 A4 pages."""

import re

import pytest

pytestmark = pytest.mark.browser

PROFILE = "/profil?territory=REG-53&area=metro"
# a PDF page object ("/Type /Page"), not the page tree ("/Type /Pages")
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)\b")


def wait_until_idle(page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )


def wait_for_charts(page, count: int) -> None:
    """Wait until `count` plotly charts are drawn and Streamlit has finished the run."""
    page.wait_for_function(
        "n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n",
        arg=count,
        timeout=60_000,
    )
    wait_until_idle(page)


def test_profile_prints_title_and_figures_on_at_most_three_a4_pages(page, app_url):
    # Open the app once first: on a server that has not yet run app.py, a deep link to a page
    # runs that page alone (Streamlit's pages/ folder detection), without the shared sidebar.
    page.goto(app_url)
    page.wait_for_selector("h1", timeout=60_000)
    wait_until_idle(page)
    page.goto(app_url + PROFILE)
    wait_for_charts(page, 2)  # domain bars and radar
    title = page.get_by_role("heading", name="Bretagne — région")
    assert title.is_visible()
    assert page.get_by_test_id("stSidebar").is_visible()

    page.emulate_media(media="print")
    assert title.is_visible()
    assert page.get_by_role("heading", name="Chiffres clés").is_visible()
    figures = page.get_by_test_id("stTable").first
    assert figures.get_by_text("Taux de chômage localisé", exact=True).is_visible()
    assert page.get_by_role("heading", name="Ce qui s'aggrave").is_visible()  # the summary
    assert not page.get_by_role("heading", name="Évolutions").is_visible()  # screen only
    reading = page.get_by_role("heading", name="Perçu ou objectif : où les regards se rejoignent")
    assert reading.is_visible()
    assert not page.get_by_test_id("stSidebar").is_visible()  # print CSS hides the widgets
    assert not page.get_by_role("heading", name="Les mêmes indices en radar").is_visible()
    assert not page.locator(".stSelectbox").first.is_visible()

    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert 1 <= len(PDF_PAGE.findall(pdf)) <= 3  # 27 key figures and 16 domains since the series
    assert page.external.blocked == []
