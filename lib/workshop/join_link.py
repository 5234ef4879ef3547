"""The link and QR code participants open to join a workshop.

Phones in the room cannot open `localhost`: the link is built from a public base URL — the
environment variable PUBLIC_BASE_URL, else the one typed on the organiser page, else the address
the organiser's browser uses (which is right when the app was opened by its network address).
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from urllib.parse import urlencode, urlsplit

import segno

from lib.settings import PUBLIC_BASE_URL_CHARS, PUBLIC_BASE_URL_ENV
from lib.workshop.errors import WorkshopError, shown
from lib.workshop.text_checks import check_characters

FALLBACK_BASE_URL = "http://localhost:8501"
PAGE_PATH = "participer"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})


def validate_base_url(text: str) -> str:
    """The base URL without trailing slash; `WorkshopError` unless it is http(s)://host[:port][/path]
    of at most PUBLIC_BASE_URL_CHARS characters, without query, fragment or control character (so
    the join link always fits a QR code)."""
    text = text.strip()
    if len(text) > PUBLIC_BASE_URL_CHARS:
        raise WorkshopError("ws_link_too_long", count=len(text), limit=PUBLIC_BASE_URL_CHARS)
    check_characters(text, "ws_link_character")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError as error:
        raise WorkshopError("ws_link_unreadable", text=shown(text)) from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WorkshopError("ws_link_scheme", text=shown(text))
    if parts.query or parts.fragment or parts.username or parts.password:
        raise WorkshopError("ws_link_extra", text=shown(text))
    return text.rstrip("/")


def base_from_page_url(page_url: str | None, page_path: str) -> str | None:
    """The app's base URL from the URL of one of its pages (`st.context.url` ends with the
    page's path), or None when unknown."""
    if not page_url:
        return None
    url = page_url.rstrip("/")
    suffix = "/" + page_path.strip("/")
    return url.removesuffix(suffix) if page_path and url.endswith(suffix) else url


def configured_base_url(env: Mapping[str, str] = os.environ) -> str | None:
    """PUBLIC_BASE_URL when set (not yet validated), else None."""
    return env.get(PUBLIC_BASE_URL_ENV, "").strip() or None


def default_base_url(page_url: str | None, page_path: str) -> str:
    """What the organiser page proposes: the base of its own URL, else localhost."""
    return base_from_page_url(page_url, page_path) or FALLBACK_BASE_URL


def is_local(base_url: str) -> bool:
    """True when phones in the room could not open this address."""
    return (urlsplit(base_url).hostname or "") in LOCAL_HOSTS


def join_url(base_url: str, code: str) -> str:
    """'<base>/participer?code=ABCD2345' (the base URL is validated)."""
    return f"{validate_base_url(base_url)}/{PAGE_PATH}?{urlencode({'code': code})}"


def qr_png(url: str, scale: int = 10) -> bytes:
    """A QR code of `url` as PNG bytes, large enough to be scanned across a room."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
