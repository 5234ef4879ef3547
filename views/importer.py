"""Importer mes données: templates, upload, French validation report, confirmed session layers."""

from functools import partial

import streamlit as st

from lib import limits, templates, upload
from lib.export import safe_csv
from lib.formatting import format_number
from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.session import current_dataset, current_filters

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
uploads = st.session_state.setdefault(upload.UPLOADS_KEY, [])
ROUND_KEY = "importer_round"  # bumped after an import so that the uploader starts empty


def apply_upload(report: upload.UploadReport, source: upload.SourceInfo, upload_id: str) -> None:
    instead = st.session_state["importer_mode"] == "instead"
    layer = upload.upload_layer(report, source, upload_id, replaces_embedded=instead)
    st.session_state[upload.UPLOADS_KEY] = [*uploads, layer]
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
    st.session_state["importer_notice"] = t("importer_applied", lang, label=layer.label)


def remove_upload(layer_id: str) -> None:
    st.session_state[upload.UPLOADS_KEY] = [u for u in uploads if u.layer_id != layer_id]


st.title(t("page_importer", lang))
st.write(t("importer_intro", lang))
st.info(t("importer_session_only", lang), icon=":material/info:")
st.caption(
    t(
        "importer_limits",
        lang,
        mb=limits.UPLOAD_BYTES // 1024**2,
        rows=format_number(limits.UPLOAD_ROWS, 0, lang),
        columns=limits.UPLOAD_COLUMNS,
        chars=format_number(limits.UPLOAD_CELL_CHARS, 0, lang),
    )
)
notice = st.session_state.pop("importer_notice", None)
if notice:
    st.success(literal_markdown(notice))

st.header(t("importer_active_title", lang))
if not uploads:
    st.caption(t("importer_none_active", lang))
for layer in uploads:
    mode = t("importer_mode_instead" if layer.replaces_embedded else "importer_mode_beside", lang)
    text = t(
        "importer_active_item", lang, label=layer.label, rows=upload.layer_rows(layer), mode=mode
    )
    left, right = st.columns([5, 1])
    left.markdown(literal_markdown(text))
    right.button(
        t("importer_remove", lang),
        key=f"importer_remove_{layer.layer_id}",
        on_click=remove_upload,
        args=(layer.layer_id,),
    )

kind = st.radio(
    t("importer_kind", lang),
    options=list(upload.KINDS),
    format_func=lambda k: t(f"importer_kind_{k}", lang),
    key="importer_kind",
    horizontal=True,
)

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
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
    icon=":material/download:",
    key="importer_template_xlsx",
)
with st.expander(t("importer_columns_title", lang)):
    if lang != "fr":
        st.caption(t("importer_columns_french", lang))
    st.dataframe(templates.explanation_frame(kind), hide_index=True, width="stretch")

st.header(t("importer_upload_title", lang))
file = st.file_uploader(
    t("importer_file", lang),
    type=["csv", "txt", "tsv", "xlsx", "xlsm"],
    key=f"importer_file_{st.session_state.get(ROUND_KEY, 0)}",
)
st.subheader(t("importer_source_title", lang))
source = upload.SourceInfo(
    title=st.text_input(t("importer_source_name", lang), key="importer_source_name"),
    publisher=st.text_input(t("importer_source_publisher", lang), key="importer_source_publisher"),
    licence=st.text_input(t("importer_source_licence", lang), key="importer_source_licence"),
    year=st.text_input(t("importer_source_year", lang), key="importer_source_year"),
    url=st.text_input(t("importer_source_url", lang), key="importer_source_url"),
)

if file is not None:
    st.header(t("importer_report_title", lang))
    upload_id = upload.next_upload_id(uploads)
    try:
        with st.spinner(t("importer_reading", lang, seconds=limits.UPLOAD_PARSE_SECONDS)):
            report = upload.checked_upload(
                st.session_state, file.name, file.getvalue(), kind, dataset, upload_id
            )
    except upload.UploadError as error:
        st.error(literal_markdown(error))  # may quote the file's name or content
        st.stop()
    if lang != "fr":
        st.caption(t("importer_report_french", lang))
    st.markdown(
        t(
            "importer_report_counts",
            lang,
            valid=report.n_valid,
            rows=report.n_rows,
            problems=len(report.problems),
        )
    )
    for note in report.notes:
        st.info(literal_markdown(note))
    if report.problems:
        st.dataframe(upload.problems_table(report.problems, lang), hide_index=True, width="stretch")
    missing_source = upload.source_problems(source)
    for message in missing_source:
        st.warning(literal_markdown(message))
    if report.n_valid == 0:
        st.error(t("importer_nothing_valid", lang))
    else:
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
            args=(report, source, upload_id),
            key="importer_apply",
        )
