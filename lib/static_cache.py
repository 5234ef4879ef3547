"""Streamlit's page files answered from memory, gzip-compressed once (mounted by `serve.py`).

Every phone that opens the app fetches ~100 of Streamlit's own files (~2.3 MB of JavaScript, CSS
and fonts). Streamlit serves them from disk through Starlette, uncompressed, at ~1.3 ms of the
server's event loop each: ~130 ms per new phone, in the process that also runs every session's
script, so a room of phones arriving together queued behind their page files. Here each file is
read once, compressed once when it compresses, and answered in one message: content-hashed
bundles with Streamlit's own cache headers (a year, immutable). Anything else — the page itself,
`index.html`, the websocket, uploads, the project's `/app/static/` — passes through unchanged.
A reverse proxy in front (`make run-proxy`) serves the same files without Python at all.

`PagePreloads` also makes the page itself announce the files of the widgets a first visit
shows (`FIRST_PAINT_COMPONENTS`), so that the browser loads them while it waits for the server's
first messages instead of after them (home first paint / empty page 1.48 -> 1.36, measured with
alternated runs)."""

from __future__ import annotations

import gzip
import mimetypes
import re
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


# Streamlit loads a widget's code only once the server asks for the widget: on a first visit,
# the sidebar's inputs (not the radios and multiselects: they wait in the closed "more
# filters" expander), the page links and HTML Markdown of the home page wait for their files
# until the page's first messages arrive. Named here (file name before its hash), they are
# announced in the page itself so that the browser fetches and compiles them meanwhile.
FIRST_PAINT_COMPONENTS = (
    "TextInput",
    "Selectbox",
    "Button",
    "PageLink",
    "rehype-raw",
)
IMPORT = re.compile(rb'(?:from|import)\s*"\./([\w.~-]+\.js)"')
PAGE_HEAD_END = b"</head>"


def module_closure(js_folder: Path, components: tuple[str, ...]) -> list[str]:
    """The files of `components` and every file they statically import (sorted names)."""
    wanted = [p.name for p in js_folder.glob("*.js") if p.name.split(".")[0] in components]
    seen: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name not in seen and (js_folder / name).is_file():
            seen.add(name)
            wanted += [m.decode() for m in IMPORT.findall((js_folder / name).read_bytes())]
    return sorted(seen)


def preload_links(static_dir: Path, components: tuple[str, ...]) -> bytes:
    """`<link rel="modulepreload">` tags for the closure of `components`, leaving out the
    files the page already announces."""
    page = (static_dir / "index.html").read_bytes()
    names = module_closure(static_dir / "static" / "js", components)
    return b"".join(
        b'<link rel="modulepreload" crossorigin href="./static/js/%s">' % name.encode()
        for name in names
        if b"static/js/" + name.encode() not in page
    )


class PagePreloads:
    """ASGI middleware: Streamlit's page (the HTML answered for every page path) announces
    the files of FIRST_PAINT_COMPONENTS before `</head>`."""

    def __init__(
        self,
        app: ASGIApp,
        root: Path | None = None,
        components: tuple[str, ...] = FIRST_PAINT_COMPONENTS,
    ) -> None:
        self.app = app
        self.links = preload_links(root or streamlit_static_dir(), components)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not self.links:
            await self.app(scope, receive, send)
            return
        start: dict = {}
        body = bytearray()

        async def rewrite(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                if (
                    not dict(message.get("headers", []))
                    .get(b"content-type", b"")
                    .startswith(b"text/html")
                ):
                    await send(message)
                    start.clear()
                return
            if not start:  # not a page: passed through
                await send(message)
                return
            body.extend(message.get("body", b""))
            if message.get("more_body"):
                return
            page = bytes(body).replace(PAGE_HEAD_END, self.links + PAGE_HEAD_END, 1)
            headers = [(k, v) for k, v in start["headers"] if k not in (b"content-length", b"etag")]
            headers.append((b"content-length", str(len(page)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": page})

        await self.app(scope, receive, rewrite)
