"""Alliances: partnership practices and perceptions of alliances by actor (Observatoire)."""

from functools import partial

import plotly.graph_objects as go
import streamlit as st

from lib import alliance_figures, alliance_page, cached, sources_page
from lib.export import safe_csv
from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.session import current_dataset, current_filters

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang

st.title(t("page_alliances", lang))
st.write(t("alliances_intro", lang))
st.info(t("alliances_typology", lang))

practices = alliance_figures.practice_choices(dataset, lang)
chosen = st.multiselect(
    t("alliances_practices", lang),
    options=list(practices),
    format_func=practices.get,
    key="alliances_practices",
    placeholder=t("alliances_practices_placeholder", lang),
    help=t("alliances_practices_help", lang),
)
key = (dataset, filters.actors, tuple(chosen), lang)
page = cached.alliances_page(*key)
st.caption(literal_markdown(page.actors_text))
territory_note = cached.alliance_territory_note(
    dataset, filters.actors, tuple(chosen), filters.territory, lang
)
if territory_note:
    st.caption(literal_markdown(territory_note))


def draw_group(shown: alliance_page.ShownGroup, figure: go.Figure) -> None:
    """One chart with its scope, study, year, base and source under it, then its notes."""
    st.plotly_chart(
        figure, width="stretch", config={"displaylogo": False}, key=f"alliances_{shown.group.key}"
    )
    st.caption(literal_markdown(shown.caption))
    if shown.notes:
        st.caption(literal_markdown(shown.notes))


if not page.groups:
    st.info(t("alliances_no_rows", lang))
else:
    tabs = st.tabs(page.tab_labels, key="alliances_tab", on_change="rerun")  # project words
    for dimension, tab in zip(page.groups, tabs, strict=True):
        if tab.open:  # only the open tab's charts are built
            with tab:
                figures = cached.alliance_charts(*key, dimension)
                for shown, figure in zip(page.groups[dimension], figures, strict=True):
                    draw_group(shown, figure)
if page.missing:
    st.caption(literal_markdown(page.missing))

with st.expander(t("alliances_table", lang)):
    st.dataframe(page.table, hide_index=True, width="stretch")
    separator = st.radio(
        t("sources_separator", lang),
        options=list(sources_page.SEPARATORS),
        format_func=partial(sources_page.separator_label, lang=lang),
        key="alliances_separator",
        horizontal=True,
    )
    st.download_button(
        t("alliances_download", lang),
        data=partial(safe_csv, page.table, separator),  # made on click
        file_name="alliances.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key="alliances_download",
    )
