"""The organiser key: asked for (with the workshop's code), checked before the dashboard opens
and again on every run (a session locked out after wrong keys is told why)."""

import streamlit as st

from lib.i18n import t
from lib.session import client_id, page_param, set_page_param
from lib.workshop import service
from views.sections.workshop_desk import FLASH_KEY, PILOT_KEY, Desk


def open_dashboard(desk: Desk) -> None:
    """Form callback: run the workshop whose code and key were typed, once the key is checked."""
    code = st.session_state.get("ws_pilot_code", "")
    key = st.session_state.get("ws_pilot_key", "")
    try:
        code = service.open_workshop(desk.engine, code, client=client_id()).code
        service.check_organiser_key(desk.engine, code, key, client=client_id())
    except service.WorkshopError as error:
        st.session_state[FLASH_KEY] = ("error", error.text(desk.lang))
        return
    st.session_state[PILOT_KEY] = (code, key)
    set_page_param("code", code)


def ask_key(desk: Desk) -> None:
    """The form asking for the workshop's code and its organiser key."""
    lang = desk.lang
    with st.form("ws_pilot_form"):
        st.text_input(
            t("ws_pilot_code", lang),
            value=page_param("code") or "",
            max_chars=12,
            key="ws_pilot_code",
        )
        st.text_input(t("ws_pilot_key", lang), type="password", key="ws_pilot_key")
        st.form_submit_button(
            t("ws_pilot_open", lang),
            type="primary",
            on_click=open_dashboard,
            args=(desk,),
            key="ws_pilot_open",
        )


def key_refusal(desk: Desk, code: str, key: str) -> str | None:
    """Why this session cannot act on the workshop now (e.g. its wait after wrong keys), in
    words; None when it can."""
    try:
        service.check_organiser_key(desk.engine, code, key, client=client_id())
    except service.WorkshopError as error:
        return error.text(desk.lang)
    return None
