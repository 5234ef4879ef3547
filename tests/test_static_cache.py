"""Streamlit's page files answered from memory (serve.py): compressed once, read once, cache
headers kept; every other request passes through to the app."""

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest

from lib.static_cache import (
    FIRST_PAINT_COMPONENTS,
    PageFilesFromMemory,
    PagePreloads,
    module_closure,
    preload_links,
    streamlit_static_dir,
)

SCRIPT = b"export const greeting = 'bonjour';\n" * 200
FONT = bytes(range(256)) * 8


async def _app(_scope, _receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"from the app"})


@pytest.fixture
def root(tmp_path):
    (tmp_path / "static" / "js").mkdir(parents=True)
    (tmp_path / "static" / "media").mkdir()
    (tmp_path / "static" / "js" / "index.abc123.js").write_bytes(SCRIPT)
    (tmp_path / "static" / "media" / "font.woff2").write_bytes(FONT)
    (tmp_path / "index.html").write_text("<html></html>")
    return tmp_path


def call(files, path, method="GET", encoding="gzip, deflate, br", kind="http"):
    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": kind, "path": path} | ({"method": method} if kind == "http" else {})
    scope["headers"] = [(b"accept-encoding", encoding.encode())] if encoding else []
    # a thread of its own: a browser test may have left an event loop running in this one
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, files(scope, receive, send)).result()
    start, body = sent
    return start["status"], dict(start["headers"]), body["body"]


def test_a_script_is_sent_gzipped_to_a_browser_that_accepts_it_with_streamlits_cache_headers(root):
    status, headers, body = call(PageFilesFromMemory(_app, root), "/static/js/index.abc123.js")
    assert status == 200
    assert gzip.decompress(body) == SCRIPT and len(body) < len(SCRIPT) / 10
    assert headers[b"content-encoding"] == b"gzip"
    assert headers[b"content-length"] == str(len(body)).encode()
    assert headers[b"content-type"] == b"text/javascript; charset=utf-8"
    assert headers[b"cache-control"] == b"public, immutable, max-age=31536000"
    assert headers[b"vary"] == b"Accept-Encoding"


def test_a_client_without_gzip_gets_the_file_as_it_is(root):
    _status, headers, body = call(
        PageFilesFromMemory(_app, root), "/static/js/index.abc123.js", encoding=""
    )
    assert body == SCRIPT and b"content-encoding" not in headers


def test_a_font_already_compressed_is_sent_as_it_is(root):
    _status, headers, body = call(PageFilesFromMemory(_app, root), "/static/media/font.woff2")
    assert body == FONT and b"content-encoding" not in headers
    assert headers[b"content-type"] == b"font/woff2"


def test_a_file_is_read_from_disk_once(root):
    files = PageFilesFromMemory(_app, root)
    call(files, "/static/js/index.abc123.js")
    (root / "static" / "js" / "index.abc123.js").write_bytes(b"changed")
    assert gzip.decompress(call(files, "/static/js/index.abc123.js")[2]) == SCRIPT


def test_head_answers_the_headers_without_a_body(root):
    _status, headers, body = call(
        PageFilesFromMemory(_app, root), "/static/js/index.abc123.js", "HEAD"
    )
    assert body == b"" and int(headers[b"content-length"]) > 0


@pytest.mark.parametrize(
    ("path", "method", "kind"),
    [
        ("/", "GET", "http"),  # the page itself (index.html, no-cache): Streamlit's
        ("/participer", "GET", "http"),
        ("/static/js/missing.js", "GET", "http"),
        ("/static/../index.html", "GET", "http"),  # only the listed files are ever read
        ("/static/js/index.abc123.js", "POST", "http"),
        ("/app/static/regions.geojson", "GET", "http"),  # the project's own files
        ("/static/js/index.abc123.js", "GET", "websocket"),
    ],
)
def test_anything_else_passes_through_to_the_app(root, path, method, kind):
    assert call(PageFilesFromMemory(_app, root), path, method, kind=kind)[2] == b"from the app"


def test_a_base_path_prefixes_the_files(root):
    files = PageFilesFromMemory(_app, root, base_path="/tfa/")
    assert call(files, "/tfa/static/js/index.abc123.js")[1][b"content-encoding"] == b"gzip"
    assert call(files, "/static/js/index.abc123.js")[2] == b"from the app"


def test_the_installed_streamlit_bundles_are_the_files_served():
    files = PageFilesFromMemory(_app)
    assert any(path.startswith("/static/js/index.") for path in files.files)
    assert all((streamlit_static_dir() / path.lstrip("/")).is_file() for path in files.files)


def _page_app(content_type: bytes, chunks: list[bytes]):
    async def app(_scope, _receive, send):
        headers = [(b"content-type", content_type), (b"etag", b'"x"')]
        headers.append((b"content-length", str(sum(map(len, chunks))).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        for i, chunk in enumerate(chunks):
            more = i < len(chunks) - 1
            await send({"type": "http.response.body", "body": chunk, "more_body": more})

    return app


@pytest.fixture
def widget_files(root):
    js = root / "static" / "js"
    (js / "Selectbox.a1.js").write_text('import{a}from"./useMenu.b2.js";import"./shared.c3.js";')
    (js / "useMenu.b2.js").write_text('import{b}from"./shared.c3.js";')
    (js / "shared.c3.js").write_text("export const b = 1;")
    (js / "Unused.d4.js").write_text('import"./useMenu.b2.js";')
    (root / "index.html").write_text(
        '<html><head><link rel="modulepreload" href="./static/js/shared.c3.js"></head></html>'
    )
    return root


def test_the_closure_of_a_component_follows_its_static_imports(widget_files):
    js = widget_files / "static" / "js"
    assert module_closure(js, ("Selectbox",)) == [
        "Selectbox.a1.js",
        "shared.c3.js",
        "useMenu.b2.js",
    ]
    # the page already announces shared.c3.js: only the other two are added
    assert preload_links(widget_files, ("Selectbox",)) == (
        b'<link rel="modulepreload" crossorigin href="./static/js/Selectbox.a1.js">'
        b'<link rel="modulepreload" crossorigin href="./static/js/useMenu.b2.js">'
    )


def test_the_page_announces_the_first_paint_files_and_other_answers_pass_unchanged(widget_files):
    preloads = partial(PagePreloads, root=widget_files, components=("Selectbox",))
    page = _page_app(b"text/html; charset=utf-8", [b"<html><head>", b"</head><body></body>"])
    status, headers, body = call(preloads(page), "/carte")
    assert status == 200
    assert body.startswith(b'<html><head><link rel="modulepreload" crossorigin')
    assert body.endswith(b'useMenu.b2.js"></head><body></body>')
    assert headers[b"content-length"] == str(len(body)).encode() and b"etag" not in headers
    status, headers, body = call(preloads(_page_app(b"application/json", [b"{}"])), "/x")
    assert (status, body, headers[b"etag"]) == (200, b"{}", b'"x"')


def test_every_first_paint_component_is_found_in_the_installed_streamlit():
    js = streamlit_static_dir() / "static" / "js"
    found = {name.split(".")[0] for name in module_closure(js, FIRST_PAINT_COMPONENTS)}
    assert set(FIRST_PAINT_COMPONENTS) <= found  # a Streamlit upgrade renaming one fails here
