"""Participant (phone first): open the link or type the code, join, pick a profile, rank the
domains, optional comment, send. The participant token stays in the URL (`p`): sending again
replaces the vote until the workshop closes. No personal data is asked.

Per session: each code is looked up once through the storage's rate limit (a wrong code counts
once), and joining a workshop again gives back the session's token instead of a new one."""

import streamlit as st

from lib import cached
from lib.formatting import ordinal
from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.session import client_id, current_language, page_param, set_page_param, write_url
from lib.settings import WORKSHOP_COMMENT_CHARS
from lib.workshop import codes, forms, service

FLASH_KEY = "ws_vote_flash"  # outcome of the last join or submission: (kind, message)
CODES_KEY = "ws_codes_tried"  # codes (normalised) this session looked up: found or wrong
TOKENS_KEY = "ws_tokens"  # workshop code -> this session's participant token
# Fixed style (no user data): the shared filters do not apply here; on a phone the page keeps
# the whole width and never scrolls sideways.
PHONE_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 40rem; padding-left: 1rem; padding-right: 1rem; }
</style>"""

# The embedded vocabulary only: no session layer, filter or index is needed to vote.
dataset = cached.embedded_dataset()
lang = current_language()
engine = cached.workshop_engine()
names = cached.labels(dataset, lang)
domain_ids = list(dataset.domains["domain_id"])


def change_code() -> None:
    set_page_param("code", None)
    set_page_param("p", None)


def use_typed_code() -> None:
    """Form callback: the typed code goes to the URL (checked when the workshop is loaded)."""
    set_page_param("code", st.session_state.get("ws_code_input", "").strip() or None)


def ask_code() -> None:
    with st.form("ws_code_form"):
        st.text_input(t("ws_join_code", lang), max_chars=12, key="ws_code_input")
        st.form_submit_button(
            t("ws_join_continue", lang),
            type="primary",
            on_click=use_typed_code,
            key="ws_code_continue",
        )


def find_workshop(code: str) -> service.Workshop:
    """The workshop of `code`; a code this session has not tried yet goes through the storage's
    rate limit on wrong codes, once."""
    tried = st.session_state.setdefault(CODES_KEY, set())
    typed = codes.normalise(code)
    if typed in tried:
        return service.get_workshop(engine, code)
    try:
        workshop = service.open_workshop(engine, code, client=client_id())
    except service.WorkshopError as error:
        if error.key == "wsdb_unknown_code":  # counted once; during a wait, tried again later
            tried.add(typed)
        raise
    tried.add(typed)
    return workshop


def join(code: str) -> None:
    """Button callback: this session's token for the workshop (a new one the first time), kept
    in the URL at once: the address bar holds it before the ballot is drawn, so a reload at any
    moment keeps the participant's place (never a second participant)."""
    tokens = st.session_state.setdefault(TOKENS_KEY, {})
    try:
        tokens[code] = tokens.get(code) or service.join(engine, code, client=client_id())
    except service.WorkshopError as error:
        st.session_state[FLASH_KEY] = ("error", error.text(lang))
        return
    set_page_param("p", tokens[code])
    write_url()


def drop_token(code: str) -> None:
    """Button callback: forget an unknown token, so that joining again makes a new one."""
    st.session_state.setdefault(TOKENS_KEY, {}).pop(code, None)
    set_page_param("p", None)


def submit(workshop: service.Workshop, token: str) -> None:
    """Button callback: send (or replace) the vote; the outcome is shown on this run."""
    state = st.session_state
    actor_id = state.get("ws_actor")
    choices = [state.get(f"ws_choice_{rank}") for rank in range(workshop.n_choices)]
    problem = forms.ballot_problem(actor_id, choices, names.domains, lang)
    if problem is None:
        try:
            service.submit_vote(
                engine,
                workshop.code,
                token,
                actor_id=actor_id,
                domain_ids=choices,
                comment=state.get("ws_comment", ""),
                allowed_domains=set(domain_ids),
            )
        except service.WorkshopError as error:
            problem = error.text(lang)
    state[FLASH_KEY] = ("error", problem) if problem else ("success", t("ws_thanks", lang))


def show_flash() -> None:
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        (st.success if flash[0] == "success" else st.error)(flash[1])


def ballot(workshop: service.Workshop, token: str, vote: dict | None) -> None:
    """The profile, the ranked domains, the comment and the send button, in one form: choosing
    costs no round trip to the server, sending is one. The choices stay on screen after a
    refusal, to send again."""
    actors = list(workshop.actor_ids)
    previous = list(vote["domain_ids"]) if vote else []
    with st.form("ws_ballot", enter_to_submit=False, border=False):
        st.radio(
            t("ws_profile_input", lang),
            actors,
            index=actors.index(vote["actor_id"]) if vote and vote["actor_id"] in actors else None,
            format_func=names.actors.get,
            key="ws_actor",
        )
        st.markdown(t("ws_pick_intro", lang, n=workshop.n_choices))
        for rank in range(workshop.n_choices):
            chosen = previous[rank] if rank < len(previous) else None
            st.selectbox(
                t("ws_choice_n", lang, rank=ordinal(rank + 1, lang)),
                domain_ids,
                index=domain_ids.index(chosen) if chosen in domain_ids else None,
                format_func=names.domains.get,
                placeholder=t("ws_choice_placeholder", lang),
                key=f"ws_choice_{rank}",
            )
        st.text_area(
            t("ws_comment_input", lang),
            value=(vote or {}).get("comment") or "",
            max_chars=WORKSHOP_COMMENT_CHARS,
            key="ws_comment",
        )
        st.form_submit_button(
            t("ws_resubmit" if vote else "ws_submit", lang),
            on_click=submit,
            args=(workshop, token),
            type="primary",
            width="stretch",
            key="ws_send",
        )


def participate(workshop: service.Workshop, token: str) -> None:
    try:
        vote = service.current_vote(engine, workshop.code, token)
    except service.WorkshopError as error:  # a token of another workshop, or deleted
        st.error(error.text(lang))
        st.button(t("ws_rejoin", lang), on_click=drop_token, args=(workshop.code,), key="ws_rejoin")
        return
    st.session_state.setdefault(TOKENS_KEY, {})[workshop.code] = token
    if vote:
        summary = forms.vote_summary(vote, names.actors, names.domains, lang)
        st.info(t("ws_current_vote", lang, vote=summary))
    if not workshop.is_open:
        st.warning(t("wsdb_closed", lang))
        return
    ballot(workshop, token, vote)
    st.caption(t("ws_keep_link", lang))


def show_workshop(code: str) -> None:
    try:
        workshop = find_workshop(code)
    except service.WorkshopError as error:
        st.error(error.text(lang))
        st.button(t("ws_change_code", lang), on_click=change_code, key="ws_change_code")
        return
    set_page_param("code", workshop.code)
    st.subheader(literal_markdown(workshop.title))
    st.caption(
        t(
            "ws_territory_line",
            lang,
            territory=cached.territory_options(dataset, lang, workshop.territory_id)[
                workshop.territory_id
            ],
            n=workshop.n_choices,
            date=forms.local_text(workshop.created_at, st.context.timezone),
        )
    )
    token = page_param("p")
    if token:
        participate(workshop, token)
    elif workshop.is_open:
        st.caption(t("ws_no_personal_data", lang))
        st.button(
            t("ws_join_button", lang),
            on_click=join,
            args=(workshop.code,),
            type="primary",
            width="stretch",
            key="ws_join",
        )
    else:
        st.warning(t("wsdb_closed", lang))


st.html(PHONE_CSS)
st.title(t("ws_page_participer", lang))
if not page_param("code"):
    ask_code()
if page_param("code"):
    show_workshop(page_param("code"))
show_flash()  # under the send button, where a phone's screen is
