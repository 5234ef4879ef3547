"""The profile's key figures and the sources line its sections end with."""

import streamlit as st

from lib import profile
from lib.i18n import t
from lib.profile import page as profile_page
from lib.safe_text import literal_markdown


def sources_caption(look: profile.Lookups, source_ids: list[str]) -> None:
    """The sources of a section, as written."""
    st.caption(literal_markdown(profile_page.sources_line(look, source_ids)))


def show_key_figures(page: profile_page.ProfilePage) -> None:
    """The population and the key figures' table with their last change."""
    figures, lang = page.figures, page.look.lang
    st.header(t("profile_key_figures", lang))
    st.metric(t("profile_population", lang), literal_markdown(figures.population))
    st.caption(literal_markdown(figures.population_note))
    st.table(page.figures_table, hide_index=True)
    st.caption(t("profile_key_figures_note", lang))
    sources_caption(page.look, figures.source_ids)
