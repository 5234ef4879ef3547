"""Home: France's regions coloured by the chosen indicator, its source, and a table."""

import streamlit as st

from lib import cached, explore, maps
from lib.i18n import t
from lib.session import current_dataset, current_filters

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang

st.title(t("app_title", lang))
st.write(t("home_intro", lang))

view = cached.map_view(dataset, explore.home_filters(dataset, filters))
figure = maps.view_map(view, cached.map_geojson("region"), lang)
st.plotly_chart(figure, width="stretch", config={"displaylogo": False}, key="home_map")
for line in explore.caption_lines(dataset, view, lang):
    st.caption(line)

with st.expander(t("table_alternative", lang)):
    st.dataframe(explore.view_table(view, lang), hide_index=True, width="stretch")
