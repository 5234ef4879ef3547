"""What each step of a story shows (views/presentation.py, the PPTX deck), without Streamlit.

`slide()` computes one step's title, lines, chart data and source line with the functions of the
pages it summarises (`lib.explore`, `lib.profile`, `lib.alliance_figures`): a slide never says
anything the pages do not. Missing figures read "non disponible".

A builder per kind of step (`BUILDERS`): `map_steps`, `profile_steps`, `perception_steps`,
`alliance_steps`; `content` holds what a slide carries, `sources` its source line, `screen` what
a projector shows of it. This `__init__` exports what callers use
(`from lib.presentation import slides; slides.slide(...)`).
"""

from __future__ import annotations

from lib.data import Dataset
from lib.filters import Filters
from lib.presentation.slides.alliance_steps import alliances_slide
from lib.presentation.slides.content import PerceptionChart, Slide, TrendChart
from lib.presentation.slides.map_steps import map_slide, national_slide
from lib.presentation.slides.perception_steps import perceptions_slide, workshop_slide
from lib.presentation.slides.profile_steps import top_domains_slide, trends_slide
from lib.presentation.slides.screen import SCREEN_LINES, OnScreen, on_screen
from lib.presentation.slides.sources import source_line, sourced

__all__ = [
    "BUILDERS",
    "SCREEN_LINES",
    "OnScreen",
    "PerceptionChart",
    "Slide",
    "TrendChart",
    "on_screen",
    "slide",
    "source_line",
    "sourced",
]

BUILDERS = {
    "national": national_slide,
    "map": map_slide,
    "top_domains": top_domains_slide,
    "trends": trends_slide,
    "perceptions": perceptions_slide,
    "alliances": alliances_slide,
    "workshop": workshop_slide,
}


def slide(dataset: Dataset, kind: str, filters: Filters, caption: str = "") -> Slide:
    """What a step of `kind` shows with `filters` (language: `filters.lang`)."""
    return BUILDERS[kind](dataset, filters, caption)
