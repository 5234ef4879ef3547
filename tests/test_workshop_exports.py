"""Anonymised exports of a workshop (lib/workshop/export_tables.py): CSV and Excel."""

import io
from datetime import UTC, datetime

import openpyxl
import pandas as pd
import pytest
from workshop_votes import FakeWorkshop, votes

from lib import profile
from lib.data import load_dataset
from lib.workshop import export_tables

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example","clic")'
IMG = "<img src=x onerror=alert(2)>"
ROOM = votes(
    ("citoyens", ["emploi", "sante", "logement"], SCRIPT),
    ("entreprises", ["emploi", "numerique", "sante"], FORMULA),
    ("associations", ["logement", "sante", "emploi"], IMG),
)
EXPORTED = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def look():
    return profile.lookups(load_dataset(), "fr")


@pytest.fixture(scope="module")
def sheets(look):
    domains = profile.domain_profile(look, "REG-53", "all", "minmax")
    return export_tables.results_tables(look, FakeWorkshop(), ROOM, domains, EXPORTED)


def test_every_table_is_exported_in_order(sheets):
    assert list(sheets) == list(export_tables.TABLES)


def test_about_sheet_describes_the_workshop(sheets):
    about = dict(sheets["ws_sheet_about"].iloc[:8].itertuples(index=False))
    assert about["Atelier"] == "Bretagne 2026"
    assert about["Territoire"] == "Bretagne"
    assert about["Date de l'atelier"] == "23/11/2026"
    assert about["Participants"] == "3"
    assert about["Exporté le"] == "23/11/2026 18:00 UTC"
    assert about["Règle de décompte"].startswith("Poids d'un domaine = part des participants")


def test_nothing_identifies_a_participant(sheets):
    text = " ".join(frame.to_csv() for frame in sheets.values())
    assert "vote_no" not in text and "token" not in text
    assert "09:30" not in text  # submission times are left out
    assert list(sheets["ws_sheet_votes"].columns) == [
        "Participant",
        "Acteur",
        "Rang du choix",
        "Domaine",
    ]


def test_csv_keeps_html_as_text_and_escapes_formulas(sheets):
    data = export_tables.csv_bytes(sheets["ws_sheet_comments"])
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    frame = pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig", dtype=str)
    comments = frame.set_index("Acteur")["Commentaire"].to_dict()
    assert comments["Citoyens"] == SCRIPT  # text, unchanged: a CSV runs no HTML
    assert comments["Associations"] == IMG
    assert comments["Entreprises"] == "'" + FORMULA  # a spreadsheet reads it as text


def test_excel_cells_are_text_and_formulas_escaped_like_the_csv(sheets):
    workbook = openpyxl.load_workbook(io.BytesIO(export_tables.excel_bytes(sheets)))
    assert workbook.sheetnames == [
        "À propos",
        "Votes par domaine",
        "Par profil",
        "Perçu et objectif",
        "Commentaires",
        "Votes anonymisés",
    ]
    cells = list(workbook["Commentaires"].iter_rows(min_row=2))
    values = {row[0].value: row[1] for row in cells}
    assert values["Citoyens"].value == SCRIPT
    assert values["Associations"].value == IMG
    assert values["Entreprises"].value == "'" + FORMULA
    for row in cells:
        assert row[1].data_type == "s"  # a string cell, never a formula
    every_cell = [c for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in every_cell)


def test_excel_keeps_numbers_as_numbers(sheets):
    workbook = openpyxl.load_workbook(io.BytesIO(export_tables.excel_bytes(sheets)))
    votes_sheet = workbook["Votes anonymisés"]
    assert [c.value for c in votes_sheet[2]] == [
        1,
        "Citoyens",
        1,
        "Emploi, chômage, insertion professionnelle",
    ]
