"""The imports of this session: listed with a button removing each, and a checked file applied
as a new one (the uploader then starts empty)."""

import streamlit as st

from lib import upload
from lib.datasets import Layer
from lib.i18n import t
from lib.safe_text import literal_markdown

ROUND_KEY = "importer_round"  # bumped after an import so that the uploader starts empty
NOTICE_KEY = "importer_notice"  # the import just applied, said once


def remove_upload(layer_id: str) -> None:
    uploads = st.session_state[upload.UPLOADS_KEY]
    st.session_state[upload.UPLOADS_KEY] = [u for u in uploads if u.layer_id != layer_id]


def apply_upload(
    report: upload.UploadReport, source: upload.SourceInfo, upload_id: str, lang: str
) -> None:
    """Button callback: the file's valid rows become a layer of this session."""
    instead = st.session_state["importer_mode"] == "instead"
    layer = upload.upload_layer(report, source, upload_id, replaces_embedded=instead)
    st.session_state[upload.UPLOADS_KEY] = [*st.session_state[upload.UPLOADS_KEY], layer]
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
    st.session_state[NOTICE_KEY] = t("importer_applied", lang, label=layer.label)


def show_notice() -> None:
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.success(literal_markdown(notice))


def show_active(uploads: list[Layer], lang: str) -> None:
    """The imports active in this session, each with its rows, its mode and a remove button."""
    st.header(t("importer_active_title", lang))
    if not uploads:
        st.caption(t("importer_none_active", lang))
    for layer in uploads:
        mode = "importer_mode_instead" if layer.replaces_embedded else "importer_mode_beside"
        text = t(
            "importer_active_item",
            lang,
            label=layer.label,
            rows=upload.layer_rows(layer),
            mode=t(mode, lang),
        )
        left, right = st.columns([5, 1])
        left.markdown(literal_markdown(text))
        right.button(
            t("importer_remove", lang),
            key=f"importer_remove_{layer.layer_id}",
            on_click=remove_upload,
            args=(layer.layer_id,),
        )
