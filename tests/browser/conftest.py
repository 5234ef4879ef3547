"""A real headless browser (Debian chromium driven by Playwright) against a real app server.

Every request not addressed to the app's own host is aborted and counted; tests assert zero.
Screenshots are written to artifacts/ (kept on failure too, for CI logs).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from scripts.local_server import ARTIFACTS, free_port, start_streamlit

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def app_url():
    """`streamlit run serve.py` (as `make run`: the app behind the project's HTTP rules) on a
    free local port for the whole test session."""
    with start_streamlit(ROOT / "serve.py", free_port()) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed (run `make chromium`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class ExternalRequests:
    """Requests the page tried to send outside the app's own host (aborted)."""

    def __init__(self, app_host: str):
        self.app_host = app_host
        self.blocked: list[str] = []

    def route(self, route) -> None:
        url = route.request.url
        host = urlparse(url).hostname
        if url.startswith(("data:", "blob:")) or host == self.app_host:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture
def page(browser, app_url, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    external = ExternalRequests(urlparse(app_url).hostname)
    context.route("**/*", external.route)
    page = context.new_page()
    page.external = external
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    context.close()
