"""The live results of a workshop, redrawn every few seconds: participants, status and
publication, the room's priorities and votes, by profile, read against the territory's indices
and the national perceptions, the comments."""

import pandas as pd
import streamlit as st

from lib import profile
from lib.charts.workshop import votes_bars
from lib.i18n import t
from lib.settings import LIVE_RESULTS_SECONDS
from lib.workshop import dashboard, results, service, tables
from views.sections.workshop_desk import Desk


@st.fragment(run_every=f"{LIVE_RESULTS_SECONDS}s")
def live_results(desk: Desk, code: str, domains: profile.DomainProfile) -> None:
    """Everything that changes with the votes, redrawn every few seconds."""
    lang, look = desk.lang, desk.look
    try:
        workshop = service.get_workshop(desk.engine, code)
    except service.WorkshopError as error:
        st.error(error.text(lang))
        return
    votes = service.votes_frame(desk.engine, workshop.workshop_id)
    n = results.n_participants(votes)
    count, status = st.columns([1, 3])
    count.metric(t("ws_participants", lang), n)
    status.info(dashboard.status_text(workshop, desk.timezone, lang))
    for note in dashboard.publication_notes(workshop, votes, lang):
        status.caption(note)
    st.caption(t("ws_live_note", lang))
    if n:
        show_votes(desk, votes)
    else:
        st.info(t("ws_no_votes", lang))
    st.subheader(t("ws_reading_title", lang))
    reading = tables.room_reading(
        look, votes, domains, workshop.territory_id, list(workshop.actor_ids)
    )
    st.table(reading.table, hide_index=True)
    for note in reading.notes:
        st.caption(note)
    show_comments(desk, votes)


def show_votes(desk: Desk, votes: pd.DataFrame) -> None:
    """The room's priorities, its votes by domain (chart and table) and by profile."""
    lang, look = desk.lang, desk.look
    top = results.top_domains(votes, list(look.domains))
    st.markdown(t("ws_top_domains", lang, domains=" · ".join(look.domains[d] for d in top)))
    st.subheader(t("ws_votes_title", lang))
    chart = dashboard.picked_domains(votes, list(look.domains))
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


def show_comments(desk: Desk, votes: pd.DataFrame) -> None:
    """The comments, as plain text (st.text never interprets HTML or markdown)."""
    lang = desk.lang
    st.subheader(t("ws_comments_title", lang))
    comments = tables.comments_table(desk.look, votes)
    if comments.empty:
        st.caption(t("ws_no_comments", lang))
        return
    for actor, comment in comments.itertuples(index=False):
        st.text(f"{actor} : {comment}")
    st.caption(tables.min_group_note(lang))
