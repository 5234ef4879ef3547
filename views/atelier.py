"""Workshop organiser: create a workshop (join code, link, QR code, organiser key shown once), then
run it: live results beside the territory's objective indices and the national perceptions,
close / reopen / publish / delete, anonymised exports (CSV, Excel)."""

from datetime import UTC, datetime, time

import streamlit as st

from lib import cached, profile
from lib.charts.workshop import votes_bars
from lib.formatting import literal_markdown
from lib.i18n import t
from lib.session import client_id, current_dataset, current_filters, page_param, set_page_param
from lib.settings import (
    LIVE_RESULTS_SECONDS,
    MIN_PARTICIPANTS,
    PUBLIC_BASE_URL_CHARS,
    WORKSHOP_TITLE_CHARS,
)
from lib.vocabulary import is_level
from lib.workshop import export_tables, forms, join_link, results, service, tables
from lib.workshop.layer import layer_label
from lib.workshop.privacy import OTHER
from lib.workshop.workshops import CHOICES_RANGE

PAGE_PATH = "atelier"
CREATED_KEY = "ws_created"  # the workshop just created: code, title and, until hidden, its key
PILOT_KEY = "ws_pilot"  # (code, key) of the workshop being run, once its key was checked
FLASH_KEY = "ws_flash"  # outcome of the last organiser action: (kind, message)
QR_WIDTH = 360

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
engine = cached.workshop_engine()
look = cached.profile_lookups(dataset, lang)
# regions, departments and, picked by a search, an EPCI or a commune
territory_names = cached.territory_options(dataset, lang, filters.territory)
timezone = st.context.timezone


def public_base_url() -> str | None:
    """The validated base of the join links (PUBLIC_BASE_URL, else typed here), or None."""
    configured = join_link.configured_base_url()
    if configured:
        st.caption(t("ws_base_url_env", lang, url=configured))
        typed = configured
    else:
        typed = st.text_input(
            t("ws_base_url", lang),
            value=join_link.default_base_url(st.context.url, PAGE_PATH),
            help=t("ws_base_url_help", lang),
            max_chars=PUBLIC_BASE_URL_CHARS,
            key="ws_base_url",
        )
    try:
        return join_link.validate_base_url(typed)
    except service.WorkshopError as error:
        st.error(literal_markdown(error.text(lang)))  # quotes what was typed
        return None


def show_join(code: str, base_url: str | None) -> None:
    """The join code, link and QR code to show the room."""
    code_text = service.format_code(code)
    st.metric(t("ws_code", lang), code_text)
    if base_url is None:
        st.info(t("ws_no_link", lang))
        return
    url = join_link.join_url(base_url, code)
    if join_link.is_local(base_url):
        st.warning(t("ws_localhost_warning", lang, url=literal_markdown(base_url)))
    st.caption(t("ws_link", lang))
    st.code(url, language=None)
    st.image(
        join_link.qr_png(url), caption=t("ws_qr_caption", lang, code=code_text), width=QR_WIDTH
    )


# --- creation ----------------------------------------------------------------------------------


def create_form(base_url: str | None) -> None:
    actors = dataset.actors
    in_studies = actors["in_observatoire_studies"].astype(bool)
    territories = list(territory_names)
    with st.form("ws_create_form"):
        title = st.text_input(
            t("ws_title_input", lang), max_chars=WORKSHOP_TITLE_CHARS, key="ws_title_input"
        )
        territory = st.selectbox(
            t("ws_territory_input", lang),
            territories,
            index=territories.index(filters.territory)
            if filters.territory in territories
            else None,
            format_func=territory_names.get,
            placeholder=t("ws_territory_placeholder", lang),
            help=t("ws_territory_local_help", lang),
            key="ws_territory_input",
        )
        actor_ids = st.multiselect(
            t("ws_actors_input", lang),
            list(actors["actor_id"]),
            default=list(actors.loc[in_studies, "actor_id"]),
            format_func=look.actors.get,
        )
        n_choices = st.radio(t("ws_n_choices_input", lang), list(CHOICES_RANGE), horizontal=True)
        closing = st.checkbox(t("ws_closing_toggle", lang))
        day_column, hour_column = st.columns(2)
        today = datetime.now(forms.zone(timezone)).date()
        day = day_column.date_input(t("ws_closing_date", lang), value=today, min_value=today)
        hour = hour_column.time_input(
            t("ws_closing_time", lang, zone=forms.zone(timezone).key), value=time(18, 0)
        )
        submitted = st.form_submit_button(t("ws_create_button", lang), type="primary")
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
            engine,
            title=title,
            territory_id=territory,
            actor_ids=actor_ids,
            n_choices=n_choices,
            closes_at=forms.closing_datetime(day, hour, timezone) if closing else None,
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


def show_created(base_url: str | None) -> None:
    created = st.session_state.get(CREATED_KEY)
    if not created:
        return
    st.success(t("ws_created", lang, title=literal_markdown(created["title"])))
    if "key" in created:
        st.subheader(t("ws_key_title", lang))
        st.warning(t("ws_key_warning", lang))
        st.code(created["key"], language=None)
        st.button(t("ws_key_done", lang), on_click=hide_key, key="ws_key_done")
    show_join(created["code"], base_url)


# --- running a workshop ------------------------------------------------------------------------


def open_dashboard() -> None:
    """Form callback: run the workshop whose code and key were typed, once the key is checked."""
    code = st.session_state.get("ws_pilot_code", "")
    key = st.session_state.get("ws_pilot_key", "")
    try:
        code = service.open_workshop(engine, code, client=client_id()).code
        service.check_organiser_key(engine, code, key, client=client_id())
    except service.WorkshopError as error:
        st.session_state[FLASH_KEY] = ("error", error.text(lang))
        return
    st.session_state[PILOT_KEY] = (code, key)
    set_page_param("code", code)


def ask_key() -> None:
    with st.form("ws_pilot_form"):
        st.text_input(
            t("ws_pilot_code", lang),
            value=page_param("code") or "",
            max_chars=12,
            key="ws_pilot_code",
        )
        st.text_input(t("ws_pilot_key", lang), type="password", key="ws_pilot_key")
        st.form_submit_button(t("ws_pilot_open", lang), type="primary", on_click=open_dashboard)


def forget() -> None:
    """Stop running this workshop on this page (the key is dropped from the session)."""
    for name in (PILOT_KEY, CREATED_KEY, "ws_pilot_key"):
        st.session_state.pop(name, None)
    set_page_param("code", None)


def objective_domains(territory_id: str) -> profile.DomainProfile:
    """The domain indices the room is read against: among the territory's level (a region,
    a department) or its peers (an EPCI, a commune: `profile.local_scope`)."""
    scoped = cached.with_communes(dataset) if is_level(territory_id, "commune") else dataset
    scoped_look = cached.profile_lookups(scoped, lang)
    scope = profile.comparison_scope(scoped_look, territory_id, filters.area)
    table = cached.index_table(scoped, tuple(scope.territory_ids), filters.method)
    return profile.domain_profile(scoped_look, territory_id, filters.area, filters.method, table)


def status_text(workshop: service.Workshop) -> str:
    if not workshop.is_open:
        return t("ws_status_closed", lang)
    if workshop.closes_at is None:
        return t("ws_status_open", lang)
    return t("ws_status_open_until", lang, date=forms.local_text(workshop.closes_at, timezone))


@st.fragment(run_every=f"{LIVE_RESULTS_SECONDS}s")
def live_results(code: str, domains: profile.DomainProfile) -> None:
    """Everything that changes with the votes, redrawn every few seconds."""
    try:
        workshop = service.get_workshop(engine, code)
    except service.WorkshopError as error:
        st.error(error.text(lang))
        return
    votes = service.votes_frame(engine, workshop.workshop_id)
    n = results.n_participants(votes)
    count, status = st.columns([1, 3])
    count.metric(t("ws_participants", lang), n)
    status.info(status_text(workshop))
    label = literal_markdown(layer_label(workshop.title, workshop.created_at, n))
    if workshop.published:
        status.caption(t("ws_published_yes", lang, label=label))
    else:
        status.caption(t("ws_published_no", lang))
        if n < MIN_PARTICIPANTS:
            missing = MIN_PARTICIPANTS - n
            status.caption(t("ws_publish_missing", lang, minimum=MIN_PARTICIPANTS, missing=missing))
    if n >= MIN_PARTICIPANTS and set(results.grouped_votes(votes)["actor_id"]) == {OTHER}:
        status.caption(t("ws_publish_no_profile", lang, minimum=MIN_PARTICIPANTS))
    st.caption(t("ws_live_note", lang))
    if n:
        top = results.top_domains(votes, list(look.domains))
        st.markdown(t("ws_top_domains", lang, domains=" · ".join(look.domains[d] for d in top)))
        st.subheader(t("ws_votes_title", lang))
        chart = results.domain_votes(votes, list(look.domains))
        chart = chart[chart["n_picked"] > 0]
        st.plotly_chart(  # whole domain labels, wrapped (a bar chart's axis cut them)
            votes_bars([look.domains[d] for d in chart["domain_id"]], list(chart["share"]), lang),
            width="stretch",
            config={"displaylogo": False},
            key="ws_votes_chart",
        )
        st.table(tables.domain_table(look, votes), hide_index=True)
        st.caption(t("ws_rule", lang))
        st.subheader(t("ws_by_actor_title", lang))
        st.table(tables.actor_table(look, votes), hide_index=True)
        st.caption(tables.min_group_note(lang))
    else:
        st.info(t("ws_no_votes", lang))
    st.subheader(t("ws_reading_title", lang))
    reading = tables.room_reading(
        look, votes, domains, workshop.territory_id, list(workshop.actor_ids)
    )
    st.table(reading.table, hide_index=True)
    for note in reading.notes:
        st.caption(note)
    st.subheader(t("ws_comments_title", lang))
    comments = tables.comments_table(look, votes)
    if comments.empty:
        st.caption(t("ws_no_comments", lang))
        return
    for actor, comment in comments.itertuples(index=False):
        st.text(f"{actor} : {comment}")  # st.text never interprets HTML or markdown
    st.caption(tables.min_group_note(lang))


def act(action: str, code: str, key: str) -> None:
    """Run an organiser action (button callback); its outcome is shown on the next run."""
    client = client_id()
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
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        (st.success if flash[0] == "success" else st.error)(flash[1])


def key_refusal(code: str, key: str) -> str | None:
    """Why this session cannot act on the workshop now (e.g. its wait after wrong keys), in
    words; None when it can."""
    try:
        service.check_organiser_key(engine, code, key, client=client_id())
    except service.WorkshopError as error:
        return error.text(lang)
    return None


def show_actions(workshop: service.Workshop, key: str, refusal: str | None) -> None:
    """The organiser's buttons; while `refusal` holds, disabled and saying why."""
    st.subheader(t("ws_actions_title", lang))
    code = workshop.code
    blocked = {"disabled": refusal is not None, "help": refusal}
    first, second = st.columns(2)
    toggle = "close" if workshop.is_open else "reopen"
    first.button(
        t("ws_" + toggle, lang), on_click=act, args=(toggle, code, key), key="ws_toggle", **blocked
    )
    publish = "unpublish" if workshop.published else "publish"
    second.button(
        t("ws_" + publish, lang),
        on_click=act,
        args=(publish, code, key),
        key="ws_publish",
        **blocked,
    )
    with st.expander(t("ws_delete", lang)):
        st.checkbox(t("ws_delete_confirm", lang), key="ws_delete_confirm")
        st.button(
            t("ws_delete", lang),
            on_click=act,
            args=("delete", code, key),
            key="ws_delete",
            **blocked,
        )


def show_downloads(
    workshop: service.Workshop, domains: profile.DomainProfile, refusal: str | None
) -> None:
    """CSV and Excel exports (the key was checked on this run); while `refusal` holds,
    disabled and saying why."""
    st.subheader(t("ws_downloads_title", lang))
    st.caption(t("ws_anonymity", lang))
    blocked = {"disabled": refusal is not None, "help": refusal}

    def sheets() -> dict:
        """Built when a download is clicked, with the votes of that moment."""
        votes = service.votes_frame(engine, workshop.workshop_id)
        return export_tables.results_tables(look, workshop, votes, domains, datetime.now(UTC))

    chosen = st.selectbox(
        t("ws_download_table", lang),
        export_tables.TABLES,
        index=1,
        format_func=lambda k: t(k, lang),
        key="ws_csv_table",
    )
    stem = f"atelier_{workshop.code}"
    st.download_button(
        t("ws_download_csv", lang),
        data=lambda: export_tables.csv_bytes(sheets()[chosen], lang),
        file_name=f"{stem}_{chosen.removeprefix('ws_sheet_')}.csv",
        mime="text/csv",
        on_click="ignore",
        key="ws_download_csv",
        **blocked,
    )
    st.download_button(
        t("ws_download_excel", lang),
        data=lambda: export_tables.excel_bytes(sheets(), lang),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        key="ws_download_excel",
        **blocked,
    )


def pilot(base_url: str | None) -> None:
    show_flash()
    if PILOT_KEY not in st.session_state:
        ask_key()
        return
    code, key = st.session_state[PILOT_KEY]
    try:
        workshop = service.get_workshop(engine, code)
    except service.WorkshopError as error:
        st.error(error.text(lang))
        forget()
        return
    st.subheader(literal_markdown(workshop.title))
    created = forms.local_text(workshop.created_at, timezone)
    st.caption(
        t(
            "ws_territory_line",
            lang,
            territory=look.name(workshop.territory_id),
            n=workshop.n_choices,
            date=created,
        )
    )
    with st.expander(t("ws_show_join", lang)):
        show_join(code, base_url)
    refusal = key_refusal(code, key)
    if refusal is not None:
        st.error(refusal)
    domains = objective_domains(workshop.territory_id)
    live_results(code, domains)
    show_actions(workshop, key, refusal)
    show_downloads(workshop, domains, refusal)
    st.button(t("ws_pilot_other", lang), on_click=forget, key="ws_pilot_other")


st.title(t("ws_page_atelier", lang))
st.caption(t("ws_intro", lang))
base_url = public_base_url()
create_tab, pilot_tab = st.tabs([t("ws_tab_create", lang), t("ws_tab_pilot", lang)])
with create_tab:
    create_form(base_url)
    show_created(base_url)
with pilot_tab:
    pilot(base_url)
