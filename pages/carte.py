"""Map: the chosen indicator or index by region, department (of a region) or commune."""

import streamlit as st

from lib import cached, explore, maps
from lib.i18n import t
from lib.session import current_dataset, current_filters, update_filters

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
level, within = filters.level, filters.territory
scope_dataset = cached.with_communes(dataset) if level == "commune" else dataset

st.title(t("page_map", lang))
view = cached.map_view(scope_dataset, filters)
drill = explore.drill_state(dataset, level, within)
if level == "commune":
    geojson, fit = cached.commune_geojson(within), cached.fit_territories("department", (within,))
else:
    geojson = cached.map_geojson(level)
    fit = cached.fit_territories(level, tuple(view.frame["territory_id"])) if drill.zoomed else None


def select_clicked_territory() -> None:
    points = st.session_state["map_page"]["selection"]["points"]
    if points and level != "commune":
        update_filters(territory=points[0]["location"])


st.plotly_chart(
    maps.view_map(view, geojson, lang, fit),
    width="stretch",
    config={"displaylogo": False},
    key="map_page",
    on_select=select_clicked_territory,
    selection_mode="points",
)
for line in explore.caption_lines(dataset, view, lang):
    st.caption(line)

columns = st.columns(3)
for column, (label_key, name, changes) in zip(columns, drill.actions, strict=False):
    column.button(
        t(label_key, lang, name=name), on_click=update_filters, kwargs=changes, width="stretch"
    )
if filters.territory and filters.territory.startswith(("REG-", "DEP-")):
    st.page_link(
        "pages/profil.py",
        label=t("open_profile", lang, name=explore.territory_name(dataset, filters.territory)),
    )
st.caption(t("click_to_select", lang))

with st.expander(t("table_alternative", lang)):
    st.dataframe(explore.view_table(view, lang), hide_index=True, width="stretch")
