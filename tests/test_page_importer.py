"""Importer page (AppTest): upload, French report, confirmation, the layer shown in other pages."""

import pytest
from apptest_pages import open_view
from hostile import shown_markdown
from hostile_files import excel_bomb, wide_csv
from streamlit.testing.v1 import AppTest

CSV = (
    "niveau;code_insee;indicateur;libelle;domaine;unite;higher_is_worse;annee;valeur\n"
    "departement;29;x_upload;Mon taux;emploi;%;true;2024;12,5\n"
    "departement;99;x_upload;Mon taux;emploi;%;true;2024;3\n"
).encode("cp1252")


def importer_page(lang: str = "fr") -> AppTest:
    return open_view("importer", lang=lang)


def uploader(at: AppTest):
    """The drop zone of the first import of the session."""
    return at.file_uploader(key="importer_file_0")


def test_upload_report_confirm_and_see_it_in_the_sources_page():
    at = importer_page()
    assert at.title[0].value == "Importer mes données"
    assert "perdues si vous rechargez la page" in at.info[0].value
    uploader(at).set_value(("mes.csv", CSV, "text/csv")).run()
    assert at.info[-1].value == "Validez la correspondance des colonnes pour vérifier le fichier."
    at.button(key="importer_mapping_confirm").click().run()
    assert "1 ligne valide sur 2 ; 1 problème." in [shown_markdown(m.value) for m in at.markdown]
    problems = at.dataframe[-1].value
    assert problems.iloc[0].tolist() == [
        "3",
        "code_insee",
        "territoire inconnu : niveau « departement », code « 99 »",
    ]
    apply = at.button(key="importer_apply")
    assert apply.label == "Appliquer 1 ligne valide"  # the count chooses the word's form
    assert apply.disabled  # no source given yet
    assert "Source manquante" in at.warning[0].value
    at.text_input(key="importer_source_name").input("Enquête Brest")
    at.text_input(key="importer_source_publisher").input("Ville de Brest")
    at.text_input(key="importer_source_licence").input("CC BY 4.0").run()
    at.button(key="importer_apply").click().run()
    assert not at.exception
    assert "Import appliqué : données importées : Enquête Brest." in shown_markdown(
        at.success[0].value
    )
    (layer,) = at.session_state["uploads"]
    assert layer.tables["indicators"][["territory_id", "value"]].values.tolist() == [
        ["DEP-29", 12.5]
    ]
    at.switch_page("views/sources.py").run()
    assert not at.exception
    sources = next(d.value for d in at.dataframe if "upload-1" in d.value.iloc[:, 0].tolist())
    row = sources.set_index(sources.columns[0]).loc["upload-1"]
    assert row["Titre"] == "Enquête Brest"
    assert row["Note"] == "données importées dans cette session (fichier mes.csv)"


def test_an_unreadable_file_gets_its_french_message():
    at = importer_page()
    uploader(at).set_value(("vide.csv", b"", "text/csv")).run()
    assert shown_markdown(at.error[0].value) == "Le fichier est vide."


def test_english_page():
    at = importer_page("en")
    assert at.title[0].value == "Import my data"
    assert at.header[0].value == "Active imports"


def test_the_limits_are_stated_and_a_hostile_file_is_refused_in_french():
    at = importer_page()
    assert shown_markdown(at.caption[0].value) == (
        "Limites : 5 Mo, 50\u202f000 lignes et 50 colonnes par fichier, 2\u202f000 caractères par "
        "cellule ; CSV (UTF-8 ou Windows-1252, séparateur virgule, point-virgule ou tabulation) "
        "ou Excel .xlsx (première feuille autre que « Explications »)."
    )
    uploader(at).set_value(("large.csv", wide_csv(), "text/csv")).run()
    assert not at.exception
    assert shown_markdown(at.error[0].value) == (
        "Le fichier compte au moins 100\u00a0000 colonnes (ligne 1) : la limite est de 50 "
        "colonnes par import. Gardez les colonnes du modèle."
    )
    uploader(at).set_value(("bombe.xlsx", excel_bomb(), "application/octet-stream")).run()
    assert not at.exception
    assert shown_markdown(at.error[0].value).startswith("Le classeur se décompresse ")


HEADERS = ("Niveau", "Code INSEE", "Territoire", "Indicateur", "Valeur", "Année", "Source")
CONSULTANT = (
    ";".join(HEADERS)
    + "\n"
    + "".join(
        f"Département;{code};{name};Densité de médecins généralistes;{value};2023;DREES RPPS\n"
        for code, name, value in (
            ("1", "Ain", "80,5"),
            ("2", "Aisne", "70,1"),
            ("3", "Allier", "90"),
        )
    )
).encode("cp1252")


def mapping_boxes(at: AppTest) -> list:
    """The mapping's selectboxes, one per column of the file, in its order."""
    return [box for box in at.selectbox if box.key.startswith("importer_map_indicators_")]


def test_a_consultant_file_is_mapped_then_applied_in_one_go_with_its_own_source():
    at = importer_page()
    uploader(at).set_value(("gp.csv", CONSULTANT, "text/csv")).run()
    proposed = {box.label: box.value for box in mapping_boxes(at)}
    assert proposed == {
        "« Niveau » (ex. : Département)": "level",
        "« Code INSEE » (ex. : 1, 2, 3)": "code",
        "« Territoire » (ex. : Ain, Aisne, Allier)": "territory_name",
        "« Indicateur » (ex. : Densité de médecins généralistes)": "indicator_id",
        "« Valeur » (ex. : 80,5, 70,1, 90)": "value",
        "« Année » (ex. : 2023)": "period",
        "« Source » (ex. : DREES RPPS)": "source",
    }
    at.button(key="importer_mapping_confirm").click().run()
    assert not at.exception
    assert "3 lignes valides sur 3 ; 0 problème." in [shown_markdown(m.value) for m in at.markdown]
    assert at.text_input(key="importer_source_name").value == "DREES RPPS"
    assert at.text_input(key="importer_source_licence").value == "non précisée"
    assert at.button(key="importer_apply").label == "Appliquer 3 lignes valides"
    at.button(key="importer_apply").click().run()
    (layer,) = at.session_state["uploads"]
    values = layer.tables["indicators"].set_index("territory_id")["value"].to_dict()
    assert values == {"DEP-01": 80.5, "DEP-02": 70.1, "DEP-03": 90.0}
    assert layer.label == "données importées : DREES RPPS"


def mapped(at: AppTest, header: str, label: str):
    """The mapping's selectbox of a column of CONSULTANT (its key ends with the column's
    place), checked to show `label`."""
    (box,) = [b for b in mapping_boxes(at) if b.key.endswith(f"_{HEADERS.index(header)}")]
    assert box.label.startswith(label)
    return box


def test_a_changed_mapping_reports_every_problem_with_the_users_headers_and_how_to_fix():
    at = importer_page()
    uploader(at).set_value(("gp.csv", CONSULTANT, "text/csv")).run()
    mapped(at, "Source", "« Source »").set_value("non_utilisee").run()  # left aside
    mapped(at, "Année", "« Année »").set_value("non_utilisee").run()  # the period is then missing
    at.button(key="importer_mapping_confirm").click().run()
    problems = at.dataframe[-1].value
    assert problems.iloc[0].tolist() == [
        "",
        "annee",
        "colonne obligatoire absente : ajoutez-la au fichier, ou associez-lui une de vos "
        "colonnes à l'étape « Correspondance des colonnes »",
    ]
    assert shown_markdown(at.markdown[-1].value) == (
        "- Colonne absente : associez-lui une colonne de votre fichier à l'étape 3, ou "
        "ajoutez-la au fichier (voir « Colonnes du modèle »)."
    )
    assert at.text_input(key="importer_source_name").value == ""


def test_the_mapping_step_in_english():
    at = importer_page("en")
    uploader(at).set_value(("gp.csv", CONSULTANT, "text/csv")).run()
    assert at.info[-1].value == "Confirm the column mapping to check the file."
    level = mapped(at, "Niveau", "“Niveau” (e.g. Département)")
    assert level.value == "level"
    assert at.button(key="importer_mapping_confirm").label == "Confirm the mapping"
    at.button(key="importer_mapping_confirm").click().run()
    assert not at.exception
    assert "3 valid rows out of 3; 0 problems." in [shown_markdown(m.value) for m in at.markdown]
    assert at.text_input(key="importer_source_licence").value == "not stated"


def test_a_downloaded_mapping_is_reused():
    at = importer_page()
    uploader(at).set_value(("gp.csv", CONSULTANT, "text/csv")).run()
    saved = b"colonne du fichier;champ\nTerritoire;non_utilisee\nValeur;value\n"
    at.file_uploader(key="importer_mapping_file").set_value(("m.csv", saved, "text/csv")).run()
    assert not at.exception
    assert "Correspondance reprise : 2 colonne(s)." in [c.value for c in at.caption]
    assert mapped(at, "Territoire", "« Territoire »").value == "non_utilisee"
    assert mapped(at, "Niveau", "« Niveau »").value == "level"  # not named by the file: proposed
    at.file_uploader(key="importer_mapping_file").set_value(("m.csv", b"a;b\n1;2\n", "text/csv"))
    at.run()
    assert shown_markdown(at.error[0].value) == (
        "Ce fichier n'est pas une correspondance de colonnes : il doit avoir les colonnes "
        "« colonne du fichier » et « champ »."
    )


TWELVE_ROWS = "niveau;code_insee;indicateur;annee;valeur\n" + "".join(
    f"departement;{code};taux_chomage;2024;{'douze' if code == '07' else '7,5'}\n"
    for code in ("29", "22", "35", "56", "01", "02", "03", "04", "05", "06", "07")
)  # the 11th data row is row 12 of the file, as a spreadsheet numbers it
BAD_VALUE = {
    "fr": (
        ["Ligne", "Colonne", "Problème"],
        ["12", "valeur", "valeur « douze » illisible : un nombre attendu"],
        "10 lignes valides sur 11 ; 1 problème.",
        "Encodage détecté : UTF-8 ; séparateur : point-virgule.",
    ),
    "en": (
        ["Line", "Column", "Problem"],
        ["12", "valeur", "unreadable value “douze”: a number expected"],
        "10 valid rows out of 11; 1 problem.",
        "Encoding detected: UTF-8; separator: semicolon.",
    ),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_bad_value_is_reported_in_the_chosen_language(lang):
    columns, problem, counts, note = BAD_VALUE[lang]
    at = importer_page(lang)
    uploader(at).set_value(("douze.csv", TWELVE_ROWS.encode(), "text/csv")).run()
    at.button(key="importer_mapping_confirm").click().run()
    assert not at.exception
    problems = at.dataframe[-1].value
    assert problems.columns.tolist() == columns
    assert problems.to_numpy().tolist() == [problem]
    assert counts in [shown_markdown(m.value) for m in at.markdown]
    assert note in [shown_markdown(i.value) for i in at.info]


def test_an_unreadable_file_gets_its_english_message():
    at = importer_page("en")
    uploader(at).set_value(("vide.csv", b"", "text/csv")).run()
    assert shown_markdown(at.error[0].value) == "The file is empty."


def test_the_template_columns_are_explained_in_english():
    table = importer_page("en").dataframe[0].value
    assert table.columns.tolist() == ["column", "required", "other names accepted", "explanation"]
    value = table.set_index("column").loc["value"]
    assert value.tolist() == ["yes", "valeur, val", "Value, as a number (decimal comma or point)"]
