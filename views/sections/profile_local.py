"""The profile of an EPCI or a commune: key figures, domain indices among its peers, nesting,
trends, initiatives and white spots."""

import streamlit as st

from lib import cached, vocabulary
from lib.data import Dataset
from lib.filters import Filters
from lib.i18n import t
from lib.profile import local as local_profile
from lib.safe_text import literal_markdown, literal_table
from lib.session import update_filters
from views.sections.profile_downloads import local_pdf_button
from views.sections.profile_figures import sources_caption
from views.sections.profile_trends import draw_trends


def show_local_profile(dataset: Dataset, territory_id: str, filters: Filters) -> None:
    """An EPCI's or a commune's profile: key figures, domain indices among its peers, nesting."""
    lang = filters.lang
    page = cached.local_profile_page(dataset, territory_id, filters.method, lang)
    st.title(literal_markdown(page.title))
    local_pdf_button(dataset, page, filters)
    name = vocabulary.territory_name(dataset, territory_id, lang)
    if vocabulary.is_level(territory_id, "epci") and st.button(
        literal_markdown(t("show_communes", lang, name=name)), key="profil_epci_communes"
    ):
        update_filters(level="commune", territory=territory_id)
        st.switch_page("views/carte.py")
    st.header(t("profile_key_figures", lang))
    st.metric(t("profile_population", lang), literal_markdown(page.population))
    st.caption(literal_markdown(page.population_note))
    st.table(literal_table(page.figures), hide_index=True)
    st.header(t("profile_domains_title", lang))
    if page.n_domains:
        st.table(literal_table(page.domains), hide_index=True)
    else:
        st.info(t("local_no_index", lang))
    st.caption(literal_markdown(local_profile.domains_note(page, filters.method, lang)))
    st.header(t("local_nesting_title", lang))
    st.table(literal_table(page.nesting), hide_index=True)
    st.caption(t("local_nesting_note", lang))
    st.header(t("trend_title", lang))
    st.caption(t("trend_intro_local", lang))
    draw_trends(
        cached.local_trends(dataset, territory_id, lang),
        vocabulary.territory_name(dataset, territory_id),
        lang,
        f"trend_none_{vocabulary.level_of(territory_id)}",
    )
    show_local_initiatives(page, lang)
    sources_caption(cached.profile_lookups(dataset, lang), page.source_ids)


def show_local_initiatives(page: local_profile.LocalProfile, lang: str) -> None:
    """The initiatives known in the territory and its white spots."""
    st.header(t("local_initiatives_title", lang))
    if page.initiatives.empty:
        st.info(t("local_initiatives_none", lang))
    else:
        st.table(literal_table(page.initiatives), hide_index=True)
    st.caption(t("local_initiatives_note", lang))
    st.header(t("ini_white_spots_title", lang))
    st.table(literal_table(page.white_spots), hide_index=True)
    st.caption(literal_markdown(t("local_white_spots_note", lang, members=page.compared)))
