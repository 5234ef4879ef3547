"""The Compare page's « indices » mode: heatmap, ranking, similar profiles and the weights'
sensitivity."""

import streamlit as st

from lib import cached, compare_page
from lib.data import Dataset
from lib.filters import Filters
from lib.i18n import t
from lib.safe_text import literal_markdown
from views.sections.compare_download import download

PLOTLY_CONFIG = {"displaylogo": False}
SLIDER_COLUMNS = 4


def show_heatmap(results: compare_page.Results, area: str, lang: str) -> None:
    """Domain × territory heatmap, most fragile first, with its indicators and sources."""
    st.subheader(t("compare_heatmap", lang))
    st.plotly_chart(results.heatmap, width="stretch", config=PLOTLY_CONFIG, key="compare_heatmap")
    st.caption(t("compare_heatmap_order", lang))
    st.caption(literal_markdown(results.heatmap_line))
    if results.excluded and area == "all":
        st.caption(t("excluded_for_coverage", lang, n=results.excluded))


def show_ranks(
    selected: compare_page.Selection, results: compare_page.Results, filters: Filters
) -> None:
    """The overall index and rank of every territory, with a CSV download."""
    lang = filters.lang
    st.subheader(t("compare_ranks", lang))
    if results.n_weighted == 0:
        st.info(t("compare_zero_weights", lang))
    line = compare_page.standing_line(selected, results, filters.territory, lang)
    if line:
        st.markdown(literal_markdown(line))
    st.dataframe(results.ranks, hide_index=True, width="stretch")
    st.caption(literal_markdown(results.brief))
    file_name = f"comparaison_{selected.level}.csv"
    download(results.export, t("compare_download", lang), file_name, "compare_download", lang)


def show_similar(similar: compare_page.Similar, lang: str) -> None:
    """The 3 territories whose domain profile is closest to the chosen territory's."""
    st.subheader(literal_markdown(compare_page.similar_title(similar, lang)))
    if similar.status != "ok":
        st.info(literal_markdown(t(similar.status, lang, name=similar.name)))
    elif similar.table is None:
        st.info(t("compare_similar_none", lang))
    else:
        st.dataframe(similar.table, hide_index=True, width="stretch")
        st.caption(t("compare_similar_method", lang))


def weight_sliders(selected: compare_page.Selection, lang: str) -> dict[str, float]:
    """One slider per domain with an index (0–3, step 0.5, default 1)."""
    st.caption(t("compare_weights_help", lang))
    columns = st.columns(SLIDER_COLUMNS)
    return {
        domain: columns[i % SLIDER_COLUMNS].slider(
            literal_markdown(selected.labels[domain]),
            0.0,
            3.0,
            1.0,
            0.5,
            format="%.1f",
            key=f"compare_weight_{domain}",
        )
        for i, domain in enumerate(selected.available)
    }


def show_sensitivity(results: compare_page.Results, n_compared: int, lang: str) -> None:
    """Ranks with equal weights vs the chosen weights, and each domain's weight at 0."""
    st.dataframe(results.changes, hide_index=True, width="stretch", key="compare_sensitivity_table")
    st.caption(t("compare_change_note", lang))
    st.plotly_chart(
        results.sensitivity, width="stretch", config=PLOTLY_CONFIG, key="compare_sensitivity"
    )
    st.caption(t("compare_domain_sensitivity_note", lang, n=n_compared))
    st.caption(literal_markdown(results.brief))


def show_indices(
    dataset: Dataset,
    filters: Filters,
    area: str,
    chosen: tuple[str, ...],
    selected: compare_page.Selection,
) -> None:
    """The heatmap, ranking and similar profiles above the weight sliders they follow."""
    lang, level = filters.lang, selected.level
    # keyed: tests find each part's table or chart in its box
    heatmap_box, ranks_box, similar_box = (
        st.container(key=f"compare_{part}_box") for part in ("heatmap", "ranks", "similar")
    )
    st.subheader(t("compare_sensitivity", lang))
    weights = weight_sliders(selected, lang)
    results = cached.compare_results(
        dataset,
        level,
        area,
        chosen,
        filters.method,
        filters.domains,
        tuple(weights.items()),
        lang,
    )
    similar = cached.compare_similar(
        dataset,
        level,
        area,
        chosen,
        filters.method,
        tuple(results.shown),
        filters.territory,
        lang,
    )
    if results.no_chosen_domain:
        heatmap_box.info(t("compare_no_chosen_domain", lang))
    with heatmap_box:
        show_heatmap(results, area, lang)
    with ranks_box:
        show_ranks(selected, results, filters)
    with similar_box:
        show_similar(similar, lang)
    with st.container(key="compare_sensitivity_box"):
        show_sensitivity(results, len(selected.ids), lang)
