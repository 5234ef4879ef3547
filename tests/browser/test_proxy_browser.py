"""Two app processes behind nginx, as `make run-proxy` starts them (scripts/run_proxy.py), on a
scratch schema of the test PostgreSQL: nginx serves the page files itself, the page document keeps
the app's security headers, and each browser stays on one app process from its first request
(the route cookie set by the document) to its websocket; votes cast through the proxy from two
browsers, each on a process of its own, are both recorded."""

from __future__ import annotations

import re
import time
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlparse

import pytest
from conftest import ROOT, ExternalRequests

from bench.room.database import scratch_database
from lib import explore
from lib.data import load_dataset
from lib.formatting import ordinal
from lib.http_guard import inline_script_hashes, security_header_values, streamlit_index_html
from lib.i18n import t
from lib.workshop import service
from scripts.run_proxy import ROUTE_COOKIE, proxied_apps

pytestmark = pytest.mark.browser

ACTORS = ["citoyens", "entreprises", "associations"]
BALLOTS = {  # one per browser: profile, then the domains in rank order
    "first": ("citoyens", ["emploi", "sante", "logement"]),
    "second": ("entreprises", ["logement", "mobilite", "emploi"]),
}
LOG_LINE = re.compile(r'^route=(\S+) upstream=(\S+) status=(\d+) .*"(\S+) (\S+)"$')


@dataclass(frozen=True)
class Hit:
    """One line of nginx's access log (scripts/run_proxy.py's `log_format`)."""

    route: str
    upstream: str  # "-": served by nginx itself
    status: int
    method: str
    path: str


def hits(proxy) -> list[Hit]:
    lines = (proxy.run_dir / "access.log").read_text().splitlines()
    return [Hit(m[1], m[2], int(m[3]), m[4], m[5]) for line in lines if (m := LOG_LINE.match(line))]


@pytest.fixture(scope="module")
def proxy(nginx_installed, postgres_url, tmp_path_factory):  # noqa: ARG001 (skips without)
    """nginx in front of two `serve.py` processes sharing a scratch schema, with one workshop;
    (proxy, engine, workshop)."""
    with scratch_database(postgres_url) as env:
        engine = service.engine_from_env(env)
        workshop, _ = service.create_workshop(
            engine,
            title="Atelier derrière le proxy",
            territory_id="REG-53",
            actor_ids=ACTORS,
            n_choices=3,
            allowed_territories={"REG-53"},
            allowed_actors=set(ACTORS),
        )
        try:
            run_dir = tmp_path_factory.mktemp("proxy")
            with proxied_apps(ROOT / "serve.py", 2, env, run_dir=run_dir) as started:
                yield started, engine, workshop
        finally:
            engine.dispose()


def fetch(url: str, headers: dict[str, str] | None = None):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as response:
        return response.headers, response.read()


def test_nginx_serves_the_page_files_and_the_document_keeps_the_security_headers(proxy):
    started, _, workshop = proxy
    expected = security_header_values(inline_script_hashes(streamlit_index_html()))
    headers, document = fetch(f"{started.url}/participer?code={workshop.code}")
    for name, value in expected.items():
        assert headers[name] == value
    assert headers["Set-Cookie"].startswith(f"{ROUTE_COOKIE}=")
    assert "HttpOnly" in headers["Set-Cookie"]

    script = re.search(r'src="\./(static/js/index\.[\w-]+\.js)"', document.decode())[1]
    headers, body = fetch(f"{started.url}/{script}", {"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"  # the copy made once (gzip_static)
    assert headers["Cache-Control"] == "public, immutable, max-age=31536000"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Set-Cookie"] is None
    assert body[:2] == b"\x1f\x8b"

    # nginx logs a request once its response is sent: the client may read it first
    logged = wait_for_log(started, lambda hs: {f"/{script}", "/participer"} <= {h.path for h in hs})
    served = {hit.path: hit.upstream for hit in logged if hit.method == "GET"}
    assert served[f"/{script}"] == "-"  # nginx itself, no app process
    assert served["/participer"] in {urlparse(app).netloc for app in started.apps}


def vote(page, url: str, ballot: tuple[str, list[str]], labels) -> None:
    """Open the workshop's link, join, pick the profile and the ranked domains, send."""
    actor, domains = ballot
    page.goto(url)
    page.get_by_role("button", name=t("ws_join_button", "fr")).click(timeout=60_000)
    page.get_by_text(labels.actors[actor], exact=True).click(timeout=60_000)
    for rank, domain in enumerate(domains, start=1):
        label = t("ws_choice_n", "fr", rank=ordinal(rank, "fr"))
        page.locator('[data-testid="stSelectbox"]').filter(has_text=label).click()
        page.get_by_role("option", name=labels.domains[domain], exact=True).click()
    page.get_by_role("button", name=t("ws_submit", "fr")).click()
    page.get_by_text(t("ws_thanks", "fr")).wait_for(timeout=60_000)


def route_to_another_process(started, taken: str) -> str:
    """A route cookie value nginx sends to another process than `taken` (host:port)."""
    for number in range(64):
        route = f"probe-{number}"
        fetch(f"{started.url}/_stcore/health", {"Cookie": f"{ROUTE_COOKIE}={route}"})
        if any(h.route == route and h.upstream != taken for h in hits(started)):
            return route
    raise AssertionError("every probed route went to one process")


def wait_for_log(started, done, timeout: float = 20) -> list[Hit]:
    """nginx's log once `done(lines)` holds (or the timeout passed: the assertions then say
    what is missing)."""
    deadline = time.monotonic() + timeout
    while True:
        logged = hits(started)
        if done(logged) or time.monotonic() > deadline:
            return logged
        time.sleep(0.2)


def wait_for_websocket_lines(started, routes: set[str]) -> list[Hit]:
    """The log once nginx wrote the websocket line of every route (on the socket's close)."""
    return wait_for_log(
        started, lambda logged: routes <= {h.route for h in logged if h.path == "/_stcore/stream"}
    )


def test_two_browsers_vote_through_the_proxy_each_on_one_process(browser, proxy, request):
    started, engine, workshop = proxy
    labels = explore.labels(load_dataset(), "fr")
    link = f"{started.url}/participer?code={workshop.code}"
    apps = {urlparse(app).netloc for app in started.apps}
    contexts, routes = [], {}
    for name, ballot in BALLOTS.items():
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR")
        request.addfinalizer(context.close)
        external = ExternalRequests(urlparse(started.url).hostname)
        context.route("**/*", external.route)
        if routes:  # the second browser: a route cookie of the other process, set beforehand
            taken = next(h.upstream for h in hits(started) if h.route == routes["first"])
            context.add_cookies(
                [{"name": ROUTE_COOKIE, "value": route_to_another_process(started, taken),
                  "url": started.url}]
            )  # fmt: skip
        vote(context.new_page(), link, ballot, labels)
        routes[name] = next(c["value"] for c in context.cookies() if c["name"] == ROUTE_COOKIE)
        assert external.blocked == []
        contexts.append(context)
    for context in contexts:
        context.close()  # nginx logs a websocket when it closes

    logged = wait_for_websocket_lines(started, set(routes.values()))
    first = [h for h in logged if h.route == routes["first"]]
    # the first browser got its cookie from the document, which that same route had sent to
    # the process every later request of the browser reached, the websocket included
    assert (first[0].method, first[0].path) == ("GET", "/participer")
    upstreams = {}
    for name, route in routes.items():
        proxied = {h.upstream for h in logged if h.route == route and h.upstream != "-"}
        assert len(proxied) == 1 and proxied <= apps, (name, proxied)
        upstreams[name] = proxied.pop()
        assert any(
            h.path == "/_stcore/stream" and h.status == 101 for h in logged if h.route == route
        )
    assert upstreams["first"] != upstreams["second"]
    # every websocket carried a route cookie: none was routed by a request id of its own
    assert {h.route for h in logged if h.path == "/_stcore/stream"} == set(routes.values())
    # the page files came from nginx, not from an app process
    page_files = [h for h in logged if h.path.startswith("/static/")]
    assert page_files and {h.upstream for h in page_files} == {"-"}

    votes = service.votes_frame(engine, workshop.workshop_id)
    recorded = {
        (group["actor_id"].iloc[0], tuple(group.sort_values("rank")["domain_id"]))
        for _, group in votes.groupby("vote_no")
    }
    assert recorded == {(actor, tuple(domains)) for actor, domains in BALLOTS.values()}
