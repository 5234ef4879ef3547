"""Compare: domain indices of many territories, ranking, similar profiles, weight sensitivity;
or (`compare=change`) the territories ranked by the change of an indicator."""

from functools import partial

import pandas as pd
import streamlit as st

from lib import cached, compare, compare_change, compare_change_page, compare_page, explore
from lib.export import safe_csv
from lib.i18n import t
from lib.periods import period_label
from lib.safe_text import literal_markdown
from lib.session import (
    current_dataset,
    current_filters,
    page_param,
    set_page_param,
    update_filters,
)

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


def mode_radio() -> str:
    """The comparison: the indices ("level") or the change of an indicator ("change"), kept in
    the URL as `compare=change`."""
    key = "compare_mode"
    st.session_state[key] = "change" if page_param("compare") == "change" else "level"

    def on_change() -> None:
        set_page_param("compare", "change" if st.session_state[key] == "change" else None)

    return st.radio(
        t("compare_mode", lang),
        options=["level", "change"],
        format_func=lambda m: t("compare_mode_" + m, lang),
        key=key,
        on_change=on_change,
        horizontal=True,
    )


mode = mode_radio()

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
    download(
        results.export, t("compare_download", lang), f"comparaison_{level}.csv", "compare_download"
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


def download(data: pd.DataFrame, label: str, file_name: str, key: str) -> None:
    """A CSV download of `data` (";" and decimal commas for a French spreadsheet on demand)."""
    semicolon = st.checkbox(t("compare_semicolon", lang), key=f"{key}_semicolon")
    st.download_button(
        label,
        data=partial(safe_csv, data, ";" if semicolon else ","),  # made on click
        file_name=file_name,
        mime="text/csv",
        on_click="ignore",
        key=key,
    )


def period_pickers(choices: compare_change.Choices, concept: str) -> compare_change.Periods:
    """The indicator, start and end pickers; the periods asked for (the URL's `change_from=`
    and `year=`, when they are the chosen indicator's), else its default ones."""
    own = concept == filters.indicator
    periods = compare_change.chosen_periods(
        choices.periods[concept],
        choices.defaults[concept],
        filters.change_from if own else None,
        filters.period if own else None,
    )
    keys = {"compare_trend_indicator": concept, "compare_trend_start": periods.start}
    st.session_state.update({**keys, "compare_trend_end": periods.end})

    def on_indicator() -> None:
        update_filters(
            indicator=st.session_state["compare_trend_indicator"], period=None, change_from=None
        )

    def on_period() -> None:
        update_filters(
            indicator=concept,
            change_from=st.session_state["compare_trend_start"],
            period=st.session_state["compare_trend_end"],
        )

    names = cached.labels(dataset, lang).selections
    indicator_box, start_box, end_box = st.columns([2, 1, 1])
    indicator_box.selectbox(
        t("compare_trend_indicator", lang),
        options=choices.indicators,
        format_func=names.get,
        key="compare_trend_indicator",
        on_change=on_indicator,
    )
    for box, name in ((start_box, "start"), (end_box, "end")):
        box.selectbox(
            t(f"compare_trend_{name}", lang),
            options=choices.periods[concept],
            format_func=lambda p: period_label(p, lang),
            key=f"compare_trend_{name}",
            on_change=on_period,
        )
    if periods.dropped:
        labels = ", ".join(period_label(p, lang) for p in periods.dropped)
        st.info(t("compare_trend_dropped", lang, periods=labels))
    return periods


def show_change_tables(view: compare_change_page.ChangeView) -> None:
    """« le plus dégradés » and « le plus améliorés » tables, the chart, the unranked."""
    for side in ("worse", "better"):
        st.subheader(t(f"compare_trend_{side}_title", lang))
        table = getattr(view, side)
        if table.empty:
            st.info(t(f"compare_trend_none_{side}", lang, start=view.start, end=view.end))
        else:
            box = st.container(key=f"compare_trend_{side}")  # a key: tests find the table
            box.dataframe(table, hide_index=True, width="stretch")
    st.caption(t("compare_trend_top", lang, n=compare_change_page.TOP))
    with st.expander(t("compare_trend_all", lang, n=len(view.ranked))):
        box = st.container(key="compare_trend_all")
        box.dataframe(view.ranked, hide_index=True, width="stretch")
    if view.chart is not None:
        st.subheader(t("compare_trend_chart", lang))
        st.plotly_chart(
            view.chart, width="stretch", config=PLOTLY_CONFIG, key="compare_trend_chart"
        )
        st.caption(t("compare_trend_colours", lang))
    if not view.unavailable.empty:
        st.subheader(t("compare_trend_unavailable", lang, n=len(view.unavailable)))
        box = st.container(key="compare_trend_missing")
        box.dataframe(view.unavailable, hide_index=True, width="stretch")


def show_change() -> None:
    """The compared territories ranked by the change of one indicator between two periods."""
    choices = cached.compare_change_choices(
        dataset, level, area, tuple(chosen), filters.method, lang
    )
    concept = choices.indicator(filters.indicator)
    if concept is None:
        st.info(t("compare_trend_none", lang))
        return
    periods = period_pickers(choices, concept)
    if not periods.ordered:
        start, end = period_label(periods.start, lang), period_label(periods.end, lang)
        st.warning(t("compare_trend_unordered", lang, start=start, end=end))
        return
    view = cached.compare_change_view(
        dataset, level, area, tuple(chosen), filters.method, concept, periods, lang
    )
    st.caption(literal_markdown(view.note))
    st.caption(t("compare_trend_indicators_only", lang))
    show_change_tables(view)
    st.caption(literal_markdown(t("trend_sources", lang, sources=view.sources)))
    download(
        view.export,
        t("compare_trend_download", lang),
        f"evolution_{concept}_{level}.csv",
        "compare_trend_download",
    )


if mode == "change":
    show_change()
elif not selected.available:
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
