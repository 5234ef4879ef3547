"""The HTTP rules of serve.py: security headers on every response, a private metrics endpoint."""

import asyncio
import base64
import hashlib
from concurrent.futures import ThreadPoolExecutor

import pytest

from lib.http_guard import SecurityHeaders, content_security_policy
from lib.settings import ALLOW_METRICS_ENV

INDEX = "<html><script>\n  window.prerenderReady = false\n</script><script src='x.js'></script>"


async def _inner_app(_scope, _receive, send):
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"x-frame-options", b"ALLOWALL")],
        }
    )
    await send({"type": "http.response.body", "body": b"ok"})


def _call(path: str, scope_type: str = "http") -> list[dict]:
    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    guard = SecurityHeaders(_inner_app, index_html=INDEX)
    # a thread of its own: a browser test may have left an event loop running in this one
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, guard({"type": scope_type, "path": path}, receive, send)).result()
    return sent


def test_every_response_gets_the_security_headers_replacing_the_apps_own():
    start = _call("/")[0]
    headers = dict(start["headers"])
    assert start["status"] == 200
    assert headers[b"x-frame-options"] == b"SAMEORIGIN"  # the app's ALLOWALL was replaced
    assert [k for k, _ in start["headers"]].count(b"x-frame-options") == 1
    assert headers[b"x-content-type-options"] == b"nosniff"
    csp = headers[b"content-security-policy"].decode()
    assert "frame-ancestors 'self'" in csp
    assert "img-src 'self' data: blob:" in csp  # an outside image is never fetched


def test_the_csp_allows_exactly_the_index_pages_inline_script():
    digest = hashlib.sha256(b"\n  window.prerenderReady = false\n").digest()
    expected = "'sha256-" + base64.b64encode(digest).decode() + "'"
    csp = dict(_call("/")[0]["headers"])[b"content-security-policy"].decode()
    script_src = next(d for d in csp.split("; ") if d.startswith("script-src"))
    assert script_src == f"script-src 'self' {expected}"
    assert "unsafe-inline" not in script_src


@pytest.mark.parametrize("path", ["/_stcore/metrics", "/base/_stcore/metrics"])
def test_metrics_are_not_public(monkeypatch, path):
    monkeypatch.delenv(ALLOW_METRICS_ENV, raising=False)
    start, body = _call(path)
    assert start["status"] == 404
    assert body["body"] == b"Not found"


def test_metrics_can_be_opened_on_purpose(monkeypatch):
    monkeypatch.setenv(ALLOW_METRICS_ENV, "1")
    assert _call("/_stcore/metrics")[0]["status"] == 200


def test_websockets_pass_through_untouched():
    assert dict(_call("/_stcore/stream", "websocket")[0]["headers"]) == {
        b"x-frame-options": b"ALLOWALL"
    }


def test_policy_lists_no_outside_host():
    policy = content_security_policy(["'sha256-x'"])
    assert "://" not in policy
    assert "*" not in policy
    assert "'unsafe-eval'" not in policy
