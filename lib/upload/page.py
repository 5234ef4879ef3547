"""What the importer page (views/importer.py) says, without Streamlit: its limits, a field as
offered in the column mapping, the file's own sources prefilling the source form, the digest
naming the mapping widgets of a file."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lib import settings
from lib.formatting import format_number, join_items
from lib.i18n import t

if TYPE_CHECKING:
    from lib.upload.fields import Field

LISTED_SOURCES = 3  # the file's sources named in the prefilled form, then "…"


def limits_text(lang: str = "fr") -> str:
    """The size, row, column and cell limits of a file, and the formats read."""
    return t(
        "importer_limits",
        lang,
        mb=settings.UPLOAD_BYTES // 1024**2,
        rows=format_number(settings.UPLOAD_ROWS, 0, lang),
        columns=settings.UPLOAD_COLUMNS,
        chars=format_number(settings.UPLOAD_CELL_CHARS, 0, lang),
    )


def field_text(field: Field | None, lang: str = "fr") -> str:
    """A field as offered in the mapping: its French column name, what it holds (the first
    clause of its explanation) and whether it is required; None is the "not used" choice."""
    if field is None:
        return t("importer_mapping_ignored", lang)
    what = re.split(r" ?[:;(]", field.help(lang), maxsplit=1)[0]
    required = f" — {t('importer_mapping_required', lang)}" if field.required else ""
    return f"{field.french} : {what}{required}"


def prefilled_source(sources: Sequence[str], lang: str = "fr") -> dict[str, str]:
    """The source form's name, publisher and licence filled from the file's Source column."""
    listed = join_items(sources[:LISTED_SOURCES], lang, long_items=True) + (
        " …" if len(sources) > LISTED_SOURCES else ""
    )
    return {
        "importer_source_name": listed,
        "importer_source_publisher": listed,
        "importer_source_licence": t("importer_licence_unknown", lang),
    }


def mapping_digest(data: bytes, mapping_round: int) -> str:
    """Names the mapping widgets of one file: new ones (proposals shown afresh) for another
    file or a mapping read back from a file."""
    return hashlib.sha256(data).hexdigest()[:12] + f"_{mapping_round}"
