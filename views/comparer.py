"""Compare: domain indices of many territories, ranking, similar profiles, weight sensitivity;
or (`compare=change`) the territories ranked by the change of an indicator."""

import streamlit as st

from lib import cached, compare, compare_page, explore
from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.session import current_dataset, current_filters, page_param, set_page_param
from views.sections.compare_change import show_change
from views.sections.compare_indices import show_indices

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
chosen = tuple(
    st.multiselect(
        t("compare_pick", lang),
        options=list(names.index),
        format_func=names.to_dict().get,
        key="compare_territories",
        placeholder=t("compare_pick_all", lang, n=len(names)),
    )
)
selected = cached.compare_selection(dataset, level, area, chosen, filters.method, lang)
st.caption(literal_markdown(compare_page.count_line(selected, area, bool(chosen), lang)))

if mode == "change":
    show_change(dataset, filters, level, area, chosen)
elif not selected.available:
    st.warning(t("compare_no_index", lang))
else:
    show_indices(dataset, filters, area, chosen, selected)
