"""The profile's trends: what worsens and what improves, one small chart per indicator."""

import streamlit as st

from lib import cached, trends
from lib.data import Dataset
from lib.i18n import t
from lib.profile import page as profile_page
from lib.safe_text import literal_markdown

TREND_COLUMNS = 2  # small trend charts side by side (stacked on a narrow screen)


def show_summary(page: profile_page.ProfilePage) -> None:
    """What worsens and what improves: the indicators' last changes, most marked first."""
    model, lang = page.trends, page.look.lang
    worse, better = st.columns(2)
    for column, side, items in ((worse, "worse", model.worse), (better, "better", model.better)):
        column.subheader(t(f"trend_summary_{side}", lang))
        if items:
            column.markdown(profile_page.summary_list(items))
        else:
            column.caption(t(f"trend_summary_none_{side}", lang))
    st.caption(t("trend_summary_note", lang, n=trends.SUMMARY_SIZE))


def show_trends(dataset: Dataset, page: profile_page.ProfilePage) -> None:
    """One small chart per indicator with two periods or more, its last change under it: made
    only when the reader opens them."""
    lang = page.look.lang
    st.header(t("trend_title", lang))
    st.caption(t("trend_intro", lang))
    charted = page.trends.charted
    if not charted:
        st.info(t("trend_none", lang))
        return
    shown = st.expander(
        t("trend_charts_open", lang, n=len(charted)), key="profil_trend_charts", on_change="rerun"
    )
    if shown.open:
        with shown:
            charts = cached.profile_trend_charts(dataset, page.territory_id, lang, page)
            draw_trends(charts, page.look.name(page.territory_id), lang)


def draw_trends(
    charts: list[tuple[trends.Trend, object]], name: str, lang: str, none_key: str = "trend_none"
) -> None:
    """One small chart per indicator with two periods or more, its last change under it (the
    `none_key` sentence when there is none)."""
    if not charts:
        st.info(t(none_key, lang))
        return
    columns = st.columns(TREND_COLUMNS)
    for i, (trend, figure) in enumerate(charts):
        column = columns[i % TREND_COLUMNS]
        column.markdown(f"##### {literal_markdown(trend.label)}")  # its unit: the chart's title
        column.plotly_chart(
            figure,
            width="stretch",
            config={"displayModeBar": False},
            key=f"profil_trend_{trend.indicator_id}",
            alt=t("trend_chart_alt", lang, label=trend.label, territory=name),
        )
        column.caption(literal_markdown(profile_page.trend_caption(trend, lang)))
