"""Benchmarks of DESIGN.md, measured in one run and reported as medians and ratios.

- First paint (headless Debian chromium, warm servers): from navigation until the page's main
  content is rendered, Streamlit's running indicator is gone and every chart/map is drawn;
  the home page against an empty Streamlit page, alternated run by run.
- Rerun after a filter change (AppTest, median), per page, at region and department level.
- Map payloads (KiB, uncompressed JSON of the plotly figure): regions, departments (values, and
  the change mode: unemployment T4 2019 → T3 2023), and the largest single department's communes.
- Server memory (RSS after the first-paint runs).

Usage: .venv/bin/python bench/run_bench.py [--runs 9]   (prints a Markdown table)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, start_streamlit  # noqa: E402

from lib.vocabulary import make_id  # noqa: E402

EMPTY_APP = ROOT / "bench" / "empty_app.py"
DRAWN = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && {check}"
HOME_MAP_DRAWN = "document.querySelectorAll('svg.svg-map path').length === 18"
CHANGE = {"indicator": "taux_chomage", "change_from": "2019-T4"}  # a change-mode map measured
# Selections available at region and department level, cycled through by the rerun benchmark.
CYCLE = ("esperance_vie_femmes", "taux_chomage", "esperance_vie_hommes", "index")
TITLE_DRAWN = "document.querySelector('h1') !== null"
# Territories visited in turn by the "territory" rerun benchmark: never the same twice.
FRESH_TERRITORIES = {
    "region": [
        make_id("region", str(code))
        for code in (11, 24, 27, 28, 44, 52, 53, 75, 76, 84, 93, 94, 1, 2, 3, 4)
    ],
    "department": [make_id("department", str(c)) for c in range(1, 20)],
}


def resident_mib(pid: int) -> float:
    """Resident memory of a process (MiB), from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def first_paint(runs: int) -> dict[str, list[float]]:
    """Seconds to first paint of the home page and of an empty page, alternated; also the app
    server's resident memory afterwards (key "rss_mib")."""
    from playwright.sync_api import sync_playwright

    results: dict[str, list[float]] = {"home": [], "empty": []}
    with (
        start_streamlit(ROOT / "serve.py", free_port()) as app_url,
        start_streamlit(EMPTY_APP, free_port()) as empty_url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        targets = {"home": (app_url, HOME_MAP_DRAWN), "empty": (empty_url, TITLE_DRAWN)}
        for run in range(runs + 1):  # the first round warms both servers up
            for name, (url, ready) in targets.items():
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url)
                page.wait_for_function(DRAWN.format(check=ready), timeout=60_000, polling=20)
                elapsed = time.perf_counter() - start
                context.close()
                if run:
                    results[name].append(elapsed)
        browser.close()
        results["rss_mib"] = [resident_mib(app_url.process.pid)]
    return results


def rerun_latency(runs: int, change: str = "indicator") -> dict[str, float]:
    """Median seconds of an AppTest rerun after a filter change, per page and level.

    `change="indicator"` cycles through 4 indicators (pages that do not depend on the indicator
    then serve their cached content); `change="territory"` picks a territory never shown before
    at every run, so every page that depends on the territory computes it afresh (cache miss).
    """
    from streamlit.testing.v1 import AppTest

    results = {}
    for page in ("accueil", "carte", "profil", "comparer", "alliances", "sources"):
        for level in ("region", "department"):
            app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            app.query_params["level"] = level
            app.query_params["territory"] = "REG-32"  # a territory: the profile page is full
            app.run()
            if page != "accueil":
                app.switch_page(f"views/{page}.py").run()
            timings = []
            for i in range(runs + 1):
                if change == "territory":
                    app.selectbox(key="_filter_territory").set_value(FRESH_TERRITORIES[level][i])
                else:
                    app.selectbox(key="_filter_indicator").set_value(CYCLE[i % len(CYCLE)])
                start = time.perf_counter()
                app.run()
                if i:
                    timings.append(time.perf_counter() - start)
            results[f"{page} / {level}"] = statistics.median(timings)
    return results


def payloads() -> dict[str, tuple[float, float]]:
    """KiB sent for a map: (figure JSON of each rerun, boundaries file fetched once)."""
    from lib import change_map, explore, geo, maps
    from lib.data import load_commune_indicators, load_dataset
    from lib.datasets import with_origin
    from lib.filters import Filters

    dataset = with_origin(load_dataset())

    def measure(selection, territories, name, build) -> tuple[float, float]:
        url = geo.publish_geojson(name, build)
        figure = maps.view_map(explore.map_view(dataset, selection, territories), url)
        return len(figure.to_json()) / 1024, boundaries_kib(url)

    def boundaries_kib(url: str) -> float:
        return (geo.STATIC_DIR / url.rsplit("/", 1)[1]).stat().st_size / 1024

    sizes = {}
    for level in ("region", "department"):
        territories = explore.scope_territories(dataset, level)

        def build(level=level):
            return geo.with_overseas_insets(geo.read_boundaries(level))

        sizes[level] = measure(explore.HOME_INDICATOR, territories, f"{level}s", build)
        # the change mode: unemployment T4 2019 -> T3 2023 (start, end and change in the hover)
        url = geo.publish_geojson(f"{level}s", build)
        change = change_map.change_map(dataset, Filters(level=level, **CHANGE))
        figure = maps.view_map(change.view, url, legend=change.legend)
        sizes[f"{level}, change mode"] = (len(figure.to_json()) / 1024, boundaries_kib(url))
    dataset = replace(dataset, indicators=load_commune_indicators(dataset))
    per_department = []
    for department in explore.territories_at(dataset, "department")["territory_id"]:
        territories = explore.scope_territories(dataset, "commune", department)
        per_department.append(
            measure(
                "part_65_plus",
                territories,
                f"communes-{department}",
                lambda d=department: geo.with_overseas_insets(geo.read_communes(d)),
            )
        )
    largest = max(per_department, key=sum)
    sizes["commune (largest department)"] = largest
    return sizes


LOCAL_PROFILES = ("EPCI-242900314", "COM-29019")  # Brest Métropole, Brest


def local_rerun_latency(runs: int) -> dict[str, float]:
    """Median seconds of an AppTest rerun of an EPCI's and a commune's profile after a change of
    indicator (the profile itself is served from its cache: what every rerun pays)."""
    from streamlit.testing.v1 import AppTest

    results = {}
    for territory in LOCAL_PROFILES:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        app.query_params["territory"] = territory
        app.run()
        app.switch_page("views/profil.py").run()
        timings = []
        for i in range(runs + 1):
            app.selectbox(key="_filter_indicator").set_value(CYCLE[i % len(CYCLE)])
            start = time.perf_counter()
            app.run()
            if i:
                timings.append(time.perf_counter() - start)
        results[f"profil / {territory}"] = statistics.median(timings)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--only",
        choices=("paint", "rerun", "rerun-territory", "rerun-local", "payload"),
        help="one part only",
    )
    args = parser.parse_args()
    print(f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {args.runs} runs, medians)\n")
    print("| measure | median | target |\n|---|---|---|")
    if args.only in (None, "paint"):
        print_first_paint(first_paint(args.runs))
    for change, part in (("indicator", "rerun"), ("territory", "rerun-territory")):
        if args.only in (None, part):
            for name, seconds in rerun_latency(args.runs, change).items():
                target = "< 150 ms" if name.endswith("region") else "< 300 ms"
                print(
                    f"| rerun after a change of {change}, {name} | {seconds * 1000:.0f} ms | "
                    f"{target} |"
                )
    if args.only in (None, "rerun-local"):
        for name, seconds in local_rerun_latency(args.runs).items():
            shown = f"{seconds * 1000:.0f} ms"
            print(f"| rerun after a change of indicator, {name} | {shown} | < 300 ms |")
    if args.only in (None, "payload"):
        print_payloads()


def print_first_paint(paint: dict[str, list[float]]) -> None:
    home, empty = (statistics.median(paint[k]) for k in ("home", "empty"))
    ratios = [h / e for h, e in zip(paint["home"], paint["empty"], strict=True)]
    print(f"| first paint, empty Streamlit page | {empty:.2f} s | — |")
    print(f"| first paint, home page (map drawn) | {home:.2f} s | — |")
    print(f"| ratio home / empty (median of pairs) | {statistics.median(ratios):.2f} | ≤ 1.5 |")
    print(f"| app server memory after first paints (RSS) | {paint['rss_mib'][0]:.0f} MiB | — |")
    print(json.dumps({"first_paint_s": paint}, indent=None))


def print_payloads() -> None:
    budgets = {
        "region": "< 200",
        "department": "< 600",
        "region, change mode": "< 200",
        "department, change mode": "< 600",
        "commune (largest department)": "< 400",
    }
    for name, (figure, boundaries) in payloads().items():
        print(
            f"| map payload, {name}: figure + boundaries (fetched once) | "
            f"{figure:.0f} + {boundaries:.0f} = {figure + boundaries:.0f} KiB | "
            f"{budgets[name]} KiB |"
        )


if __name__ == "__main__":
    main()
