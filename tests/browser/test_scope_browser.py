"""Issue #14 parts 3 and 4 in a real browser, default filters: every region drawn on the home map
(those outside the comparison grey, saying why), domain indices on the profiles of mainland and
overseas territories, and a workshop's room table beside the territory's objective indices."""

import re
from urllib.parse import urlparse

import pytest
from conftest import ARTIFACTS, ROOT, ExternalRequests, free_port, start_streamlit

from lib.classify import MISSING_COLOUR
from lib.workshop import service

pytestmark = pytest.mark.browser

IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
# The domains drawn as bars on the profile (its first horizontal bar chart), once plotted.
BARS = (
    "() => { for (const gd of document.querySelectorAll('.js-plotly-plot')) {"
    " const bars = (gd.data || [])[0];"
    " if (bars && bars.type === 'bar' && bars.orientation === 'h') return bars.y.length; }"
    " return null; }"
)


def test_the_home_map_draws_every_region_and_greys_the_overseas_ones(page, app_url):
    page.goto(app_url)
    page.wait_for_selector("svg.svg-map path", timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    assert page.locator("svg.svg-map path").count() == 18
    grey = page.locator(f'svg.svg-map path[fill="{MISSING_COLOUR}"]')
    titles = grey.locator("title").all_text_contents()
    assert len(titles) == 5
    assert all(t.endswith("non disponible (hors du périmètre de comparaison)") for t in titles)
    assert page.get_by_text("Périmètre de comparaison : 13 régions métropolitaines").is_visible()
    assert page.external.blocked == []


@pytest.mark.parametrize(
    ("territory", "at_least", "members"),
    [
        ("REG-32", 13, "13 régions métropolitaines"),  # Hauts-de-France
        ("DEP-93", 13, "96 départements métropolitains"),  # Seine-Saint-Denis
        ("DEP-23", 13, "96 départements métropolitains"),  # Creuse
        ("REG-04", 8, "18 régions de France"),  # La Réunion
        ("REG-06", 8, "18 régions de France"),  # Mayotte
    ],
)
def test_a_profile_draws_a_domain_index_for_most_domains(
    page, app_url, territory, at_least, members
):
    page.goto(f"{app_url}/profil?territory={territory}")
    page.wait_for_function(BARS, timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    drawn = page.evaluate(BARS)
    assert drawn >= at_least, f"{territory}: {drawn} domain indices drawn"
    overall = page.get_by_text(re.compile(r"^Indice global \(moyenne des \d+ domaines"))
    assert overall.inner_text().endswith(f"sur {members}.")
    assert page.external.blocked == []


@pytest.fixture(scope="module")
def workshop_server(tmp_path_factory):
    """An app server on a temporary workshop database with a Hauts-de-France workshop."""
    database = tmp_path_factory.mktemp("ateliers") / "ateliers.sqlite3"
    engine = service.engine_from_env({"WORKSHOP_DB_PATH": str(database)})
    workshop, key = service.create_workshop(
        engine,
        title="Atelier Lille",
        territory_id="REG-32",
        actor_ids=["citoyens", "entreprises"],
        n_choices=3,
        allowed_territories={"REG-32"},
        allowed_actors={"citoyens", "entreprises"},
    )
    service.submit_vote(
        engine,
        workshop.code,
        service.join(engine, workshop.code, client="a phone"),
        actor_id="citoyens",
        domain_ids=["emploi", "sante", "logement"],
        comment="",
        allowed_domains={"emploi", "sante", "logement"},
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKSHOP_DB_PATH", str(database))
        patch.delenv("DATABASE_URL", raising=False)
        with start_streamlit(ROOT / "app.py", free_port()) as url:
            yield url, workshop.code, key


def test_a_hauts_de_france_workshop_shows_objective_indices_beside_the_room(
    browser, workshop_server, request
):
    url, code, key = workshop_server
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    external = ExternalRequests(urlparse(url).hostname)
    context.route("**/*", external.route)
    page = context.new_page()
    request.addfinalizer(context.close)
    page.goto(f"{url}/atelier?code={code}")
    page.get_by_role("tab", name="Piloter un atelier").click(timeout=60_000)
    page.get_by_label("Clé organisateur").fill(key)
    page.get_by_role("button", name="Ouvrir le tableau de bord").click()
    table = page.locator("table", has_text="Indice objectif")
    table.wait_for(timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    headers = table.locator("thead th").all_inner_texts()
    column = headers.index("Indice objectif")
    rows = table.locator("tbody tr").all()
    cells = [row.locator("th, td").all_inner_texts() for row in rows]
    objective = [c[column] for c in cells]
    assert len(rows) == 16
    assert sum(text != "non disponible" for text in objective) >= 13
    sante = next(c for c in cells if c[0] == "Santé, accès aux soins")
    assert sante[headers.index("Rang du territoire (1 = le plus fragile)")].endswith(
        "sur 13 régions métropolitaines"
    )
    assert external.blocked == []
