"""The profile's known alliance practices and its white spots."""

import streamlit as st

from lib.i18n import t
from lib.profile import page as profile_page


def show_alliances(page: profile_page.ProfilePage) -> None:
    """The known alliance practices, in a table closed at first."""
    lang, alliances = page.look.lang, page.alliances
    st.header(t("profile_alliances_title", lang))
    st.caption(t("profile_alliances_intro", lang))
    if alliances.num_rows == 0:
        st.info(t("profile_no_alliances", lang))
    else:  # a long table: closed at first
        opener = t("profile_alliances_open", lang, n=alliances.num_rows)
        with st.expander(opener, key="profil_alliance_practices"):
            st.table(alliances, hide_index=True)


def show_white_spots(page: profile_page.ProfilePage) -> None:
    """The fragile domains without a known initiative."""
    lang = page.look.lang
    st.header(t("ini_white_spots_title", lang))
    st.table(page.white_spots, hide_index=True)  # long findings wrap, never cut
    st.caption(t("ini_white_spots_note", lang))
