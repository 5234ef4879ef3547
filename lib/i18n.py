"""Interface labels in French (default) and English; every label on screen comes from here.

The label tables live in `lib/labels/` (one module per page, plus `core`); `t()` is the one way
to read them.
"""

from __future__ import annotations

from lib.labels import merge_label_tables

LANGUAGES = {"fr": "Français", "en": "English"}
DEFAULT_LANGUAGE = "fr"

LABELS: dict[str, dict[str, str]] = merge_label_tables()


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label `key` in `lang` (French when missing), with `{placeholders}` filled in."""
    entry = LABELS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
