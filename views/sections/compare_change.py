"""The Compare page's « évolution » mode: the compared territories ranked by the change of one
indicator between two periods."""

import streamlit as st

from lib import cached, compare_change, compare_change_page
from lib.data import Dataset
from lib.filters import Filters
from lib.i18n import t
from lib.periods import period_label
from lib.safe_text import literal_markdown
from lib.session import update_filters
from views.sections.compare_download import download
from views.sections.compare_indices import PLOTLY_CONFIG


def period_pickers(
    dataset: Dataset, filters: Filters, choices: compare_change.Choices, concept: str
) -> compare_change.Periods:
    """The indicator, start and end pickers; the periods asked for (the URL's `change_from=`
    and `year=`, when they are the chosen indicator's), else its default ones."""
    lang = filters.lang
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
        st.info(compare_change_page.dropped_note(periods, lang))
    return periods


def show_change_tables(view: compare_change_page.ChangeView, lang: str) -> None:
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


def show_change(
    dataset: Dataset, filters: Filters, level: str, area: str, chosen: tuple[str, ...]
) -> None:
    """The compared territories ranked by the change of one indicator between two periods."""
    lang = filters.lang
    choices = cached.compare_change_choices(dataset, level, area, chosen, filters.method, lang)
    concept = choices.indicator(filters.indicator)
    if concept is None:
        st.info(t("compare_trend_none", lang))
        return
    periods = period_pickers(dataset, filters, choices, concept)
    if not periods.ordered:
        st.warning(compare_change_page.unordered_note(periods, lang))
        return
    view = cached.compare_change_view(
        dataset, level, area, chosen, filters.method, concept, periods, lang
    )
    st.caption(literal_markdown(view.note))
    st.caption(t("compare_trend_indicators_only", lang))
    show_change_tables(view, lang)
    st.caption(literal_markdown(t("trend_sources", lang, sources=view.sources)))
    download(
        view.export,
        t("compare_trend_download", lang),
        f"evolution_{concept}_{level}.csv",
        "compare_trend_download",
        lang,
    )
