"""The templates of a kind of import (CSV, Excel) and what each of their columns holds."""

from functools import partial

import streamlit as st

from lib import templates
from lib.export import safe_csv
from lib.i18n import t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show_templates(kind: str, lang: str) -> None:
    st.header(t("importer_templates_title", lang))
    st.caption(t("importer_templates_intro", lang))
    left, right = st.columns(2)
    left.download_button(
        t("importer_template_csv", lang),
        data=partial(safe_csv, templates.template_frame(kind), ";"),
        file_name=f"modele_{kind}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key="importer_template_csv",
    )
    right.download_button(
        t("importer_template_xlsx", lang),
        data=partial(templates.template_xlsx, kind),
        file_name=f"modele_{kind}.xlsx",
        mime=XLSX,
        on_click="ignore",
        icon=":material/download:",
        key="importer_template_xlsx",
    )
    with st.expander(t("importer_columns_title", lang)):
        st.dataframe(templates.explanation_frame(kind, lang), hide_index=True, width="stretch")
