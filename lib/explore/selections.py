"""What can be mapped: the *selections* (an indicator id, `index` for the overall index or
`index-<domain_id>` for one domain's index), their periods and names, the home map's default
and the ids a URL may name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lib import vocabulary
from lib.data import Dataset
from lib.explore.scope import scope_territories, territories_at, territory_area
from lib.filters import Allowed, Filters
from lib.i18n import t
from lib.indices import eligible_indicators
from lib.periods import chronological

HOME_INDICATOR = "taux_chomage"
OVERALL = "index"
DOMAIN_PREFIX = "index-"


def territory_choices(dataset: Dataset, lang: str) -> dict[str, str]:
    """Regions then departments, as shown in the territory picker ("Finistère (29)")."""
    regions = territories_at(dataset, "region")
    departments = territories_at(dataset, "department")
    return {
        **{r.territory_id: t("region_option", lang, name=r.name) for r in regions.itertuples()},
        **{d.territory_id: f"{d.name} ({d.code})" for d in departments.itertuples()},
    }


@dataclass(frozen=True)
class Labels:
    """Display names of every selection, actor and domain, computed once per language."""

    selections: dict[str, str]
    actors: dict[str, str]
    domains: dict[str, str]


def labels(dataset: Dataset, lang: str) -> Labels:
    """All the names the filter widgets show (dict lookups instead of per-option searches)."""
    domains = vocabulary.labels(dataset, "domain", lang)
    indicators = vocabulary.labels(dataset, "indicator", lang)
    indices = {OVERALL: t("overall_index", lang)} | {
        DOMAIN_PREFIX + d: t("domain_index", lang, domain=name) for d, name in domains.items()
    }
    actors = vocabulary.labels(dataset, "actor", lang)
    return Labels(selections=indices | indicators, actors=actors, domains=domains)


def is_index(selection: str) -> bool:
    return selection == OVERALL or selection.startswith(DOMAIN_PREFIX)


def selection_label(dataset: Dataset, selection: str, lang: str) -> str:
    """Readable name of a selection."""
    if selection == OVERALL:
        return t("overall_index", lang)
    if selection.startswith(DOMAIN_PREFIX):
        return t(
            "domain_index",
            lang,
            domain=vocabulary.label(dataset, "domain", selection[len(DOMAIN_PREFIX) :], lang),
        )
    return vocabulary.label(dataset, "indicator", selection, lang)


def indicator_options(dataset: Dataset, territory_ids: Sequence[str]) -> list[str]:
    """Indicators with at least one value among `territory_ids`, fragility first, by domain."""
    present = set(
        dataset.indicators.loc[
            dataset.indicators["territory_id"].isin(territory_ids), "indicator_id"
        ]
    )
    meta = dataset.indicator_meta[dataset.indicator_meta["indicator_id"].isin(present)]
    order = meta["domain_id"].map(dataset.domains.set_index("domain_id")["order"]).fillna(99)
    meta = meta.assign(_context=meta["role"].eq("context"), _order=order)
    return list(meta.sort_values(["_context", "_order", "indicator_id"])["indicator_id"])


def period_options(dataset: Dataset, indicator_id: str, territory_ids: Sequence[str]) -> list[str]:
    """Periods of the indicator with at least one value among `territory_ids`, oldest first."""
    values = dataset.indicators
    rows = values[values["indicator_id"].eq(indicator_id) & values["value"].notna()]
    return chronological(rows.loc[rows["territory_id"].isin(territory_ids), "period"])


def selection_options(dataset: Dataset, territory_ids: Sequence[str]) -> list[str]:
    """What can be mapped over these territories: the overall index, the domain indices that
    have at least one eligible indicator, then the indicators."""
    eligible = eligible_indicators(
        dataset.indicators, dataset.indicator_meta, territory_ids
    ).eligible
    domains_with_index = set(
        dataset.indicator_meta.set_index("indicator_id").loc[eligible, "domain_id"]
    )
    domain_ids = [d for d in dataset.domains["domain_id"] if d in domains_with_index]
    indices = ([OVERALL] if domain_ids else []) + [DOMAIN_PREFIX + d for d in domain_ids]
    return indices + indicator_options(dataset, territory_ids)


def home_filters(
    dataset: Dataset, filters: Filters, selection: Callable[..., str] | None = None
) -> Filters:
    """The home map: every region (compared in the area the filters' territory resolves to),
    the chosen selection when it exists there, else the default. `selection`:
    `home_selection` or a cached version of it."""
    area = territory_area(dataset, filters.area, filters.territory)
    chosen = (selection or home_selection)(dataset, area, filters.indicator)
    return filters.with_(level="region", indicator=chosen)


def home_selection(dataset: Dataset, area: str, indicator: str | None) -> str:
    """`indicator` when it can be mapped over the regions of `area` ("metro" or "all"), else
    HOME_INDICATOR."""
    regions = scope_territories(dataset, "region", None, area)
    options = selection_options(dataset, list(regions["territory_id"]))
    return indicator if indicator in options else HOME_INDICATOR


def allowed_values(dataset: Dataset) -> Allowed:
    """The ids a URL may name in `dataset` (computed once per dataset version: `lib.cached`)."""
    territories = dataset.territories
    shown = territories[territories["level"].isin(["region", "department", "epci", "commune"])]
    return Allowed(
        territories=frozenset(shown["territory_id"]),
        actors=frozenset(dataset.actors["actor_id"]),
        domains=frozenset(dataset.domains["domain_id"]),
        indicators=frozenset(
            [*dataset.indicator_meta["indicator_id"], OVERALL]
            + [DOMAIN_PREFIX + d for d in dataset.domains["domain_id"]]
        ),
        periods=frozenset(dataset.indicators["period"]),
    )
