"""Anonymised exports of a workshop (lib/workshop/export_tables.py): CSV and Excel."""

import io
from datetime import UTC, datetime

import openpyxl
import pandas as pd
import pytest
from workshop_votes import FakeWorkshop, votes

from lib import profile
from lib.workshop import export_tables

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example","clic")'
IMG = "<img src=x onerror=alert(2)>"
ROOM = votes(  # 5 citizens, 3 companies and 2 associations: the last two are merged
    ("citoyens", ["emploi", "sante", "logement"], SCRIPT),
    *[("citoyens", ["emploi", "sante", "mobilite"], "")] * 4,
    ("entreprises", ["emploi", "numerique", "sante"], FORMULA),
    *[("entreprises", ["emploi", "numerique", "sante"], "")] * 2,
    ("associations", ["logement", "sante", "emploi"], IMG),
    ("associations", ["logement", "sante", "emploi"], ""),
)
EXPORTED = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
NOTE = (
    "Les profils de moins de 5 participants sont regroupés dans « Autres profils » ; si ce "
    "groupe compte moins de 5 participants, le plus petit des autres profils le rejoint : "
    "personne n'est reconnaissable à ses choix."
)


@pytest.fixture(scope="module")
def look(dataset):
    return profile.lookups(dataset, "fr")


@pytest.fixture(scope="module")
def sheets(look):
    domains = profile.domain_profile(look, "REG-53", "all", "minmax")
    return export_tables.results_tables(look, FakeWorkshop(), ROOM, domains, EXPORTED)


def test_every_table_is_exported_in_order(sheets):
    assert list(sheets) == list(export_tables.TABLES)


def test_about_sheet_describes_the_workshop(sheets):
    about = dict(sheets["ws_sheet_about"].table.iloc[:9].itertuples(index=False))
    assert about["Atelier"] == "Bretagne 2026"
    assert about["Territoire"] == "Bretagne"
    assert about["Date de l'atelier"] == "23/11/2026"
    assert about["Participants"] == 10
    assert about["Domaines choisis par participant"] == 3
    assert about["Exporté le"] == "23/11/2026 18:00 UTC"
    assert about["Règle de décompte"].startswith("Poids d'un domaine = part des participants")
    assert about["Résultats par profil"] == NOTE


def test_nothing_identifies_a_participant(sheets):
    text = " ".join(sheet.table.to_csv() for sheet in sheets.values())
    assert "vote_no" not in text and "token" not in text
    assert "09:30" not in text  # submission times are left out
    assert list(sheets["ws_sheet_votes"].table.columns) == [
        "Participant",
        "Acteur",
        "Rang du choix",
        "Domaine",
    ]


def read_csv_lines(data: bytes) -> list[str]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    return data.decode("utf-8-sig").splitlines()


def test_csv_keeps_html_as_text_and_escapes_formulas(sheets):
    lines = read_csv_lines(export_tables.csv_bytes(sheets["ws_sheet_comments"]))
    frame = pd.read_csv(io.StringIO("\n".join(lines[:4])), sep=";", dtype=str)
    assert frame.values.tolist() == [
        ["Citoyens", SCRIPT],  # text, unchanged: a CSV runs no HTML
        ["Autres profils", IMG],
        ["Autres profils", "'" + FORMULA],  # a spreadsheet reads it as text
    ]
    assert lines[4:] == ["", f'"{NOTE}"']  # its ";" is quoted


def test_csv_by_profile_merges_small_profiles_with_the_note(sheets):
    lines = read_csv_lines(export_tables.csv_bytes(sheets["ws_sheet_actors"]))
    assert lines[0] == "Domaine;Citoyens (n=5), %;Autres profils (n=5), %"
    table = "\n".join(lines)
    assert "Entreprises" not in table and "Associations" not in table
    assert "Logement;20,0;40,0" in lines  # 1 of 5 citizens; 2 associations of 5
    assert lines[-2:] == ["", f'"{NOTE}"']
    votes_lines = read_csv_lines(export_tables.csv_bytes(sheets["ws_sheet_votes"]))
    assert {line.split(";")[1] for line in votes_lines[1:31]} == {"Citoyens", "Autres profils"}
    assert votes_lines[-1] == f'"{NOTE}"'


def test_csv_numbers_have_a_decimal_comma_and_missing_ones_read_not_available(look):
    room = votes(
        *[("citoyens", ["emploi", "sante", "logement"], "")] * 2,
        ("citoyens", ["mobilite", "sante", "emploi"], ""),
    )
    domains = profile.domain_profile(look, "REG-53", "all", "minmax")
    sheets = export_tables.results_tables(look, FakeWorkshop(), room, domains, EXPORTED)
    lines = read_csv_lines(export_tables.csv_bytes(sheets["ws_sheet_domains"]))
    assert lines[0] == (
        "Domaine;Participants l'ayant choisi;Part des participants (%);"
        "Rang moyen (1 = premier choix);Priorité de la salle (rang, 1 = la première)"
    )
    assert "Logement;2;66,7;3,0;3" in lines
    assert "Sécurité;0;0,0;non disponible;5" in lines  # nobody picked it: no mean rank


def test_excel_cells_are_text_and_formulas_escaped_like_the_csv(look):
    hostile = FakeWorkshop(title=FORMULA)
    domains = profile.domain_profile(look, "REG-53", "all", "minmax")
    sheets = export_tables.results_tables(look, hostile, ROOM, domains, EXPORTED)
    workbook = openpyxl.load_workbook(io.BytesIO(export_tables.excel_bytes(sheets)))
    assert workbook.sheetnames == [
        "À propos",
        "Votes par domaine",
        "Par profil",
        "Perçu et objectif",
        "Commentaires",
        "Votes anonymisés",
    ]
    assert workbook["À propos"]["B2"].value == "'" + FORMULA
    assert workbook["À propos"]["B2"].data_type == "s"
    cells = [[c.value for c in row] for row in workbook["Commentaires"].iter_rows(min_row=2)]
    assert cells == [
        ["Citoyens", SCRIPT],
        ["Autres profils", IMG],
        ["Autres profils", "'" + FORMULA],
        [None, None],
        [NOTE, None],
    ]
    for row in workbook["Commentaires"].iter_rows(min_row=2, max_row=4):
        assert row[1].data_type == "s"  # a string cell, never a formula
    every_cell = [c for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in every_cell)


def test_excel_writes_counts_and_shares_as_numbers(sheets):
    workbook = openpyxl.load_workbook(io.BytesIO(export_tables.excel_bytes(sheets)))
    votes_sheet = workbook["Votes anonymisés"]
    assert [c.value for c in votes_sheet[2]] == [
        1,
        "Citoyens",
        1,
        "Emploi, chômage, insertion professionnelle",
    ]
    domains = workbook["Votes par domaine"]
    assert [c.value for c in domains[1]] == [
        "Domaine",
        "Participants l'ayant choisi",
        "Part des participants (%)",
        "Rang moyen (1 = premier choix)",
        "Priorité de la salle (rang, 1 = la première)",
    ]
    first = domains[2]
    assert [c.value for c in first] == [
        "Emploi, chômage, insertion professionnelle",
        10,
        100,
        1.4,
        1,
    ]
    assert [c.data_type for c in first[1:]] == ["n"] * 4
    security = next(row for row in domains.iter_rows() if row[0].value == "Sécurité")
    assert [c.value for c in security[1:]] == [0, 0, "non disponible", 6]  # missing, never 0
    by_profile = workbook["Par profil"]
    assert [c.value for c in by_profile[1]] == [
        "Domaine",
        "Citoyens (n=5), %",
        "Autres profils (n=5), %",
    ]
    logement = next(row for row in by_profile.iter_rows() if row[0].value == "Logement")
    assert [(c.value, c.data_type) for c in logement[1:]] == [(20, "n"), (40, "n")]
    texts = [c.value for row in by_profile.iter_rows() for c in row if isinstance(c.value, str)]
    assert NOTE in texts
    assert not [text for text in texts if "Entreprises" in text or "Associations" in text]
    room_share = workbook["Perçu et objectif"]
    header = [c.value for c in room_share[1]]
    column = header.index("Part dans la salle (%)")
    shares = {row[0].value: row[column] for row in room_share.iter_rows(min_row=2)}
    assert (shares["Logement"].value, shares["Logement"].data_type) == (30, "n")
