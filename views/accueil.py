"""Home: France's regions coloured by the chosen indicator (static SVG: fast first paint),
each region a link to its profile; source, coverage and a table alternative below."""

import streamlit as st

from lib import cached
from lib.i18n import t
from lib.presentation import presenting
from lib.safe_text import literal_markdown
from lib.session import current_dataset, current_filters

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
home = cached.home_filters(dataset, filters)

st.title(t("app_title", lang))
st.write(t("home_intro", lang))
presenting.open_button(lang, key="home_presentation")
# The SVG is built by lib/svgmap with every text escaped (lib.safe_text.html_text);
# st.html would drop SVG, hence markdown with HTML allowed for this one trusted string.
st.markdown(cached.home_map_html(dataset, home), unsafe_allow_html=True)
for line in cached.map_captions(dataset, home):
    st.caption(literal_markdown(line))
st.caption(t("home_map_hint", lang))
st.page_link("views/carte.py", label=t("open_interactive_map", lang), icon=":material/map:")
# Plain HTML table, escaped by lib/svgmap: the page loads no table component (first paint).
st.markdown(cached.home_table_html(dataset, home), unsafe_allow_html=True)
