"""Map: the chosen indicator or index by region, department (of a region), EPCI or commune;
for an indicator with several periods, its values or its change between two periods."""

import streamlit as st

from lib import cached, change_map, explore, initiatives, maps, profile, vocabulary
from lib.i18n import t
from lib.periods import period_label
from lib.profile import local as local_profile
from lib.safe_text import literal_markdown
from lib.session import bound_widget, current_dataset, current_filters, update_filters

OPEN_PROFILE = "map_open_profile"  # set by a click on an EPCI: its profile opens next run
MODE = "map_mode"  # "value" or "change" (the change since `filters.change_from`)
dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
level, within = filters.level, filters.territory
scope_dataset = cached.with_communes(dataset) if level == "commune" else dataset

st.title(t("page_map", lang))
view = cached.map_view(scope_dataset, filters)
drill = explore.drill_state(dataset, level, within)
if level == "commune" and vocabulary.is_level(within, "epci"):  # one EPCI's communes
    geojson, fit = cached.epci_commune_layer(within)
elif level == "commune":
    geojson, fit = cached.commune_geojson(within), cached.fit_territories("department", (within,))
elif level == "epci":  # one region's or department's EPCIs
    shown = tuple(view.frame["territory_id"])
    geojson, fit = cached.epci_geojson(within, shown), cached.fit_territories("epci", shown)
else:
    geojson = cached.map_geojson(level)
    fit = cached.fit_territories(level, tuple(view.frame["territory_id"])) if drill.zoomed else None

compared = tuple(view.frame.loc[view.frame["compared"], "territory_id"])
periods = (
    []
    if explore.is_index(filters.indicator)
    else cached.period_options(scope_dataset, filters.indicator, compared)
)
starts = change_map.start_options(periods, view.period_id)


def switch_mode() -> None:
    """The change mode starts from the oldest period; the value mode has no start."""
    update_filters(change_from=starts[0] if st.session_state[MODE] == "change" else None)


if starts:  # two periods or more here: the change between two of them can be mapped
    mode_column, start_column = st.columns(2)
    st.session_state[MODE] = "change" if filters.change_from else "value"
    mode_column.radio(
        t("change_mode", lang),
        options=["value", "change"],
        format_func=lambda mode: t("change_mode_" + mode, lang),
        horizontal=True,
        key=MODE,
        on_change=switch_mode,
    )
    if filters.change_from:
        with start_column:
            bound_widget(
                st.selectbox,
                "change_from",
                t("change_from", lang),
                options=list(reversed(starts)),
                format_func=lambda p: period_label(p, lang),
            )
            st.caption(t("change_until", lang, end=view.period))
change = cached.change_map(scope_dataset, filters) if filters.change_from else None

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
figure = (
    maps.view_map(change.view, geojson, lang, fit, layers, legend=change.legend)
    if change
    else maps.view_map(view, geojson, lang, fit, layers)
)
event = st.plotly_chart(
    figure,
    width="stretch",
    config={"displaylogo": False},
    key="map_page",
    on_select=select_clicked_territory,
    selection_mode="points",
)
for line in change.captions if change else cached.map_captions(scope_dataset, filters):
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
        key=f"map_drill_{label_key}",
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
    table = change.table if change else cached.map_table(scope_dataset, filters)
    st.dataframe(table, hide_index=True, width="stretch")
