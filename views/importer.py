"""Importer mes données: templates, upload, validation report, confirmed session layers."""

import hashlib
import re
from functools import partial

import streamlit as st

from lib import settings, templates, upload
from lib.export import safe_csv
from lib.formatting import format_number
from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.session import current_dataset, current_filters
from lib.upload import mapping as upload_mapping

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
uploads = st.session_state.setdefault(upload.UPLOADS_KEY, [])
ROUND_KEY = "importer_round"  # bumped after an import so that the uploader starts empty
MAPPINGS_KEY = "upload_mappings"  # kind -> the last confirmed {header: field}, reused
CONFIRMED_KEY = "importer_mapping_confirmed"  # (kind, file digest, mapping) confirmed
REUSED_KEY = "importer_mapping_reused"  # the mapping read from a file the user gave back
PREFILLED_KEY = "importer_source_prefilled"  # file digest whose source filled the form
# Streamlit's drop zone texts are English and state the server's limit: said here instead
UPLOADER_CSS = """<style>
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{limit}"; font-size: 0.875rem; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{
  font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: "{button}"; font-size: 0.875rem; }}
</style>"""


def field_text(fields: dict, name: str) -> str:
    """A field as offered in the mapping: its French column name and what it holds."""
    if name == upload_mapping.IGNORED:
        return t("importer_mapping_ignored", lang)
    field = fields[name]
    what = re.split(r" ?[:;(]", field.help(lang), maxsplit=1)[0]
    required = f" — {t('importer_mapping_required', lang)}" if field.required else ""
    return f"{field.french} : {what}{required}"


def confirm_mapping(kind: str, digest: str, mapping: dict) -> None:
    st.session_state[MAPPINGS_KEY][kind] = dict(mapping)
    st.session_state[CONFIRMED_KEY] = (kind, digest, mapping)


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
        mb=settings.UPLOAD_BYTES // 1024**2,
        rows=format_number(settings.UPLOAD_ROWS, 0, lang),
        columns=settings.UPLOAD_COLUMNS,
        chars=format_number(settings.UPLOAD_CELL_CHARS, 0, lang),
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
    st.dataframe(templates.explanation_frame(kind, lang), hide_index=True, width="stretch")

st.header(t("importer_upload_title", lang))
st.html(
    UPLOADER_CSS.format(
        limit=t("importer_dropzone", lang, mb=settings.UPLOAD_BYTES // 1024**2),
        button=t("importer_dropzone_button", lang),
    )
)
file = st.file_uploader(
    t("importer_file", lang),
    type=["csv", "txt", "tsv", "xlsx", "xlsm"],
    key=f"importer_file_{st.session_state.get(ROUND_KEY, 0)}",
)
if file is None:
    st.stop()
data = file.getvalue()
try:
    with st.spinner(t("importer_reading", lang, seconds=settings.UPLOAD_PARSE_SECONDS)):
        raw = upload.remembered_read(st.session_state, file.name, data)
except upload.UploadError as error:
    st.error(literal_markdown(error.text(lang)))  # may quote the file's name or content
    st.stop()

st.header(t("importer_mapping_title", lang))
st.caption(t("importer_mapping_intro", lang))
saved = st.session_state.setdefault(MAPPINGS_KEY, {})
with st.expander(t("importer_mapping_reuse", lang)):
    reused = st.file_uploader(
        t("importer_mapping_reuse", lang), type=["csv"], key="importer_mapping_file"
    )
    if reused is not None:
        try:
            table = upload.read_upload(reused.name, reused.getvalue()).frame
            reuse = upload_mapping.mapping_from_frame(table, upload.FIELDS[kind])
        except upload.UploadError as error:
            st.error(literal_markdown(error.text(lang)))
        else:
            if st.session_state.get(REUSED_KEY) != reuse:  # new widgets show it, once
                st.session_state[REUSED_KEY] = saved[kind] = reuse
                st.session_state[ROUND_KEY + "_map"] = (
                    st.session_state.get(ROUND_KEY + "_map", 0) + 1
                )
            st.caption(t("importer_mapping_reused", lang, n=len(reuse)))
fields = {f.name: f for f in upload.FIELDS[kind]}
proposal = upload_mapping.propose_mapping(
    raw.frame, upload.FIELDS[kind], partial(upload.territory_name_keys, dataset), saved.get(kind)
)
options = [upload_mapping.IGNORED, *fields]
digest = hashlib.sha256(data).hexdigest()[:12] + f"_{st.session_state.get(ROUND_KEY + '_map', 0)}"
mapping = {}
for i, header in enumerate(raw.frame.columns):
    examples = ", ".join(upload_mapping.samples(raw.frame[header])) or "—"
    mapping[header] = st.selectbox(
        t("importer_mapping_column", lang, column=header, samples=examples),
        options=options,
        index=options.index(proposal[header]),
        format_func=partial(field_text, fields),
        key=f"importer_map_{kind}_{digest}_{i}",
    )
left, right = st.columns(2)
left.button(
    t("importer_mapping_confirm", lang),
    type="primary",
    on_click=confirm_mapping,
    args=(kind, digest, mapping),
    key="importer_mapping_confirm",
)
right.download_button(
    t("importer_mapping_download", lang),
    data=partial(safe_csv, upload_mapping.mapping_frame(mapping), ";"),
    file_name=f"correspondance_{kind}.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
    key="importer_mapping_download",
)
if st.session_state.get(CONFIRMED_KEY) != (kind, digest, mapping):
    st.info(t("importer_mapping_pending", lang))
    st.stop()

st.header(t("importer_report_title", lang))
upload_id = upload.next_upload_id(uploads)
report = upload.checked_upload(st.session_state, file.name, data, kind, dataset, upload_id, mapping)
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
    st.info(literal_markdown(note.text(lang)))
if report.problems:
    st.dataframe(upload.problems_table(report.problems, lang), hide_index=True, width="stretch")
    st.markdown(f"**{t('importer_fix_title', lang)}**")
    for hint in upload.fix_hints(report.problems, lang):
        st.markdown(literal_markdown(f"- {hint}"))

st.subheader(t("importer_source_title", lang))
if report.sources and st.session_state.get(PREFILLED_KEY) != digest:
    st.session_state[PREFILLED_KEY] = digest
    listed = " ; ".join(report.sources[:3]) + (" …" if len(report.sources) > 3 else "")
    st.session_state["importer_source_name"] = listed
    st.session_state["importer_source_publisher"] = listed
    st.session_state["importer_source_licence"] = t("importer_licence_unknown", lang)
if report.sources:
    st.caption(
        literal_markdown(t("importer_file_sources", lang, sources=", ".join(report.sources)))
    )
source = upload.SourceInfo(
    title=st.text_input(t("importer_source_name", lang), key="importer_source_name"),
    publisher=st.text_input(t("importer_source_publisher", lang), key="importer_source_publisher"),
    licence=st.text_input(t("importer_source_licence", lang), key="importer_source_licence"),
    year=st.text_input(t("importer_source_year", lang), key="importer_source_year"),
    url=st.text_input(t("importer_source_url", lang), key="importer_source_url"),
)
missing_source = upload.source_problems(source)
for problem in missing_source:
    st.warning(literal_markdown(problem.text(lang)))
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
