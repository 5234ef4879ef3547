"""The interface's languages, declared once: code, name and typography of each.

Everything else reads this registry: the sidebar's language selector and the `?lang=` link
value (`LANGUAGES`), numbers, percents and ordinals (`lib.formatting`), plural forms and numbers
inside labels (`lib.i18n`), lists ("a, b et c", `lib.formatting.join_items`), chart number
formats. A language's texts are its column in the label tables
(`lib/labels/*`; tests/test_i18n.py names a missing one) and, for the dataset, its
`label_<code>` columns (French where missing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

NARROW_NBSP = "\u202f"  # French thousands separator and space before % (narrow no-break space)


@dataclass(frozen=True)
class Language:
    """How one language writes numbers, lists and counts (its words are in the label tables)."""

    name: str  # in the language itself, as the language selector shows it
    decimal_mark: str
    thousands: str  # thousands separator of formatted numbers and charts
    label_thousands: str  # thousands separator of numbers inside labels (`{n:,}`)
    percent_space: str  # between a number and "%"
    colon: str  # a colon with the space the language puts before it
    list_separator: str  # between a list's items: "a, b"
    last_separator: str  # before a list's last item: "a, b et c"
    long_separator: str  # between items that hold commas themselves
    singular: Callable[[float], bool]  # True when a count takes the singular form
    ordinal: Callable[[int], str]  # 1 -> "1er" / "1st"
    missing: str  # a value that is not available, in words


def _english_ordinal(rank: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{'th' if 10 <= rank % 100 <= 20 else suffix}"


LANGUAGES: dict[str, Language] = {
    "fr": Language(
        name="Français",
        decimal_mark=",",
        thousands=NARROW_NBSP,
        label_thousands="\u00a0",
        percent_space=NARROW_NBSP,
        colon=f"{NARROW_NBSP}: ",
        list_separator=", ",
        last_separator=" et ",
        long_separator=" ; ",
        singular=lambda n: n < 2,  # 0 and 1
        ordinal=lambda rank: f"{rank}{'er' if rank == 1 else 'e'}",
        missing="non disponible",
    ),
    "en": Language(
        name="English",
        decimal_mark=".",
        thousands=",",
        label_thousands=",",
        percent_space="",
        colon=": ",
        list_separator=", ",
        last_separator=" and ",
        long_separator="; ",
        singular=lambda n: n == 1,
        ordinal=_english_ordinal,
        missing="not available",
    ),
}
DEFAULT_LANGUAGE = "fr"


def language(code: str) -> Language:
    """The declared language `code` (the default language for an unknown code)."""
    return LANGUAGES.get(code) or LANGUAGES[DEFAULT_LANGUAGE]
