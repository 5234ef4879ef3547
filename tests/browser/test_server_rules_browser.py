"""The server as `make run` starts it (serve.py): security headers, private metrics, Streamlit's
page files compressed from memory, and pages that still draw everything under the content
security policy."""

import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser

MAP_DRAWN = (
    "() => { const gd = document.querySelector('.js-plotly-plot');"
    " return gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot"
    " && gd._fullLayout.map._subplot.map.loaded()"
    " && !document.querySelector('[data-testid=\"stStatusWidget\"]'); }"
)


def test_pages_carry_the_security_headers(app_url):
    with urllib.request.urlopen(f"{app_url}/profil?territory=REG-53") as response:
        headers = response.headers
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert "img-src 'self' data: blob:" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_metrics_endpoint_is_not_public(app_url):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{app_url}/_stcore/metrics")
    assert error.value.code == 404


def test_the_map_draws_under_the_policy_without_a_single_violation(page, app_url):
    violations: list[str] = []
    scripts: dict[str, dict[str, str]] = {}
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    page.on(
        "response",
        lambda r: scripts.setdefault(r.url, r.headers) if "/static/js/" in r.url else None,
    )
    page.goto(f"{app_url}/carte?level=department&territory=REG-53")
    page.wait_for_function(MAP_DRAWN, timeout=60_000)
    assert violations == []
    assert page.external.blocked == []
    # Streamlit's scripts came compressed, with the security headers (lib/static_cache.py)
    assert len(scripts) > 10
    plain = [h for h in scripts.values() if h.get("content-encoding") != "gzip"]
    assert len(plain) < len(scripts) / 10  # only the few too short to gain from it
    assert all(int(h["content-length"]) < 200 for h in plain)
    assert {h.get("x-content-type-options") for h in scripts.values()} == {"nosniff"}


def test_an_outside_image_smuggled_into_a_page_is_refused_by_the_browser(page, app_url):
    """Second belt behind the display-side escaping: even an <img> pointing outside that reached
    the page would not be fetched (img-src 'self')."""
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    page.goto(app_url)
    page.wait_for_selector("svg.svg-map path", timeout=60_000)
    page.evaluate(
        "() => { const i = document.createElement('img');"
        " i.src = 'http://attacker.invalid/pixel.png'; document.body.appendChild(i); }"
    )
    page.wait_for_timeout(500)
    assert page.external.blocked == []  # never even requested
    assert any("attacker.invalid" in v for v in violations)
