"""The story's exports: the PPTX deck and, for a territory, its PDF fact sheet, made on click."""

from datetime import date
from functools import partial

import streamlit as st

from lib import cached, profile
from lib.export import fact_sheet_pdf, local_fact_sheet_pdf
from lib.filters import Filters
from lib.i18n import t
from lib.presentation import preparing
from lib.profile import local as local_profile
from views.sections.presentation_stage import Stage


def sheet_builder(stage: Stage, chosen: Filters) -> partial | None:
    """What makes the fact sheet of a story's territory: a region's or a department's
    (lib/onepager.py), an EPCI's or a commune's (lib/local_sheet.py); None for France."""
    dataset, territory, lang = stage.dataset, chosen.territory, stage.lang
    if local_profile.has_local_profile(territory):
        page = cached.local_profile_page(dataset, territory, chosen.method, lang)
        scoped = cached.local_dataset(dataset, territory)
        return partial(local_fact_sheet_pdf, scoped, page, method=chosen.method, lang=lang)
    if profile.has_profile(territory):
        return partial(
            fact_sheet_pdf, dataset, territory, area=chosen.area, method=chosen.method, lang=lang
        )
    return None


def show_exports(stage: Stage) -> None:
    """The PPTX deck (and a territory's PDF fact sheet), made on click, not on every rerun."""
    lang = stage.lang
    shown = [stage.slide(step) for step in stage.steps]  # cached: stepping to them stays fast
    for slide in shown:
        if slide.kind in ("national", "map") and slide.chart is not None:
            cached.slide_map_html(stage.dataset, slide.chart.filters)

    def deck() -> bytes:  # matplotlib and python-pptx load on click, not with the page
        from lib.presentation.story_deck import story_deck

        return story_deck(stage.current.title, shown, date.today().strftime("%d/%m/%Y"), lang)

    chosen = preparing.sheet_filters(stage.current, stage.allowed, lang)
    fact_sheet = None if chosen is None else sheet_builder(stage, chosen)
    if fact_sheet is not None:  # made on click, as on the profile page
        st.download_button(
            t("exp_download_pdf", lang),
            fact_sheet,
            file_name=f"fiche_{chosen.territory}.pdf",
            mime="application/pdf",
            on_click="ignore",
            icon=":material/picture_as_pdf:",
            key="pres_download_pdf",
        )
    st.download_button(
        t("pres_download_deck", lang),
        deck,
        file_name="presentation.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        on_click="ignore",
        icon=":material/slideshow:",
        key="pres_download_deck",
    )
