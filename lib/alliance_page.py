"""Everything the Alliances page shows for some actors and practices, computed once.

`build` filters the alliance figures and prepares their charts' groups, captions and notes,
the table (also the CSV download) and the page's texts; `charts` makes the figures of one
dimension (one tab: only the open tab's charts are drawn). `lib.cached` keeps both per filter
combination, so a rerun only draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from lib import alliance_figures
from lib.charts.alliances import group_chart
from lib.data import Dataset


@dataclass(frozen=True)
class ShownGroup:
    """One chart's figures with the lines under it."""

    group: alliance_figures.ChartGroup
    caption: str  # scope, study and year, base, sources
    notes: str | None  # markdown list of the rows' notes


@dataclass(frozen=True)
class AlliancesPage:
    """The page for some actors and practices (see `build`)."""

    actors_text: str
    rows: pd.DataFrame  # the alliance figures shown
    groups: dict[str, list[ShownGroup]]  # dimension -> its charts, dimensions in order
    tab_labels: list[str]  # one per dimension of `groups`
    missing: str | None  # the dimensions without a figure
    table: pd.DataFrame  # every figure shown with its study, base and source


def build(
    dataset: Dataset, actors: Sequence[str], practices: Sequence[str], lang: str
) -> AlliancesPage:
    """The figures of `actors` (every actor when none) and `practices` (all when none)."""
    rows = alliance_figures.filter_alliances(dataset.alliances, actors, practices)
    groups = alliance_figures.chart_groups(dataset, rows, lang)
    return AlliancesPage(
        actors_text=alliance_figures.actors_text(dataset, actors, lang),
        rows=rows,
        groups={
            dimension: [
                ShownGroup(
                    group,
                    alliance_figures.group_caption(dataset, group, lang),
                    alliance_figures.group_notes(group, lang),
                )
                for group in dimension_groups
            ]
            for dimension, dimension_groups in groups.items()
        },
        tab_labels=[alliance_figures.dimension_label(d, lang) for d in groups],
        missing=alliance_figures.missing_dimensions(groups, lang),
        table=alliance_figures.alliance_table(dataset, rows, lang),
    )


def charts(page: AlliancesPage, dimension: str, lang: str) -> list[go.Figure]:
    """The figures of one dimension's charts, in order."""
    return [group_chart(shown.group, lang) for shown in page.groups[dimension]]
