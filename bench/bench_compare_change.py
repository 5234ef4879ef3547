"""Benchmark: AppTest reruns of the Compare page, indices mode vs « évolution » mode.

Median seconds of the rerun after: a change of the sidebar's indicator (indices mode, as
bench/run_bench.py; and in the « évolution » mode), a new start period of unemployment (a cache
miss of the ranking), a change of the page's indicator. Region and department level.

Usage: .venv/bin/python bench/bench_compare_change.py [--runs 8]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
CYCLE = ("taux_pauvrete", "part_65_plus", "taux_chomage", "niveau_vie_median")
STARTS = ("2014-T1", "2015-T1", "2016-T2", "2017-T3", "2018-T4", "2019-T1", "2020-T2", "2021-T3")


def opened(level: str, change: bool) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params.update(level=level, territory="REG-32")
    if change:
        app.query_params["compare"] = "change"
    app.run()
    app.switch_page("views/comparer.py").run()
    return app


def new_start(app: AppTest, i: int) -> None:
    """A start never chosen before (unemployment), or back to unemployment first."""
    if app.selectbox(key="compare_trend_indicator").value != "taux_chomage":
        app.selectbox(key="compare_trend_indicator").set_value("taux_chomage")
    else:
        app.selectbox(key="compare_trend_start").set_value(STARTS[i % len(STARTS)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=8)
    runs = parser.parse_args().runs
    for level in ("region", "department"):
        indices, change = opened(level, False), opened(level, True)
        actions = {
            "indices: sidebar indicator": (
                indices,
                lambda a, i: a.selectbox(key="_filter_indicator").set_value(CYCLE[i % 4]),
            ),
            "évolution: sidebar indicator": (
                change,
                lambda a, i: a.selectbox(key="_filter_indicator").set_value(CYCLE[i % 4]),
            ),
            "évolution: new start (cache miss)": (change, new_start),
            "évolution: page indicator": (
                change,
                lambda a, i: a.selectbox(key="compare_trend_indicator").set_value(
                    ("taux_pauvrete", "taux_chomage")[i % 2]
                ),
            ),
        }
        timings: dict[str, list[float]] = {name: [] for name in actions}
        for i in range(runs + 1):  # the first round warms up
            for name, (app, act) in actions.items():
                act(app, i)
                start = time.perf_counter()
                app.run()
                if i:
                    timings[name].append(time.perf_counter() - start)
        for name, values in timings.items():
            print(f"{level} / {name}: {statistics.median(values) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
