"""A confirmed upload as a layer of the dataset, citing the source the user gave.

`upload_layer` turns a validated report (`lib.upload.validate`) and its `SourceInfo` into a
`Layer` (lib.datasets); the provider registered here serves the session's confirmed uploads
(state key "uploads") to every page. Pure (no Streamlit).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from lib.datasets import Layer, register_provider
from lib.formatting import markup_characters
from lib.i18n import Message, message, t
from lib.upload.fields import KINDS
from lib.upload.validate import UploadReport

UPLOADS_KEY = "uploads"  # session state: the confirmed uploads (a list of Layer)
LABEL_PREFIX = "données importées : "


@dataclass(frozen=True)
class SourceInfo:
    """The source the user gives for an upload (it becomes a row of `sources`)."""

    title: str
    publisher: str
    licence: str
    year: str = ""
    url: str = ""


def source_problems(source: SourceInfo) -> list[Message]:
    """What is missing or refused in the source the user gave; empty when fine."""
    fields = (
        (message("upload_source_title"), source.title),
        (message("upload_source_publisher"), source.publisher),
        (message("upload_source_licence"), source.licence),
    )
    missing = [label for label, value in fields if not value.strip()]
    problems = [message("upload_source_missing", fields=missing)] if missing else []
    problems += [
        message("upload_source_markup", field=label, characters=" ".join(markup_characters(value)))
        for label, value in fields
        if markup_characters(value)
    ]
    return problems


def next_upload_id(layers: list[Layer]) -> str:
    """'upload-<n>', one more than the session's uploads so far."""
    return f"upload-{len(layers) + 1}"


def upload_layer(
    report: UploadReport, source: SourceInfo, upload_id: str, replaces_embedded: bool = False
) -> Layer:
    """The confirmed upload as a layer, citing its source row `upload_id`."""
    sources = pd.DataFrame(
        [
            {
                "source_id": upload_id,
                "title": source.title.strip(),
                "publisher": source.publisher.strip(),
                "year": source.year.strip(),
                "url_or_package": source.url.strip(),
                "licence": source.licence.strip(),
                "note": t("upload_source_note", "fr", file=report.file),
                "note_en": t("upload_source_note", "en", file=report.file),
            }
        ]
    )
    return Layer(
        upload_id,
        LABEL_PREFIX + source.title.strip(),
        {**report.tables, "sources": sources},
        replaces_embedded,
    )


@register_provider
def upload_layers(state: Mapping[str, object]) -> list[Layer]:
    """The session's confirmed uploads (state key "uploads")."""
    uploads = state.get(UPLOADS_KEY) or []
    return [layer for layer in uploads if isinstance(layer, Layer)]


def layer_rows(layer: Layer) -> int:
    """How many fact rows a layer adds (its sources row aside)."""
    return sum(len(rows) for name, rows in layer.tables.items() if name in KINDS)
