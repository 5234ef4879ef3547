"""Room bench (issue #17): simulated phones and an organiser screen against the running app.

They speak Streamlit's own websocket protocol as browsers do; the same room then runs against a
bare one-button page (the floor).

The app runs as `make run` starts it (`streamlit run serve.py`) on a free loopback port, with a
fresh workshop database (a temporary SQLite file, or a new schema at --database-url). Each phone
arrives at a random moment of the arrival window, fetches the participant page's document and
files as a browser does (bench/room/page_files.txt), opens /participer?code=…, joins, picks a
profile and the ranked domains, sends, then changes one or two choices and sends again (--votes
ballots in all), pausing --think seconds before every tap. The organiser's screen (/atelier,
opened with the workshop's key) refreshes its live results at the page's own interval meanwhile.
On the floor every tap that reaches the server is a click on the one button (the choices stay
on the phone until sent, as in the participant page's form).

Prints Markdown: p50/p95/max per interaction kind, errors, votes sent vs recorded in the
database (lost, duplicated), the server's CPU (and one participant rerun's, measured after the
room with its tabs still open), the load average, the load generator's own CPU.

--servers N starts N app processes: phone n connects to process n mod N (as a proxy with sticky
sessions would spread them); with --proxy they sit behind nginx as `make run-proxy` starts them
(scripts/run_proxy.py) and every phone goes through it, its cookies kept (the route cookie nginx
sets on the page document), the page files served by nginx; nginx's own CPU is reported.

    .venv/bin/python bench/bench_room.py                 # 200 phones over 30 s, 3 votes each
    .venv/bin/python bench/bench_room.py --phones 20 --option runner.postScriptGC=false
    .venv/bin/python bench/bench_room.py --servers 2 --database-url "$TEST_DATABASE_URL"
    .venv/bin/python bench/bench_room.py --proxy --servers 2 --database-url "$TEST_DATABASE_URL"
    .venv/bin/python bench/bench_room.py --record-page-files   # after a Streamlit upgrade
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench.room import page_files  # noqa: E402
from bench.room.apart import run_apart  # noqa: E402
from bench.room.database import scratch_database  # noqa: E402
from bench.room.pages import (  # noqa: E402
    FLOOR_APP,
    LANG,
    FloorPage,
    FloorScreen,
    OrganiserScreen,
    ParticipantPage,
)
from bench.room.room import (  # noqa: E402
    KINDS,
    Options,
    Plan,
    Record,
    close,
    probe,
    probe_phone,
    run_room,
)
from bench.room.verify import Tally, tally  # noqa: E402
from lib.i18n import t  # noqa: E402
from lib.workshop import service  # noqa: E402
from scripts.run_proxy import app_servers, proxied_apps  # noqa: E402

TERRITORY = "REG-53"
N_CHOICES = 3
PROBE_RERUNS = 20
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Result:
    """One room run: measurements, database tally (None on the floor), server CPU."""

    name: str
    record: Record
    tally: Tally | None
    cpu_s: float  # the server processes' CPU during the room
    loop_cpu_s: float  # ... of which their main thread (event loop: websockets, page files)
    proxy_cpu_s: float | None  # nginx's (master and workers), None without it
    wall_s: float
    probe_ms: float | None  # server CPU of one participant rerun, tabs of the room open
    shown: int | None  # participants the organiser's screen showed at the end


@cache
def dataset_labels():
    from lib import explore
    from lib.data import load_dataset

    dataset = load_dataset()
    return dataset, explore.labels(dataset, LANG)


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU seconds (user + system) of a process and of its main thread, from /proc."""

    def read(path: str) -> float:
        fields = Path(path).read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    return read(f"/proc/{pid}/stat"), read(f"/proc/{pid}/task/{pid}/stat")


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds of a process and of its children (nginx's master and workers)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return sum(cpu_seconds(p)[0] for p in [pid, *map(int, children)])


@dataclass(frozen=True)
class Servers:
    """Where the phones connect, the app processes behind, nginx's process (or None)."""

    urls: list[str]
    pids: list[int]
    proxy_pid: int | None = None


@contextmanager
def servers(
    script: Path, count: int, options: list[str], env: dict[str, str], proxy: bool = False
) -> Iterator[Servers]:
    """`count` Streamlit processes of `script` (same options and environment), behind nginx
    when `proxy`."""
    if proxy:
        with proxied_apps(script, count, env, options) as started:
            pids = [app.process.pid for app in started.apps]
            yield Servers([started.url], pids, started.process.pid)
    else:
        with app_servers(script, count, options, env) as urls:
            yield Servers(list(urls), [url.process.pid for url in urls])


def study_actors() -> list[str]:
    """The actors of the Observatoire's studies (the organiser's form ticks them by default)."""
    actors = dataset_labels()[0].actors
    return list(actors.loc[actors["in_observatoire_studies"].astype(bool), "actor_id"])


def create_workshop(env: dict[str, str]):
    """The bench's workshop (Bretagne, the studies' actors, 3 domains), its engine and key."""
    engine = service.engine_from_env(env)
    workshop, key = service.create_workshop(
        engine,
        title="Banc d'essai : la salle",
        territory_id=TERRITORY,
        actor_ids=study_actors(),
        n_choices=N_CHOICES,
        allowed_territories={TERRITORY},
        allowed_actors=set(study_actors()),
    )
    return engine, workshop, key


def ballot_options(actor_ids, n_choices: int) -> Options:
    """Ballots in the labels the page shows (the floor uses the same, to tap as often)."""
    dataset, labels = dataset_labels()
    return Options(
        actors=[labels.actors[a] for a in actor_ids],
        domains=[labels.domains[d] for d in dataset.domains["domain_id"]],
        picks=n_choices,
    )


def room(name, started: Servers, page, screen, files, plan, options, db=None) -> Result:
    """Run the room against `started`; `db` = (engine, workshop) to tally the votes."""
    pids, proxy = started.pids, started.proxy_pid

    def apps_cpu() -> float:
        return sum(cpu_seconds(pid)[0] for pid in pids)

    async def measured():
        before = [cpu_seconds(pid) for pid in pids]
        proxy_before = tree_cpu_seconds(proxy) if proxy else None
        start = time.perf_counter()
        run = await run_room(started.urls, page, screen, files, plan, options)
        wall = time.perf_counter() - start
        after = [cpu_seconds(pid) for pid in pids]
        proxy_cpu = tree_cpu_seconds(proxy) - proxy_before if proxy else None
        probe_ms, number = None, probe_phone(run)
        try:
            if number is not None:  # the room is over: every process but the phone's is idle
                start_cpu = apps_cpu()
                await probe(run.phones[number], page, options, PROBE_RERUNS)
                probe_ms = (apps_cpu() - start_cpu) / PROBE_RERUNS * 1000
        except Exception as error:
            run.record.errors.append(f"probe: {type(error).__name__}: {error}")
        finally:
            await close(run)
        cpu = sum(a[0] - b[0] for a, b in zip(after, before, strict=True))
        loop = sum(a[1] - b[1] for a, b in zip(after, before, strict=True))
        return run, cpu, loop, proxy_cpu, wall, probe_ms

    run, cpu, loop, proxy_cpu, wall, probe_ms = run_apart(measured())
    counted = None
    if db is not None:
        engine, workshop = db
        counted = tally(engine, workshop, run.phones, dataset_labels()[1])
        if run.shown is not None and run.shown != counted.stored:
            run.record.errors.append(
                f"organiser: the screen shows {run.shown} participants, "
                f"the database has {counted.stored} votes"
            )
    return Result(name, run.record, counted, cpu, loop, proxy_cpu, wall, probe_ms, run.shown)


def measure_app(plan, files, servers_count=1, options=(), postgres_url=None, proxy=False) -> Result:
    """The room against the app (`serve.py`, as `make run`, or `make run-proxy` with `proxy`)."""
    with scratch_database(postgres_url) as env:
        engine, workshop, key = create_workshop(env)
        try:
            with servers(ROOT / "serve.py", servers_count, list(options), env, proxy) as started:
                return room(
                    "app",
                    started,
                    ParticipantPage(workshop.code),
                    OrganiserScreen(workshop.code, key),
                    files,
                    plan,
                    ballot_options(workshop.actor_ids, workshop.n_choices),
                    (engine, workshop),
                )
        finally:
            engine.dispose()


def measure_floor(plan, files, servers_count=1, options=(), proxy=False) -> Result:
    """The same room against the bare one-button page."""
    with servers(ROOT / FLOOR_APP, servers_count, list(options), {}, proxy) as started:
        ballots = ballot_options(study_actors(), N_CHOICES)
        return room("floor (bare page)", started, FloorPage(), FloorScreen(), files, plan, ballots)


# --- report ------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (NaN when empty)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def seconds(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.2f} s"


def summary_rows(results: list[Result], plan: Plan) -> list[str]:
    """One row per page; "final votes" = phones whose last ballot sent is the one recorded."""
    rows = [
        "| page | phones | open p95 | join p95 | vote p50 | vote p95 | organiser refresh p95 "
        "| errors | ballots sent | final votes recorded | lost | duplicated |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        measured = result.record.seconds.items()
        p50, p95 = (
            {kind: seconds(percentile(values, share)) for kind, values in measured}
            for share in (0.5, 0.95)
        )
        counted = result.tally
        votes = (
            f"{counted.recorded}/{counted.sent} | {counted.lost} | {counted.duplicated}"
            if counted
            else "— | — | —"
        )
        rows.append(
            f"| {result.name} | {plan.phones} | {p95['open']} | {p95['join']} | "
            f"{p50['vote']} | {p95['vote']} | {p95['refresh']} | {len(result.record.errors)} | "
            f"{result.record.votes_sent} | {votes} |"
        )
    return rows


def kind_rows(results: list[Result]) -> list[str]:
    rows = ["| page | interaction | n | p50 | p95 | max |", "|---|---|---|---|---|---|"]
    for result in results:
        for kind in KINDS:
            values = result.record.seconds[kind]
            rows.append(
                f"| {result.name} | {kind} | {len(values)} | {seconds(percentile(values, 0.5))} | "
                f"{seconds(percentile(values, 0.95))} | {seconds(max(values, default=math.nan))} |"
            )
    return rows


def cpu_rows(results: list[Result]) -> list[str]:
    rows = [
        "| page | server CPU | of which event loop thread | wall | cores busy | reruns | CPU per "
        "rerun (all threads but the loop) | one participant rerun, tabs open (probe) | nginx CPU |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        reruns = sum(len(result.record.seconds[k]) for k in KINDS if k != "shell")
        per_rerun = (result.cpu_s - result.loop_cpu_s) / reruns * 1000 if reruns else math.nan
        probe = "—" if result.probe_ms is None else f"{result.probe_ms:.0f} ms"
        proxy = "—" if result.proxy_cpu_s is None else f"{result.proxy_cpu_s:.1f} s"
        rows.append(
            f"| {result.name} | {result.cpu_s:.1f} s | {result.loop_cpu_s:.1f} s | "
            f"{result.wall_s:.1f} s | {result.cpu_s / result.wall_s:.2f} | {reruns} | "
            f"{per_rerun:.0f} ms | {probe} | {proxy} |"
        )
    return rows


def error_lines(result: Result, limit: int = 10) -> list[str]:
    """The errors, grouped by message (phone numbers dropped), most frequent first."""
    counts = Counter(error.split(": ", 1)[-1] for error in result.record.errors)
    return [f"- {result.name}: {n} × {message}" for message, n in counts.most_common(limit)]


def report(results: list[Result], plan: Plan, setup: str, loads: list[tuple], own_cpu: float):
    when = time.strftime("%Y-%m-%d %H:%M")
    lines = [
        f"# Room bench ({when}): {plan.phones} phones over {plan.arrival_s:g} s, {plan.votes} "
        f"votes each, think {plan.think_s[0]:g}–{plan.think_s[1]:g} s, "
        f"{plan.cached_share:.0%} cached loads; {setup}",
        "",
        *summary_rows(results, plan),
        "",
        *kind_rows(results),
        "",
        *cpu_rows(results),
        "",
        "Load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}; after: {:.2f} {:.2f} {:.2f}; "
        "{} cores; load generator's own CPU: {:.1f} s.".format(
            *loads[0], *loads[1], os.cpu_count(), own_cpu
        ),
    ]
    for result in results:
        if result.shown is not None:
            lines.append(f"Organiser's screen at the end: {result.shown} participants.")
        lines.extend(error_lines(result))
    return "\n".join(lines)


def record_page_files() -> None:
    """Record the participant page's files with Debian's chromium into page_files.txt."""
    with scratch_database() as env:
        engine, workshop, _ = create_workshop(env)
        engine.dispose()
        with app_servers(ROOT / "serve.py", 1, [], env) as (url,):
            _, labels = dataset_labels()
            files = page_files.record(
                url,
                workshop.code,
                t("ws_join_button", LANG),
                labels.actors[workshop.actor_ids[0]],
            )
    page_files.save(files)
    print(f"{page_files.LIST}: {len(files.files)} files")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=200, help="phones in the room")
    parser.add_argument("--arrival", type=float, default=30, help="arrival window (s)")
    parser.add_argument(
        "--think", type=float, nargs=2, default=(1, 3), metavar=("MIN", "MAX"),
        help="a person's pause before each tap (s, uniform)",
    )  # fmt: skip
    parser.add_argument("--votes", type=int, default=3, help="ballots sent per phone")
    parser.add_argument("--timeout", type=float, default=60, help="unanswered after (s): error")
    parser.add_argument(
        "--cached-share", type=float, default=0.0,
        help="share of phones (0-1) that opened the app before: no /static/ file fetched",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=1, help="arrivals, pauses and ballots")
    parser.add_argument("--servers", type=int, default=1, help="app processes (phones sticky)")
    parser.add_argument(
        "--proxy", action="store_true", help="the processes behind nginx (`make run-proxy`)"
    )
    parser.add_argument("--database-url", help="PostgreSQL (a scratch schema); else SQLite")
    parser.add_argument(
        "--option", action="append", default=[], metavar="NAME=VALUE",
        help="Streamlit option for the servers, e.g. runner.postScriptGC=false (repeatable)",
    )  # fmt: skip
    parser.add_argument("--skip-floor", action="store_true", help="no bare-page run")
    parser.add_argument("--record-page-files", action="store_true", help="re-record and exit")
    args = parser.parse_args()
    if args.record_page_files:
        record_page_files()
        return
    try:
        files = page_files.load()
    except page_files.StaleListError as error:
        sys.exit(str(error))
    plan = Plan(
        args.phones, args.arrival, tuple(args.think), args.votes, args.timeout,
        args.cached_share, args.seed,
    )  # fmt: skip
    options = [part for option in args.option for part in ("--" + option).split("=", 1)]
    loads = [os.getloadavg()]
    results = [measure_app(plan, files, args.servers, options, args.database_url, args.proxy)]
    if not args.skip_floor:
        results.append(measure_floor(plan, files, args.servers, options, args.proxy))
    loads.append(os.getloadavg())
    setup = (
        f"{args.servers} server process{'es' if args.servers > 1 else ''} "
        f"{'behind nginx (route cookie)' if args.proxy else '(phones sticky)'}, "
        f"{'PostgreSQL' if args.database_url else 'SQLite'}, "
        f"options: {' '.join(args.option) or 'none'}"
    )
    own = resource.getrusage(resource.RUSAGE_SELF)
    print(report(results, plan, setup, loads, own.ru_utime + own.ru_stime))


if __name__ == "__main__":
    main()
