"""Importer mes données: templates, upload, validation report, confirmed session layers. The
sections are drawn by `views/sections/upload_*`."""

import streamlit as st

from lib import upload
from lib.i18n import t
from lib.session import current_dataset, current_filters
from lib.upload import page as upload_page
from views.sections.upload_columns import choose_mapping, is_confirmed
from views.sections.upload_file import read_file, show_uploader
from views.sections.upload_layers import show_active, show_notice
from views.sections.upload_report import show_report
from views.sections.upload_source import show_apply, source_form
from views.sections.upload_templates import show_templates

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
uploads = st.session_state.setdefault(upload.UPLOADS_KEY, [])

st.title(t("page_importer", lang))
st.write(t("importer_intro", lang))
st.info(t("importer_session_only", lang), icon=":material/info:")
st.caption(upload_page.limits_text(lang))
show_notice()
show_active(uploads, lang)
kind = st.radio(
    t("importer_kind", lang),
    options=list(upload.KINDS),
    format_func=lambda k: t(f"importer_kind_{k}", lang),
    key="importer_kind",
    horizontal=True,
)
show_templates(kind, lang)

file = show_uploader(lang)
if file is None:
    st.stop()
data = file.getvalue()
raw = read_file(file.name, data, lang)
if raw is None:
    st.stop()

mapping, digest = choose_mapping(dataset, kind, raw, data, lang)
if not is_confirmed(kind, digest, mapping):
    st.info(t("importer_mapping_pending", lang))
    st.stop()

upload_id = upload.next_upload_id(uploads)
report = upload.checked_upload(st.session_state, file.name, data, kind, dataset, upload_id, mapping)
show_report(report, lang)
source = source_form(report, digest, lang)
show_apply(report, source, upload_id, lang)
