"""The row above a slide: previous, the slide's number, next, quit; and the hidden buttons of a
presenter's clicker keys."""

import streamlit as st

from lib.i18n import t
from lib.presentation import presenting
from views.sections.presentation_stage import Stage


def step_button(column, label: str, target: int, disabled: bool, shortcut: str, lang: str) -> None:
    """Previous or next slide: a click, or the key of a presenter's clicker."""
    column.button(
        t(label, lang),
        on_click=presenting.go_to,
        args=(target,),
        disabled=disabled,
        width="stretch",
        key=label,
        shortcut=shortcut,
    )


def show_controls(stage: Stage, index: int) -> None:
    """The buttons stepping from slide `index` (0-based) and leaving the presentation."""
    lang, total = stage.lang, len(stage.steps)
    previous, number, following, leave = st.columns([2, 2, 2, 2], vertical_alignment="center")
    step_button(previous, "pres_previous", index - 1, index == 0, "Left", lang)
    number.markdown(t("pres_slide_number", lang, n=index + 1, total=total))
    step_button(following, "pres_next", index + 1, index == total - 1, "Right", lang)
    if leave.button(t("pres_quit", lang), key="pres_quit", width="stretch"):
        presenting.leave(stage.filters.territory)
    with st.container(key=presenting.KEYS_CONTAINER):  # hidden: a clicker's other keys
        for key, target, shortcut in presenting.clicker_keys(index, total):
            st.button(
                shortcut,
                on_click=presenting.go_to,
                args=(target,),
                key=key,
                shortcut=shortcut,
            )
