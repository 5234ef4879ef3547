"""Presentation mode: a step-through story for a territory or for France, full screen, large
type, each slide with its source line; stepping reruns only the slide (a fragment). Below: the
story to prepare, save, load, and the PPTX deck. The sections are drawn by
`views/sections/presentation_*`."""

import streamlit as st

from lib.i18n import t
from lib.presentation import presenting
from views.sections.presentation_exports import show_exports
from views.sections.presentation_slide import show_slide
from views.sections.presentation_stage import Stage
from views.sections.presentation_story import show_editor, show_file, show_new_story

if not presenting.presenting():
    presenting.start()  # opened from the menu: the mode hides the app's chrome

stage = Stage.open()
lang = stage.lang
if stage.steps:
    show_slide(stage)
else:
    st.info(t("pres_no_slide", lang))
    if st.button(t("pres_quit", lang), key="pres_quit"):
        presenting.leave(stage.filters.territory)
with st.expander(t("pres_prepare", lang)):
    show_new_story(stage)
    show_editor(stage)
    if len(stage.steps) < len(stage.current.steps):
        st.caption(t("pres_workshop_skipped", lang))
    show_file(stage)
    show_exports(stage)
    st.caption(t("pres_story_session_note", lang))
