"""Every page in English shows no French unit, note, reference name or number format (and a
French page no English-format number).

Each page is opened with `lang=en` and every visible text is collected (markdown, captions,
headers, metric labels and values, widget labels and options, table cells). The test fails on
a French-only marker or a French-format number. Data that is legitimately French is excluded
explicitly (see FRENCH_DATA): names of studies and their question wordings, source titles and
place names are published in French and are not translated. Notes written for the project
(FRENCH_NOTES) have an English text (data/notes_en.csv): the app-text test cuts the French ones
out, and `test_data_notes_in_english` checks that no page shows them: neither a French marker
once the data alone is cut, nor any French note that has an English text, word for word (a page
not yet clean would be listed in NOTES_NOT_YET as an expected failure, strict, with the reason).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from tests.apptest_pages import open_view

DATA = Path(__file__).resolve().parents[1] / "data"

REGION = "REG-32"  # Hauts-de-France
DEPARTMENT = "DEP-93"  # Seine-Saint-Denis

PAGES = {
    "accueil": (None, {}),
    "carte": ("carte", {}),
    "profil_region": ("profil", {"territory": REGION}),
    "profil_department": ("profil", {"territory": DEPARTMENT}),
    "comparer": ("comparer", {"territory": REGION}),
    "alliances": ("alliances", {}),
    "initiatives": ("initiatives", {}),
    "sources": ("sources", {}),
    **{
        f"presentation_step{step}": (
            "presentation",
            {"mode": "presentation", "territory": REGION, "step": str(step)},
        )
        for step in range(1, 6)
    },
    "atelier": ("atelier", {}),
    "participer": ("participer", {}),
    "importer": ("importer", {}),
}

# Whole French tokens that cannot appear in English text.
FRENCH_MARKERS = (
    " habitants",
    "de la population",
    "années",
    "par an et par UC",
    "hors Mayotte",
    "France métropolitaine",
    "non disponible",
    "Par défaut",
    "Sources :",
    "Source :",
    " sur 13 régions",
    "1er ",
    "e sur ",
    "données importées",
    "T3 2023",
    "recensement",
    "des locaux",
    "ans ou plus",
)
# A French-format number: thousands separated by a (narrow no-break) space, or a decimal comma.
FRENCH_NUMBER = re.compile(r"\b\d{1,3}(?:[ \u202f\u00a0]\d{3})+\b|\b\d+,\d+\s?\u202f?%")


# Data published in French and shown as published in every language (files -> columns): source
# titles, publishers and licences; study names, question wordings and items of perceived
# figures and alliances; initiatives as their authors described them; place names (below).
FRENCH_DATA = {
    "sources*.csv": ("title", "publisher", "licence"),
    "perceptions.csv": ("actor_label", "study", "question"),
    "perceived_more.csv": ("actor_label", "producer", "survey", "study", "item", "quote"),
    "alliances.csv": ("actor_label", "category", "study"),
    "initiatives.csv": ("name", "description", "territory_label", "quote"),
}
# Notes written for this project, in French in their tables (shown in English from
# data/notes_en.csv, lib.schema.ENGLISH_NOTES): source notes and verification notes, year notes
# and notes of perceptions and alliances, worded values, samples, published years and notes of
# perceived figures, notes of initiatives. `test_data_notes_in_english` checks that no page
# shows them in French.
FRENCH_NOTES = {
    "sources*.csv": ("note", "verification_note"),
    "perceptions.csv": ("year_note", "note"),
    "perceived_more.csv": ("value_text", "base", "year_text", "note"),
    "alliances.csv": ("year_note", "note"),
    "initiatives.csv": ("practice_note", "note"),
}
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|:,;=<>~&'\"/%$@?^])")


@cache
def french_data(with_notes: bool) -> tuple[str, ...]:
    """The French data texts (and notes), longest first (a title is cut before its parts)."""
    texts = set()
    tables = [FRENCH_DATA, *([FRENCH_NOTES] if with_notes else [])]
    for pattern, columns in ((p, c) for table in tables for p, c in table.items()):
        for path in sorted(DATA.glob(pattern)):
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            for column in (c for c in columns if c in frame):
                texts |= {v.strip() for v in frame[column] if len(v.strip()) > 3}
    for path in sorted(DATA.glob("territories*.csv")):  # place names (communes aside)
        places = pd.read_csv(path, dtype=str, usecols=["level", "name"])
        texts |= set(places.loc[places["level"].ne("commune"), "name"])
    return tuple(sorted(texts, key=len, reverse=True))


def _read(text: str) -> str:
    """The text as read: markdown escapes and invisible word joiners removed."""
    return MARKDOWN_ESCAPE.sub(r"\1", text).replace("\u2060", "")


def _plain(text: str, with_notes: bool) -> str:
    """The text as read, French data cut."""
    text = _read(text)
    for data in french_data(with_notes):
        if data in text:
            text = text.replace(data, " ")
    return text


def _texts(at) -> list[str]:
    """Every text a visitor reads on the page."""
    texts = []
    for kind in ("markdown", "caption", "header", "subheader", "title", "info", "warning"):
        texts += [str(e.value) for e in getattr(at, kind)]
    for e in at.metric:
        texts += [str(e.label), str(e.value)]
    texts += [str(e.label) for e in at.expander]
    texts += [str(e.proto.label) for e in at.get("download_button")]
    for kind in ("selectbox", "multiselect", "radio", "checkbox", "toggle", "button"):
        for e in getattr(at, kind):
            texts.append(str(e.label))
            texts += [str(o) for o in getattr(e, "options", [])]
    for e in at.dataframe:
        frame = e.value
        if isinstance(frame, pd.DataFrame):
            texts += [str(c) for c in frame.columns]
            texts += [str(v) for v in frame.astype(str).to_numpy().ravel()]
    for e in at.table:
        frame = e.value
        if isinstance(frame, pd.DataFrame):
            texts += [str(c) for c in frame.columns] + frame.astype(str).to_numpy().ravel().tolist()
    return texts


def french_found(texts: list[str], with_notes: bool = True) -> list[str]:
    """The texts that carry a French marker or a French-format number, once the French data
    (and, unless `with_notes` is False, the French notes) are cut out."""
    found = []
    for text in (_plain(t, with_notes) for t in texts):
        hits = [m for m in FRENCH_MARKERS if m in text] + FRENCH_NUMBER.findall(text)
        if hits:
            found.append(f"{hits} in {text[:160]!r}")
    return found


@cache
def translated_notes() -> tuple[re.Pattern, frozenset[str]]:
    """The French notes that read otherwise in English (data/notes_en.csv), in lower case: a
    pattern finding them in any text, and those also part of French data shown as published
    (« non précisé »: found only as a whole text, e.g. a table cell)."""
    pairs = pd.read_csv(DATA / "notes_en.csv", dtype=str, keep_default_na=False)
    notes = {
        fr.strip().lower() for fr, en in zip(pairs["fr"], pairs["en"], strict=True) if fr != en
    }
    data = [text.lower() for text in french_data(False)]
    whole = frozenset(n for n in notes if any(n in text for text in data))
    inside = sorted(notes - whole, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in inside)), whole


def french_notes_found(texts: list[str]) -> list[str]:
    """The texts that show a French note word for word (in any case: a card capitalises it)."""
    pattern, whole = translated_notes()
    found = []
    for text in (_read(t).strip().lower() for t in texts):
        hits = pattern.findall(text) + ([text] if text in whole else [])
        if hits:
            found.append(f"{hits} in {text[:160]!r}")
    return found


def test_markers_catch_french_and_spare_english():
    assert french_found(["5\u202f995\u202f298 habitants", "7,4\u202f%", "France hors Mayotte"])
    assert not french_found(["5,995,298 inhabitants", "7.4%", "France excluding Mayotte"])
    assert french_notes_found(["2011 \\(présenté le 05/07/2012\\)", "Non précisé", "x"]) == [
        "['2011 (présenté le 05/07/2012)'] in '2011 (présenté le 05/07/2012)'",
        "['non précisé'] in 'non précisé'",
    ]
    assert not french_notes_found(["2011 (presented on 5 July 2012)", "Sondage non précisé"])


@cache
def page_texts(page: str) -> tuple[str, ...]:
    """The texts of a page opened in English (opened once for both tests)."""
    view, query = PAGES[page]
    return tuple(_texts(open_view(view, lang="en", **query)))


def _tracked(pages: dict[str, str]) -> list:
    """Every page, those of `pages` marked as expected to fail (strict) with their reason."""
    return [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=pages[p])) if p in pages else p
        for p in PAGES
    ]


# Pages not yet fully English, with the reason (strict: the test fails once they are fixed).
NOT_YET: dict[str, str] = {}
NOTES_NOT_YET: dict[str, str] = {**NOT_YET}


@pytest.mark.parametrize("page", _tracked(NOT_YET))
def test_page_in_english_shows_no_french(page):
    found = french_found(list(page_texts(page)))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("page", _tracked(NOTES_NOT_YET))
def test_data_notes_in_english(page):
    texts = list(page_texts(page))
    found = french_found(texts, with_notes=False) + french_notes_found(texts)
    assert not found, "\n".join(found)


# An English-format number: thousands separated by a comma, or a decimal point before "%".
ENGLISH_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\.\d+\s?%")


def test_number_patterns_tell_the_two_formats_apart():
    assert ENGLISH_NUMBER.findall("5,995,298 inhabitants; 7.4%") == ["5,995,298", "7.4%"]
    assert not ENGLISH_NUMBER.findall("5\u202f995\u202f298 habitants ; 7,4\u202f%")


@pytest.mark.parametrize("page", ["profil_region", "carte", "comparer", "sources"])
def test_french_page_shows_no_english_number(page):
    view, query = PAGES[page]
    texts = (_plain(text, True) for text in _texts(open_view(view, **query)))
    found = [
        f"{ENGLISH_NUMBER.findall(t)} in {t[:160]!r}" for t in texts if ENGLISH_NUMBER.search(t)
    ]
    assert not found, "\n".join(found)
