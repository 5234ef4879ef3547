"""Lists and numbers in each declared language (`lib.languages`): one list function, and a
language added to the registry gets its typography everywhere without other code."""

from dataclasses import replace

import pytest

from lib import languages
from lib.formatting import NARROW_NBSP, format_number, format_value, join_items, ordinal
from lib.i18n import message, t
from lib.periods import period_label, periods_text


@pytest.mark.parametrize(
    ("items", "lang", "and_last", "long_items", "expected"),
    [
        (["a", "b", "c"], "fr", False, False, "a, b, c"),
        (["a", "b", "c"], "fr", True, False, "a, b et c"),
        (["a", "b", "c"], "en", True, False, "a, b and c"),
        (["a"], "fr", True, False, "a"),
        ([], "en", True, False, ""),
        (["Emploi, revenus", "Santé"], "fr", False, True, "Emploi, revenus ; Santé"),
        (["Jobs, income", "Health"], "en", False, True, "Jobs, income; Health"),
        (["a, b", "c", "d"], "fr", True, True, "a, b ; c et d"),
    ],
)
def test_join_items(items, lang, and_last, long_items, expected):
    assert join_items(items, lang, and_last=and_last, long_items=long_items) == expected


def test_a_message_list_is_joined_by_the_same_function():
    missing = message("upload_source_missing", fields=["le titre", "l'éditeur", "l'année"])
    assert missing.text("fr") == (
        "Source manquante : indiquez le titre, l'éditeur et l'année avant d'appliquer l'import."
    )
    assert missing.text("en").startswith("Source missing: give le titre, l'éditeur and l'année")


@pytest.fixture
def german(monkeypatch):
    """A third language declared in the registry only (its labels fall back to French)."""
    english = languages.LANGUAGES["en"]
    monkeypatch.setitem(
        languages.LANGUAGES,
        "de",
        replace(
            english,
            name="Deutsch",
            decimal_mark=",",
            thousands=".",
            label_thousands=".",
            percent_space=NARROW_NBSP,
            last_separator=" und ",
            ordinal=lambda rank: f"{rank}.",
            missing="nicht verfügbar",
        ),
    )


@pytest.mark.usefixtures("german")
def test_a_declared_language_gets_its_typography_without_other_code():
    assert format_number(12345.67, 1, "de") == "12.345,7"
    assert format_value(7.4, "%", 1, "de") == f"7,4{NARROW_NBSP}%"
    assert format_value(None, "%", 1, "de") == "nicht verfügbar"
    assert ordinal(3, "de") == "3."
    assert join_items(["a", "b", "c"], "de", and_last=True) == "a, b und c"
    # a label the language lacks reads in French, its numbers in the language's marks
    assert t("coverage", "de", covered=3, shown=5) == "Couverture : 3 territoires sur 5."
    assert period_label("2023-T3", "de") == "T3 2023"


def test_an_unknown_language_code_reads_as_the_default_language():
    assert format_number(1234.5, 1, "xx") == f"1{NARROW_NBSP}234,5"


def test_periods_are_listed_or_spanned_in_the_language():
    assert periods_text(["2013", "2019", "2021"], "fr") == "2013, 2019, 2021"
    assert periods_text(["2013", "2019", "2021"], "en") == "2013, 2019, 2021"
    six = [str(year) for year in range(2015, 2021)]
    assert periods_text(six, "fr") == "2015 à 2020 (6 périodes)"
    assert periods_text(six, "en") == "2015 to 2020 (6 periods)"
    assert period_label("2023-T3", "en") == "Q3 2023"
