"""The profile's « En bref »: its two downloads, the most fragile domains, what the actors
perceive."""

import streamlit as st

from lib.data import Dataset
from lib.filters import Filters
from lib.i18n import t
from lib.profile import brief as profile_brief
from lib.profile import page as profile_page
from lib.safe_text import literal_markdown
from views.sections.profile_downloads import brief_csv_button, pdf_button


def show_brief(dataset: Dataset, page: profile_page.ProfilePage, filters: Filters) -> None:
    """« En bref »: the download buttons, the most fragile domains, what the actors perceive."""
    brief, lang = page.brief, filters.lang
    st.header(t("brief_title", lang))
    with st.container(horizontal=True):  # each button as wide as its label
        pdf_button(dataset, page, filters, "profil_brief_pdf")
        brief_csv_button(page, lang)
    st.subheader(t("brief_domains_title", lang))
    if not brief.domains:
        st.info(t("profile_no_index", lang))
    for domain in brief.domains:
        st.markdown(profile_brief.domain_line(domain, lang))
    st.caption(profile_brief.domains_note(brief, lang))
    st.subheader(t("brief_perceived_title", lang))
    if not brief.perceptions:
        st.info(t("brief_no_perception", lang))
    for perceived in brief.perceptions:
        st.markdown(profile_brief.perceived_line(perceived, lang))
        st.caption(literal_markdown(perceived.caption))
    if brief.perceptions:
        st.caption(t("brief_perceived_note", lang))
