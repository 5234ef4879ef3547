"""Benchmark: hostile uploads refused within the limits of lib/settings.py (not a test).

1. Each hostile file read by `read_upload` in a fresh process: seconds to the refusal, growth of
   that process's peak memory (the server's side) and the worker's peak memory.
2. The isolation's cost per upload: `read_upload` (worker process) against the same reading
   in-process, medians of 9 runs.
3. Another user's page (AppTest rerun of the home page) alone and while a thread of the same
   process refuses the hostile files in a loop.
4. With --browser: a real app server (address space capped at 4 GiB with prlimit) and Chromium;
   user B loads the home page 9 times alone, then 9 times while user A, in another process,
   uploads the hostile files one after the other on the import page (seconds until the French
   refusal shows). Prints B's medians, A's refusal times and the server's peak memory.

Usage: .venv/bin/python bench/bench_hostile_uploads.py [--browser]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import hostile_files  # noqa: E402

from lib.upload import UploadError, raw_upload, read_upload  # noqa: E402
from lib.upload.read import read_table, upload_kind  # noqa: E402

HEADER = "niveau;code_insee;indicateur;libelle;domaine;unite;higher_is_worse;annee;valeur\n"
HOSTILE = {
    "Excel bomb, 5,000 × 300 cells": ("bombe.xlsx", hostile_files.excel_bomb),
    "Excel bomb, 50,000 × 300 cells": (
        "grosse-bombe.xlsx",
        lambda: hostile_files.excel_bomb(50_000, 300),
    ),
    "Excel, one cell of 300 MB": ("cellule.xlsx", hostile_files.excel_single_cell),
    "Excel bomb of 44 MB of XML behind 4 MB of noise, no <dimension>": (
        "bruit.xlsx",
        lambda: hostile_files.excel_bomb(7_000, 300, padding=4_000_000, dimension=False),
    ),
    "CSV of 100,000 columns": ("colonnes.csv", hostile_files.wide_csv),
    "CSV cell of 200 KB": ("cellule.csv", lambda: b"a;b\n1;" + b"x" * 200_000 + b"\n"),
    "CSV in UTF-32": ("utf32.csv", lambda: HEADER.encode("utf-32")),
}


def refusals(folder: Path) -> None:
    print("| hostile file | size | refused in | server peak growth | worker peak | message |")
    print("|---|---|---|---|---|---|")
    for case, (name, build) in HOSTILE.items():
        path = folder / name
        path.write_bytes(build())
        done = subprocess.run(
            [sys.executable, __file__, "--measure-one", str(path), name],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        result = json.loads(done.stdout)
        print(
            f"| {case} | {path.stat().st_size / 1024:,.0f} KB | {result['seconds']:.2f} s | "
            f"{result['server_growth_kib'] / 1024:.1f} MiB | "
            f"{result['worker_peak_kib'] / 1024:.0f} MiB | {result['message'][:70]}… |"
        )


def overhead(runs: int = 9) -> None:
    from bench_upload import ten_thousand_rows

    from lib.data import load_dataset
    from lib.templates import template_xlsx

    files = {
        "CSV of 2 rows": ("a.csv", (HEADER + "region;53;x;X;emploi;%;true;2024;5\n" * 2).encode()),
        "CSV of 10,000 rows": ("a.csv", ten_thousand_rows(load_dataset())),
        "Excel template": ("a.xlsx", template_xlsx("indicators")),
    }
    print("\n| file | read in a worker | read in-process | isolation overhead |")
    print("|---|---|---|---|")
    for case, (name, data) in files.items():
        isolated, local = [], []
        for _ in range(runs):
            start = time.perf_counter()
            read_upload(name, data)
            isolated.append(time.perf_counter() - start)
            start = time.perf_counter()
            raw_upload(read_table(upload_kind(name, data), data))
            local.append(time.perf_counter() - start)
        a, b = statistics.median(isolated), statistics.median(local)
        print(f"| {case} | {a * 1000:.0f} ms | {b * 1000:.0f} ms | {(a - b) * 1000:.0f} ms |")


def rerun_while_refusing(folder: Path, runs: int = 30) -> None:
    """Another user's page (AppTest rerun of the home page after a change of indicator), alone
    and while a thread of the same server process refuses the hostile files in a loop."""
    from run_bench import CYCLE
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()

    def reruns(n: int) -> list[float]:
        times = []
        for i in range(n):
            app.selectbox(key="_filter_indicator").set_value(CYCLE[i % len(CYCLE)])
            start = time.perf_counter()
            app.run()
            times.append(time.perf_counter() - start)
        return times

    reruns(4)  # warm-up: every indicator cached
    alone = reruns(runs)
    stop, refused = threading.Event(), []

    def refuse_in_loop() -> None:
        while not stop.is_set():
            for name, _ in HOSTILE.values():
                try:
                    read_upload(name, (folder / name).read_bytes())
                except UploadError:
                    refused.append(name)

    thread = threading.Thread(target=refuse_in_loop)
    thread.start()
    meanwhile = reruns(runs)
    stop.set()
    thread.join()
    for label, times in (("alone", alone), (f"while {len(refused)} refusals", meanwhile)):
        ms = sorted(t * 1000 for t in times)
        print(
            f"home page rerun (AppTest), {label}: median {statistics.median(ms):.0f} ms, "
            f"90th percentile {ms[int(len(ms) * 0.9)]:.0f} ms, max {ms[-1]:.0f} ms"
        )


def peak_kib(pid: int) -> int:
    """Peak resident memory of a process (KiB; since its last exec), from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def watch_workers(parent: int, peaks: dict[int, int], stop: threading.Event) -> None:
    """Poll the workers started by `parent` every 5 ms; keep each one's peak resident memory
    (a worker living less than 5 ms may be missed). Not ru_maxrss: it counts the memory of the
    child before exec, the parent's."""
    while not stop.is_set():
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                its_parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
                child = int(stat.parent.name)
                command = (stat.parent / "cmdline").read_bytes()
                if its_parent == parent and b"lib.upload.worker" in command:  # after exec
                    peaks[child] = max(peaks.get(child, 0), peak_kib(child))
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                continue
        time.sleep(0.005)


def measure_one(path: str, name: str) -> None:
    """In a fresh process: one file read by read_upload; JSON of seconds, memory and message."""
    data = Path(path).read_bytes()
    peaks: dict[int, int] = {}
    stop = threading.Event()
    watcher = threading.Thread(target=watch_workers, args=(os.getpid(), peaks, stop))
    watcher.start()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        read_upload(name, data)
        message = "accepted"
    except UploadError as error:
        message = str(error)
    seconds = time.perf_counter() - start
    stop.set()
    watcher.join()
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    worker = max(peaks.values(), default=0)
    print(json.dumps({"seconds": seconds, "server_growth_kib": growth, "worker_peak_kib": worker,
                      "message": message}))  # fmt: skip


def upload_loop(url: str, folder: str) -> None:
    """User A: each hostile file uploaded on the import page; seconds until a new refusal shows
    (printed as JSON with the start of its message)."""
    from browser.conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    shown = "() => document.querySelector('[data-testid=stAlertContentError]')?.innerText"
    changed = f"previous => ({shown})() && ({shown})() !== previous"
    timings = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"{url}/importer")
        page.get_by_text("Fichier CSV ou Excel").first.wait_for(timeout=60_000)
        for case, (name, _) in HOSTILE.items():
            previous = page.evaluate(shown)
            start = time.perf_counter()
            page.locator("input[type=file]").set_input_files(str(Path(folder) / name))
            page.wait_for_function(changed, arg=previous, timeout=60_000, polling=20)
            timings[case] = (time.perf_counter() - start, page.evaluate(shown)[:60])
        browser.close()
    print(json.dumps(timings))


def concurrent_user(folder: Path, runs: int = 9) -> None:
    from browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, start_streamlit
    from playwright.sync_api import sync_playwright
    from run_bench import DRAWN, HOME_MAP_DRAWN

    with start_streamlit(ROOT / "app.py", free_port()) as url, sync_playwright() as playwright:
        server = url.process.pid
        resource.prlimit(server, resource.RLIMIT_AS, (4 * 1024**3, 4 * 1024**3))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def home_paint() -> float:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            start = time.perf_counter()
            page.goto(url)
            page.wait_for_function(DRAWN.format(check=HOME_MAP_DRAWN), timeout=60_000)
            context.close()
            return time.perf_counter() - start

        home_paint()  # warm-up
        alone = [home_paint() for _ in range(runs)]
        peaks: dict[int, int] = {}
        stop = threading.Event()
        watcher = threading.Thread(target=watch_workers, args=(server, peaks, stop))
        watcher.start()
        user_a = subprocess.Popen(
            [sys.executable, __file__, "--upload-loop", url, str(folder)],
            stdout=subprocess.PIPE,
            text=True,
        )
        meanwhile = []
        while user_a.poll() is None or len(meanwhile) < runs:
            meanwhile.append(home_paint())
        stop.set()
        watcher.join()
        refused = json.loads(user_a.stdout.read())
        print(f"\nuser B, home page first paint: alone {statistics.median(alone):.2f} s, while "
              f"A uploads {statistics.median(meanwhile):.2f} s (max {max(meanwhile):.2f} s, "
              f"{len(meanwhile)} loads)")  # fmt: skip
        for case, (seconds, message) in refused.items():
            print(f"user A, {case}: refusal shown after {seconds:.2f} s ({message}…)")
        print(
            f"server peak RSS {peak_kib(server) / 1024:.0f} MiB (address space capped at 4 GiB), "
            f"alive: {url.process.poll() is None}; workers {len(peaks)}, largest peak "
            f"{max(peaks.values(), default=0) / 1024:.0f} MiB"
        )
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true", help="also part 3 (server, Chromium)")
    parser.add_argument("--upload-loop", nargs=2, metavar=("URL", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--measure-one", nargs=2, metavar=("PATH", "NAME"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.upload_loop:
        upload_loop(*args.upload_loop)
        return
    if args.measure_one:
        measure_one(*args.measure_one)
        return
    with tempfile.TemporaryDirectory() as folder:
        refusals(Path(folder))
        overhead()
        rerun_while_refusing(Path(folder))
        if args.browser:
            concurrent_user(Path(folder))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    main()
