"""Placeholder until this page lands (keeps the navigation complete)."""

import streamlit as st

from lib.i18n import t
from lib.session import current_dataset, current_filters

lang = current_filters(current_dataset()).lang
st.info(t("under_construction", lang))
