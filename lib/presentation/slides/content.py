"""What a slide holds: its texts, its table and one chart shape per kind of step."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib import alliance_figures, profile, trends
from lib.explore import MapView
from lib.filters import Filters
from lib.i18n import t


@dataclass(frozen=True)
class MapChart:
    """A choropleth: `view` drawn with `filters` (national picture, map)."""

    view: MapView
    filters: Filters
    highlight: str | None  # the story's territory when the map shows it


@dataclass(frozen=True)
class DomainChart:
    """The profile's domain bars for some domains (`frame`: rows of DomainProfile.frame)."""

    frame: pd.DataFrame
    method: str
    level: str


@dataclass(frozen=True)
class AllianceChart:
    group: alliance_figures.ChartGroup


@dataclass(frozen=True)
class TrendChart:
    """One indicator of the territory over time (`lib.trends`), shown with its decimals."""

    trend: trends.Trend
    decimals: int

    def title(self, lang: str = "fr") -> str:
        """The indicator and its unit, above the chart."""
        return t("pres_trends_chart", lang, label=self.trend.label, unit=self.trend.unit)


@dataclass(frozen=True)
class PerceptionChart:
    """One bar series per actor: its figures for one question (the workshop's results)."""

    blocks: tuple[profile.PerceptionBlock, ...]
    actor_names: tuple[str, ...]
    actor_orders: tuple[int, ...]


@dataclass(frozen=True)
class Slide:
    """One step's content, ready to show or export."""

    kind: str
    title: str
    caption: str  # the presenter's words
    lines: tuple[str, ...]  # the figures, in sentences
    source_line: str  # "Source : publisher, title (year)"
    notes: tuple[str, ...] = ()  # method, coverage
    chart: MapChart | DomainChart | TrendChart | AllianceChart | PerceptionChart | None = None
    table: pd.DataFrame | None = None
    # every source in full, when `source_line` only names their publishers (too many to fit)
    source_detail: str = ""
