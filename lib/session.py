"""Streamlit binding of the shared filters: session state <-> URL (survives page switches).

The first run of a session reads the URL; afterwards the session state is the truth and every
run writes it back to the URL (Streamlit clears query parameters when switching pages).
Importing it registers the layer providers: the session's uploads (`lib.upload.layers`) and the
published workshops (read through `lib.cached`, so registered here: lib/ below this binding
never imports the cached layer).

One of the three lib/ modules allowed to import Streamlit (ruff's banned-api in pyproject.toml;
also lib/cached.py and lib/presentation/presenting.py): session state and query parameters are
Streamlit's.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from lib import cached
from lib.change_map import start_options
from lib.data import Dataset
from lib.datasets import Layer, active_layers, combine, register_provider
from lib.explore import (
    HOME_INDICATOR,
    is_index,
    scope_parent,
    scope_territories,
    selection_label,
    territory_area,
)
from lib.failure import log_unexpected
from lib.filters import (
    PAGE_PARAMS,
    Filters,
    dropped_notice,
    parse_page_params,
    parse_query,
    to_query,
)
from lib.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from lib.periods import period_label
from lib.safe_text import literal_markdown
from lib.upload import layers as upload_layers  # noqa: F401  (registers the uploads' provider)

STATE_KEY = "filters"
PAGE_PARAMS_KEY = "page_params"
NOTICE_KEY = "url_notice"
FILTERS_NOTICE_KEY = "filters_notice"
CLIENT_KEY = "client_id"

log = logging.getLogger(__name__)


@register_provider
def published_workshop_layers(_state: Mapping[str, object]) -> list[Layer]:
    """Every published workshop's results (the same for every session): one cached lookup of
    their stamp per rerun (queried at most every WORKSHOP_STAMP_TTL seconds per process), then
    the layers cached by that stamp. A database failure must not break the explore pages: it is
    logged and no workshop layer is shown."""
    try:
        return cached.published_workshop_layers(cached.published_workshop_stamp())
    except SQLAlchemyError:
        log.exception("workshop database unavailable: no workshop layer shown")
        return []


def current_language() -> str:
    """The session's language, readable before the dataset is loaded."""
    if STATE_KEY in st.session_state:
        return st.session_state[STATE_KEY].lang
    asked = st.query_params.get("lang")
    return asked if asked in LANGUAGES else DEFAULT_LANGUAGE


def current_filters(dataset: Dataset) -> Filters:
    """The session's filters, read from the URL on the session's first run."""
    if STATE_KEY not in st.session_state:
        parsed = parse_query(st.query_params.to_dict(), cached.allowed_values(dataset))
        st.session_state[STATE_KEY] = parsed.filters
        st.session_state[NOTICE_KEY] = dropped_notice(parsed.dropped, parsed.filters.lang)
    return st.session_state[STATE_KEY]


def page_param(name: str) -> str | None:
    """A page parameter of the URL (e.g. `mode`, `code`), read on the session's first run."""
    if PAGE_PARAMS_KEY not in st.session_state:
        st.session_state[PAGE_PARAMS_KEY] = parse_page_params(st.query_params.to_dict())
    return st.session_state[PAGE_PARAMS_KEY].get(name)


def set_page_param(name: str, value: str | None) -> None:
    """Set (or remove, with None) a page parameter; it is written to the URL with the filters."""
    if name not in PAGE_PARAMS:
        raise ValueError(f"unknown page parameter: {name}")
    page_param(name)  # reads the URL first if this session has not yet
    params = dict(st.session_state[PAGE_PARAMS_KEY])
    params.pop(name, None)
    if value is not None:
        params[name] = value
    st.session_state[PAGE_PARAMS_KEY] = params


def update_filters(**changes: object) -> None:
    """Change some filters (used by widget callbacks)."""
    st.session_state[STATE_KEY] = st.session_state[STATE_KEY].with_(**changes)


def write_url() -> None:
    """Mirror the filters in the URL so that a copied link reopens the same view. Called once
    a page has run to its end: the URL notice, shown by then, is not shown again."""
    st.session_state.pop(NOTICE_KEY, None)
    page_param(PAGE_PARAMS[0])  # make sure the page parameters were read from the URL
    # A page drawn without the shared filters (a participant's phone) keeps only its language.
    filters = st.session_state.get(STATE_KEY) or Filters(lang=current_language())
    wanted = {**to_query(filters), **st.session_state[PAGE_PARAMS_KEY]}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def show_url_notice() -> None:
    """Say which URL values were ignored (quoted as literal text: a crafted link cannot add a
    link, an image or a formula to the page), until a run ends (`write_url`): a page that
    switches to another one at once (the presentation) still shows it."""
    notice = st.session_state.get(NOTICE_KEY)
    if notice:
        st.warning(literal_markdown(notice))


def current_dataset() -> Dataset:
    """What this session's pages show: the embedded data plus its active layers."""
    return combine(cached.embedded_dataset(), active_layers(st.session_state))


def bound_widget(widget, name: str, label: str, resets: tuple[str, ...] = (), **kwargs):
    """A widget showing one filter and writing changes back to it (the filters stay the truth,
    so the widget also follows changes made elsewhere, e.g. a click on the map). A change also
    resets the filters named in `resets` to their default (e.g. the period of another
    indicator)."""
    key = f"_filter_{name}"
    value = getattr(st.session_state[STATE_KEY], name)
    st.session_state[key] = list(value) if isinstance(value, tuple) else value

    def on_change() -> None:
        new = st.session_state[key]
        defaults = {r: getattr(Filters(), r) for r in resets}
        update_filters(**defaults, **{name: tuple(new) if isinstance(new, list) else new})

    return widget(label, key=key, on_change=on_change, **kwargs)


def settle_filters(dataset: Dataset) -> tuple[list[str], list[str]]:
    """Make the filters consistent before the widgets are drawn, saying what changed, and
    return what can be mapped at the current level (the indicator/index options) and the
    periods of the chosen indicator there (oldest first; none for an index).

    The commune level needs a department or an EPCI; the selection and its period must exist at the
    level shown.
    """
    filters = current_filters(dataset)
    if filters.level == "commune" and scope_parent("commune", filters.territory) is None:
        update_filters(level="department")
        st.session_state[FILTERS_NOTICE_KEY] = t("commune_needs_department", filters.lang)
    if filters.level == "epci" and scope_parent("epci", filters.territory) is None:
        update_filters(level="region")
        st.session_state[FILTERS_NOTICE_KEY] = t("epci_needs_area", filters.lang)
    filters = current_filters(dataset)
    scope_dataset = cached.with_communes(dataset) if filters.level == "commune" else dataset
    area = territory_area(dataset, filters.area, filters.territory)
    scope = scope_territories(scope_dataset, filters.level, filters.territory, area)
    options = cached.selection_options(scope_dataset, tuple(scope["territory_id"]))
    if filters.indicator is not None and filters.indicator not in options:
        label = selection_label(dataset, filters.indicator, filters.lang)
        st.session_state[FILTERS_NOTICE_KEY] = t("selection_unavailable", filters.lang, label=label)
        filters = filters.with_(indicator=None)
    if filters.indicator is None:
        update_filters(
            indicator=HOME_INDICATOR if HOME_INDICATOR in options else options[0], period=None
        )
    filters = current_filters(dataset)
    periods = (
        []
        if is_index(filters.indicator)
        else cached.period_options(scope_dataset, filters.indicator, tuple(scope["territory_id"]))
    )
    if filters.period is not None and filters.period not in periods:
        st.session_state[FILTERS_NOTICE_KEY] = t(
            "period_unavailable",
            filters.lang,
            period=period_label(filters.period, filters.lang),
            label=selection_label(dataset, filters.indicator, filters.lang),
        )
        update_filters(period=None)
    filters = current_filters(dataset)
    if filters.change_from is not None:
        notice = _change_start_notice(scope_dataset, filters, periods)
        if notice:
            st.session_state[FILTERS_NOTICE_KEY] = notice
            update_filters(change_from=None)
    return options, periods


def _change_start_notice(dataset: Dataset, filters: Filters, periods: list[str]) -> str | None:
    """Why the filters' change start cannot be shown (None when it can): the indicator lacks
    that period here, or it does not come before the period the map shows."""
    label = selection_label(dataset, filters.indicator, filters.lang)
    start = period_label(filters.change_from, filters.lang)
    if filters.change_from not in periods:
        return t("change_from_unavailable", filters.lang, period=start, label=label)
    end = cached.map_view(dataset, filters).period_id
    if filters.change_from not in start_options(periods, end):
        end_text = period_label(end, filters.lang) if end else "—"
        return t("change_from_not_before", filters.lang, start=start, end=end_text)
    return None


def show_filters_notice() -> None:
    """Say once why a filter was changed (as literal text: it may name an uploaded label)."""
    notice = st.session_state.pop(FILTERS_NOTICE_KEY, None)
    if notice:
        st.info(literal_markdown(notice))


@contextmanager
def error_boundary() -> Iterator[None]:
    """Run a page: an unexpected error becomes a sentence with a reference in the session's
    language, the traceback goes to the server log (Streamlit's stop and rerun signals are
    BaseExceptions and pass through)."""
    try:
        yield
    except Exception as error:
        show_unexpected_error(error)


def show_unexpected_error(error: Exception) -> bool:
    """Show `error` as a sentence with a reference; True tells `st.App` the error was shown
    (used for errors outside a page: widget callbacks, fragment reruns)."""
    st.error(t("unexpected_error", current_language(), ref=log_unexpected(error)))
    return True


def client_id() -> str:
    """A random identifier of this browser session (kept on the server, gone with the session;
    a reload starts a new one): the workshop storage counts wrong keys, wrong codes and joins
    per client, by its hash."""
    return st.session_state.setdefault(CLIENT_KEY, secrets.token_urlsafe(16))
