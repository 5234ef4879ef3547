"""Home: France's regions coloured by one fragility indicator, with its source and a table."""

import streamlit as st

from lib import cached, explore, maps
from lib.i18n import t
from lib.session import current_filters, update_filters

dataset = cached.dataset()
filters = current_filters(dataset)
lang = filters.lang

st.title(t("app_title", lang))
st.write(t("home_intro", lang))

options = explore.indicator_options(dataset, "region")
indicator = filters.indicator if filters.indicator in options else explore.HOME_INDICATOR
st.selectbox(
    t("indicator", lang),
    options=options,
    index=options.index(indicator),
    format_func=lambda i: explore.indicator_label(dataset, i, lang),
    key="_home_indicator",
    on_change=lambda: update_filters(indicator=st.session_state["_home_indicator"]),
)

view = cached.indicator_view(indicator, "region", lang)
figure = maps.indicator_map(view, cached.map_geojson("region"), lang)
st.plotly_chart(figure, width="stretch", config={"displaylogo": False}, key="home_map")
for line in explore.caption_lines(dataset, view, lang):
    st.caption(line)

with st.expander(t("table_alternative", lang)):
    st.dataframe(explore.view_table(view, lang), hide_index=True, width="stretch")
