"""Compare: domain indices of many territories, ranking, similar profiles, weight sensitivity."""

from functools import partial

import streamlit as st

from lib import cached, compare, compare_page, explore
from lib.export import safe_csv
from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.session import current_dataset, current_filters

PLOTLY_CONFIG = {"displaylogo": False}
SLIDER_COLUMNS = 4

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
level = compare.compared_level(filters.level)
area = explore.territory_area(dataset, filters.area, filters.territory)

st.title(t("compare_title", lang))
st.write(t("compare_intro", lang))
if level != filters.level:
    st.info(t("compare_level_note", lang))

names = cached.compare_selection(dataset, level, area, (), filters.method, lang).names
chosen = st.multiselect(
    t("compare_pick", lang),
    options=list(names.index),
    format_func=names.to_dict().get,
    key="compare_territories",
    placeholder=t("compare_pick_all", lang, n=len(names)),
)
selected = cached.compare_selection(dataset, level, area, tuple(chosen), filters.method, lang)
count = t("compare_count_" + level, lang, n=len(selected.ids), area=t("area_" + area, lang))
st.caption(literal_markdown(f"{count} {t('compare_restricted_note', lang)}" if chosen else count))


def show_heatmap(results: compare_page.Results) -> None:
    """Domain × territory heatmap, most fragile first, with its indicators and sources."""
    st.subheader(t("compare_heatmap", lang))
    st.plotly_chart(results.heatmap, width="stretch", config=PLOTLY_CONFIG, key="compare_heatmap")
    st.caption(t("compare_heatmap_order", lang))
    st.caption(literal_markdown(results.heatmap_line))
    if results.excluded and area == "all":
        st.caption(t("excluded_for_coverage", lang, n=results.excluded))


def show_ranks(results: compare_page.Results) -> None:
    """The overall index and rank of every territory, with a CSV download."""
    st.subheader(t("compare_ranks", lang))
    if results.n_weighted == 0:
        st.info(t("compare_zero_weights", lang))
    line = compare_page.standing_line(selected, results, filters.territory, lang)
    if line:
        st.markdown(literal_markdown(line))
    st.dataframe(results.ranks, hide_index=True, width="stretch")
    st.caption(literal_markdown(results.brief))
    semicolon = st.checkbox(t("compare_semicolon", lang), key="compare_semicolon")
    st.download_button(
        t("compare_download", lang),
        data=partial(safe_csv, results.export, ";" if semicolon else ","),  # made on click
        file_name=f"comparaison_{level}.csv",
        mime="text/csv",
        on_click="ignore",
        key="compare_download",
    )


def show_similar(similar: compare_page.Similar) -> None:
    """The 3 territories whose domain profile is closest to the chosen territory's."""
    title = "compare_similar" if similar.status == "ok" else "compare_similar_generic"
    st.subheader(literal_markdown(t(title, lang, name=similar.name)))
    if similar.status != "ok":
        st.info(literal_markdown(t(similar.status, lang, name=similar.name)))
    elif similar.table is None:
        st.info(t("compare_similar_none", lang))
    else:
        st.dataframe(similar.table, hide_index=True, width="stretch")
        st.caption(t("compare_similar_method", lang))


def weight_sliders() -> dict[str, float]:
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


def show_sensitivity(results: compare_page.Results) -> None:
    """Ranks with equal weights vs the chosen weights, and each domain's weight at 0."""
    st.dataframe(results.changes, hide_index=True, width="stretch", key="compare_sensitivity_table")
    st.caption(t("compare_change_note", lang))
    st.plotly_chart(
        results.sensitivity, width="stretch", config=PLOTLY_CONFIG, key="compare_sensitivity"
    )
    st.caption(t("compare_domain_sensitivity_note", lang, n=len(selected.ids)))
    st.caption(literal_markdown(results.brief))


if not selected.available:
    st.warning(t("compare_no_index", lang))
else:
    heatmap_box, ranks_box, similar_box = st.container(), st.container(), st.container()
    st.subheader(t("compare_sensitivity", lang))
    weights = weight_sliders()
    results = cached.compare_results(
        dataset,
        level,
        area,
        tuple(chosen),
        filters.method,
        filters.domains,
        tuple(weights.items()),
        lang,
    )
    similar = cached.compare_similar(
        dataset,
        level,
        area,
        tuple(chosen),
        filters.method,
        tuple(results.shown),
        filters.territory,
        lang,
    )
    if results.no_chosen_domain:
        heatmap_box.info(t("compare_no_chosen_domain", lang))
    with heatmap_box:
        show_heatmap(results)
    with ranks_box:
        show_ranks(results)
    with similar_box:
        show_similar(similar)
    show_sensitivity(results)
