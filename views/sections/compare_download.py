"""The Compare page's CSV downloads, made on click."""

from functools import partial

import pandas as pd
import streamlit as st

from lib.export import safe_csv
from lib.i18n import t


def download(data: pd.DataFrame, label: str, file_name: str, key: str, lang: str) -> None:
    """A CSV download of `data` (";" and decimal commas for a French spreadsheet on demand)."""
    semicolon = st.checkbox(t("compare_semicolon", lang), key=f"{key}_semicolon")
    st.download_button(
        label,
        data=partial(safe_csv, data, ";" if semicolon else ","),  # made on click
        file_name=file_name,
        mime="text/csv",
        on_click="ignore",
        key=key,
    )
