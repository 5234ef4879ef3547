"""One indicator or index over a scope (`MapView`): values, ranks, classes, sources, notes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from lib import vocabulary, withheld
from lib.classify import Classes, quantile_classes
from lib.data import Dataset
from lib.datasets import publisher_texts
from lib.explore.index_tables import IndexTable, index_table
from lib.explore.scope import comparison_set, scope_parent, scope_territories, territory_area
from lib.explore.selections import DOMAIN_PREFIX, OVERALL, is_index
from lib.filters import Filters
from lib.formatting import format_value, join_items
from lib.i18n import t
from lib.indices import DEFAULT_METHOD, display_period, period_rows
from lib.periods import chronological, period_label
from lib.ranking import SHOWN_KIND, ComparisonSet, ranks


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
    used_labels = join_items((with_period(dataset, i, table.periods[i], lang) for i in used), lang)
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
        period=join_items(
            (period_label(p, lang) for p in chronological(table.periods[i] for i in used)), lang
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
