"""Workshops in a real browser, on a server of their own (temporary SQLite database): the
participant page fits a 375 px phone without sideways scrolling, offline; a comment holding HTML
is shown as text on the organiser page."""

from urllib.parse import urlparse

import pytest
from conftest import ARTIFACTS, ROOT, ExternalRequests, free_port, start_streamlit

from lib.workshop import service

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
XSS = '<img src=x onerror="window.__xss = 1">'
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


@pytest.fixture(scope="module")
def workshop_server(tmp_path_factory):
    """An app server on a temporary workshop database, with one workshop and one vote."""
    database = tmp_path_factory.mktemp("ateliers") / "ateliers.sqlite3"
    env = {"WORKSHOP_DB_PATH": str(database)}
    engine = service.engine_from_env(env)
    workshop, key = service.create_workshop(
        engine,
        title="Atelier Brest",
        territory_id="DEP-29",
        actor_ids=["citoyens", "collectivites", "entreprises", "associations"],
        n_choices=5,
        allowed_territories={"DEP-29"},
        allowed_actors={"citoyens", "collectivites", "entreprises", "associations"},
    )
    service.submit_vote(
        engine,
        workshop.code,
        service.join(engine, workshop.code, client="a phone"),
        actor_id="citoyens",
        domain_ids=["emploi", "sante", "logement", "mobilite", "numerique"],
        comment=XSS,
        allowed_domains={"emploi", "sante", "logement", "mobilite", "numerique"},
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKSHOP_DB_PATH", str(database))
        patch.delenv("DATABASE_URL", raising=False)
        with start_streamlit(ROOT / "app.py", free_port()) as url:
            yield url, workshop.code, key


def open_page(browser, url: str, viewport: dict, path: str, request):
    context = browser.new_context(viewport=viewport, locale="fr-FR")
    external = ExternalRequests(urlparse(url).hostname)
    context.route("**/*", external.route)
    page = context.new_page()
    page.goto(f"{url}/{path}")  # straight from the link or QR code, as a phone would
    request.addfinalizer(context.close)
    request.addfinalizer(
        lambda: page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    )
    return page, external


def test_the_participant_page_fits_a_phone_without_sideways_scroll(
    browser, workshop_server, request
):
    url, code, _ = workshop_server
    page, external = open_page(browser, url, PHONE, f"participer?code={code}", request)
    page.get_by_role("button", name="Rejoindre l'atelier").click(timeout=60_000)
    page.get_by_text("Votre profil").wait_for(timeout=60_000)
    # the participant token is in the address bar as soon as the ballot shows (written by the
    # join callback, before the page is drawn): a reload at any moment keeps the place
    assert "p=" in page.url
    page.get_by_text("5e choix").wait_for(timeout=30_000)
    page.wait_for_function(IDLE, timeout=60_000)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.locator('[data-testid="stSidebar"]').is_hidden()
    send = page.get_by_role("button", name="Envoyer mon vote").bounding_box()
    assert send["x"] >= 0 and send["x"] + send["width"] <= PHONE["width"]
    assert external.blocked == []


def test_a_comment_with_html_is_shown_as_text_to_the_organiser(browser, workshop_server, request):
    url, code, key = workshop_server
    page, external = open_page(
        browser, url, {"width": 1280, "height": 900}, f"atelier?code={code}", request
    )
    page.get_by_role("tab", name="Piloter un atelier").click(timeout=60_000)
    page.get_by_label("Clé organisateur").fill(key)
    page.get_by_role("button", name="Ouvrir le tableau de bord").click()
    page.get_by_text(f"Autres profils : {XSS}", exact=True).wait_for(timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    assert page.locator('img[src="x"]').count() == 0
    assert page.evaluate("() => window.__xss") is None
    assert external.blocked == []
