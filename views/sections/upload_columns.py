"""The column mapping of a file: a mapping read back from a file, one field proposed per column
(changeable), the mapping confirmed or downloaded."""

from functools import partial

import streamlit as st

from lib import upload
from lib.data import Dataset
from lib.export import safe_csv
from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.upload import mapping as upload_mapping
from lib.upload import page as upload_page
from views.sections.upload_layers import ROUND_KEY

MAPPINGS_KEY = "upload_mappings"  # kind -> the last confirmed {header: field}, reused
CONFIRMED_KEY = "importer_mapping_confirmed"  # (kind, file digest, mapping) confirmed
REUSED_KEY = "importer_mapping_reused"  # the mapping read from a file the user gave back
MAP_ROUND_KEY = ROUND_KEY + "_map"  # bumped by a mapping read back: new widgets show it


def confirm_mapping(kind: str, digest: str, mapping: dict) -> None:
    st.session_state[MAPPINGS_KEY][kind] = dict(mapping)
    st.session_state[CONFIRMED_KEY] = (kind, digest, mapping)


def is_confirmed(kind: str, digest: str, mapping: dict) -> bool:
    """Whether this very mapping of this file was confirmed."""
    return st.session_state.get(CONFIRMED_KEY) == (kind, digest, mapping)


def show_reuse(kind: str, saved: dict, lang: str) -> None:
    """A mapping downloaded earlier, given back: it becomes the one proposed for `kind`."""
    with st.expander(t("importer_mapping_reuse", lang)):
        reused = st.file_uploader(
            t("importer_mapping_reuse", lang), type=["csv"], key="importer_mapping_file"
        )
        if reused is None:
            return
        try:
            table = upload.read_upload(reused.name, reused.getvalue()).frame
            reuse = upload_mapping.mapping_from_frame(table, upload.FIELDS[kind])
        except upload.UploadError as error:
            st.error(literal_markdown(error.text(lang)))
            return
        if st.session_state.get(REUSED_KEY) != reuse:  # new widgets show it, once
            st.session_state[REUSED_KEY] = saved[kind] = reuse
            st.session_state[MAP_ROUND_KEY] = st.session_state.get(MAP_ROUND_KEY, 0) + 1
        st.caption(t("importer_mapping_reused", lang, n=len(reuse)))


def choose_mapping(
    dataset: Dataset, kind: str, raw: upload.RawUpload, data: bytes, lang: str
) -> tuple[dict, str]:
    """One field per column of the file, as chosen; and the digest naming these widgets."""
    st.header(t("importer_mapping_title", lang))
    st.caption(t("importer_mapping_intro", lang))
    saved = st.session_state.setdefault(MAPPINGS_KEY, {})
    show_reuse(kind, saved, lang)
    fields = {f.name: f for f in upload.FIELDS[kind]}
    names = partial(upload.territory_name_keys, dataset)
    proposal = upload_mapping.propose_mapping(
        raw.frame, upload.FIELDS[kind], names, saved.get(kind)
    )
    options = [upload_mapping.IGNORED, *fields]
    digest = upload_page.mapping_digest(data, st.session_state.get(MAP_ROUND_KEY, 0))
    mapping = {}
    for i, header in enumerate(raw.frame.columns):
        examples = ", ".join(upload_mapping.samples(raw.frame[header])) or "—"
        mapping[header] = st.selectbox(
            t("importer_mapping_column", lang, column=header, samples=examples),
            options=options,
            index=options.index(proposal[header]),
            format_func=lambda name: upload_page.field_text(fields.get(name), lang),
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
    return mapping, digest
