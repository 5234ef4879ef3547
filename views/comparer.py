"""Compare: domain indices of many territories, ranking, similar profiles, weight sensitivity."""

import streamlit as st

from lib import cached, compare, explore
from lib.charts import compare as charts
from lib.export import safe_csv
from lib.i18n import t
from lib.session import current_dataset, current_filters

PLOTLY_CONFIG = {"displaylogo": False}
SLIDER_COLUMNS = 4

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
level = compare.compared_level(filters.level)

st.title(t("compare_title", lang))
st.write(t("compare_intro", lang))
if level != filters.level:
    st.info(t("compare_level_note", lang))

scope = compare.compared_territories(dataset, level, filters.area)
names = compare.territory_names(scope, level)
chosen = st.multiselect(
    t("compare_pick", lang),
    options=list(names.index),
    format_func=names.to_dict().get,
    key="compare_territories",
    placeholder=t("compare_pick_all", lang, n=len(names)),
)
ids = list(compare.compared_territories(dataset, level, filters.area, chosen)["territory_id"])
count = t("compare_count_" + level, lang, n=len(ids), area=t("area_" + filters.area, lang))
st.caption(f"{count} {t('compare_restricted_note', lang)}" if chosen else count)

table = cached.index_table(dataset, tuple(ids), filters.method)
available = compare.domains_with_index(table.domains, list(dataset.domains["domain_id"]))
labels = compare.domain_labels(dataset, available, lang)


def show_heatmap(ranked, shown, provenance) -> None:
    """Domain × territory heatmap, most fragile first, with its indicators and sources."""
    st.subheader(t("compare_heatmap", lang))
    ordered = compare.domain_matrix(table.domains, ranked["territory_id"], shown)
    unit = t("index_unit_" + filters.method, lang)
    figure = charts.heatmap(ordered, names, labels, unit, lang)
    st.plotly_chart(figure, width="stretch", config=PLOTLY_CONFIG, key="compare_heatmap")
    st.caption(t("compare_heatmap_order", lang))
    st.caption(provenance.line(filters.method, lang))
    excluded = compare.excluded_for_coverage(table.coverage)
    if excluded and filters.area == "all":
        st.caption(t("excluded_for_coverage", lang, n=excluded))


def show_ranks(ranked, matrix, weights, provenance) -> None:
    """The overall index and rank of every territory, with a CSV download."""
    st.subheader(t("compare_ranks", lang))
    n_domains = compare.weighted_domains(weights)
    if n_domains == 0:
        st.info(t("compare_zero_weights", lang))
    st.dataframe(
        compare.ranks_table(ranked, n_domains, len(dataset.domains), lang),
        hide_index=True,
        width="stretch",
    )
    st.caption(provenance.brief(filters.method, lang))
    semicolon = st.checkbox(t("compare_semicolon", lang), key="compare_semicolon")
    method = t("method_" + filters.method, lang)
    export = compare.ranks_export(ranked, matrix, labels, weights, method, provenance.sources, lang)
    st.download_button(
        t("compare_download", lang),
        data=safe_csv(export, separator=";" if semicolon else ","),
        file_name=f"comparaison_{level}.csv",
        mime="text/csv",
        on_click="ignore",
        key="compare_download",
    )


def show_similar(shown) -> None:
    """The 3 territories whose domain profile is closest to the chosen territory's."""
    territory = filters.territory
    status = compare.similarity_status(territory, level, ids)
    name = explore.territory_name(dataset, territory) if territory else ""
    title = "compare_similar" if status == "ok" else "compare_similar_generic"
    st.subheader(t(title, lang, name=name))
    if status != "ok":
        st.info(t(status, lang, name=name))
        return
    similar = compare.most_similar(compare.domain_matrix(table.domains, ids, shown), territory)
    if similar.empty:
        st.info(t("compare_similar_none", lang))
        return
    st.dataframe(compare.similar_table(similar, names, lang), hide_index=True, width="stretch")
    st.caption(t("compare_similar_method", lang))


def weight_sliders() -> dict[str, float]:
    """One slider per domain with an index (0–3, step 0.5, default 1)."""
    st.caption(t("compare_weights_help", lang))
    columns = st.columns(SLIDER_COLUMNS)
    return {
        domain: columns[i % SLIDER_COLUMNS].slider(
            labels[domain], 0.0, 3.0, 1.0, 0.5, format="%.1f", key=f"compare_weight_{domain}"
        )
        for i, domain in enumerate(available)
    }


def show_sensitivity(weights, provenance) -> None:
    """Ranks with equal weights vs the chosen weights, and each domain's weight at 0."""
    changes = compare.rank_changes(table.domains, dict.fromkeys(available, 1.0), weights)
    st.dataframe(
        compare.sensitivity_table(changes, names, lang),
        hide_index=True,
        width="stretch",
        key="compare_sensitivity_table",
    )
    st.caption(t("compare_change_note", lang))
    counts = compare.weight_sensitivity(table.domains, weights)
    figure = charts.sensitivity_bars(counts, labels, lang)
    st.plotly_chart(figure, width="stretch", config=PLOTLY_CONFIG, key="compare_sensitivity")
    st.caption(t("compare_domain_sensitivity_note", lang, n=len(ids)))
    st.caption(provenance.brief(filters.method, lang))


if not available:
    st.warning(t("compare_no_index", lang))
else:
    shown = compare.shown_domains(available, filters.domains)
    if not shown:
        st.info(t("compare_no_chosen_domain", lang))
        shown = available
    every = compare.provenance(dataset, table.scores, available, lang)
    on_heatmap = (
        every if shown == available else compare.provenance(dataset, table.scores, shown, lang)
    )
    matrix = compare.domain_matrix(table.domains, ids, available)
    heatmap_box, ranks_box, similar_box = st.container(), st.container(), st.container()
    st.subheader(t("compare_sensitivity", lang))
    weights = weight_sliders()
    ranked = compare.ranking(matrix, weights, names)
    with heatmap_box:
        show_heatmap(ranked, shown, on_heatmap)
    with ranks_box:
        show_ranks(ranked, matrix, weights, every)
    with similar_box:
        show_similar(shown)
    show_sensitivity(weights, every)
