"""The organiser's actions on a running workshop (close / reopen, publish / unpublish, delete
after a confirmation) and the outcome of the last one."""

import streamlit as st

from lib import cached
from lib.i18n import t
from lib.session import client_id
from lib.workshop import service
from views.sections.workshop_desk import FLASH_KEY, Desk, forget


def act(desk: Desk, action: str, code: str, key: str) -> None:
    """Run an organiser action (button callback); its outcome is shown on the next run."""
    engine, lang, client = desk.engine, desk.lang, client_id()
    actions = {
        "close": lambda: service.close_workshop(engine, code, key, client=client),
        "reopen": lambda: service.reopen_workshop(engine, code, key, client=client),
        "publish": lambda: service.set_published(engine, code, key, True, client=client),
        "unpublish": lambda: service.set_published(engine, code, key, False, client=client),
        "delete": lambda: service.delete_workshop(engine, code, key, client=client),
    }
    if action == "delete" and not st.session_state.get("ws_delete_confirm"):
        st.session_state[FLASH_KEY] = ("error", t("ws_delete_unconfirmed", lang))
        return
    try:
        actions[action]()
    except service.WorkshopError as error:
        st.session_state[FLASH_KEY] = ("error", error.text(lang))
        return
    st.session_state[FLASH_KEY] = ("success", t("ws_done_" + action, lang))
    if action in ("publish", "unpublish", "delete"):
        cached.published_workshop_stamp.clear()  # the explore pages see it at once
    if action == "delete":
        forget()


def show_flash() -> None:
    """The outcome of the last action or key check, once."""
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        (st.success if flash[0] == "success" else st.error)(flash[1])


def show_actions(desk: Desk, workshop: service.Workshop, key: str, refusal: str | None) -> None:
    """The organiser's buttons; while `refusal` holds, disabled and saying why."""
    lang = desk.lang
    st.subheader(t("ws_actions_title", lang))
    code = workshop.code
    blocked = {"disabled": refusal is not None, "help": refusal}
    first, second = st.columns(2)
    toggle = "close" if workshop.is_open else "reopen"
    first.button(
        t("ws_" + toggle, lang),
        on_click=act,
        args=(desk, toggle, code, key),
        key="ws_toggle",
        **blocked,
    )
    publish = "unpublish" if workshop.published else "publish"
    second.button(
        t("ws_" + publish, lang),
        on_click=act,
        args=(desk, publish, code, key),
        key="ws_publish",
        **blocked,
    )
    with st.expander(t("ws_delete", lang)):
        st.checkbox(t("ws_delete_confirm", lang), key="ws_delete_confirm")
        st.button(
            t("ws_delete", lang),
            on_click=act,
            args=(desk, "delete", code, key),
            key="ws_delete",
            **blocked,
        )
