"""Entry point: page configuration, the shared filters (sidebar, URL <-> session), navigation."""

import streamlit as st

from lib import cached, heap, settings, territory_search
from lib.filters import AREAS, LEVELS, METHODS, changed_filters
from lib.formatting import join_items
from lib.i18n import LANGUAGES, t
from lib.periods import period_label
from lib.presentation import presenting
from lib.safe_text import literal_markdown
from lib.schema import DataValidationError
from lib.session import (
    bound_widget,
    current_dataset,
    current_filters,
    current_language,
    error_boundary,
    settle_filters,
    show_filters_notice,
    show_url_notice,
    update_filters,
    write_url,
)

st.set_page_config(page_title="Territoires fragiles & alliances", page_icon="🗺️", layout="wide")

# Pages that draw without the shared filters: a workshop participant's phone (no sidebar, no
# dataset or index work on its reruns: the room's 200 phones share one process).
LIGHT_PAGES = {"participer"}
MORE_FILTERS_KEY = "more_filters"  # the "more filters" expander's open state
MORE_FILTERS_SEEN_KEY = "more_filters_seen"  # the filters it held changed at the last run


def show_search(dataset, lang: str, profile_page) -> None:
    """A search box and up to 10 matching territories: a click opens the territory's profile
    (the index stays on the server: no 36,000-option widget is sent)."""
    query = st.text_input(
        t("search_label", lang),
        placeholder=t("search_placeholder", lang),
        max_chars=settings.SEARCH_QUERY_CHARS,
        key="territory_search",
    )
    if not query.strip():
        return
    matches = territory_search.search(cached.search_index(dataset, lang), query)
    if not matches:
        st.caption(t("search_none", lang, query=query))
    for match in matches:
        if st.button(
            literal_markdown(match.label),
            key=f"search_result_{match.territory_id}",
            on_click=update_filters,
            kwargs={"territory": match.territory_id},
            type="tertiary",
        ):
            st.switch_page(profile_page)


def show_filters(dataset, options: list[str], periods: list[str], profile_page) -> None:
    """The sidebar: the shared filters, bound to the session and the URL (`options` and
    `periods` from `settle_filters`)."""
    filters = current_filters(dataset)
    lang = filters.lang
    territory_names = cached.territory_options(dataset, lang, filters.territory)
    names = cached.labels(dataset, lang)
    with st.sidebar:
        show_search(dataset, lang, profile_page)
        st.header(t("filters", lang))
        bound_widget(
            st.selectbox,
            "territory",
            t("my_territory", lang),
            options=[None, *territory_names],
            format_func=lambda i: t("all_france", lang) if i is None else territory_names[i],
            placeholder=t("all_france", lang),
        )
        bound_widget(  # not a radio: a selectbox draws its options only once opened
            st.selectbox,
            "level",
            t("level", lang),
            options=list(LEVELS),
            format_func=lambda v: t("level_" + v, lang),
        )
        bound_widget(
            st.selectbox,
            "indicator",
            t("indicator_or_index", lang),
            resets=("period", "change_from"),
            options=options,
            format_func=names.selections.get,
        )
        show_more_filters(dataset, filters, periods, names)
        show_filters_notice()
        st.caption(t("vocabulary_note", lang))
        bound_widget(
            st.selectbox,
            "lang",
            t("language", lang),
            options=list(LANGUAGES),
            format_func=lambda code: LANGUAGES[code].name,
        )


def show_more_filters(dataset, filters, periods: list[str], names) -> None:
    """The less-used filters (`MORE_FILTERS`) in an expander whose widgets are drawn only while
    it is open: a first visit paints without them. It opens by itself when one of them takes a
    value other than its default from outside it (a link, another page), and says which ones
    are changed while it is closed."""
    lang = filters.lang
    changed = changed_filters(filters)
    if set(changed) - set(st.session_state.get(MORE_FILTERS_SEEN_KEY, ())):
        st.session_state[MORE_FILTERS_KEY] = True
    st.session_state[MORE_FILTERS_SEEN_KEY] = changed
    more = st.expander(t("more_filters", lang), key=MORE_FILTERS_KEY, on_change="rerun")
    if not more.open:
        if changed:
            shown = join_items((t(name, lang) for name in changed), lang)
            st.caption(t("more_filters_changed", lang, names=shown))
        return
    with more:
        if len(periods) > 1:
            bound_widget(
                st.selectbox,
                "period",
                t("period", lang),
                options=[None, *reversed(periods)],
                format_func=lambda p: (
                    t("period_default", lang) if p is None else period_label(p, lang)
                ),
                placeholder=t("period_default", lang),  # the default period reads as such
            )
        bound_widget(
            st.radio,
            "area",
            t("area", lang),
            options=list(AREAS),
            format_func=lambda a: t("area_" + a, lang),
            help=t("area_help", lang),
        )
        bound_widget(
            st.radio,
            "method",
            t("method", lang),
            options=list(METHODS),
            format_func=lambda m: t("method_short_" + m, lang),
        )
        bound_widget(
            st.multiselect,
            "actors",
            t("actors", lang),
            options=list(dataset.actors["actor_id"]),
            format_func=names.actors.get,
            placeholder=t("all_actors", lang),
        )
        bound_widget(
            st.multiselect,
            "domains",
            t("domains", lang),
            options=list(dataset.domains["domain_id"]),
            format_func=names.domains.get,
            placeholder=t("all_domains", lang),
        )


lang = current_language()
presentation_mode = presenting.presenting()  # ?mode=presentation: no sidebar, no chrome
# (file in views/, label key, icon, URL path); the first page is the home page at "/".
PAGES = [
    ("accueil", "page_home", "home", ""),
    ("carte", "page_map", "map", "carte"),
    ("profil", "page_profile", "location_on", "profil"),
    ("comparer", "page_compare", "bar_chart", "comparer"),
    ("alliances", "page_alliances", "handshake", "alliances"),
    ("initiatives", "page_initiatives", "diversity_3", "initiatives"),
    ("importer", "page_importer", "upload_file", "importer"),
    ("atelier", "ws_page_atelier", "groups", "atelier"),
    ("participer", "ws_page_participer", "how_to_vote", "participer"),
    ("presentation", "pres_page", "slideshow", "presentation"),
    ("sources", "page_sources", "menu_book", "sources"),
]
PAGE_NAMES = [name for name, *_ in PAGES]
pages = [
    st.Page(
        f"views/{name}.py",
        title=t(label, lang),
        icon=f":material/{icon}:",
        url_path=path or None,
        default=not path,
    )
    for name, label, icon, path in PAGES
]
page = st.navigation(pages, position="hidden" if presentation_mode else "sidebar")
if not (page.url_path in LIGHT_PAGES and not presentation_mode):
    try:
        dataset = current_dataset()
    except DataValidationError as error:
        st.error(t("data_error_title", lang))
        st.markdown("\n".join(f"- {p.located(lang)}" for p in error.problems[:50]))
        st.stop()
    options, periods = settle_filters(dataset)  # reads the URL's filters on the first run
    if presentation_mode:  # after the filters: switching pages drops the URL's parameters
        presenting.enter(page)  # fixed style; any other page asked with the mode opens slides
    else:
        show_filters(dataset, options, periods, pages[PAGE_NAMES.index("profil")])
    show_url_notice()
with error_boundary():  # no traceback on the page: a sentence with a reference, details logged
    page.run()
write_url()  # after the page: a widget callback may have changed the filters during this run
heap.freeze_once()  # after the first run: what every run shares is out of the collector's sight
