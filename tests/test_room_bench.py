"""The room bench (bench/bench_room.py): its parts, then a room of 10 phones against the real app
(`serve.py` on a scratch SQLite database) and against the bare floor page. Counts only: no
timing is asserted."""

import asyncio
import itertools
import math
import random
from types import SimpleNamespace

import pytest
from streamlit.proto.Element_pb2 import Element
from workshop_votes import cast_vote, domain_ids, new_token

from bench import bench_room
from bench.room import page_files
from bench.room.apart import run_apart
from bench.room.database import scratch_database
from bench.room.httpget import Browser, HTTPError
from bench.room.page_files import PageFile, PageFiles
from bench.room.room import Options, Phone, Plan, ballots
from bench.room.session import PageError, Session
from bench.room.verify import tally

PHONES, VOTES = 10, 3
PLAN = Plan(phones=PHONES, arrival_s=2, think_s=(0.05, 0.2), votes=VOTES, timeout_s=60)
OPTIONS = Options(actors=["a1", "a2", "a3", "a4"], domains=[f"d{i}" for i in range(9)], picks=3)


def test_ballots_start_whole_then_change_one_or_two_choices():
    drawn = ballots(random.Random(7), OPTIONS, 6)
    assert len(drawn) == 6
    for ballot in drawn:
        assert ballot[0] in OPTIONS.actors
        assert len(set(ballot[1:])) == 3 and set(ballot[1:]) <= set(OPTIONS.domains)
    for before, after in itertools.pairwise(drawn):
        changed = sum(a != b for a, b in zip(before, after, strict=True))
        assert changed in (1, 2)


def test_page_files_of_a_cached_load_and_of_the_root_page():
    files = PageFiles(
        (
            PageFile("before", 200, "/static/js/index.js"),
            PageFile("before", 404, "/{page}/_stcore/health"),
            PageFile("before", 200, "/_stcore/health"),
            PageFile("after", 200, "/static/js/Radio.js"),
        )
    )
    assert files.fetches("before", "participer", cached=False) == [
        ("/static/js/index.js", 200),
        ("/participer/_stcore/health", 404),
        ("/_stcore/health", 200),
    ]
    assert files.fetches("before", "atelier", cached=True) == [
        ("/atelier/_stcore/health", 404),
        ("/_stcore/health", 200),
    ]
    assert files.fetches("before", "", cached=False) == [
        ("/static/js/index.js", 200),
        ("/_stcore/health", 200),
    ]
    assert files.fetches("after", "participer", cached=True) == []


def test_a_list_recorded_with_another_streamlit_says_how_to_refresh_it(tmp_path):
    listed = tmp_path / "page_files.txt"
    listed.write_text("# comment\nstreamlit 0.1.0\nbefore 200 /static/js/index.js\n")
    with pytest.raises(page_files.StaleListError, match="--record-page-files"):
        page_files.load(listed)


def test_the_recorded_list_loads_for_the_installed_streamlit():
    files = page_files.load()
    assert files.fetches("before", "participer", cached=False)
    assert files.fetches("after", "participer", cached=False)


def test_a_missing_widget_is_named_with_the_widgets_the_page_has():
    session = Session("http://127.0.0.1:1", "/participer?code=ABCD2345", {}, timeout=1)
    element = Element()
    element.button.id = "$$ID-0123-ws_join"
    element.button.label = "Rejoindre"
    session.elements[(0, 0)] = element
    assert session.find("button", key="ws_join").label == "Rejoindre"
    assert session.find("button", label="Rejoindre").id == "$$ID-0123-ws_join"
    with pytest.raises(
        PageError, match=r"no button with key 'ws_send' \(widgets: button ws_join\)"
    ):
        session.find("button", key="ws_send")
    assert session.param("code") == "ABCD2345" and session.param("p") is None


def test_votes_lost_and_duplicated_are_counted_from_the_database():
    with scratch_database() as env:
        engine, workshop, _ = bench_room.create_workshop(env)
        ballot = ["emploi", "sante", "logement"]
        kept = cast_vote(engine, workshop.code, "citoyens", ballot)
        replaced = cast_vote(engine, workshop.code, "entreprises", ballot)
        cast_vote(engine, workshop.code, "associations", ballot)  # a vote of no phone: duplicated
        never_voted = new_token(engine, workshop.code)
        phones = [
            Phone(token=kept, last_sent=("citoyens", "emploi", "sante", "logement")),
            # its last ballot sent is not the one recorded: lost
            Phone(token=replaced, last_sent=("entreprises", "sante", "emploi", "logement")),
            Phone(token=never_voted, last_sent=("citoyens", "emploi", "sante", "logement")),
            Phone(token=None, last_sent=None),  # never joined
        ]
        identity = {key: key for key in [*workshop.actor_ids, *domain_ids()]}
        labels = SimpleNamespace(actors=identity, domains=identity)
        counted = tally(engine, workshop, phones, labels)
        engine.dispose()
    assert (counted.sent, counted.recorded, counted.lost, counted.duplicated) == (3, 1, 2, 1)
    assert counted.stored == 3


def test_page_files_are_fetched_again_when_the_server_closed_an_idle_connection():
    requests = []

    async def serve(reader, writer):  # answers one request per connection, then closes it
        requests.append((await reader.readuntil(b"\r\n\r\n")).split(b"\r\n")[0])
        status = b"404 Not Found" if requests[-1].startswith(b"GET /missing") else b"200 OK"
        writer.write(
            b"HTTP/1.1 " + status + b"\r\nContent-Length: 2\r\n"
            b"Set-Cookie: _streamlit_xsrf=2|ab|cd|1; Path=/\r\n\r\nok"
        )
        await writer.drain()
        writer.close()

    async def browse():
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        browser = Browser("127.0.0.1", server.sockets[0].getsockname()[1])
        try:
            first = await browser.fetch("/participer?code=ABCD2345")
            await browser.fetch_all([("/static/a.js", 200), ("/missing", 404)] * 2)
            with pytest.raises(HTTPError, match="HTTP 404 \\(a browser got 200\\)"):
                await browser.fetch("/missing")
        finally:
            browser.close()
            server.close()
        return first, browser.cookies

    first, cookies = run_apart(browse())
    assert first == b"ok" and cookies == {"_streamlit_xsrf": "2|ab|cd|1"}
    assert len(requests) == 6


def test_percentile_is_the_nearest_rank():
    values = [float(v) for v in range(20, 0, -1)]
    assert bench_room.percentile(values, 0.95) == 19
    assert bench_room.percentile(values, 0.5) == 10
    assert math.isnan(bench_room.percentile([], 0.95))


@pytest.fixture(scope="module")
def files():
    return page_files.load()


def assert_every_interaction_measured(result):
    seconds = result.record.seconds
    assert result.record.errors == []
    assert len(seconds["shell"]) == len(seconds["open"]) == PHONES
    assert len(seconds["join"]) == PHONES
    assert len(seconds["vote"]) == PHONES * VOTES
    assert len(seconds["refresh"]) >= 1
    assert result.record.votes_sent == PHONES * VOTES


def test_a_room_of_10_phones_on_the_app_loses_and_duplicates_no_vote(files):
    result = bench_room.measure_app(PLAN, files)
    assert_every_interaction_measured(result)
    assert (result.tally.sent, result.tally.recorded) == (PHONES, PHONES)
    assert (result.tally.lost, result.tally.duplicated, result.tally.stored) == (0, 0, PHONES)
    assert result.shown == PHONES  # the organiser's screen counts every participant
    assert result.probe_ms is not None


def test_the_same_room_on_the_bare_floor_page(files):
    result = bench_room.measure_floor(PLAN, files)
    assert_every_interaction_measured(result)
    assert result.tally is None and result.shown is None


def test_the_room_through_nginx_on_two_processes_sharing_postgresql(
    files,
    nginx_installed,  # noqa: ARG001 (skips without)
    postgres_url,
):
    """As `make run-proxy` (bench_room.py --proxy): every phone through nginx, which serves the
    page files the list expects (with their statuses) and routes each phone by its cookie."""
    result = bench_room.measure_app(PLAN, files, 2, postgres_url=postgres_url, proxy=True)
    assert_every_interaction_measured(result)
    assert (result.tally.sent, result.tally.recorded) == (PHONES, PHONES)
    assert (result.tally.lost, result.tally.duplicated, result.tally.stored) == (0, 0, PHONES)
    assert result.shown == PHONES
    assert result.proxy_cpu_s is not None
