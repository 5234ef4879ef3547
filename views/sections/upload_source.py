"""The source of an import (prefilled from the file's own Source column) and the button applying
its valid rows, beside or instead of the embedded data."""

import streamlit as st

from lib import upload
from lib.formatting import join_items
from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.upload import page as upload_page
from views.sections.upload_layers import apply_upload

PREFILLED_KEY = "importer_source_prefilled"  # file digest whose source filled the form


def source_form(report: upload.UploadReport, digest: str, lang: str) -> upload.SourceInfo:
    """The source as typed (filled once per file from its own sources, when it names some)."""
    st.subheader(t("importer_source_title", lang))
    if report.sources and st.session_state.get(PREFILLED_KEY) != digest:
        st.session_state[PREFILLED_KEY] = digest
        st.session_state.update(upload_page.prefilled_source(report.sources, lang))
    if report.sources:
        sources = join_items(report.sources, lang, long_items=True)
        st.caption(literal_markdown(t("importer_file_sources", lang, sources=sources)))
    return upload.SourceInfo(
        title=st.text_input(t("importer_source_name", lang), key="importer_source_name"),
        publisher=st.text_input(
            t("importer_source_publisher", lang), key="importer_source_publisher"
        ),
        licence=st.text_input(t("importer_source_licence", lang), key="importer_source_licence"),
        year=st.text_input(t("importer_source_year", lang), key="importer_source_year"),
        url=st.text_input(t("importer_source_url", lang), key="importer_source_url"),
    )


def show_apply(
    report: upload.UploadReport, source: upload.SourceInfo, upload_id: str, lang: str
) -> None:
    """What the source still lacks, then the mode and the button applying the valid rows."""
    missing_source = upload.source_problems(source)
    for problem in missing_source:
        st.warning(literal_markdown(problem.text(lang)))
    if report.n_valid == 0:
        st.error(t("importer_nothing_valid", lang))
        return
    st.radio(
        t("importer_mode", lang),
        options=["beside", "instead"],
        format_func=lambda m: t(f"importer_mode_{m}", lang),
        key="importer_mode",
        horizontal=True,
    )
    st.button(
        t("importer_apply", lang, n=report.n_valid),
        type="primary",
        disabled=bool(missing_source),
        on_click=apply_upload,
        args=(report, source, upload_id, lang),
        key="importer_apply",
    )
