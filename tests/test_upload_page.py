"""What the importer page says (lib/upload/page.py), without Streamlit: its limits, a field of
the column mapping in words, the source form prefilled from a file's sources."""

from lib.upload import Field
from lib.upload import page as upload_page

INDICATOR = Field("indicator_id", True, "Identifiant court de l'indicateur (ex. : x)", "x",
                  ("indicateur",), help_en="Short id of the indicator: letters")  # fmt: skip
LEVEL = Field("level", False, "Niveau du territoire : region, department", "department",
              ("niveau",))  # fmt: skip


def test_the_limits_are_stated_with_the_numbers_of_the_chosen_language():
    assert upload_page.limits_text("en").startswith(
        "Limits: 5 MB, 50,000 rows and 50 columns per file, 2,000 characters per cell; "
    )
    assert upload_page.limits_text().startswith(
        "Limites : 5 Mo, 50\u202f000 lignes et 50 colonnes par fichier, 2\u202f000 caractères "
    )


def test_a_field_is_its_french_column_what_it_holds_and_whether_it_is_required():
    assert upload_page.field_text(INDICATOR) == (
        "indicateur : Identifiant court de l'indicateur — obligatoire"
    )
    assert upload_page.field_text(INDICATOR, "en") == (
        "indicateur : Short id of the indicator — required"
    )
    assert upload_page.field_text(LEVEL, "en") == "niveau : Niveau du territoire"  # no English
    assert upload_page.field_text(None) == "— colonne non utilisée —"
    assert upload_page.field_text(None, "en") == "— column not used —"


def test_the_source_form_names_the_files_first_three_sources():
    assert upload_page.prefilled_source(["DREES RPPS"]) == {
        "importer_source_name": "DREES RPPS",
        "importer_source_publisher": "DREES RPPS",
        "importer_source_licence": "non précisée",
    }
    four = upload_page.prefilled_source(["A", "B", "C", "D"], "en")
    assert four["importer_source_name"] == "A; B; C …"  # English typography
    assert four["importer_source_licence"] == "not stated"


def test_the_mapping_widgets_are_named_by_the_file_and_the_mapping_read_back():
    first = upload_page.mapping_digest(b"a;b\n1;2\n", 0)
    assert first == upload_page.mapping_digest(b"a;b\n1;2\n", 0)
    assert first.endswith("_0") and len(first) == 14
    assert upload_page.mapping_digest(b"a;b\n1;3\n", 0) != first
    assert upload_page.mapping_digest(b"a;b\n1;2\n", 1) == first[:-1] + "1"
