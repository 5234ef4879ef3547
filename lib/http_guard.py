"""HTTP rules the Streamlit server does not set by itself: security headers on every response
and the metrics endpoint kept private. A plain ASGI middleware (mounted by `serve.py`)."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import os
import re
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from lib.settings import ALLOW_METRICS_ENV

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

METRICS_PATH = "/_stcore/metrics"


def inline_script_hashes(index_html: str) -> list[str]:
    """CSP sources ('sha256-…') allowing exactly the inline scripts of Streamlit's index page."""
    scripts = re.findall(r"<script>(.*?)</script>", index_html, re.S)
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    ]


def content_security_policy(script_hashes: list[str]) -> str:
    """Only this server's own scripts, styles, fonts, images and connections: an outside image or
    link that text could smuggle in is never fetched, and no other site may frame the app.
    Streamlit styles with inline <style> (emotion) and plotly/MapLibre use blob: workers."""
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes]),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self' ws: wss:",
        "worker-src": "'self' blob:",
        "frame-src": "'self' blob: data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def security_header_values(script_hashes: list[str]) -> dict[str, str]:
    """The headers added to every HTTP response, by name (the reverse proxy of
    `scripts/run_proxy.py` adds the same to the files it serves itself)."""
    return {
        "Content-Security-Policy": content_security_policy(script_hashes),
        "X-Frame-Options": "SAMEORIGIN",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
    }


def security_headers(script_hashes: list[str]) -> list[tuple[bytes, bytes]]:
    """The same as ASGI header pairs."""
    headers = security_header_values(script_hashes)
    return [(k.lower().encode(), v.encode()) for k, v in headers.items()]


def streamlit_static_dir() -> Path:
    """The installed Streamlit's page files (index.html and the `static/` bundles), found
    without importing Streamlit (this module only serves its files)."""
    return Path(importlib.util.find_spec("streamlit").origin).parent / "static"


def streamlit_index_html() -> str:
    """Streamlit's own index page (its inline script is hashed into the CSP)."""
    return (streamlit_static_dir() / "index.html").read_text("utf-8")


class SecurityHeaders:
    """ASGI middleware: adds `security_headers` to HTTP responses (replacing any the app set)
    and answers 404 on the metrics endpoint unless ALLOW_METRICS=1."""

    def __init__(self, app: ASGIApp, index_html: str | None = None) -> None:
        self.app = app
        self.headers = security_headers(inline_script_hashes(index_html or streamlit_index_html()))
        self.names = {name for name, _ in self.headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"].endswith(METRICS_PATH) and os.environ.get(ALLOW_METRICS_ENV) != "1":
            await _not_found(send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() not in self.names
                ]
                message["headers"] = kept + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _not_found(send: Send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 404,
            "headers": [(b"content-type", b"text/plain; charset=utf-8")],
        }
    )
    await send({"type": "http.response.body", "body": b"Not found"})
