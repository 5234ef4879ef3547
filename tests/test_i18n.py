"""lib.i18n: plural forms, number formats by language, keyed messages and errors."""

import pickle
import re

import pytest

from lib import i18n
from lib.i18n import DEFAULT_LANGUAGE, LANGUAGES, KeyedError, Message, message, t


@pytest.fixture(autouse=True)
def labels(monkeypatch):
    """Test labels added to the table for one test."""
    extra = {
        "test_problems": {
            "fr": "{n} {n|problème|problèmes}",
            "en": "{n} {n|problem|problems}",
        },
        "test_size": {"fr": "{size:.1f} Mo sur {limit:,}", "en": "{size:.1f} MB of {limit:,}"},
        "test_fields": {"fr": "indiquez {fields}", "en": "give {fields}"},
        "test_field": {"fr": "le titre", "en": "the title"},
    }
    monkeypatch.setattr(i18n, "LABELS", {**i18n.LABELS, **extra})


@pytest.mark.parametrize(
    ("n", "fr", "en"),
    [
        (0, "0 problème", "0 problems"),
        (1, "1 problème", "1 problem"),
        (3, "3 problèmes", "3 problems"),
    ],
)
def test_a_count_chooses_its_form_by_language(n, fr, en):
    assert t("test_problems", "fr", n=n) == fr
    assert t("test_problems", "en", n=n) == en


def test_numbers_take_the_languages_format():
    assert t("test_size", "fr", size=1.54, limit=50000) == "1,5 Mo sur 50\u00a0000"
    assert t("test_size", "en", size=1.54, limit=50000) == "1.5 MB of 50,000"


def test_a_message_shows_its_values_and_lists_in_each_language():
    one = message("test_fields", fields=[message("test_field")])
    assert one.text("fr") == "indiquez le titre"
    three = message("test_fields", fields=["a", message("test_field"), "c"])
    assert three.text("fr") == "indiquez a, le titre et c"
    assert three.text("en") == "give a, the title and c"
    assert str(three) == three.text("fr")
    assert message("test_problems", n=2) == Message("test_problems", {"n": 2})


def test_a_keyed_error_is_french_and_tells_any_language():
    error = KeyedError("test_problems", n=1)
    assert str(error) == error.message == "1 problème"
    assert error.text("en") == "1 problem"
    assert (error.key, error.values) == ("test_problems", {"n": 1})


def test_messages_are_plain_data():
    sent = pickle.loads(pickle.dumps(message("upload_formula", cell="=A1", cell_ref="B3")))
    assert sent.text("en") == "formula “=A1” in B3: type the value itself"


def missing_texts(labels: dict[str, dict[str, str]], languages) -> list[str]:
    """'key (code)' for every label without a text in a declared language."""
    return [
        f"{key} ({code})"
        for key, entry in labels.items()
        for code in languages
        if not entry.get(code)
    ]


def placeholders(text: str) -> set[str]:
    """The names a label fills in (`{n}`, `{n:,}`, `{n|one|other}`)."""
    return set(re.findall(r"\{(\w+)[:|}]", text))


def test_the_check_names_each_label_a_declared_language_lacks():
    labels = {"a": {"fr": "A", "en": "A"}, "b": {"fr": "B", "en": ""}, "c": {"fr": "C"}}
    assert missing_texts(labels, ["fr", "en"]) == ["b (en)", "c (en)"]


def test_every_label_has_a_text_in_every_declared_language():
    assert missing_texts(i18n.LABELS, LANGUAGES) == []


def test_every_language_fills_in_the_same_values_as_the_default_one():
    differing = [
        f"{key} ({code})"
        for key, entry in i18n.LABELS.items()
        for code in LANGUAGES
        if code in entry and placeholders(entry[code]) != placeholders(entry[DEFAULT_LANGUAGE])
    ]
    assert differing == []
