"""Typed text the storage accepts: no lone surrogate (it cannot be stored as UTF-8), no control
character (line breaks and tabs only where a text may have several lines), no bidirectional
override or isolate (it would make a text read differently from what it holds)."""

from __future__ import annotations

import unicodedata

from lib.workshop.errors import WorkshopError

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_CHARACTERS = frozenset("\n\r\t")


def refused_character(text: str, multiline: bool = False) -> str | None:
    """The first character of `text` the storage refuses, or None."""
    for character in text:
        category = unicodedata.category(character)
        if category == "Cs" or character in BIDI_CONTROLS:
            return character
        if category == "Cc" and not (multiline and character in LINE_CHARACTERS):
            return character
    return None


def check_characters(text: str, refusal: str, multiline: bool = False) -> None:
    """WorkshopError `refusal` naming the code point (e.g. U+0007) of a refused character."""
    character = refused_character(text, multiline)
    if character is not None:
        raise WorkshopError(refusal, code=f"U+{ord(character):04X}")
