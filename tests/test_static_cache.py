"""Streamlit's page files answered from memory (serve.py): compressed once, read once, cache
headers kept; every other request passes through to the app."""

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor

import pytest

from lib.static_cache import PageFilesFromMemory, streamlit_static_dir

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
