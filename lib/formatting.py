"""Numbers and lists as people read them, in the typography of each language of
`lib.languages` (French by default); missing values in words."""

from __future__ import annotations

import math
from collections.abc import Iterable

from lib.languages import NARROW_NBSP, language  # noqa: F401  (NARROW_NBSP: read from here)


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
        return language(lang).missing
    return localized(f"{float(value):,.{decimals}f}", lang)  # type: ignore[arg-type]


def localized(text: str, lang: str, thousands: str | None = None) -> str:
    """A number Python formatted ('12,345.6') with the marks of `lang` ('12 345,6'); the
    thousands separator `thousands` instead of the language's when given."""
    own = language(lang)
    marks = {
        ord(","): own.thousands if thousands is None else thousands,
        ord("."): own.decimal_mark,
    }
    return text.translate(marks)


def ordinal(rank: int, lang: str = "fr") -> str:
    """1 -> '1er' / '1st', 3 -> '3e' / '3rd'."""
    return language(lang).ordinal(rank)


def join_items(
    items: Iterable[object], lang: str = "fr", and_last: bool = False, long_items: bool = False
) -> str:
    """Items shown as one text: 'a, b, c'; with `and_last` the last one joined by the
    language's word ('a, b et c' / 'a, b and c'); `long_items` (items that hold commas
    themselves) separated 'a ; b' / 'a; b'. '' when there is none."""
    texts = [str(item) for item in items]
    own = language(lang)
    separator = own.long_separator if long_items else own.list_separator
    if and_last and len(texts) > 1:
        return separator.join(texts[:-1]) + own.last_separator + texts[-1]
    return separator.join(texts)


def format_value(value: object, unit: str, decimals: int = 1, lang: str = "fr") -> str:
    """A value with its unit: '7,4 %', '23 240 € par an et par UC'; missing stays in words."""
    if is_missing(value):
        return language(lang).missing
    number = format_number(value, decimals, lang)
    if unit.startswith("%"):
        rest = unit[1:].strip()
        percent = f"{number}{language(lang).percent_space}%"
        return f"{percent} {rest}".strip() if rest else percent
    return f"{number} {unit}"


# Characters that turn a short text shown in captions into a link, an image (which the browser
# would fetch from anywhere) or HTML: refused in the titles people type (workshop, upload source).
MARKUP_CHARACTERS = "[]<>"


def markup_characters(text: str) -> str:
    """The characters of MARKUP_CHARACTERS found in `text`, in that order ("" when none)."""
    return "".join(c for c in MARKUP_CHARACTERS if c in text)
