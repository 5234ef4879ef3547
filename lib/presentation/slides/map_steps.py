"""The map steps: the national picture and the map page's view, with the story's territory."""

from __future__ import annotations

import pandas as pd

from lib import explore, perception, vocabulary
from lib.data import Dataset
from lib.explore import OVERALL, MapView
from lib.filters import Filters
from lib.formatting import is_missing, join_items
from lib.i18n import t
from lib.indices import period_rows
from lib.presentation.slides.content import MapChart, Slide
from lib.presentation.slides.sources import source_line, sourced
from lib.ranking import rank_text


def _reference_lines(dataset: Dataset, view: MapView, lang: str) -> list[str]:
    """The indicator's France reference value ('France entière : 7,3 %'), when it has one."""
    if explore.is_index(view.selection):
        return []
    meta = dataset.indicator_meta.set_index("indicator_id").loc[view.selection]
    reference = meta["reference_territory_id"]
    if is_missing(reference):
        return []
    rows = period_rows(dataset.indicators, {view.selection: view.period_id})
    rows = rows[rows["territory_id"].eq(reference)]
    value = rows["value"].iloc[0] if len(rows) else None
    own = dataset.own_decimals.get((reference, view.selection, str(view.period_id)))
    return [
        t(
            "pres_france_value",
            lang,
            name=vocabulary.territory_name(dataset, reference, lang),
            value=vocabulary.value_text(meta, value, lang, own),
        )
    ]


def _focus_lines(view: MapView, territory_id: str | None, lang: str) -> list[str]:
    """The territory's value and rank on the map among the territories compared, when the map
    shows it ('Hauts-de-France : 58,2 — 3e sur 13 régions métropolitaines')."""
    frame = view.frame.set_index("territory_id")
    if territory_id is None or territory_id not in frame.index:
        return []
    row = frame.loc[territory_id]
    if pd.isna(row["rank"]):
        outside = "compared" in frame and not row["compared"]
        value = f"{row['value_text']} ({row['detail']})" if outside else row["value_text"]
        return [t("pres_territory_value", lang, name=row["name"], value=value)]
    return [
        t(
            "pres_territory_rank",
            lang,
            name=row["name"],
            value=row["value_text"],
            rank=rank_text(row["rank"], view.comparison, lang),
        )
    ]


def _most_fragile_lines(view: MapView, lang: str) -> list[str]:
    """The territories ranked in the top 3 (ties included), most fragile first."""
    ranked = view.frame[view.frame["rank"].notna()]
    top = ranked[ranked["rank"] <= perception.TOP].sort_values(["rank", "name"])
    if top.empty:
        return []
    items = join_items((f"{r.name} ({r.value_text})" for r in top.itertuples()), lang)
    return [t("pres_most_fragile", lang, items=items)]


def national_slide(dataset: Dataset, filters: Filters, caption: str) -> Slide:
    lang = filters.lang
    home = explore.home_filters(dataset, filters)
    view = explore.filters_map_view(dataset, home)
    parents = dataset.territory_index["parent_id"]
    region = vocabulary.ancestor(filters.territory, "region", parents)
    lines = [
        *_reference_lines(dataset, view, lang),
        *_focus_lines(view, region, lang),
        *_most_fragile_lines(view, lang),
    ]
    return Slide(
        kind="national",
        title=t("pres_title_national", lang, label=view.label_with_period),
        caption=caption,
        lines=tuple(lines),
        **sourced(dataset, view.source_ids, lang),
        notes=tuple(explore.caption_lines(dataset, view, lang)[1:]),
        chart=MapChart(view, home, region),
    )


def map_slide(dataset: Dataset, filters: Filters, caption: str) -> Slide:
    """The map page's view of the filters (the default selection when theirs is not mapped
    there, as the app's filters do)."""
    lang, territory = filters.lang, filters.territory
    area = explore.territory_area(dataset, filters.area, territory)
    scope = explore.scope_territories(dataset, filters.level, territory, area)
    options = explore.selection_options(dataset, list(scope["territory_id"]))
    within = vocabulary.is_level(territory, "region") and filters.level == "department"
    if not options:
        label = t("not_available", lang)
        return Slide(
            kind="map",
            title=_map_title(dataset, territory, within, filters.level, label, lang),
            caption=caption,
            lines=(t("pres_no_map_selection", lang),),
            source_line=source_line(dataset, [], lang),
        )
    notes = []
    selection = filters.indicator
    if selection not in options:
        if selection is not None:
            label = explore.selection_label(dataset, selection, lang)
            notes.append(t("selection_unavailable", lang, label=label))
        selection = OVERALL if OVERALL in options else options[0]
    shown = filters.with_(indicator=selection)
    view = explore.filters_map_view(dataset, shown)
    missing = t("pres_territory_value", lang, name=view.label, value=t("not_available", lang))
    lines = [
        *([] if view.covered else [missing]),
        *_most_fragile_lines(view, lang),
        *_focus_lines(view, territory, lang),
        t("coverage", lang, covered=view.covered, shown=view.shown),
    ]
    return Slide(
        kind="map",
        title=_map_title(dataset, territory, within, filters.level, view.label_with_period, lang),
        caption=caption,
        lines=tuple(lines),
        **sourced(dataset, view.source_ids, lang),
        notes=(*notes, *explore.caption_lines(dataset, view, lang)[1:]),
        chart=MapChart(view, shown, territory if territory in set(scope["territory_id"]) else None),
    )


def _map_title(
    dataset: Dataset, territory: str | None, within: bool, level: str, label: str, lang: str
) -> str:
    if within:
        name = vocabulary.territory_name(dataset, territory, lang)
        return t("pres_title_map_within", lang, name=name, label=label)
    return t(f"pres_title_map_{level}", lang, label=label)
