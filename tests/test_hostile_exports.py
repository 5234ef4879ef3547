"""The files the app makes (PDF fact sheet, PPTX deck, CSV) from hostile texts (tests/hostile.py):
the texts come back as written, charts draw them as text, spreadsheets run no formula."""

import csv
import io

import pandas as pd
import pytest
from hostile import HOSTILE, PAYLOAD, hostile_layer, one_line
from pptx import Presentation
from pypdf import PdfReader

from lib import static_charts
from lib.datasets import combine
from lib.explore import allowed_values
from lib.export import safe_csv
from lib.onepager import territory_onepager_pdf
from lib.presentation import slides, story
from lib.presentation.deck import DeckSlide, build_deck
from lib.presentation.story_deck import story_deck

# Hostile strings without a space: a wrapped line cannot cut them, so they read back whole.
WHOLE = [h for h in HOSTILE if h.strip() and not any(c.isspace() for c in h)]


@pytest.fixture(scope="module")
def hostile_dataset(dataset):
    """The embedded dataset plus a layer whose every text is hostile (tests/hostile.py)."""
    return combine(dataset, [hostile_layer()])


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_fact_sheet_prints_hostile_texts_as_written(hostile_dataset):
    data = territory_onepager_pdf(hostile_dataset, "REG-52")
    text = flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))
    assert [h for h in WHOLE if h not in text] == []


def test_the_story_deck_keeps_hostile_titles_captions_and_labels_as_text(hostile_dataset):
    allowed = allowed_values(hostile_dataset)
    chosen = story.default_story(hostile_dataset, "REG-52")
    shown = [
        slides.slide(hostile_dataset, s.kind, story.step_filters(s, allowed), PAYLOAD + "\x01\x0b")
        for s in story.shown_steps(hostile_dataset, chosen)
    ]
    deck = Presentation(io.BytesIO(story_deck(PAYLOAD + "\x00", shown, "03/12/2026")))
    texts = [
        shape.text_frame.text for slide in deck.slides for shape in slide.shapes
        if shape.has_text_frame
    ]  # fmt: skip
    assert texts[0] == PAYLOAD  # the title, control characters dropped (XML refuses them)
    captions = [text for text in texts[2:] if text.startswith(PAYLOAD)]
    assert len(captions) == len(shown)  # every slide's caption, as its first bullet
    assert any("$\\rule{3000px}{3000px}$" in text for text in texts[2:])  # the uploaded unit


def test_deck_notes_and_bullets_keep_line_breaks_and_lose_control_characters():
    slide = DeckSlide("T\x1f", None, "S\x7f", notes="a\x08\nb", bullets=("x\ty\x0c",))
    deck = Presentation(io.BytesIO(build_deck([slide], title="D", subtitle="s")))
    page = deck.slides[1]
    assert [s.text_frame.text for s in page.shapes if s.has_text_frame] == ["T", "x\ty", "S"]
    assert page.notes_slide.notes_text_frame.text == "a\nb"


def test_chart_images_draw_tex_and_markup_as_text():
    """mathtext off: "$\\rule…$" would raise (a 500 on download) or draw a formula."""
    figure = static_charts.new_figure((1600, 2400), 100)
    axes = figure.add_subplot()
    axes.barh(range(len(HOSTILE)), [1] * len(HOSTILE))
    axes.set_yticks(range(len(HOSTILE)), [one_line(h) for h in HOSTILE])
    assert static_charts.to_png(figure).startswith(b"\x89PNG")
    assert all(not label._parse_math for label in axes.get_yticklabels())


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted():
    frame = pd.DataFrame(
        {
            "objet": pd.Series(HOSTILE, dtype=object),
            "texte": pd.Series(HOSTILE, dtype="string"),
            "catégorie": pd.Series(HOSTILE, dtype="category"),
            "nombre": range(len(HOSTILE)),
        }
    )
    rows = list(csv.reader(io.StringIO(safe_csv(frame, ";").decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["objet", "texte", "catégorie", "nombre"]
    for row, text in zip(rows[1:], HOSTILE, strict=True):
        formula = text.lstrip().startswith(("=", "+", "-", "@", "|"))
        expected = "'" + text.replace("|", "\\|") if formula else text
        assert row == [expected, expected, expected, str(HOSTILE.index(text))]
