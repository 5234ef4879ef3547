"""Données & sources: where each number comes from (coverage, sources, method, downloads)."""

from functools import partial

import streamlit as st

from lib import alliance_figures, cached, downloads, sources_page
from lib.export import csv_built_now
from lib.filters import listed_area
from lib.i18n import DEFAULT_LANGUAGE, t
from lib.safe_text import literal_markdown
from lib.session import current_dataset, current_filters

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang

st.title(t("page_sources", lang))
st.write(t("sources_intro", lang))
st.caption(t("vocabulary_note", lang))

st.header(t("sources_coverage_title", lang))
area = listed_area(filters.area)  # data is listed for every territory unless metro is chosen
coverage = cached.coverage_view(dataset, filters.level, area, lang)
st.caption(literal_markdown(t("sources_coverage_intro", lang, scope=coverage.scope)))
if filters.level == "commune":
    st.caption(t("sources_coverage_commune", lang))
st.plotly_chart(
    cached.coverage_heatmap(dataset, filters.level, area, lang),
    width="stretch",
    config={"displaylogo": False},
    key="sources_coverage",
)
st.dataframe(coverage.table, hide_index=True, width="stretch", height="content")
with st.expander(t("sources_matrix_table", lang)):
    st.dataframe(coverage.presence, width="stretch")

st.header(t("sources_sources_title", lang))
st.caption(t("sources_sources_intro", lang))
link = t("sources_col_link", lang)
st.dataframe(
    cached.sources_table(dataset, lang),
    hide_index=True,
    width="stretch",
    column_config={link: st.column_config.LinkColumn(link)},
)

st.header(t("sources_method_title", lang))
st.markdown(sources_page.method_markdown(lang))
st.subheader(t("sources_meta_title", lang))
if lang != DEFAULT_LANGUAGE:  # the definitions are written in the default language
    st.caption(t("sources_meta_definitions_fr", lang))
st.dataframe(
    cached.indicator_meta_table(dataset, lang),
    hide_index=True,
    width="stretch",
    height="content",
)

st.header(t("sources_downloads_title", lang))
st.caption(t("sources_downloads_intro", lang))
st.caption(literal_markdown(alliance_figures.actors_text(dataset, filters.actors, lang)))
separator = st.radio(
    t("sources_separator", lang),
    options=list(sources_page.SEPARATORS),
    format_func=partial(sources_page.separator_label, lang=lang),
    key="sources_separator",
    horizontal=True,
)
scope_dataset = cached.with_communes(dataset) if filters.level == "commune" else dataset
for download in downloads.downloads(
    dataset,
    scope_dataset,
    filters.level,
    filters.territory,
    area,
    filters.actors,
    filters.domains,
    lang,
):
    st.download_button(
        literal_markdown(download.label),
        data=partial(csv_built_now, download.build, separator),  # made on click
        file_name=f"{download.name}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key=f"sources_download_{download.name}",
    )
