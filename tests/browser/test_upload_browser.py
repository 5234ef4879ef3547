"""Bring your own data in a real browser: a consultant's own file (French headers, INSEE codes
without leading zeros, a column of names, a Source column; `;` CSV and .xlsx) is uploaded, its
proposed column mapping accepted, all its rows applied in one go; the imported values show on
the map and the profile labelled as imported. The drop zone speaks French."""

import io
import json

import pytest
from openpyxl import Workbook

pytestmark = pytest.mark.browser

DEPARTMENTS = (
    ("1", "Ain"), ("2", "Aisne"), ("3", "Allier"), ("4", "Alpes-de-Haute-Provence"),
    ("5", "Hautes-Alpes"), ("6", "Alpes-Maritimes"), ("7", "Ardèche"), ("8", "Ardennes"),
    ("9", "Ariège"), ("10", "Aube"), ("11", "Aude"), ("12", "Aveyron"),
)  # fmt: skip
HEADER = ("Niveau", "Code INSEE", "Territoire", "Indicateur", "Valeur", "Année", "Source")
UNEMPLOYMENT_CSV = (
    ";".join(HEADER)
    + "\n"
    + "".join(
        f"Département;{code};{name};Taux de chômage localisé;{5 + i},5;2023-T3;INSEE Flash\n"
        for i, (code, name) in enumerate(DEPARTMENTS)
    )
).encode("cp1252")
MAP_DRAWN = (
    "() => { const gd = document.querySelector('.js-plotly-plot');"
    " return gd && gd.data && !document.querySelector('[data-testid=\"stStatusWidget\"]'); }"
)
DROPZONE_TEXT = (
    "() => getComputedStyle(document.querySelector("
    "'[data-testid=\"stFileUploaderDropzoneInstructions\"] span'), '::after').content"
)


def gp_density_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Données"
    sheet.append(HEADER)
    for i, (code, name) in enumerate(DEPARTMENTS):
        row = ("Département", int(code), name, "Densité de médecins généralistes", 70 + i, 2023)
        sheet.append((*row, "DREES RPPS"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload_and_apply(page, name: str, mime: str, data: bytes, source: str) -> None:
    page.locator("input[type=file]").first.set_input_files(
        {"name": name, "mimeType": mime, "buffer": data}
    )
    page.get_by_role("button", name="Valider la correspondance").click()
    page.get_by_text("12 lignes valides sur 12 ; 0 problème.").wait_for(timeout=60_000)
    page.get_by_role("button", name="Appliquer 12 lignes valides", exact=True).click()
    page.get_by_text(f"Import appliqué : données importées : {source}.").wait_for(timeout=30_000)


def test_the_drop_zone_speaks_french_and_states_the_real_limit(page, app_url):
    page.goto(f"{app_url}/importer")
    page.get_by_text("Fichier CSV ou Excel").first.wait_for(timeout=60_000)
    assert page.evaluate(DROPZONE_TEXT) == '"5 Mo par fichier • CSV, TXT, TSV, XLSX, XLSM"'
    button = page.locator('[data-testid="stFileUploaderDropzone"] button p').first
    assert button.evaluate("p => getComputedStyle(p, '::after').content") == '"Parcourir"'
    assert button.evaluate("p => getComputedStyle(p).fontSize") == "0px"  # "Upload" hidden


def test_an_excel_sheet_is_accepted_in_one_go(page, app_url):
    page.goto(f"{app_url}/importer")
    page.get_by_text("Fichier CSV ou Excel").first.wait_for(timeout=60_000)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    upload_and_apply(page, "densite.xlsx", xlsx, gp_density_xlsx(), "DREES RPPS")


def test_a_french_csv_is_mapped_applied_and_shown_on_the_map_and_the_profile(page, app_url):
    page.goto(f"{app_url}/importer")
    page.get_by_text("Fichier CSV ou Excel").first.wait_for(timeout=60_000)
    upload_and_apply(page, "chomage.csv", "text/csv", UNEMPLOYMENT_CSV, "INSEE Flash")

    # Same session (the upload lives in it): follow the navigation link, not a new URL.
    page.get_by_role("link", name="Carte").first.click()
    page.get_by_role("combobox", name="Échelle").click()  # the sidebar's level selectbox
    page.get_by_role("option", name="Départements", exact=True).click()
    page.wait_for_function("() => location.search.includes('level=department')", timeout=30_000)
    page.wait_for_function(MAP_DRAWN, timeout=60_000)
    page.get_by_text("Cette carte montre aussi : données importées : INSEE Flash").first.wait_for(
        timeout=30_000
    )
    trace = json.loads(
        page.evaluate("() => JSON.stringify(document.querySelector('.js-plotly-plot').data[0])")
    )
    hover = json.dumps(trace["customdata"][trace["locations"].index("DEP-01")], ensure_ascii=False)
    assert "5,5" in hover
    assert "données importées : INSEE Flash" in hover

    page.get_by_role("link", name="Profil").first.click()
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("combobox").first.click()
    page.keyboard.type("Aisne")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('territory=DEP-02')", timeout=30_000)
    # the key figures are drawn on a canvas: their source line says the value is imported
    page.get_by_text("INSEE Flash, INSEE Flash (données importées : INSEE Flash)").first.wait_for(
        timeout=30_000
    )
    assert "INSEE Flash ()" not in page.inner_text("body")  # no empty () for an absent year
    assert page.external.blocked == []
