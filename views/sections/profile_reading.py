"""Perceived vs objective priorities: one actor's group read against the domain indices."""

import streamlit as st

from lib import cached, perception
from lib.data import Dataset
from lib.filters import Filters
from lib.i18n import t
from lib.profile import page as profile_page
from lib.safe_text import literal_markdown


def show_reading(dataset: Dataset, page: profile_page.ProfilePage, filters: Filters) -> None:
    """The actor and group pickers, then the reading of that group."""
    lang = filters.lang
    st.header(t("profile_reading_title", lang))
    actors = profile_page.reading_actors(page)
    if not actors:
        st.info(t("profile_no_groups", lang))
        return
    territory_id, look = page.territory_id, page.look
    left, right = st.columns([1, 3])
    actor_id = left.selectbox(
        t("profile_reading_actor", lang),
        actors,
        format_func=look.actors.get,
        key=f"profil_reading_actor_{territory_id}",
    )
    labels = profile_page.group_labels(page, actor_id)
    chosen = right.selectbox(
        t("profile_reading_group", lang),
        range(len(labels)),
        index=perception.default_group(page.groups[actor_id]),
        format_func=labels.__getitem__,
        key=f"profil_reading_group_{territory_id}_{actor_id}",
    )
    result = cached.profile_reading(
        dataset, territory_id, filters.area, filters.method, filters.actors, lang, actor_id, chosen
    )
    reading_for = t("profile_reading_for", lang, actor=look.actors[actor_id], group=labels[chosen])
    st.caption(literal_markdown(reading_for))
    st.table(result.table, hide_index=True)  # its text made literal by lib.profile.page
    st.caption(literal_markdown(result.notes))
    st.caption(literal_markdown(result.caption))
