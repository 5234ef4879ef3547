"""What the map pages show, computed without Streamlit: one indicator or index over territories.

A *selection* names what is mapped: an indicator id, `index` (overall index) or
`index-<domain_id>` (one domain's index). A *scope* is the set of territories shown: every
region, every department, a region's departments, or a department's communes. Its territories
outside the comparison set (overseas ones when metropolitan France is compared) are still
drawn, grey and "non disponible" (`lib.filters.comparison_area`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from lib import vocabulary, withheld
from lib.classify import Classes, quantile_classes
from lib.data import Dataset
from lib.datasets import EMBEDDED_ORIGIN, publisher_texts, source_texts
from lib.filters import Allowed, Filters, comparison_area
from lib.formatting import format_value
from lib.i18n import t
from lib.indices import (
    DEFAULT_METHOD,
    display_period,
    domain_indices,
    eligible_indicators,
    indicator_scores,
    overall_index,
    period_rows,
)
from lib.periods import chronological, period_label
from lib.ranking import SHOWN_KIND, WITHIN_KINDS, ComparisonSet, ranks, whole_level

HOME_INDICATOR = "taux_chomage"
OVERALL = "index"
DOMAIN_PREFIX = "index-"


@dataclass(frozen=True)
class MapView:
    """Values of one selection over a scope: ranks, classes, sources and caption parts."""

    selection: str
    label: str
    unit: str
    decimals: int
    period: str  # the period shown ("T3 2023"), or the periods behind an index ("2018, 2023")
    higher_is_worse: bool | None
    frame: pd.DataFrame  # territory_id, name, value, value_text, rank, detail, source_id
    classes: Classes
    source_ids: list[str]
    notes: list[str]  # method, reference row, excluded indicators...
    period_id: str | None = None  # the indicator's period shown ("2023-T3"); None for an index
    members: ComparisonSet | None = None  # the territories compared (None: every one shown)

    @property
    def comparison(self) -> ComparisonSet:
        """The set the values are compared and ranked among."""
        return self.members or ComparisonSet(SHOWN_KIND, self.shown)

    @property
    def label_with_period(self) -> str:
        """'Taux de chômage localisé (T3 2023)'; an index's label alone (its notes list the
        indicators and their periods)."""
        return f"{self.label} ({self.period})" if self.period_id else self.label

    @property
    def covered(self) -> int:
        return int(self.frame["value"].notna().sum())

    @property
    def shown(self) -> int:
        """Territories compared (those drawn outside the comparison set left out)."""
        return int(self.frame["compared"].sum()) if "compared" in self.frame else len(self.frame)


def territories_at(dataset: Dataset, level: str) -> pd.DataFrame:
    """Territories of one level (territory_id, code, name, parent_id, overseas), by code."""
    rows = dataset.territories[dataset.territories["level"] == level]
    return rows.sort_values("code").reset_index(drop=True)


def scope_territories(
    dataset: Dataset, level: str, within: str | None = None, area: str = "all"
) -> pd.DataFrame:
    """Territories shown at `level`, restricted to the children of `within` when it is their
    parent (a region's departments, a department's communes, a department's EPCIs: those whose
    main department it is), to its grandchildren (a region's EPCIs), to an EPCI's communes
    (`epci_id`, `lib.data.with_epci`), and to metropolitan France when `area` is "metro"."""
    if area not in ("all", "metro"):
        raise ValueError(f"area {area!r}: 'all' or 'metro' expected (lib.filters.comparison_area)")
    rows = territories_at(dataset, level)
    if within is not None and (rows["parent_id"] == within).any():
        rows = rows[rows["parent_id"] == within]
    elif within is not None and level == "epci":
        rows = rows[rows["parent_id"].map(dataset.territory_index["parent_id"]) == within]
    elif within is not None and level == "commune" and "epci_id" in rows:  # an EPCI's communes
        rows = rows[rows["epci_id"] == within]
    if area == "metro" and not rows["overseas"].all():
        rows = rows[~rows["overseas"].astype(bool)]
    return rows.reset_index(drop=True)


# Map levels that can show the children of one territory alone (a region's departments, a
# department's communes), -> the levels of the territories they can be shown within.
SCOPED_LEVELS = {
    "department": ("region",),
    "epci": ("region", "department"),
    "commune": ("department", "epci"),
}


def scope_parent(level: str, territory: str | None) -> str | None:
    """The territory whose children a map at `level` shows (a region's departments, a
    department's communes), else None (every territory of the level): what
    `scope_territories` makes of `within`, known without reading the territories."""
    if level not in SCOPED_LEVELS:
        return None
    return territory if vocabulary.level_of(territory) in SCOPED_LEVELS[level] else None


def territory_area(dataset: Dataset, area: str, territory: str | None) -> str:
    """The area ("metro" or "all") of a comparison concerning `territory` (None: France as a
    whole, compared as metropolitan France by default): `lib.filters.comparison_area`."""
    index = dataset.territory_index
    overseas = territory in index.index and bool(index.at[territory, "overseas"])
    return comparison_area(area, overseas)


def comparison_set(
    dataset: Dataset, level: str, within: str | None, area: str, size: int
) -> ComparisonSet:
    """How the territories compared read: '13 régions métropolitaines', '4 départements
    (Bretagne)' for a region's departments, 'n communes (Finistère)' for a department's."""
    if within is not None and level in WITHIN_KINDS:
        return ComparisonSet(WITHIN_KINDS[level], size, vocabulary.territory_name(dataset, within))
    return whole_level(level, area, size)


def filters_map_view(dataset: Dataset, filters: Filters) -> MapView:
    """The map of the filters' level, scope, area, indicator, language and method: every
    territory of the scope drawn, those outside the comparison set without a value."""
    within = scope_parent(filters.level, filters.territory)
    area = territory_area(dataset, filters.area, filters.territory)
    compared = scope_territories(dataset, filters.level, within, area)
    return map_view(
        dataset,
        filters.indicator,
        scope_territories(dataset, filters.level, within, "all"),
        filters.lang,
        filters.method,
        period=filters.period,
        compared=list(compared["territory_id"]),
        members=comparison_set(dataset, filters.level, within, area, len(compared)),
    )


def map_filters(dataset: Dataset, filters: Filters) -> Filters:
    """Only the filters a map depends on (other filters reset; the territory replaced by its
    `scope_parent`, the area by the one it resolves to), so that views that show the same map
    share one cache entry."""
    return Filters(
        level=filters.level,
        territory=scope_parent(filters.level, filters.territory),
        indicator=filters.indicator,
        period=None if is_index(filters.indicator or "") else filters.period,
        method=filters.method,
        area=territory_area(dataset, filters.area, filters.territory),
        lang=filters.lang,
    )


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


def source_label(dataset: Dataset, source_id: str, lang: str = "fr") -> str:
    """'Publisher, title (year)' for a source id (with its verification status and its layer's
    label when not embedded)."""
    sources = dataset.sources
    return source_texts(sources[sources["source_id"] == source_id], lang)[source_id]


def map_view(
    dataset: Dataset,
    selection: str,
    territories: pd.DataFrame,
    lang: str = "fr",
    method: str = DEFAULT_METHOD,
    weights: Mapping[str, float] | None = None,
    period: str | None = None,
    compared: Sequence[str] | None = None,
    members: ComparisonSet | None = None,
) -> MapView:
    """Values of an indicator or index over `territories` (rows of the territories table),
    computed and ranked among `compared` (every territory when None; the others are drawn
    without a value, "hors du périmètre de comparaison"), the set `members` names.
    An indicator is shown for `period` when it has values there, else for the period chosen
    by `lib.indices.display_period`."""
    inside = (
        territories
        if compared is None
        else territories[territories["territory_id"].isin(set(compared))]
    )
    if is_index(selection):
        view = _index_view(dataset, selection, inside, lang, method, weights)
    else:
        view = _indicator_view(dataset, selection, inside, lang, period)
    return replace(view, frame=_with_outside(view.frame, territories, lang), members=members)


def _with_outside(frame: pd.DataFrame, territories: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`frame` (the territories compared) with the other `territories` drawn too: no value,
    no rank, "hors du périmètre de comparaison"; column `compared` tells them apart."""
    drawn = territories[["territory_id", "name"]].merge(
        frame.drop(columns="name").assign(compared=True), on="territory_id", how="left"
    )
    outside = drawn["compared"].isna()
    drawn["compared"] = ~outside
    drawn.loc[outside, "value_text"] = t("not_available", lang)
    drawn.loc[outside, "detail"] = t("outside_comparison", lang)
    return drawn


def _indicator_view(
    dataset: Dataset, indicator_id: str, territories: pd.DataFrame, lang: str, wanted: str | None
) -> MapView:
    meta = dataset.indicator_meta.set_index("indicator_id").loc[indicator_id]
    ids = list(territories["territory_id"])
    period = display_period(dataset.indicators, indicator_id, ids, wanted)
    rows = period_rows(dataset.indicators, {indicator_id: period})
    optional = [c for c in ("origin", "decimals") if c in rows]
    columns = ["territory_id", "value", "source_id", *optional]
    frame = territories[["territory_id", "name"]].merge(
        rows[columns], on="territory_id", how="left"
    )
    unit = vocabulary.unit_text(meta, lang)
    worse = None if pd.isna(meta["higher_is_worse"]) else bool(meta["higher_is_worse"])
    own = frame["decimals"] if "decimals" in frame else pd.Series(None, index=frame.index)
    shown = [vocabulary.shown_decimals(meta, d) for d in own.astype(object)]
    frame["value_text"] = [
        format_value(v, unit, d, lang) for v, d in zip(frame["value"], shown, strict=True)
    ]
    # the legend's precision: the most precise value drawn (the indicator's without any)
    present = [d for v, d in zip(frame["value"], shown, strict=True) if not pd.isna(v)]
    decimals = max(present, default=int(meta["decimals"]))
    frame = _with_withheld(dataset, frame, indicator_id, period, lang)
    frame["rank"] = (
        ranks(frame["value"] if worse else -frame["value"]) if worse is not None else pd.NA
    )
    publishers = publisher_texts(dataset.sources, lang)
    shown_period = period_label(period, lang) if period else ""
    frame["detail"] = [
        t("period_source", lang, period=shown_period, source=publishers[s])
        if isinstance(s, str)
        else t("not_available", lang)
        for s in frame["source_id"]
    ]
    notes = (
        [t("higher_is_worse" if worse else "higher_is_better", lang)] if worse is not None else []
    )
    return MapView(
        selection=indicator_id,
        label=vocabulary.label(dataset, "indicator", indicator_id, lang),
        unit=unit,
        decimals=decimals,
        period=shown_period,
        period_id=period,
        higher_is_worse=worse,
        frame=frame,
        classes=quantile_classes(frame["value"], decimals=decimals),
        source_ids=sorted(frame["source_id"].dropna().unique()),
        notes=[*notes, reference_text(dataset, indicator_id, period, lang)],
    )


def _with_withheld(
    dataset: Dataset, frame: pd.DataFrame, indicator_id: str, period: str | None, lang: str
) -> pd.DataFrame:
    """`frame` where a value withheld by its producer reads why ("non disponible (secret
    statistique)") and names that source."""
    found = withheld.for_indicator(dataset, indicator_id, period)
    hit = frame["value"].isna() & frame["territory_id"].isin(found.index)
    if not hit.any():
        return frame
    frame = frame.copy()
    places = frame.loc[hit, "territory_id"]
    frame.loc[hit, "value_text"] = [
        withheld.missing_text(r, lang) for r in places.map(found["reason"])
    ]
    frame.loc[hit, "source_id"] = places.map(found["source_id"])
    return frame


def reference_text(dataset: Dataset, indicator_id: str, period: str | None, lang: str) -> str:
    """The indicator's base-100 reference row for that period, or why there is none."""
    reference = dataset.indicator_meta.set_index("indicator_id").loc[
        indicator_id, "reference_territory_id"
    ]
    rows = period_rows(dataset.indicators, {indicator_id: period})
    rows = rows[rows["territory_id"] == reference]
    if pd.isna(reference) or rows.empty:
        return t("no_reference", lang)
    meta = dataset.indicator_meta.set_index("indicator_id").loc[indicator_id]
    own = dataset.own_decimals.get((reference, indicator_id, str(period)))
    value = vocabulary.value_text(meta, rows["value"].iloc[0], lang, own)
    name = vocabulary.territory_name(dataset, reference, lang)
    return t("reference", lang, name=name, value=value)


def _index_view(
    dataset: Dataset,
    selection: str,
    territories: pd.DataFrame,
    lang: str,
    method: str,
    weights: Mapping[str, float] | None,
) -> MapView:
    ids = list(territories["territory_id"])
    table = index_table(dataset, ids, method, weights)
    if selection == OVERALL:
        values = table.overall.set_index("territory_id")["index"]
        n_domains = int(table.overall["n_domains"].max()) if len(table.overall) else 0
        label = t("overall_index", lang)
        notes = [t("overall_domains", lang, n=n_domains, total=len(dataset.domains))]
    else:
        domain = selection[len(DOMAIN_PREFIX) :]
        rows = table.domains[table.domains["domain_id"] == domain]
        values = rows.set_index("territory_id")["index"]
        label = t("domain_index", lang, domain=vocabulary.label(dataset, "domain", domain, lang))
        notes = []
    frame = territories[["territory_id", "name"]].assign(
        value=lambda f: f["territory_id"].map(values)
    )
    frame["value_text"] = [format_value(v, "", 1, lang).strip() for v in frame["value"]]
    frame["rank"] = ranks(frame["value"])
    used = (
        table.indicators_used
        if selection == OVERALL
        else _used_in_domain(dataset, table, selection)
    )
    frame["source_id"] = None
    frame["detail"] = t("method_" + method, lang)
    used_rows = period_rows(dataset.indicators, {i: table.periods[i] for i in used})
    sources = sorted(used_rows.loc[used_rows["territory_id"].isin(ids), "source_id"].unique())
    used_labels = ", ".join(with_period(dataset, i, table.periods[i], lang) for i in used)
    notes = [
        t("method_" + method, lang),
        *notes,
        t("indicators_used", lang, indicators=used_labels or "—"),
    ]
    return MapView(
        selection=selection,
        label=label,
        unit=t("index_unit_" + method, lang),
        decimals=1,
        period=", ".join(
            period_label(p, lang) for p in chronological(table.periods[i] for i in used)
        ),
        higher_is_worse=True,
        frame=frame,
        classes=quantile_classes(frame["value"]),
        source_ids=sources,
        notes=notes,
    )


def with_period(dataset: Dataset, indicator_id: str, period: str, lang: str) -> str:
    """'Label (period)': 'Taux de chômage localisé (T3 2023)'."""
    label = vocabulary.label(dataset, "indicator", indicator_id, lang)
    return f"{label} ({period_label(period, lang)})"


def _used_in_domain(dataset: Dataset, table: IndexTable, selection: str) -> list[str]:
    domain_of = dataset.indicator_meta.set_index("indicator_id")["domain_id"]
    return [i for i in table.indicators_used if domain_of[i] == selection[len(DOMAIN_PREFIX) :]]


@dataclass(frozen=True)
class IndexTable:
    """Scores, domain indices and overall index of a set of territories."""

    scores: pd.DataFrame  # territory_id, indicator_id, period, value, score
    domains: pd.DataFrame  # territory_id, domain_id, index, n
    overall: pd.DataFrame  # territory_id, index, n_domains, n_total
    indicators_used: list[str]
    coverage: pd.DataFrame  # per indicator and period: covered, eligible, reason
    periods: dict[str, str]  # indicator_id -> the period used


# How a page computes the index table of some territories: `index_table` itself, or a cached
# version of it (lib.cached) handed to the functions that need several tables.
IndexTables = Callable[[Dataset, Sequence[str], str], IndexTable]


def index_table(
    dataset: Dataset,
    territory_ids: Sequence[str],
    method: str = DEFAULT_METHOD,
    weights: Mapping[str, float] | None = None,
) -> IndexTable:
    """Everything the index pages need for one set of territories (same level)."""
    eligibility = eligible_indicators(dataset.indicators, dataset.indicator_meta, territory_ids)
    scores = indicator_scores(
        dataset.indicators, dataset.indicator_meta, territory_ids, eligibility.periods, method
    )
    domains = domain_indices(scores, dataset.indicator_meta)
    available = sorted(domains.dropna(subset=["index"])["domain_id"].unique())
    weights = weights if weights is not None else dict.fromkeys(available, 1.0)
    overall = overall_index(domains, weights, list(dataset.domains["domain_id"]))
    return IndexTable(
        scores, domains, overall, eligibility.eligible, eligibility.coverage, eligibility.periods
    )


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


def sources_text(dataset: Dataset, source_ids: Sequence[str], lang: str = "fr") -> str:
    """'Publisher, title (year) ; ...' for the sources of a map ('non disponible' without any)."""
    return " ; ".join(source_label(dataset, s, lang) for s in source_ids) or t(
        "not_available", lang
    )


def caption_lines(dataset: Dataset, view: MapView, lang: str = "fr") -> list[str]:
    """Lines under a map: label, year and sources; coverage and notes; overseas insets."""
    sources = sources_text(dataset, view.source_ids, lang)
    first = t("map_caption", lang, label=view.label, year=view.period or "—", source=sources)
    return [first, *note_lines(dataset, view, lang)]


def note_lines(dataset: Dataset, view: MapView, lang: str = "fr") -> list[str]:
    """The lines under a map after its first: notes and coverage, the territories compared,
    imported layers shown, overseas insets."""
    coverage = t("coverage", lang, covered=view.covered, shown=view.shown)
    lines = [" ".join([*view.notes, coverage])]
    if view.shown < len(view.frame):
        lines.append(t("comparison_note", lang, members=view.comparison.label(lang)))
    if "origin" in view.frame:
        imported = sorted(set(view.frame["origin"].dropna()) - {EMBEDDED_ORIGIN})
        if imported:
            lines.append(t("imported_data_shown", lang, layers=" ; ".join(imported)))
    overseas = dataset.territory_index["overseas"]
    if (
        view.frame["territory_id"].map(overseas).any()
        and not view.frame["territory_id"].map(overseas).all()
    ):
        lines.append(t("insets_note", lang))
    return lines


def view_table(view: MapView, lang: str = "fr") -> pd.DataFrame:
    """The map's values as a readable table (missing values in words), most fragile first."""
    table = view.frame.sort_values(["rank", "name"], na_position="last")
    return pd.DataFrame(
        {
            t("territory", lang): table["name"],
            t("value", lang): table["value_text"],
            t("rank", lang): table["rank"].astype("string").fillna("–"),
            t("source", lang): table["detail"],
        }
    )


@dataclass(frozen=True)
class DrillState:
    """Whether the map is zoomed on a part of France, and the next steps offered."""

    zoomed: bool
    actions: list[tuple[str, str, dict]]  # (label key, territory name, filter changes)


def drill_state(dataset: Dataset, level: str, territory: str | None) -> DrillState:
    """Drill-down steps: region → its departments → one department's communes, and back; an
    EPCI's communes → its department's EPCIs."""
    name = vocabulary.territory_name(dataset, territory) if territory else ""
    is_region = vocabulary.is_level(territory, "region")
    is_department = vocabulary.is_level(territory, "department")
    actions: list[tuple[str, str, dict]] = []
    if level == "commune" and vocabulary.is_level(territory, "epci"):  # an EPCI's communes
        department = dataset.territory_index.at[territory, "parent_id"]
        name = vocabulary.territory_name(dataset, department)
        actions += [
            ("back_to_epcis", name, {"level": "epci", "territory": department}),
            ("back_to_regions", "", {"level": "region"}),
        ]
        return DrillState(zoomed=True, actions=actions)
    if level == "commune":
        actions += [
            ("back_to_departments", name, {"level": "department"}),
            ("back_to_regions", "", {"level": "region"}),
        ]
        return DrillState(zoomed=True, actions=actions)
    if level == "region" and is_region:
        actions.append(("show_departments", name, {"level": "department"}))
    if level == "department":
        actions.append(("back_to_regions", "", {"level": "region"}))
    if is_department:
        actions.append(("show_communes", name, {"level": "commune"}))
    return DrillState(zoomed=level == "department" and is_region, actions=actions)


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
