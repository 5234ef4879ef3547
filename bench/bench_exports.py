"""Benchmark: the territory fact sheet (PDF), a 6-slide deck of server-side images (PPTX) and
the default story's deck (slides computed, trends slide included) for one region, medians of N
runs in a warm process (one untimed run first). An EPCI or a commune: its fact sheet
(lib/local_sheet.py, profile computed too) and its default story's deck.

    .venv/bin/python bench/bench_exports.py --runs 7 --territory REG-32
    .venv/bin/python bench/bench_exports.py --runs 7 --territory EPCI-242900314
"""

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lib import alliance_figures, explore, profile, static_charts
from lib.data import epci_members, load_commune_indicators, load_commune_withheld, load_dataset
from lib.local_sheet import local_onepager_pdf
from lib.onepager import territory_onepager_pdf
from lib.presentation import slides, story
from lib.presentation.deck import DeckSlide, build_deck
from lib.presentation.story_deck import story_deck
from lib.profile import local

TARGET_S = 5.0


def region_deck(dataset, territory_id: str) -> bytes:
    """Six image slides: locator map, two maps of France, domain bars, two alliance charts."""
    look = profile.lookups(dataset, "fr")
    regions = explore.scope_territories(dataset, "region")
    domains = profile.domain_profile(look, territory_id, "all", "minmax")
    practices = alliance_figures.chart_groups(dataset, dataset.alliances, "fr")["practice"]
    images = [
        static_charts.territory_map_png(dataset, territory_id),
        *(
            static_charts.choropleth_png(
                explore.map_view(dataset, selection, regions), highlight=territory_id
            )
            for selection in ("taux_chomage", "index")
        ),
        static_charts.domain_bars_png(domains.frame, "minmax", "region"),
        *(static_charts.alliance_bars_png(group) for group in practices[:2]),
    ]
    slides = [DeckSlide(f"Diapositive {i}", png, "Source : bench") for i, png in enumerate(images)]
    return build_deck(slides, title=look.name(territory_id), subtitle="bench")


def default_story_deck(dataset, territory_id: str) -> bytes:
    """The default story of the territory: every slide computed, then its PPTX."""
    allowed = explore.allowed_values(dataset)
    chosen = story.default_story(dataset, territory_id)
    shown = [
        slides.slide(dataset, s.kind, story.step_filters(s, allowed), s.caption)
        for s in story.shown_steps(dataset, chosen)
    ]
    return story_deck(chosen.title, shown, "bench")


def local_sheet(dataset, members: dict, territory_id: str) -> bytes:
    """An EPCI's or a commune's profile, then its fact sheet (the commune rows loaded before)."""
    page = local.build(dataset, members, territory_id, "minmax")
    return local_onepager_pdf(dataset, page, method="minmax")


def with_communes(dataset):
    rows = load_commune_indicators(dataset)
    return replace(
        dataset,
        indicators=pd.concat([dataset.indicators, rows], ignore_index=True),
        withheld=load_commune_withheld(dataset),
    )


def median_seconds(make, runs: int) -> tuple[float, int]:
    """Median seconds of `make()` over `runs` runs after a warm-up; size of its output."""
    size = len(make())
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        make()
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--territory", default="REG-32")
    args = parser.parse_args()
    dataset = load_dataset()
    if local.has_local_profile(args.territory):
        scoped = with_communes(dataset) if args.territory.startswith("COM-") else dataset
        members = epci_members(dataset)
        measures = {
            "local fact sheet PDF (profile + A4)": lambda: local_sheet(
                scoped, members, args.territory
            ),
            "story deck PPTX (default story)": lambda: default_story_deck(dataset, args.territory),
        }
    else:
        measures = {
            "fact sheet PDF (A4)": lambda: territory_onepager_pdf(dataset, args.territory),
            "deck PPTX (title + 6 image slides)": lambda: region_deck(dataset, args.territory),
            "story deck PPTX (default story)": lambda: default_story_deck(dataset, args.territory),
        }
    print(f"{args.territory}, medians of {args.runs} runs (warm process)")
    print(f"| {'export':<36} | median | size | target |")
    print(f"|{'-' * 38}|--------|------|--------|")
    for name, make in measures.items():
        seconds, size = median_seconds(make, args.runs)
        print(f"| {name:<36} | {seconds:.2f} s | {size / 1024:.0f} KiB | < {TARGET_S:.0f} s |")


if __name__ == "__main__":
    main()
