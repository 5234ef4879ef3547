"""An indicator's values as people read them, from its metadata (unit and decimals)."""

from __future__ import annotations

from collections.abc import Mapping

from lib.formatting import format_value


def value_text(meta: Mapping, value: object, lang: str = "fr") -> str:
    """A value with the unit and decimals of its indicator's metadata row ('7,4 %');
    missing -> 'non disponible'."""
    return format_value(value, str(meta["unit"]), int(meta["decimals"]), lang)
