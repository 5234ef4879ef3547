"""Bring your own data in a real browser: a French CSV (Latin-1, `;`, decimal comma) is uploaded,
checked row by row, applied, and its value appears on the map labelled as imported."""

import json

import pytest

pytestmark = pytest.mark.browser

FRENCH_CSV = (
    "niveau;code_insee;indicateur;libelle;domaine;unite;higher_is_worse;annee;valeur\n"
    "département;29;taux_chomage;Taux de chômage;emploi;%;true;2023-T3;12,5\n"
    "département;99;taux_chomage;Taux de chômage;emploi;%;true;2023-T3;8\n"
).encode("cp1252")
MAP_DRAWN = (
    "() => { const gd = document.querySelector('.js-plotly-plot');"
    " return gd && gd.data && !document.querySelector('[data-testid=\"stStatusWidget\"]'); }"
)


def test_a_french_csv_is_checked_applied_and_shown_on_the_map(page, app_url):
    page.goto(f"{app_url}/importer")
    page.get_by_text("Fichier CSV ou Excel").first.wait_for(timeout=60_000)
    page.locator("input[type=file]").set_input_files(
        {"name": "chomage_brest.csv", "mimeType": "text/csv", "buffer": FRENCH_CSV}
    )
    source = (("Titre", "Enquête Brest"), ("Éditeur", "Observatoire local"), ("Licence", "CC-BY"))
    for label, value in source:
        page.get_by_label(label, exact=True).fill(value)
        page.get_by_label(label, exact=True).press("Enter")
    page.get_by_text("1 ligne(s) valide(s) sur 2 ; 1 problème(s).").wait_for(timeout=30_000)
    page.get_by_role("button", name="Appliquer les 1 ligne(s) valide(s)").click()
    page.get_by_text("Import appliqué : données importées : Enquête Brest.").wait_for(
        timeout=30_000
    )

    # Same session (the upload lives in it): follow the navigation link, not a new URL.
    page.get_by_role("link", name="Carte").first.click()
    page.get_by_text("Départements", exact=True).first.click()
    page.wait_for_function("() => location.search.includes('level=department')", timeout=30_000)
    page.wait_for_function(MAP_DRAWN, timeout=60_000)
    page.get_by_text("Cette carte montre aussi : données importées : Enquête Brest").first.wait_for(
        timeout=30_000
    )
    trace = json.loads(
        page.evaluate("() => JSON.stringify(document.querySelector('.js-plotly-plot').data[0])")
    )
    finistere = trace["locations"].index("DEP-29")
    hover = json.dumps(trace["customdata"][finistere], ensure_ascii=False)
    assert "12,5" in hover
    assert "données importées : Enquête Brest" in hover
    assert page.external.blocked == []
