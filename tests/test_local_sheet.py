"""Fact sheet of an EPCI or a commune as PDF (lib/local_sheet.py): the text read back (pypdf)
holds what the profile model (lib/profile/local.py) shows, values read again from the data."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from lib import profile
from lib.data import epci_members
from lib.formatting import format_value
from lib.i18n import t
from lib.local_sheet import local_onepager_pdf
from lib.onepager import TREND_SIZE, pixels
from lib.profile import local as local_profile
from lib.profile import local_trends

WHEN = datetime(2026, 12, 7, 21, 5, tzinfo=ZoneInfo("Europe/Paris"))
BREST_EPCI, BREST = "EPCI-242900314", "COM-29019"
SECRET_FR, SECRET_EN = "non disponible (secret statistique)", "not available (statistical secrecy)"


@pytest.fixture(scope="module")
def members(commune_dataset):
    return epci_members(commune_dataset)


def sheet(commune_dataset, members, territory_id: str, lang: str = "fr"):
    """(The profile model, the PDF's pages, their text with whitespace as single spaces)."""
    page = local_profile.build(commune_dataset, members, territory_id, "minmax", lang)
    data = local_onepager_pdf(commune_dataset, page, method="minmax", lang=lang, generated_at=WHEN)
    assert data.startswith(b"%PDF-")
    pages = PdfReader(io.BytesIO(data)).pages
    return page, pages, " ".join("\n".join(p.extract_text() for p in pages).split())


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def brest_metropole(commune_dataset, members):
    return sheet(commune_dataset, members, BREST_EPCI)


def test_the_epci_sheet_has_its_title_date_and_domain_ranks_as_on_the_profile(brest_metropole):
    page, pages, text = brest_metropole
    assert text.startswith(f"{page.title} Fiche territoire · Territoires fragiles & alliances")
    assert "générée le 07/12/2026 à 21:05" in text
    assert page.title == "Brest Métropole — intercommunalité (Finistère)"
    domains = page.domains[page.domains["Indice"] != "non disponible"]
    assert len(domains) >= 3
    for _, row in domains.iterrows():
        assert flat(f"{row['Domaine']} {row['Indice']} {row['Rang (1 = le plus fragile)']}") in text
    assert 1 <= len(pages) <= 3


def test_the_epci_sheet_has_the_nesting_row_of_the_poverty_rate(brest_metropole):
    page, _, text = brest_metropole
    nesting = page.nesting
    row = nesting[nesting["Indicateur"].str.startswith("Taux de pauvreté (")].iloc[0]
    assert list(nesting.columns[1:]) == ["Brest Métropole", "Finistère", "Bretagne", "France"]
    assert flat(" ".join(row)) in text


def test_the_epci_sheet_draws_its_first_trend_and_its_changes(brest_metropole, commune_dataset):
    _, pages, text = brest_metropole
    look = profile.lookups(commune_dataset, "fr")
    drawn = local_trends.for_territory(look, BREST_EPCI).charted[0]
    chart_page = next(p for p in pages if f"Évolution : {drawn.label}" in p.extract_text())
    assert pixels(TREND_SIZE) in [image.image.size for image in chart_page.images]
    assert flat(f"{drawn.sentence}.") in text
    assert f"{drawn.label} " in text and drawn.short in text  # the « Évolution » column


def test_every_source_is_listed_with_its_year_and_licence(brest_metropole, commune_dataset):
    page, _, text = brest_metropole
    sources = commune_dataset.sources.set_index("source_id")
    for source_id in page.source_ids:
        row = sources.loc[source_id]
        after = text.split(flat(f"{row['title']} ({row['year']})"))[-1][:200]
        assert flat(f"licence : {row['licence']}") in after


def test_the_commune_sheet_shows_the_filosofi_2019_poverty_rate(commune_dataset, members):
    page, _, text = sheet(commune_dataset, members, BREST)
    rows = commune_dataset.indicators
    value = rows[
        (rows["territory_id"] == BREST)
        & (rows["indicator_id"] == "taux_pauvrete")
        & (rows["source_id"] == "insee-filosofi2019-com")
    ]
    assert value["period"].tolist() == ["2019"]
    meta = commune_dataset.indicator_meta.set_index("indicator_id").loc["taux_pauvrete"]
    # the commune file publishes the rate to the unit: shown so, not with the indicator's decimal
    assert value["decimals"].tolist() == [0] and int(meta["decimals"]) == 1
    shown = flat(format_value(float(value["value"].iloc[0]), meta["unit"], 0))
    assert shown == "17 % des personnes"
    assert f"Taux de pauvreté {shown} 2019" in text
    assert f"Taux de pauvreté (2019) {shown}" in text  # the nesting table's row
    department = rows.query("territory_id == 'DEP-29' and indicator_id == 'taux_pauvrete'")
    finistere = department.loc[department["period"] == "2019", "value"].iloc[0]
    assert flat(format_value(finistere, meta["unit"], 1)) in text  # its department: one decimal
    assert t("trend_none_commune", "fr")[:60] in text
    assert page.title in text


def test_a_commune_under_secrecy_reads_the_reason_never_zero(commune_dataset, members):
    held = commune_dataset.withheld
    secret = held.loc[
        (held["indicator_id"] == "taux_pauvrete") & (held["reason"] == "secret_statistique"),
        "territory_id",
    ]
    commune = sorted(secret)[0]
    for lang, words, label in (
        ("fr", SECRET_FR, "Taux de pauvreté"),
        ("en", SECRET_EN, "Poverty rate"),
    ):
        _, _, text = sheet(commune_dataset, members, commune, lang)
        assert f"{label} {words} 2019" in text
        assert f"{label} (2019) {words}" in text


def test_the_english_sheet(commune_dataset, members):
    page, _, text = sheet(commune_dataset, members, BREST_EPCI, "en")
    assert text.startswith(f"{page.title} Territory fact sheet")
    assert "generated on 2026-12-07 21:05" in text
    assert "Key figures" in text and "Fiche territoire" not in text
    domains = page.domains[page.domains["Index"] != "not available"]
    for _, row in domains.iterrows():
        assert flat(" ".join(row)) in text
    assert "licence: " in text and "licence : " not in text


def test_the_domains_note_names_the_peers_the_indicators_and_the_method(brest_metropole):
    page, _, text = brest_metropole
    note = local_profile.domains_note(page, "minmax", "fr")
    assert note == (
        f"Indices calculés parmi {page.compared}, sur les indicateurs connus à cet échelon : "
        f"{page.indicators_used}. Méthode : min-max 0–100 entre les territoires comparés "
        "(par défaut)."
    )
    assert page.compared.endswith("intercommunalités (Bretagne)")
    assert flat(note) in text  # the PDF says what the profile page says
    assert local_profile.domains_note(page, "base100", "en").endswith(
        "Method: base 100 = each indicator's national reference row."
    )
