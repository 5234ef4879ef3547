"""The check of a file: its valid rows and problems counted, what was detected, every problem
in a table and how to fix them."""

import streamlit as st

from lib import upload
from lib.i18n import t
from lib.safe_text import literal_markdown


def show_report(report: upload.UploadReport, lang: str) -> None:
    st.header(t("importer_report_title", lang))
    counts = {"valid": report.n_valid, "rows": report.n_rows, "problems": len(report.problems)}
    st.markdown(t("importer_report_counts", lang, **counts))
    for note in report.notes:
        st.info(literal_markdown(note.text(lang)))
    if report.problems:
        st.dataframe(upload.problems_table(report.problems, lang), hide_index=True, width="stretch")
        st.markdown(f"**{t('importer_fix_title', lang)}**")
        for hint in upload.fix_hints(report.problems, lang):
            st.markdown(literal_markdown(f"- {hint}"))
