"""Workshop organiser: create a workshop (join code, link, QR code, organiser key shown once), then
run it: live results beside the territory's objective indices and the national perceptions,
close / reopen / publish / delete, anonymised exports (CSV, Excel). The sections are drawn by
`views/sections/workshop_*`."""

import streamlit as st

from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.workshop import forms, service
from views.sections.workshop_access import ask_key, key_refusal
from views.sections.workshop_actions import show_actions, show_flash
from views.sections.workshop_create import create_form, show_created
from views.sections.workshop_desk import PILOT_KEY, Desk, forget
from views.sections.workshop_downloads import show_downloads
from views.sections.workshop_join import public_base_url, show_join
from views.sections.workshop_results import live_results


def pilot(desk: Desk, base_url: str | None) -> None:
    """The workshop run on this page once its key was checked, else the form asking for it."""
    lang = desk.lang
    show_flash()
    if PILOT_KEY not in st.session_state:
        ask_key(desk)
        return
    code, key = st.session_state[PILOT_KEY]
    try:
        workshop = service.get_workshop(desk.engine, code)
    except service.WorkshopError as error:
        st.error(error.text(lang))
        forget()
        return
    st.subheader(literal_markdown(workshop.title))
    st.caption(
        t(
            "ws_territory_line",
            lang,
            territory=desk.look.name(workshop.territory_id),
            n=workshop.n_choices,
            date=forms.local_text(workshop.created_at, desk.timezone),
        )
    )
    with st.expander(t("ws_show_join", lang)):
        show_join(code, base_url, lang)
    refusal = key_refusal(desk, code, key)
    if refusal is not None:
        st.error(refusal)
    domains = desk.objective_domains(workshop.territory_id)
    live_results(desk, code, domains)
    show_actions(desk, workshop, key, refusal)
    show_downloads(desk, workshop, domains, refusal)
    st.button(t("ws_pilot_other", lang), on_click=forget, key="ws_pilot_other")


desk = Desk.open()
st.title(t("ws_page_atelier", desk.lang))
st.caption(t("ws_intro", desk.lang))
base_url = public_base_url(desk.lang)
create_tab, pilot_tab = st.tabs([t("ws_tab_create", desk.lang), t("ws_tab_pilot", desk.lang)])
with create_tab:
    create_form(desk, base_url)
    show_created(base_url, desk.lang)
with pilot_tab:
    pilot(desk, base_url)
