"""Entry point: page configuration, shared filters (URL <-> session), language, navigation."""

import streamlit as st

from lib import cached
from lib.i18n import LANGUAGES, t
from lib.schema import DataValidationError
from lib.session import (
    current_filters,
    current_language,
    show_url_notice,
    update_filters,
    write_url,
)

st.set_page_config(page_title="Territoires fragiles & alliances", page_icon="🗺️", layout="wide")

try:
    dataset = cached.dataset()
except DataValidationError as error:
    st.error(t("data_error_title", current_language()))
    st.markdown("\n".join(f"- {problem}" for problem in error.problems[:50]))
    st.stop()

filters = current_filters(dataset)
lang = filters.lang

with st.sidebar:
    st.selectbox(
        t("language", lang),
        options=list(LANGUAGES),
        index=list(LANGUAGES).index(lang),
        format_func=LANGUAGES.get,
        key="_lang",
        on_change=lambda: update_filters(lang=st.session_state["_lang"]),
    )

show_url_notice()
pages = [st.Page("pages/accueil.py", title=t("page_home", lang), icon="🏠", default=True)]
st.navigation(pages).run()
write_url()  # after the page: a widget callback may have changed the filters during this run
