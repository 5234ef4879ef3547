"""How the room joins a workshop: the public address of the join links, then the code, link and
QR code shown to the room."""

import streamlit as st

from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.settings import PUBLIC_BASE_URL_CHARS
from lib.workshop import join_link, service

PAGE_PATH = "atelier"
QR_WIDTH = 360


def public_base_url(lang: str) -> str | None:
    """The validated base of the join links (PUBLIC_BASE_URL, else typed here), or None."""
    configured = join_link.configured_base_url()
    if configured:
        st.caption(t("ws_base_url_env", lang, url=configured))
        typed = configured
    else:
        typed = st.text_input(
            t("ws_base_url", lang),
            value=join_link.default_base_url(st.context.url, PAGE_PATH),
            help=t("ws_base_url_help", lang),
            max_chars=PUBLIC_BASE_URL_CHARS,
            key="ws_base_url",
        )
    try:
        return join_link.validate_base_url(typed)
    except service.WorkshopError as error:
        st.error(literal_markdown(error.text(lang)))  # quotes what was typed
        return None


def show_join(code: str, base_url: str | None, lang: str) -> None:
    """The join code, link and QR code to show the room."""
    code_text = service.format_code(code)
    st.metric(t("ws_code", lang), code_text)
    if base_url is None:
        st.info(t("ws_no_link", lang))
        return
    url = join_link.join_url(base_url, code)
    if join_link.is_local(base_url):
        st.warning(t("ws_localhost_warning", lang, url=literal_markdown(base_url)))
    st.caption(t("ws_link", lang))
    st.code(url, language=None)
    st.image(
        join_link.qr_png(url), caption=t("ws_qr_caption", lang, code=code_text), width=QR_WIDTH
    )
