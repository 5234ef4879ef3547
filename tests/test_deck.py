"""Slide deck builder (lib/presentation/deck.py): slides, editable titles and sources, images, bullets."""

import io

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from lib.formatting import NARROW_NBSP as NB
from lib.presentation.deck import DeckSlide, build_deck

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (0, 114, 178)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def slides() -> list[DeckSlide]:
    return [
        DeckSlide(
            "Chômage : la région « l’Hauts » en tête",
            png(1600, 900),
            f"Source : INSEE, taux de chômage localisés (2023) · 9,2{NB}%",
            notes="Insister sur l’écart avec la France.",
        ),
        DeckSlide(
            "Ce qu’il faut retenir", None, "Source : Le RAMEAU (2015)", bullets=("Un", "Deux")
        ),
        DeckSlide("Une carte haute", png(600, 1200), "Source : IGN (2025)", bullets=("À noter",)),
    ]


@pytest.fixture(scope="module")
def deck(slides):
    data = build_deck(slides, title="Hauts-de-France", subtitle="Fragilités et alliances, 2026")
    return Presentation(io.BytesIO(data))


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def pictures(slide) -> list:
    return [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_a_title_slide_then_one_slide_per_entry_in_16_9(deck, slides):
    assert len(deck.slides) == 1 + len(slides)
    assert deck.slide_width * 9 == pytest.approx(deck.slide_height * 16, rel=1e-3)
    first = deck.slides[0]
    assert texts(first) == ["Hauts-de-France", "Fragilités et alliances, 2026"]
    assert [s.shapes.title.text for s in list(deck.slides)[1:]] == [s.title for s in slides]


def test_source_lines_and_notes_are_editable_text(deck, slides):
    for slide, content in zip(list(deck.slides)[1:], slides, strict=True):
        assert content.source_line in texts(slide)  # a text box, not pixels
    assert (
        deck.slides[1].notes_slide.notes_text_frame.text == "Insister sur l’écart avec la France."
    )
    assert not deck.slides[2].has_notes_slide


def test_images_are_the_pngs_given_scaled_to_fit_with_their_aspect_ratio(deck):
    for slide, size in [(deck.slides[1], (1600, 900)), (deck.slides[3], (600, 1200))]:
        (picture,) = pictures(slide)
        blob = picture.image.blob
        assert blob.startswith(PNG_SIGNATURE)
        assert Image.open(io.BytesIO(blob)).size == size
        assert picture.width / picture.height == pytest.approx(size[0] / size[1], rel=0.01)
        assert picture.left >= 0 and picture.left + picture.width <= deck.slide_width
        title = slide.shapes.title
        assert picture.top >= title.top + title.height  # below the title
        source = next(s for s in slide.shapes if s.has_text_frame and s.text.startswith("Source"))
        assert picture.top + picture.height <= source.top  # above the source line


def test_bullets_are_real_bullets_alone_or_beside_the_image(deck):
    alone = deck.slides[2]
    assert not pictures(alone)
    body = next(s for s in alone.shapes if s.has_text_frame and s.text == "Un\nDeux")
    for paragraph in body.text_frame.paragraphs:
        assert paragraph._p.pPr.find(qn("a:buChar")) is not None
    beside = deck.slides[3]
    (picture,) = pictures(beside)
    notes = next(s for s in beside.shapes if s.has_text_frame and s.text == "À noter")
    assert notes.left >= picture.left + picture.width  # right of the image


def test_a_deck_without_slides_has_its_title_slide_only():
    deck = Presentation(io.BytesIO(build_deck([], title="France", subtitle="")))
    assert len(deck.slides) == 1
    assert texts(deck.slides[0])[0] == "France"
