"""Interface labels in every language of `lib.languages` (French by default); every label on
screen comes from here.

The label tables live in `lib/labels/` (one module per page, plus `core`); `t()` is the one way
to read them. A label may choose a word by a count (`{n|problème|problèmes}`: the singular as
the language's rule says, for 1, and for 0 in French) and format a number its language's way
(`{n:,}`: 12 345 / 12,345; `{size:.1f}`: 1,5 / 1.5). `Message` keeps a label key and its
values, to be shown later in the reader's language (errors and notes raised where the language
is not known).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field

from lib.formatting import join_items, localized
from lib.labels import merge_label_tables
from lib.languages import DEFAULT_LANGUAGE, LANGUAGES, language  # noqa: F401  (read from here)

LABELS: dict[str, dict[str, str]] = merge_label_tables()

_PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")
_SPEC = re.compile(r"\{\w+:")  # a placeholder with a format spec


class _Formatter(string.Formatter):
    """str.format, formatted numbers with the marks of the language (12 345,6 / 12,345.6)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        if format_spec and numeric:
            text = localized(text, self.lang, language(self.lang).label_thousands)
        return text


def _plural(text: str, lang: str, values: Mapping[str, object]) -> str:
    """`{n|one|other}` replaced by the form the count `values[n]` takes in `lang`."""

    def form(match: re.Match) -> str:
        n = abs(float(values[match.group(1)]))  # type: ignore[arg-type]
        return match.group(2) if language(lang).singular(n) else match.group(3)

    return _PLURAL.sub(form, text)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label `key` in `lang` (French when missing), with `{placeholders}` filled in."""
    entry = LABELS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    if not values:
        return text
    text = _plural(text, lang, values) if "|" in text else text
    if _SPEC.search(text):
        return _Formatter(lang).format(text, **values)
    return text.format(**values)


def _shown(value: object, lang: str) -> object:
    """A Message's value in `lang`: a Message as its text, a list as "a, b and c"."""
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, list | tuple):
        return join_items((_shown(v, lang) for v in value), lang, and_last=True)
    return value


@dataclass(frozen=True)
class Message:
    """A label key and its values, shown in any language by `.text(lang)`; a value may be a
    Message (shown in the same language) or a list of values (shown as "a, b and c")."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return t(self.key, lang, **{k: _shown(v, lang) for k, v in self.values.items()})

    def __str__(self) -> str:
        return self.text()


def message(key: str, **values: object) -> Message:
    """`Message(key, values)`, values as keywords."""
    return Message(key, values)


class KeyedError(Exception):
    """An error whose message is a label key and its values: `.message` (and `str(error)`) is
    French, `error.text(lang)` the same message in `lang`."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        self.message = Message(key, values).text()
        super().__init__(self.message)

    def text(self, lang: str) -> str:
        return Message(self.key, self.values).text(lang)
