"""A story as a PPTX deck (lib/story_deck.py): one slide per shown step after the title slide,
titles and source lines as text, charts as images, missing figures in words."""

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from lib import cached, slides, story
from lib.explore import allowed_values
from lib.story_deck import story_deck


@pytest.fixture(scope="module")
def dataset():
    return cached.embedded_dataset()


def deck_of(dataset, territory):
    allowed = allowed_values(dataset)
    chosen = story.default_story(dataset, territory)
    shown = [
        slides.slide(dataset, s.kind, story.step_filters(s, allowed), s.caption)
        for s in story.shown_steps(dataset, chosen)
    ]
    deck = Presentation(io.BytesIO(story_deck(chosen.title, shown, "03/12/2026")))
    return chosen, shown, deck


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


@pytest.fixture(scope="module")
def region_deck(dataset):
    return deck_of(dataset, "REG-32")


def test_one_slide_per_step_after_the_title_slide(region_deck):
    chosen, shown, deck = region_deck
    pages = list(deck.slides)
    assert len(pages) == len(chosen.steps) + 1 == 6
    assert texts(pages[0]) == [
        "Hauts-de-France : fragilités et alliances",
        "Territoires fragiles & alliances — 03/12/2026",
    ]
    assert [page.shapes.title.text for page in pages[1:]] == [s.title for s in shown]


def test_titles_and_source_lines_are_editable_text_and_charts_images(region_deck):
    _, shown, deck = region_deck
    for page, content in zip(list(deck.slides)[1:], shown, strict=True):
        assert content.source_line in texts(page)
        pictures = [s for s in page.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == (0 if content.kind == "perceptions" else 1), content.kind
        assert content.caption in "\n".join(texts(page))


def test_the_perceptions_table_becomes_bullets(region_deck):
    _, _, deck = region_deck
    body = "\n".join(texts(list(deck.slides)[4]))
    assert "Entreprises — Chiffres : PHARE-Entreprises — chiffres nationaux" in body
    assert "Angles morts : aucune" in body


def test_a_territory_with_missing_data_exports_non_disponible(dataset):
    _, _, deck = deck_of(dataset, "REG-06")  # Mayotte: no unemployment rate, no index
    national, zoom = list(deck.slides)[1:3]
    assert "Mayotte : non disponible" in "\n".join(texts(national))
    assert "Indice global de fragilité : non disponible" in "\n".join(texts(zoom))
