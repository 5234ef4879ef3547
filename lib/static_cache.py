"""Streamlit's page files answered from memory, gzip-compressed once (mounted by `serve.py`).

Every phone that opens the app fetches ~100 of Streamlit's own files (~2.3 MB of JavaScript, CSS
and fonts). Streamlit serves them from disk through Starlette, uncompressed, at ~1.3 ms of the
server's event loop each: ~130 ms per new phone, in the process that also runs every session's
script, so a room of phones arriving together queued behind their page files. Here each file is
read once, compressed once when it compresses, and answered in one message: content-hashed
bundles with Streamlit's own cache headers (a year, immutable). Anything else — the page itself,
`index.html`, the websocket, uploads, the project's `/app/static/` — passes through unchanged.
A reverse proxy in front (`make run-proxy`) serves the same files without Python at all."""

from __future__ import annotations

import gzip
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from lib.http_guard import ASGIApp, Receive, Scope, Send, streamlit_static_dir

ROUTE = "/static/"  # Streamlit's hashed bundles (its `BASE_ROUTE_STATIC`)
CACHE_CONTROL = b"public, immutable, max-age=31536000"  # Streamlit's own for these files
# Compressed formats (fonts, images) are sent as they are.
COMPRESSIBLE = {".js", ".mjs", ".css", ".json", ".svg", ".map", ".txt", ".ttf", ".wasm"}


@dataclass(frozen=True)
class CachedFile:
    content_type: bytes
    raw: bytes
    gzipped: bytes | None  # None: not worth compressing


def read_file(path: Path) -> CachedFile:
    """A page file with its type and, for text formats, its gzip body."""
    raw = path.read_bytes()
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if content_type.startswith("text/") or content_type.endswith(("javascript", "json")):
        content_type += "; charset=utf-8"
    gzipped = gzip.compress(raw, 9, mtime=0) if path.suffix in COMPRESSIBLE else None
    if gzipped is not None and len(gzipped) >= len(raw):
        gzipped = None
    return CachedFile(content_type.encode(), raw, gzipped)


def accepts_gzip(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"accept-encoding":
            codings = {part.split(b";")[0].strip() for part in value.lower().split(b",")}
            return b"gzip" in codings
    return False


class PageFilesFromMemory:
    """ASGI middleware: GET/HEAD of a file under Streamlit's `/static/` answered from memory
    (the set of files is the installed package's, listed once: no other path is ever read)."""

    def __init__(self, app: ASGIApp, root: Path | None = None, base_path: str = "") -> None:
        self.app = app
        folder = (root or streamlit_static_dir()) / ROUTE.strip("/")
        prefix = "/" + base_path.strip("/") if base_path.strip("/") else ""
        self.files = {
            f"{prefix}{ROUTE}{path.relative_to(folder).as_posix()}": path
            for path in folder.rglob("*")
            if path.is_file()
        }
        self.cache: dict[str, CachedFile] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path not in self.files or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        cached = self.cache.get(path)
        if cached is None:
            cached = self.cache[path] = read_file(self.files[path])
        headers = [
            (b"content-type", cached.content_type),
            (b"cache-control", CACHE_CONTROL),
            (b"vary", b"Accept-Encoding"),
        ]
        body = cached.raw
        if cached.gzipped is not None and accepts_gzip(scope):
            body = cached.gzipped
            headers.append((b"content-encoding", b"gzip"))
        headers.append((b"content-length", str(len(body)).encode()))  # before HEAD drops it
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        if scope["method"] == "HEAD":
            body = b""
        await send({"type": "http.response.body", "body": body})
