"""Alliances: partnership practices and perceptions of alliances by actor (Observatoire)."""

from functools import partial

import streamlit as st

from lib import alliance_view, sources_view
from lib.charts.alliances import group_chart
from lib.export import safe_csv
from lib.i18n import t
from lib.session import current_dataset, current_filters

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang

st.title(t("page_alliances", lang))
st.write(t("alliances_intro", lang))
st.info(t("alliances_typology", lang))

practices = alliance_view.practice_choices(dataset, lang)
chosen = st.multiselect(
    t("alliances_practices", lang),
    options=list(practices),
    format_func=practices.get,
    key="alliances_practices",
    placeholder=t("alliances_practices_placeholder", lang),
    help=t("alliances_practices_help", lang),
)
rows = alliance_view.filter_alliances(dataset.alliances, filters.actors, chosen)
st.caption(alliance_view.actors_text(dataset, filters.actors, lang))
territory_note = alliance_view.territory_note(dataset, rows, filters.territory, lang)
if territory_note:
    st.caption(territory_note)


def draw_group(group: alliance_view.ChartGroup) -> None:
    """One chart with its scope, study, year, base and source under it, then its notes."""
    st.plotly_chart(
        group_chart(group, lang),
        width="stretch",
        config={"displaylogo": False},
        key=f"alliances_{group.key}",
    )
    st.caption(alliance_view.group_caption(dataset, group, lang))
    notes = alliance_view.group_notes(group, lang)
    if notes:
        st.caption(notes)


groups = alliance_view.chart_groups(dataset, rows, lang)
if not groups:
    st.info(t("alliances_no_rows", lang))
else:
    labels = [alliance_view.dimension_label(d, lang) for d in groups]
    tabs = st.tabs(labels, key="alliances_tab", on_change="rerun")
    for dimension, tab in zip(groups, tabs, strict=True):
        if tab.open:  # only the open tab's charts are built
            with tab:
                for group in groups[dimension]:
                    draw_group(group)
missing = alliance_view.missing_dimensions(groups, lang)
if missing:
    st.caption(missing)

with st.expander(t("alliances_table", lang)):
    table = alliance_view.alliance_table(dataset, rows, lang)
    st.dataframe(table, hide_index=True, width="stretch")
    separator = st.radio(
        t("sources_separator", lang),
        options=list(sources_view.SEPARATORS),
        format_func=partial(sources_view.separator_label, lang=lang),
        key="alliances_separator",
        horizontal=True,
    )
    st.download_button(
        t("alliances_download", lang),
        data=partial(safe_csv, table, separator),  # made on click
        file_name="alliances.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key="alliances_download",
    )
