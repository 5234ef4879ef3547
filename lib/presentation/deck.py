"""A 16:9 slide deck (python-pptx): a title slide, then one slide per `DeckSlide` with its title
and source line as editable text, its chart as an image scaled to fit (aspect ratio kept), or
its bullets as text, and the presenter's notes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.parts.image import Image
from pptx.util import Emu, Inches, Pt

from lib.safe_text import document_text, shortened

SLIDE_WIDTH = Inches(13.333)
SLIDE_HEIGHT = Inches(7.5)
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(1.0)
BODY_TOP = Inches(1.4)
SOURCE_TOP, SOURCE_HEIGHT = Inches(6.75), Inches(0.6)
MAX_PROPERTY = 255  # characters of a file property (the deck's title), as PowerPoint allows
BULLETS_BESIDE_IMAGE = 0.3  # share of the width given to bullets next to an image
TITLE_SLIDE, TITLE_ONLY = 0, 5  # layouts of python-pptx's default template
GREY = RGBColor(0x55, 0x55, 0x55)


@dataclass(frozen=True)
class DeckSlide:
    """One slide: title, chart (PNG bytes, or None), source line, presenter notes, bullets
    (shown alone when there is no image, beside the image otherwise)."""

    title: str
    image_png: bytes | None
    source_line: str
    notes: str = ""
    bullets: tuple[str, ...] = ()


def _place(shape, left: int, top: int, width: int, height: int) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def _write(frame, lines: Sequence[str], size: int, *, bold=False, colour=None, align=None):
    """Replace a text frame's text by `lines` (one paragraph each) at `size` points."""
    frame.clear()
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run()
        run.text = document_text(line)
        run.font.size, run.font.bold = Pt(size), bold
        if colour is not None:
            run.font.color.rgb = colour


def _bulleted(frame) -> None:
    """Give every paragraph of a text box a real bullet (editable as such in PowerPoint)."""
    for paragraph in frame.paragraphs:
        properties = paragraph._p.get_or_add_pPr()
        properties.set("marL", str(Inches(0.35)))
        properties.set("indent", str(-Inches(0.3)))
        bullet = properties.makeelement(qn("a:buChar"), {"char": "•"})
        properties.append(bullet)
        paragraph.space_after = Pt(10)


def _picture(slide, png: bytes, left: int, top: int, width: int, height: int) -> None:
    """The image as large as fits the box, aspect ratio kept, centred."""
    pixels_wide, pixels_high = Image.from_blob(png).size
    scale = min(width / pixels_wide, height / pixels_high)
    shown_width, shown_height = int(pixels_wide * scale), int(pixels_high * scale)
    slide.shapes.add_picture(
        io.BytesIO(png),
        Emu(left + (width - shown_width) // 2),
        Emu(top + (height - shown_height) // 2),
        Emu(shown_width),
        Emu(shown_height),
    )


def _content_slide(presentation, content: DeckSlide) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY])
    width = SLIDE_WIDTH - 2 * MARGIN
    _place(slide.shapes.title, MARGIN, TITLE_TOP, width, TITLE_HEIGHT)
    _write(slide.shapes.title.text_frame, [content.title], 30, bold=True, align=PP_ALIGN.LEFT)
    body_height = SOURCE_TOP - BODY_TOP - Inches(0.1)
    image_width = width
    if content.bullets:
        bullets_width = width if content.image_png is None else int(width * BULLETS_BESIDE_IMAGE)
        image_width = width - bullets_width
        box = slide.shapes.add_textbox(
            MARGIN + image_width, BODY_TOP, bullets_width, body_height
        ).text_frame
        _write(box, content.bullets, 20 if content.image_png is None else 16)
        _bulleted(box)
    if content.image_png is not None:
        _picture(slide, content.image_png, MARGIN, BODY_TOP, image_width, body_height)
    source = slide.shapes.add_textbox(MARGIN, SOURCE_TOP, width, SOURCE_HEIGHT).text_frame
    _write(source, [content.source_line], 12, colour=GREY)
    if content.notes:
        slide.notes_slide.notes_text_frame.text = document_text(content.notes)


def build_deck(slides: Sequence[DeckSlide], *, title: str, subtitle: str) -> bytes:
    """The .pptx bytes: a title slide (`title`, `subtitle`), then one slide per `slides`."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    presentation.core_properties.title = shortened(document_text(title), MAX_PROPERTY)
    first = presentation.slides.add_slide(presentation.slide_layouts[TITLE_SLIDE])
    heading, sub = first.placeholders[0], first.placeholders[1]
    _place(heading, MARGIN, Inches(2.3), SLIDE_WIDTH - 2 * MARGIN, Inches(1.6))
    _place(sub, MARGIN, Inches(4.0), SLIDE_WIDTH - 2 * MARGIN, Inches(1.4))
    _write(heading.text_frame, [title], 40, bold=True)
    _write(sub.text_frame, [subtitle], 22, colour=GREY)
    for content in slides:
        _content_slide(presentation, content)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
