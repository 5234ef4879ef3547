"""Données & sources: where each number comes from (coverage, sources, method, downloads)."""

from functools import partial

import streamlit as st

from lib import alliance_view, cached, sources_view
from lib.charts.sources import coverage_heatmap
from lib.export import safe_csv
from lib.i18n import t
from lib.session import current_dataset, current_filters

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang

st.title(t("page_sources", lang))
st.write(t("sources_intro", lang))
st.caption(t("vocabulary_note", lang))

st.header(t("sources_coverage_title", lang))
matrix = sources_view.coverage_matrix(dataset, filters.level, filters.area)
scope = sources_view.scope_text(dataset, matrix.level, None, filters.area, lang)
st.caption(t("sources_coverage_intro", lang, scope=scope))
if filters.level == "commune":
    st.caption(t("sources_coverage_commune", lang))
st.plotly_chart(
    coverage_heatmap(dataset, matrix, lang),
    width="stretch",
    config={"displaylogo": False},
    key="sources_coverage",
)
st.dataframe(
    sources_view.coverage_table(dataset, matrix, lang),
    hide_index=True,
    width="stretch",
    height="content",
)
with st.expander(t("sources_matrix_table", lang)):
    st.dataframe(sources_view.presence_table(dataset, matrix, lang), width="stretch")

st.header(t("sources_sources_title", lang))
st.caption(t("sources_sources_intro", lang))
link = t("sources_col_link", lang)
st.dataframe(
    sources_view.sources_table(dataset, lang),
    hide_index=True,
    width="stretch",
    column_config={link: st.column_config.LinkColumn(link)},
)

st.header(t("sources_method_title", lang))
st.markdown(sources_view.method_markdown(lang))
st.subheader(t("sources_meta_title", lang))
if lang != "fr":
    st.caption(t("sources_meta_definitions_fr", lang))
st.dataframe(
    sources_view.indicator_meta_table(dataset, lang),
    hide_index=True,
    width="stretch",
    height="content",
)

st.header(t("sources_downloads_title", lang))
st.caption(t("sources_downloads_intro", lang))
st.caption(alliance_view.actors_text(dataset, filters.actors, lang))
separator = st.radio(
    t("sources_separator", lang),
    options=list(sources_view.SEPARATORS),
    format_func=partial(sources_view.separator_label, lang=lang),
    key="sources_separator",
    horizontal=True,
)
scope_dataset = cached.with_communes(dataset) if filters.level == "commune" else dataset
indicators = sources_view.indicator_export(
    scope_dataset, filters.level, filters.territory, filters.area, lang
)
indicator_scope = sources_view.scope_text(
    dataset, filters.level, filters.territory, filters.area, lang
)
perceptions = sources_view.perception_export(dataset, filters.actors, filters.domains, lang)
alliances = alliance_view.alliance_table(
    dataset, alliance_view.filter_alliances(dataset.alliances, filters.actors), lang
)
downloads = [
    (
        "indicateurs",
        t("sources_download_indicators", lang, scope=indicator_scope, n=len(indicators)),
        indicators,
    ),
    ("perceptions", t("sources_download_perceptions", lang, n=len(perceptions)), perceptions),
    ("alliances", t("sources_download_alliances", lang, n=len(alliances)), alliances),
]
for name, label, frame in downloads:
    st.download_button(
        label,
        data=partial(safe_csv, frame, separator),  # made on click
        file_name=f"{name}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key=f"sources_download_{name}",
    )
