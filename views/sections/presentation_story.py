"""Preparing the story: a new story for a territory, its title, order, captions and kept steps
edited, the story saved to a file and loaded back."""

import hashlib

import streamlit as st

from lib import cached
from lib.i18n import t
from lib.presentation import preparing, presenting, story
from lib.safe_text import literal_markdown
from lib.session import update_filters
from views.sections.presentation_stage import Stage


def show_editor(stage: Stage) -> None:
    """Title, order, captions and kept steps of the current story."""
    lang, current = stage.lang, stage.current
    version = hashlib.sha256(story.story_to_json(current).encode()).hexdigest()[:12]
    title = st.text_input(t("pres_story_name", lang), current.title, key=f"pres_title_{version}")
    edited = st.data_editor(
        preparing.editor_frame(current, lang),
        hide_index=True,
        disabled=[t("pres_col_kind", lang)],
        key=f"pres_editor_{version}",
        width="stretch",
    )
    st.caption(t("pres_edit_help", lang))
    if st.button(t("pres_apply", lang), key="pres_apply"):
        try:
            changed = story.edited_story(current, title, preparing.edited_rows(edited, lang))
        except story.StoryError as error:
            st.error(literal_markdown(error.text(lang)))
        else:
            presenting.use_story(changed)
            st.rerun()


def show_new_story(stage: Stage) -> None:
    """A territory to pick (France by default) and the button making its default story."""
    lang, territory = stage.lang, stage.filters.territory
    names = cached.territory_options(stage.dataset, lang, territory)  # an EPCI searched for
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        t("pres_territory", lang),
        [None, *names],
        index=([None, *names].index(territory) if territory in names else 0),
        format_func=lambda i: t("all_france", lang) if i is None else names[i],
        key="pres_territory",
    )
    if right.button(t("pres_new_story", lang), key="pres_new", width="stretch"):
        update_filters(territory=chosen)
        presenting.use_story(None)
        st.rerun()


def show_file(stage: Stage) -> None:
    """Download the story; load one (a malformed file gives a message in the chosen language)."""
    lang = stage.lang
    st.download_button(
        t("pres_download_story", lang),
        story.story_to_json(stage.current),
        file_name="histoire.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/download:",
        key="pres_download_story",
    )
    uploaded = st.file_uploader(t("pres_upload_story", lang), type=["json"], key="pres_upload")
    if uploaded is None:
        return
    try:
        loaded = story.story_from_json(uploaded.getvalue(), stage.allowed)
    except story.StoryError as error:
        st.error(literal_markdown(error.text(lang)))
        return
    if st.session_state.get("pres_loaded_file") != uploaded.file_id:
        st.session_state["pres_loaded_file"] = uploaded.file_id
        presenting.use_story(loaded)
        st.rerun()
    title = literal_markdown(loaded.title)
    st.success(t("pres_story_loaded", lang, title=title, n=len(loaded.steps)))
