"""The CSV downloads of the filtered data (indicators, perceptions, alliances): labelled with
their row counts, each table built only when its button is clicked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import pandas as pd

from lib import alliance_figures, sources_page
from lib.data import Dataset
from lib.i18n import t


def alliance_export(dataset: Dataset, actors: Sequence[str], lang: str) -> pd.DataFrame:
    """Alliance figures of the chosen actors (all when none), with their sources."""
    rows = alliance_figures.filter_alliances(dataset.alliances, actors)
    return alliance_figures.alliance_table(dataset, rows, lang)


@dataclass(frozen=True)
class Download:
    """One CSV download of the page: its file name, its label (with the row count) and the
    table, built only when the button is clicked."""

    name: str
    label: str
    build: Callable[[], pd.DataFrame]


def downloads(
    dataset: Dataset,
    scope_dataset: Dataset,
    level: str,
    territory: str | None,
    area: str,
    actors: Sequence[str],
    domains: Sequence[str],
    lang: str,
) -> list[Download]:
    """The filtered indicators (of `scope_dataset`: with communes at that level), perceptions
    and alliances; counting their rows is cheap, building the tables is left to the click."""
    scope = sources_page.scope_text(dataset, level, territory, area, lang)
    n_indicators = len(sources_page.indicator_rows(scope_dataset, level, territory, area)[1])
    n_perceptions = len(sources_page.perception_rows(dataset, actors, domains))
    n_alliances = len(alliance_figures.filter_alliances(dataset.alliances, actors))
    return [
        Download(
            "indicateurs",
            t("sources_download_indicators", lang, scope=scope, n=n_indicators),
            partial(sources_page.indicator_export, scope_dataset, level, territory, area, lang),
        ),
        Download(
            "perceptions",
            t("sources_download_perceptions", lang, n=n_perceptions),
            partial(sources_page.perception_export, dataset, actors, domains, lang),
        ),
        Download(
            "alliances",
            t("sources_download_alliances", lang, n=n_alliances),
            partial(alliance_export, dataset, actors, lang),
        ),
    ]
