"""The profile's « En bref » in a real browser at 1280×800: its heading and the PDF fact sheet's
button are on the first screen, before any scrolling."""

import pytest

pytestmark = pytest.mark.browser

IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
SCREEN_HEIGHT = 800


def test_the_brief_and_the_pdf_button_are_on_the_first_screen(page, app_url):
    page.set_viewport_size({"width": 1280, "height": SCREEN_HEIGHT})
    page.goto(app_url)
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    page.goto(f"{app_url}/profil?territory=DEP-93")
    heading = page.get_by_role("heading", name="En bref")
    heading.wait_for(timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    pdf = page.locator(".st-key-profil_brief_pdf").get_by_role("button")
    assert pdf.inner_text().strip().endswith("Télécharger la fiche du territoire (PDF)")
    for element in (heading, pdf):
        box = element.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] < SCREEN_HEIGHT
    assert page.get_by_text("Les domaines les plus fragiles").is_visible()
    assert page.external.blocked == []
