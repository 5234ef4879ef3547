"""The file uploaded: the drop zone (its texts said in the chosen language), then the file read
(a message in words when it cannot be)."""

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from lib import settings, upload
from lib.i18n import t
from lib.safe_text import literal_markdown
from views.sections.upload_layers import ROUND_KEY

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


def show_uploader(lang: str) -> UploadedFile | None:
    """The drop zone; the file dropped, if any."""
    st.header(t("importer_upload_title", lang))
    st.html(
        UPLOADER_CSS.format(
            limit=t("importer_dropzone", lang, mb=settings.UPLOAD_BYTES // 1024**2),
            button=t("importer_dropzone_button", lang),
        )
    )
    return st.file_uploader(
        t("importer_file", lang),
        type=["csv", "txt", "tsv", "xlsx", "xlsm"],
        key=f"importer_file_{st.session_state.get(ROUND_KEY, 0)}",
    )


def read_file(name: str, data: bytes, lang: str) -> upload.RawUpload | None:
    """The file's table (read once per session), or None after saying why it cannot be read."""
    try:
        with st.spinner(t("importer_reading", lang, seconds=settings.UPLOAD_PARSE_SECONDS)):
            return upload.remembered_read(st.session_state, name, data)
    except upload.UploadError as error:
        st.error(literal_markdown(error.text(lang)))  # may quote the file's name or content
        return None
