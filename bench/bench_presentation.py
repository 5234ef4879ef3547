"""Benchmark: stepping through a story in presentation mode (Hauts-de-France, 5 slides), warm.

- AppTest: median seconds of the rerun after a click on "Suivante" / "Précédente". AppTest
  reruns the whole script, so this bounds from above the server time of the slide's fragment
  rerun that a browser triggers.
- Browser (headless Debian chromium, 1280 × 720, real server): median seconds from the click
  until the next slide's number is shown and Streamlit is idle (server + network + drawing).

Usage: .venv/bin/python bench/bench_presentation.py [--runs 3]   (passes back and forth)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, start_streamlit  # noqa: E402

QUERY = {"mode": "presentation", "territory": "REG-32"}
SLIDES = 5
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def clicks(runs: int) -> list[tuple[str, int]]:
    """(button, slide number shown after the click): forward to the end and back, `runs` times."""
    forward = [("Suivante", n) for n in range(2, SLIDES + 1)]
    backward = [("Précédente", n) for n in range(SLIDES - 1, 0, -1)]
    return (forward + backward) * runs


def apptest_steps(runs: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params.update(QUERY)
    app.run()
    keys = {"Suivante": "pres_next", "Précédente": "pres_previous"}
    timings = []
    for i, (button, _) in enumerate(clicks(runs + 1)):  # the first pass warms the caches
        app.button(key=keys[button]).click()
        start = time.perf_counter()
        app.run()
        if i >= 2 * (SLIDES - 1):
            timings.append(time.perf_counter() - start)
    return timings


def browser_steps(runs: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    timings = []
    with start_streamlit(ROOT / "app.py", free_port()) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(f"{url}/?{'&'.join(f'{k}={v}' for k, v in QUERY.items())}")
        page.get_by_text(f"Diapositive 1 / {SLIDES}").wait_for(timeout=60_000)
        page.wait_for_function(IDLE, timeout=60_000)
        for i, (button, number) in enumerate(clicks(runs + 1)):
            start = time.perf_counter()
            page.get_by_role("button", name=button).click()
            page.get_by_text(f"Diapositive {number} / {SLIDES}").wait_for(timeout=60_000)
            page.wait_for_function(IDLE, timeout=60_000, polling=10)
            if i >= 2 * (SLIDES - 1):
                timings.append(time.perf_counter() - start)
        browser.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for name, timings in (
        ("AppTest rerun after a step", apptest_steps(args.runs)),
        ("browser, click to next slide shown", browser_steps(args.runs)),
    ):
        print(
            f"{name}: median {statistics.median(timings) * 1000:.0f} ms, "
            f"max {max(timings) * 1000:.0f} ms ({len(timings)} steps)"
        )


if __name__ == "__main__":
    main()
