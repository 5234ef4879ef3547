"""Creating a workshop: the form, then the new workshop's card (its organiser key shown once)."""

from datetime import datetime, time

import streamlit as st

from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.session import set_page_param
from lib.settings import WORKSHOP_TITLE_CHARS
from lib.workshop import forms, service
from lib.workshop.workshops import CHOICES_RANGE
from views.sections.workshop_desk import CREATED_KEY, PILOT_KEY, Desk
from views.sections.workshop_join import show_join


def create_form(desk: Desk, base_url: str | None) -> None:
    """The creation form; a workshop created becomes the one run on this page."""
    lang, names, zone = desk.lang, desk.territory_names, forms.zone(desk.timezone)
    actors = desk.dataset.actors
    in_studies = actors["in_observatoire_studies"].astype(bool)
    territories = list(names)
    chosen = desk.filters.territory
    with st.form("ws_create_form"):
        title = st.text_input(
            t("ws_title_input", lang), max_chars=WORKSHOP_TITLE_CHARS, key="ws_title_input"
        )
        territory = st.selectbox(
            t("ws_territory_input", lang),
            territories,
            index=territories.index(chosen) if chosen in territories else None,
            format_func=names.get,
            placeholder=t("ws_territory_placeholder", lang),
            help=t("ws_territory_local_help", lang),
            key="ws_territory_input",
        )
        actor_ids = st.multiselect(
            t("ws_actors_input", lang),
            list(actors["actor_id"]),
            default=list(actors.loc[in_studies, "actor_id"]),
            format_func=desk.look.actors.get,
            key="ws_actors_input",
        )
        n_choices = st.radio(
            t("ws_n_choices_input", lang),
            list(CHOICES_RANGE),
            horizontal=True,
            key="ws_n_choices_input",
        )
        closing = st.checkbox(t("ws_closing_toggle", lang), key="ws_closing_toggle")
        day_column, hour_column = st.columns(2)
        today = datetime.now(zone).date()
        day = day_column.date_input(
            t("ws_closing_date", lang), value=today, min_value=today, key="ws_closing_date"
        )
        hour = hour_column.time_input(
            t("ws_closing_time", lang, zone=zone.key), value=time(18, 0), key="ws_closing_time"
        )
        submitted = st.form_submit_button(
            t("ws_create_button", lang), type="primary", key="ws_create_button"
        )
    if not submitted:
        return
    if base_url is None:
        st.error(t("ws_fix_base_url", lang))
        return
    if territory is None:
        st.error(t("ws_pick_territory", lang))
        return
    try:
        workshop, key = service.create_workshop(
            desk.engine,
            title=title,
            territory_id=territory,
            actor_ids=actor_ids,
            n_choices=n_choices,
            closes_at=forms.closing_datetime(day, hour, desk.timezone) if closing else None,
            allowed_territories=set(territories),
            allowed_actors=set(actors["actor_id"]),
        )
    except service.WorkshopError as error:
        st.error(error.text(lang))
        return
    st.session_state[CREATED_KEY] = {"code": workshop.code, "title": workshop.title, "key": key}
    st.session_state[PILOT_KEY] = (workshop.code, key)
    set_page_param("code", workshop.code)


def hide_key() -> None:
    st.session_state[CREATED_KEY].pop("key", None)


def show_created(base_url: str | None, lang: str) -> None:
    """The workshop just created: its key until hidden, then how the room joins it."""
    created = st.session_state.get(CREATED_KEY)
    if not created:
        return
    st.success(t("ws_created", lang, title=literal_markdown(created["title"])))
    if "key" in created:
        st.subheader(t("ws_key_title", lang))
        st.warning(t("ws_key_warning", lang))
        st.code(created["key"], language=None)
        st.button(t("ws_key_done", lang), on_click=hide_key, key="ws_key_done")
    show_join(created["code"], base_url, lang)
