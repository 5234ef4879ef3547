"""An indicator's values as people read them, from its metadata (unit, decimals, definition)
and, when a value's row gives them, the decimals its source publishes it with."""

from __future__ import annotations

from collections.abc import Mapping

from lib.formatting import format_value, is_missing
from lib.i18n import DEFAULT_LANGUAGE


def _own_text(meta: Mapping, column: str, lang: str) -> str:
    """`<column>_en` in English (`unit`/`definition_fr` in French, and when the language's text
    is missing, as in an uploaded file without English metadata)."""
    french = str(meta["unit" if column == "unit" else f"{column}_{DEFAULT_LANGUAGE}"])
    if lang == DEFAULT_LANGUAGE:
        return french
    own = meta.get(f"{column}_{lang}")
    return french if own is None or is_missing(own) or own == "" else str(own)


def unit_text(meta: Mapping, lang: str = "fr") -> str:
    """The indicator's unit in `lang` ('% de la population active' / '% of the labour force')."""
    return _own_text(meta, "unit", lang)


def definition_text(meta: Mapping, lang: str = "fr") -> str:
    """The indicator's definition in `lang`."""
    return _own_text(meta, "definition", lang)


def shown_decimals(meta: Mapping, own: object = None) -> int:
    """The decimals a value is shown with: `own`, those its source publishes it with (its
    row's `decimals`), else its indicator's."""
    return int(meta["decimals"] if own is None or is_missing(own) else own)


def value_text(meta: Mapping, value: object, lang: str = "fr", decimals: object = None) -> str:
    """A value with the unit of its indicator's metadata row and its decimals (`decimals`, its
    source's when its row gives them: `shown_decimals`): '7,4 %', '17 %'; missing ->
    'non disponible'."""
    return format_value(value, unit_text(meta, lang), shown_decimals(meta, decimals), lang)
