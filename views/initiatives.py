"""Directory of alliance initiatives: counts by region, table, download and cards."""

import streamlit as st

from lib import initiatives
from lib.export import safe_csv
from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.session import current_dataset, current_filters, update_filters

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
total = len(dataset.initiatives)

st.title(t("page_initiatives", lang))
st.markdown(t("ini_intro", lang))
st.info(t("ini_not_exhaustive", lang, total=total))
st.caption(literal_markdown(initiatives.filters_text(dataset, filters, lang)))

search_column, practice_column = st.columns(2)
search = search_column.text_input(t("ini_search", lang), key="initiatives_search")
practices = practice_column.multiselect(
    t("ini_practices", lang),
    options=initiatives.practice_options(dataset),
    format_func=lambda p: initiatives.practice_label(dataset, p, lang),
    placeholder=t("ini_all_practices", lang),
    key="initiatives_practices",
)
shown = initiatives.for_filters(dataset, filters, practices, search)
st.markdown(t("ini_count", lang, n=len(shown), total=total))
if shown.empty:
    st.warning(t("ini_none", lang))
    st.stop()

described = initiatives.describe(dataset, shown, lang)
st.subheader(t("ini_counts_title", lang))
st.dataframe(initiatives.region_counts(described, lang), hide_index=True)
if not filters.territory:
    st.caption(t("ini_other_regions", lang))

st.subheader(t("ini_table_title", lang))
table = initiatives.directory_table(described, lang)
st.dataframe(table, hide_index=True, width="stretch")
st.caption(
    literal_markdown(t("ini_sources", lang, sources=initiatives.source_summary(dataset, shown)))
)
st.caption(t("ini_year_note", lang))
st.caption(t("ini_typology_note", lang))
separator = st.radio(
    t("ini_separator", lang),
    options=[",", ";"],
    format_func=lambda s: t("ini_separator_semicolon" if s == ";" else "ini_separator_comma", lang),
    horizontal=True,
    key="initiatives_separator",
)
st.download_button(
    t("ini_download", lang),
    data=safe_csv(table, separator),
    file_name="initiatives-alliance.csv",
    mime="text/csv",
    on_click="ignore",
    key="initiatives_download",
)

st.subheader(t("ini_cards_title", lang))
for card in initiatives.cards(described, lang):
    with st.container(border=True):
        st.markdown(f"**{literal_markdown(card.title)}**")
        st.markdown(literal_markdown(card.description))
        st.caption("  \n".join(map(literal_markdown, card.lines)))
        st.caption(literal_markdown(card.quote))
        st.caption(literal_markdown(card.note))
        if card.profile_id and st.button(
            literal_markdown(card.profile_label), key=f"initiatives_profile_{card.initiative_id}"
        ):
            update_filters(territory=card.profile_id)
            st.switch_page("views/profil.py")
