"""What goes under a map: its caption lines (label, period, sources, coverage, notes) and its
values as a readable table."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lib.data import Dataset
from lib.datasets import EMBEDDED_ORIGIN, source_texts
from lib.explore.map_views import MapView
from lib.formatting import join_items
from lib.i18n import t


def source_label(dataset: Dataset, source_id: str, lang: str = "fr") -> str:
    """'Publisher, title (year)' for a source id (with its verification status and its layer's
    label when not embedded)."""
    sources = dataset.sources
    return source_texts(sources[sources["source_id"] == source_id], lang)[source_id]


def sources_text(dataset: Dataset, source_ids: Sequence[str], lang: str = "fr") -> str:
    """'Publisher, title (year) ; ...' for the sources of a map ('non disponible' without any)."""
    return join_items(
        (source_label(dataset, s, lang) for s in source_ids), lang, long_items=True
    ) or t("not_available", lang)


def caption_lines(dataset: Dataset, view: MapView, lang: str = "fr") -> list[str]:
    """Lines under a map: label, year and sources; coverage and notes; overseas insets."""
    sources = sources_text(dataset, view.source_ids, lang)
    first = t("map_caption", lang, label=view.label, year=view.period or "—", source=sources)
    return [first, *note_lines(dataset, view, lang)]


def note_lines(dataset: Dataset, view: MapView, lang: str = "fr") -> list[str]:
    """The lines under a map after its first: notes and coverage, the territories compared,
    imported layers shown, overseas insets."""
    coverage = t("coverage", lang, covered=view.covered, shown=view.shown)
    lines = [" ".join([*view.notes, coverage])]
    if view.shown < len(view.frame):
        lines.append(t("comparison_note", lang, members=view.comparison.label(lang)))
    if "origin" in view.frame:
        imported = sorted(set(view.frame["origin"].dropna()) - {EMBEDDED_ORIGIN})
        if imported:
            lines.append(
                t("imported_data_shown", lang, layers=join_items(imported, lang, long_items=True))
            )
    overseas = dataset.territory_index["overseas"]
    if (
        view.frame["territory_id"].map(overseas).any()
        and not view.frame["territory_id"].map(overseas).all()
    ):
        lines.append(t("insets_note", lang))
    return lines


def view_table(view: MapView, lang: str = "fr") -> pd.DataFrame:
    """The map's values as a readable table (missing values in words), most fragile first."""
    table = view.frame.sort_values(["rank", "name"], na_position="last")
    return pd.DataFrame(
        {
            t("territory", lang): table["name"],
            t("value", lang): table["value_text"],
            t("rank", lang): table["rank"].astype("string").fillna("–"),
            t("source", lang): table["detail"],
        }
    )
