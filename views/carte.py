"""Map: the chosen indicator or index by region, department (of a region) or commune."""

import streamlit as st

from lib import cached, explore, initiatives, local_profile, maps, profile, vocabulary
from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.session import current_dataset, current_filters, update_filters

OPEN_PROFILE = "map_open_profile"  # set by a click on an EPCI: its profile opens next run
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
elif level == "epci":  # one region's or department's EPCIs
    shown = tuple(view.frame["territory_id"])
    geojson, fit = cached.epci_geojson(within, shown), cached.fit_territories("epci", shown)
else:
    geojson = cached.map_geojson(level)
    fit = cached.fit_territories(level, tuple(view.frame["territory_id"])) if drill.zoomed else None


toggle, practice_column = st.columns(2)
shown_initiatives, layers = None, []
if toggle.checkbox(t("ini_map_toggle", lang), key="map_initiatives_on"):
    practices = practice_column.multiselect(
        t("ini_practices", lang),
        options=initiatives.practice_options(dataset),
        format_func=lambda p: initiatives.practice_label(dataset, p, lang),
        placeholder=t("ini_all_practices", lang),
        key="map_initiatives_practices",
    )
    shown_initiatives = initiatives.for_filters(dataset, filters, practices)
    zoom = (fit or maps.FRANCE_VIEW)["zoom"]
    points = initiatives.points_frame(dataset, shown_initiatives, lang, zoom)
    layers.append(maps.initiatives_layer(points))


def select_clicked_territory() -> None:
    points = st.session_state["map_page"]["selection"]["points"]
    locations = [point["location"] for point in points if "location" in point]
    if locations and level == "epci":  # an EPCI clicked: its profile (the map, by region)
        update_filters(territory=locations[0], level="region")
        st.session_state[OPEN_PROFILE] = True
    elif locations and level != "commune":
        update_filters(territory=locations[0])


if st.session_state.pop(OPEN_PROFILE, False):
    st.switch_page("views/profil.py")
event = st.plotly_chart(
    maps.view_map(view, geojson, lang, fit, layers),
    width="stretch",
    config={"displaylogo": False},
    key="map_page",
    on_select=select_clicked_territory,
    selection_mode="points",
)
for line in cached.map_captions(scope_dataset, filters):
    st.caption(literal_markdown(line))
if shown_initiatives is not None:
    clicked = initiatives.with_ids(dataset, initiatives.clicked_ids(event.selection.points))
    for card in initiatives.cards(initiatives.describe(dataset, clicked, lang), lang):
        with st.container(border=True):
            st.markdown(f"**{literal_markdown(card.title)}**")
            st.caption("  \n".join(map(literal_markdown, card.lines)))
    st.caption(literal_markdown(initiatives.map_caption(dataset, shown_initiatives, lang)))
    st.page_link("views/initiatives.py", label=t("ini_map_link", lang))

columns = st.columns(3)
for column, (label_key, name, changes) in zip(columns, drill.actions, strict=False):
    column.button(
        literal_markdown(t(label_key, lang, name=name)),
        on_click=update_filters,
        kwargs=changes,
        width="stretch",
    )
if profile.has_profile(filters.territory) or local_profile.has_local_profile(filters.territory):
    st.page_link(
        "views/profil.py",
        label=literal_markdown(
            t("open_profile", lang, name=vocabulary.territory_name(dataset, filters.territory))
        ),
    )
st.caption(t("click_to_select", lang))

with st.expander(t("table_alternative", lang)):
    st.dataframe(cached.map_table(scope_dataset, filters), hide_index=True, width="stretch")
