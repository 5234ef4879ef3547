"""A story as a PPTX deck (lib/presentation/story_deck.py): one slide per shown step after the title slide,
titles and source lines as text, charts as images, missing figures in words."""

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from lib import profile, trends
from lib.explore import allowed_values
from lib.presentation import slides, story
from lib.presentation.story_deck import story_deck


def deck_of(dataset, territory, lang="fr"):
    allowed = allowed_values(dataset)
    chosen = story.default_story(dataset, territory, lang)
    shown = [
        slides.slide(dataset, s.kind, story.step_filters(s, allowed, lang), s.caption)
        for s in story.shown_steps(dataset, chosen)
    ]
    deck = Presentation(io.BytesIO(story_deck(chosen.title, shown, "03/12/2026", lang)))
    return chosen, shown, deck


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


@pytest.fixture(scope="module")
def region_deck(dataset):
    return deck_of(dataset, "REG-32")


def test_one_slide_per_step_after_the_title_slide(region_deck):
    chosen, shown, deck = region_deck
    pages = list(deck.slides)
    assert len(pages) == len(chosen.steps) + 1 == 7
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
    body = "\n".join(texts(list(deck.slides)[5]))
    assert "Entreprises — Chiffres : PHARE-Entreprises — chiffres nationaux" in body
    assert "Angles morts : aucune" in body


def test_a_territory_with_missing_data_exports_non_disponible(dataset):
    _, _, deck = deck_of(dataset, "REG-06")  # Mayotte: no unemployment rate, no index
    national, zoom = list(deck.slides)[1:3]
    assert "Mayotte : non disponible" in "\n".join(texts(national))
    assert "Indice global de fragilité : non disponible" in "\n".join(texts(zoom))


@pytest.mark.parametrize(
    ("lang", "title", "worse"),
    [
        ("fr", "Seine-Saint-Denis : ce qui s'aggrave, ce qui s'améliore", "Ce qui s'aggrave : "),
        (
            "en",
            "Seine-Saint-Denis: what is getting worse, what is improving",
            "What is getting worse: ",
        ),
    ],
)
def test_the_trends_slide_has_its_chart_lines_and_notes(dataset, lang, title, worse):
    model = trends.for_territory(profile.lookups(dataset, lang), "DEP-93")
    chosen, shown, deck = deck_of(dataset, "DEP-93", lang)
    index = [s.kind for s in story.shown_steps(dataset, chosen)].index("trends")
    page, content = list(deck.slides)[index + 1], shown[index]
    assert page.shapes.title.text == title
    pictures = [s for s in page.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1  # the largest change towards fragility, over time
    body = "\n".join(texts(page))
    assert model.worse[0][1] in body and worse in body
    assert content.source_line in texts(page)
    notes = page.notes_slide.notes_text_frame.text
    for _, text in (*model.worse[1:], *model.better):
        assert text in notes
    assert (
        "aucune valeur n'est interpolée" if lang == "fr" else "no value is interpolated"
    ) in notes
