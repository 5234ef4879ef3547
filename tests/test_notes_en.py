"""English text of the project's French notes (data/notes_en.csv, lib.data.with_english_notes)."""

import re
from pathlib import Path

import pandas as pd

from lib import profile
from lib.data import column_in_language, in_language, with_english_notes
from lib.schema import ENGLISH_NOTES
from lib.sources_page import perception_export, sources_table

DATA = Path(__file__).resolve().parents[1] / "data"
NUMBER = re.compile(r"\d(?:\d|[ \u202f\u00a0,.](?=\d))*")
LETTER = re.compile(r"[^\W\d_]")
# Month names as numbers, so that a date reads the same in both texts (05/07/2012 = 5 July 2012)
MONTHS = (
    (r"janvier|janv\.", r"January|Jan\."),
    (r"février|févr\.", r"February|Feb\."),
    (r"mars", r"March"),
    (r"avril", r"April"),
    (r"mai", r"May"),
    (r"juin", r"June"),
    (r"juillet", r"July"),
    (r"août", r"August"),
    (r"septembre|sept\.", r"September|Sept\."),
    (r"octobre|oct\.", r"October|Oct\."),
    (r"novembre|nov\.", r"November|Nov\."),
    (r"décembre|déc\.", r"December|Dec\."),
)


def _notes_en() -> pd.DataFrame:
    return pd.read_csv(DATA / "notes_en.csv", dtype=str, keep_default_na=False)


def _french_notes() -> set[str]:
    """Every French note of the embedded data (ENGLISH_NOTES columns), sources files included,
    but those without a letter ("2015", "15,7": the same text in English)."""
    notes = set()
    for table, columns in ENGLISH_NOTES.items():
        for path in sorted(DATA.glob(f"{table}.csv")) + sorted(DATA.glob(f"{table}_*.csv")):
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            notes |= {v for c in columns if c in frame for v in frame[c] if LETTER.search(v)}
    return notes


def test_every_note_has_one_english_text_and_none_is_left_over():
    translations = _notes_en()
    assert translations["fr"].is_unique
    assert set(translations["fr"]) == _french_notes()  # a rebuilt note changed: translate it
    assert translations["en"].str.strip().ne("").all()


def _numbers(text: str) -> set[str]:
    """The numbers of a text, whatever their separators (10 010 = 10,010; 6,4 = 6.4) and however
    its dates are written (05/07/2012 = 5 July 2012; nov. 2007 = Nov. 2007)."""
    for number, names in enumerate(MONTHS, start=1):
        text = re.sub(rf"\b(?:{'|'.join(names)})(?!\w)", f" {number} ", text)
    found = (re.sub(r"[ \u202f\u00a0,.]", "", n) for n in NUMBER.findall(text))
    return {n.lstrip("0") or "0" for n in found}


def test_numbers_are_compared_whatever_the_date_format():
    both = {"5", "7", "2012", "11", "2007"}
    assert _numbers("publié le 05/07/2012 ; terrain nov. 2007") == both
    assert _numbers("published on 5 July 2012; fieldwork Nov. 2007") == both
    assert _numbers("publié le 05/07/2012") != _numbers("published on 5 June 2012")


def test_a_translation_keeps_every_number_and_adds_none():
    changed = [
        (row.fr, row.en) for row in _notes_en().itertuples() if _numbers(row.fr) != _numbers(row.en)
    ]
    assert not changed


def test_notes_read_in_the_chosen_language_the_files_own_english_first():
    table = pd.DataFrame(
        {
            "note": ["Métropole seulement.", "Note à moi.", "Sans traduction.", None],
            "note_en": [None, "My own note.", None, None],
            "verification_note": [None, None, None, None],
        }
    )
    english = {"Métropole seulement.": "Metropolitan France only.", "Note à moi.": "Not used."}
    read = with_english_notes("sources", table, english)
    assert read["note_en"].fillna("").tolist() == [
        "Metropolitan France only.",
        "My own note.",
        "",
        "",
    ]
    assert column_in_language(read, "note", "en").fillna("").tolist() == [
        "Metropolitan France only.",
        "My own note.",
        "Sans traduction.",  # no English text: the French one rather than nothing
        "",
    ]
    assert column_in_language(read, "note", "fr").equals(table["note"])
    row = read.iloc[0]
    assert (in_language(row, "note", "en"), in_language(row, "note", "fr")) == (
        "Metropolitan France only.",
        "Métropole seulement.",
    )


def test_the_sources_table_shows_notes_in_the_chosen_language(dataset):

    def note(lang: str, column: str) -> str:
        table = sources_table(dataset, lang)
        return table.set_index(table.columns[0]).loc["insee-chomage-localise-2023t3", column]

    assert note("en", "Note") == (
        "First publication of Q3 2023 (subject to revision). Mayotte: no quarterly rate published."
    )
    assert note("fr", "Note") == (
        "Première publication du T3 2023 (révisable). Mayotte : pas de taux trimestriel publié."
    )


def test_a_perceptions_year_note_reads_in_english_on_the_profile_and_in_the_export(dataset):
    note = "2016 (to be confirmed): report presented “on 7 November last”, year not legible"
    look = profile.lookups(dataset, "en")
    (group, *_) = profile.groups_by_actor(look, "REG-75", ["entreprises"])["entreprises"]
    assert group.study == "PHARE-Nouvelle-Aquitaine"
    assert (
        f"score out of 10 · {note} · sample size" in profile.perception_block(look, group).caption
    )
    rows = perception_export(dataset, [], [], "en").set_index("perception_id")
    assert rows.loc["PER-030", "Note on the year"] == note
    assert rows.loc["PER-017", "Note on the year"] == "not specified (PHARE)"
    french = perception_export(dataset, [], [], "fr").set_index("perception_id")
    assert french.loc["PER-017", "Précision sur l'année"] == "non précisé (PHARE)"
