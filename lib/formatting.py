"""Numbers as people read them: French (default) or English typography, missing as words."""

from __future__ import annotations

import math

from lib.safe_text import literal_markdown  # noqa: F401  (workshop pages import it from here)

NARROW_NBSP = "\u202f"  # French thousands separator and space before % (narrow no-break space)
MISSING = {"fr": "non disponible", "en": "not available"}


def is_missing(value: object) -> bool:
    """True for None and NaN (pandas NA included)."""
    if value is None:
        return True
    try:
        return bool(math.isnan(value))  # type: ignore[arg-type]
    except TypeError:
        return str(value) in {"<NA>", "nan"}


def format_number(value: object, decimals: int = 1, lang: str = "fr") -> str:
    """12345.6 -> '12 345,6' (fr) or '12,345.6' (en); missing -> 'non disponible'."""
    if is_missing(value):
        return MISSING[lang]
    text = f"{float(value):,.{decimals}f}"  # type: ignore[arg-type]
    if lang == "fr":
        text = text.replace(",", NARROW_NBSP).replace(".", ",")
    return text


def ordinal(rank: int, lang: str = "fr") -> str:
    """1 -> '1er' / '1st', 3 -> '3e' / '3rd'."""
    if lang == "en":
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
        return f"{rank}{'th' if 10 <= rank % 100 <= 20 else suffix}"
    return f"{rank}{'er' if rank == 1 else 'e'}"


def format_value(value: object, unit: str, decimals: int = 1, lang: str = "fr") -> str:
    """A value with its unit: '7,4 %', '23 240 € par an et par UC'; missing stays in words."""
    if is_missing(value):
        return MISSING[lang]
    number = format_number(value, decimals, lang)
    if unit.startswith("%"):
        rest = unit[1:].strip()
        percent = f"{number}{NARROW_NBSP}%" if lang == "fr" else f"{number}%"
        return f"{percent} {rest}".strip() if rest else percent
    return f"{number} {unit}"


# Characters that turn a short text shown in captions into a link, an image (which the browser
# would fetch from anywhere) or HTML: refused in the titles people type (workshop, upload source).
MARKUP_CHARACTERS = "[]<>"


def markup_characters(text: str) -> str:
    """The characters of MARKUP_CHARACTERS found in `text`, in that order ("" when none)."""
    return "".join(c for c in MARKUP_CHARACTERS if c in text)
