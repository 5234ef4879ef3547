"""The files a phone's browser fetches besides the page's HTML document, recorded once with a real
browser (`bench/bench_room.py --record-page-files`) into `page_files.txt`: "before" the websocket
opens (the app shell, its fonts, the health probes) and "after" (the chunks drawing the widgets),
each with the HTTP status the browser got (its first probes, under the page's own path, get 404).

Files under /static/ are content-hashed and served "immutable": a phone that opened the app
before (a cached load) fetches only the others.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import streamlit

LIST = Path(__file__).with_name("page_files.txt")
CHROMIUM = "/usr/bin/chromium"
PHONE_VIEWPORT = {"width": 390, "height": 844}
RECORDED_PAGE = "participer"
PAGE = "{page}"  # in a listed path: the path of the page being opened


class StaleListError(Exception):
    """The recorded list does not match the installed Streamlit."""


@dataclass(frozen=True)
class PageFile:
    moment: str  # "before" or "after" the websocket opens
    status: int
    path: str


@dataclass(frozen=True)
class PageFiles:
    files: tuple[PageFile, ...]

    def fetches(self, moment: str, page: str, cached: bool) -> list[tuple[str, int]]:
        """(path, expected status) fetched at `moment` by a tab opening `page` ("" for the root,
        which has no probes of its own); a cached load skips the immutable /static/ files."""
        return [
            (file.path.replace(PAGE, page), file.status)
            for file in self.files
            if file.moment == moment
            and not (cached and file.path.startswith("/static/"))
            and (page or PAGE not in file.path)
        ]


def load(path: Path = LIST) -> PageFiles:
    """The recorded list; StaleListError when it was recorded with another Streamlit version."""
    lines = [line for line in path.read_text().splitlines() if line and not line.startswith("#")]
    version = lines[0].removeprefix("streamlit ")
    if version != streamlit.__version__:
        raise StaleListError(
            f"{path.name} lists the files of Streamlit {version}, {streamlit.__version__} is "
            "installed: run `bench/bench_room.py --record-page-files`"
        )
    rows = (line.split(" ", 2) for line in lines[1:])
    return PageFiles(tuple(PageFile(moment, int(status), name) for moment, status, name in rows))


def record(base_url: str, code: str, join_label: str, ballot_label: str) -> PageFiles:
    """Open the participant page of workshop `code` in Debian's chromium (a phone's viewport),
    join, wait for the ballot: the same-origin requests made, before and after the websocket."""
    from playwright.sync_api import sync_playwright

    requests = []  # (moment, request)
    opened: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--headless", "--disable-gpu"]
        )
        page = browser.new_page(viewport=PHONE_VIEWPORT, locale="fr-FR")
        page.on("request", lambda r: requests.append((time.monotonic(), r)))
        page.on("websocket", lambda _: opened.append(time.monotonic()))
        page.goto(f"{base_url}/{RECORDED_PAGE}?code={code}")
        page.get_by_role("button", name=join_label).click()
        page.get_by_text(ballot_label).wait_for()
        page.locator("textarea").wait_for()  # the comment, drawn last
        page.wait_for_load_state("networkidle")
        files = []
        for moment, request in requests[1:]:  # the first request is the document itself
            parsed = urlparse(request.url)
            if request.url.startswith(base_url) and not parsed.path.endswith("/_stcore/stream"):
                name = parsed.path.replace(f"/{RECORDED_PAGE}/", f"/{PAGE}/", 1)
                status = request.response().status
                files.append(PageFile("before" if moment < opened[0] else "after", status, name))
        browser.close()
    return PageFiles(tuple(files))


def save(files: PageFiles, path: Path = LIST) -> None:
    header = (
        "# Files a phone's browser fetched for /participer?code=… besides the document, recorded\n"
        "# by `bench/bench_room.py --record-page-files` (Debian chromium): before / after the\n"
        "# websocket opened, HTTP status, path ({page}: the page's own path). Used by the room\n"
        "# bench (bench/room/page_files.py).\n"
    )
    rows = [f"{file.moment} {file.status} {file.path}" for file in files.files]
    path.write_text(header + f"streamlit {streamlit.__version__}\n" + "\n".join(rows) + "\n")
