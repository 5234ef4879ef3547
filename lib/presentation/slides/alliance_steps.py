"""The alliances step: one chart of the Alliances page for the story's territory."""

from __future__ import annotations

from lib import alliance_figures, profile
from lib.data import Dataset
from lib.filters import Filters
from lib.i18n import t
from lib.presentation.slides.content import AllianceChart, Slide
from lib.presentation.slides.sources import source_line, sourced
from lib.vocabulary import NATIONAL


def alliances_slide(dataset: Dataset, filters: Filters, caption: str) -> Slide:
    """One chart of the Alliances page: the territory's (or its region's) own figures first,
    practice types first, else the national ones."""
    lang, territory = filters.lang, filters.territory
    look = profile.lookups(dataset, lang)
    places = [NATIONAL] if territory is None else profile.perception_territories(look, territory)
    alliances = dataset.alliances
    rows = alliance_figures.filter_alliances(
        alliances[alliances["territory_id"].isin(places)], filters.actors
    )
    groups = [
        g for found in alliance_figures.chart_groups(dataset, rows, lang).values() for g in found
    ]
    name = t("pres_france", lang) if territory is None else look.name(territory)
    title = t("pres_title_alliances", lang, name=name)
    if not groups:
        return Slide(
            "alliances",
            title,
            caption,
            (t("pres_no_alliance", lang),),
            source_line(dataset, [], lang),
        )
    group = min(groups, key=lambda g: (g.territory_id == NATIONAL, g.dimension != "practice"))
    about = " · ".join(
        [
            alliance_figures.dimension_label(group.dimension, lang),
            alliance_figures.scope_text(group, lang),
            t("alliances_study_year", lang, study=group.study, year=group.year_text),
            alliance_figures.base_text(group.base_n, lang),
        ]
    )
    note = alliance_figures.territory_note(dataset, rows, territory, lang)
    notes = alliance_figures.group_notes(group, lang)
    return Slide(
        kind="alliances",
        title=title,
        caption=caption,
        lines=(about, *([note] if note else [])),
        **sourced(dataset, group.source_ids, lang),
        notes=tuple(line.removeprefix("- ") for line in (notes or "").splitlines()),
        chart=AllianceChart(group),
    )
