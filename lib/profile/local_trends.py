"""The trends of an EPCI or a commune (`lib.trends` read over the local level), no Streamlit.

An EPCI's indicators over time are indexed with every EPCI (its last changes are judged against
the spread of the EPCIs), a commune's with itself only (the commune files hold one period per
indicator: Filosofi 2019, census 2021, so no trend is drawn and the page says so).
"""

from __future__ import annotations

import pandas as pd

from lib import trends, vocabulary
from lib.charts.trends import trend_figure
from lib.data import Dataset
from lib.profile import Lookups


def series(dataset: Dataset, commune_id: str | None = None) -> trends.SeriesIndex:
    """The series index local trends read: France scopes, regions, departments, and every EPCI
    (`commune_id` None) or one commune."""
    territories = dataset.territories
    local = (
        territories[territories["level"] == "epci"]
        if commune_id is None
        else territories[territories["territory_id"] == commune_id]
    )
    places = pd.concat([dataset.upper_territories, local]).set_index("territory_id")
    rows = dataset.indicators[dataset.indicators["territory_id"].isin(places.index)]
    return trends.series_index(rows, places)


def territory_trends(
    look: Lookups, index: trends.SeriesIndex, territory_id: str
) -> trends.TerritoryTrends:
    """The trends of every fragility indicator of an EPCI or a commune (`index`: `series`)."""
    concepts = [i for i, meta in look.meta.items() if meta["role"] == "fragility"]
    return trends.territory_trends(look, index, territory_id, concepts)


def for_territory(look: Lookups, territory_id: str) -> trends.TerritoryTrends:
    """`territory_trends` with its series index built here (the slides; the profile page
    shares a cached index)."""
    commune = territory_id if vocabulary.is_level(territory_id, "commune") else None
    return territory_trends(look, series(look.dataset, commune), territory_id)


def charted(look: Lookups, index: trends.SeriesIndex, territory_id: str) -> list[tuple]:
    """(trend, figure) of each fragility indicator known at two periods or more for the
    territory, in the indicators' order."""
    model = territory_trends(look, index, territory_id)
    return [
        (tr, trend_figure(tr, int(look.meta[tr.indicator_id]["decimals"]), look.lang))
        for tr in model.charted
    ]
