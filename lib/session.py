"""Streamlit binding of the shared filters: session state <-> URL (survives page switches).

The first run of a session reads the URL; afterwards the session state is the truth and every
run writes it back to the URL (Streamlit clears query parameters when switching pages).
"""

from __future__ import annotations

import streamlit as st

from lib.data import Dataset
from lib.filters import Allowed, Filters, dropped_notice, parse_query, to_query

STATE_KEY = "filters"
NOTICE_KEY = "url_notice"


def current_language() -> str:
    """The session's language, readable before the dataset is loaded."""
    if STATE_KEY in st.session_state:
        return st.session_state[STATE_KEY].lang
    return "en" if st.query_params.get("lang") == "en" else "fr"


def allowed_values(dataset: Dataset) -> Allowed:
    territories = dataset.territories
    shown = territories[territories["level"].isin(["region", "department"])]
    return Allowed(
        territories=frozenset(shown["territory_id"]),
        actors=frozenset(dataset.actors["actor_id"]),
        domains=frozenset(dataset.domains["domain_id"]),
        indicators=frozenset(dataset.indicator_meta["indicator_id"]),
    )


def current_filters(dataset: Dataset) -> Filters:
    """The session's filters, read from the URL on the session's first run."""
    if STATE_KEY not in st.session_state:
        parsed = parse_query(st.query_params.to_dict(), allowed_values(dataset))
        st.session_state[STATE_KEY] = parsed.filters
        st.session_state[NOTICE_KEY] = dropped_notice(parsed.dropped, parsed.filters.lang)
    return st.session_state[STATE_KEY]


def update_filters(**changes: object) -> None:
    """Change some filters (used by widget callbacks)."""
    st.session_state[STATE_KEY] = st.session_state[STATE_KEY].with_(**changes)


def write_url() -> None:
    """Mirror the filters in the URL so that a copied link reopens the same view."""
    wanted = to_query(st.session_state[STATE_KEY])
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def show_url_notice() -> None:
    """Say once which URL values were ignored."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.warning(notice)
