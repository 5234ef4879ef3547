"""A real headless browser (Debian chromium driven by Playwright) against a real app server.

Every request not addressed to the app's own host is aborted and counted; tests assert zero.
Screenshots are written to artifacts/ (kept on failure too, for CI logs).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "artifacts"
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(
    url: str, process: subprocess.Popen, timeout: float = 60, name: str = "streamlit"
) -> None:
    """Return once `url` answers its health check (a Streamlit server or a proxy in front)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{name} did not become healthy")


@contextmanager
def start_streamlit(
    script: Path, port: int, options: Sequence[str] = (), env: Mapping[str, str] | None = None
):
    """Run `streamlit run script` on 127.0.0.1:port, with further command-line `options` and
    environment variables `env`; yields the URL (the process in `.process`)."""
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"streamlit-{script.stem}-{port}.log"
    command = [
        sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true", *options,
    ]  # fmt: skip
    with log.open("w") as handle:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"},
        )
        url = ServerURL(f"http://127.0.0.1:{port}")
        url.process = process
        try:
            wait_healthy(url, process)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)


class ServerURL(str):
    """The server's base URL, carrying its process (for memory measurements)."""

    process: subprocess.Popen


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
