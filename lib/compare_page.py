"""Everything the "Comparer" page shows, computed in two steps without Streamlit.

`selection` (territories compared and the domains they have an index for) comes first because
the weight sliders need its domains; `results` then computes every table and chart for the
chosen weights, and `similar` the territories closest to the chosen one (the only part that
depends on it). All are plain values, so `lib.cached` can keep them per filter combination and
a rerun only draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from lib import compare, explore, vocabulary
from lib.charts import compare as charts
from lib.data import Dataset
from lib.explore import IndexTable
from lib.formatting import format_number
from lib.i18n import t
from lib.indices import excluded_for_coverage
from lib.ranking import CHOSEN_KIND, ComparisonSet, standing, whole_level


@dataclass(frozen=True)
class Selection:
    """The territories compared and the domains with an index among them."""

    level: str
    ids: list[str]
    names: pd.Series  # territory_id -> name, every territory of the scope (for the picker)
    table: IndexTable
    available: list[str]  # domains with an index, in the domains' order
    labels: dict[str, str]  # domain_id -> label
    members: ComparisonSet  # how the territories compared read


def selection(
    dataset: Dataset, level: str, area: str, chosen: Sequence[str], method: str, lang: str
) -> Selection:
    """The compared territories (`chosen`, or all of the scope) and their indices; `area`:
    "metro" or "all" (`lib.explore.territory_area`)."""
    names = compare.territory_names(compare.compared_territories(dataset, level, area), level)
    ids = list(compare.compared_territories(dataset, level, area, chosen)["territory_id"])
    table = explore.index_table(dataset, ids, method)
    available = compare.domains_with_index(table.domains, list(dataset.domains["domain_id"]))
    return Selection(
        level=level,
        ids=ids,
        names=names,
        table=table,
        available=available,
        labels=compare.domain_labels(dataset, available, lang),
        members=ComparisonSet(CHOSEN_KIND, len(ids))
        if chosen
        else whole_level(level, area, len(ids)),
    )


@dataclass(frozen=True)
class Similar:
    """The 3 most similar territories, or why they cannot be shown."""

    status: str  # "ok" or the label key of the reason
    name: str  # the chosen territory's name ("" without one)
    table: pd.DataFrame | None  # None when status is not "ok" or nothing is similar


@dataclass(frozen=True)
class Results:
    """Every table and chart of the page for one set of weights."""

    shown: list[str]  # domains on the heatmap (the chosen ones, else every available one)
    no_chosen_domain: bool  # domains were chosen but none has an index
    heatmap: go.Figure
    heatmap_line: str  # method, indicators and sources of the heatmap's domains
    excluded: int  # territories left out of some index for coverage
    ranks: pd.DataFrame
    overall: pd.Series  # territory_id -> overall index with the chosen weights
    equal_weights: bool  # every domain weighs 1 (the overall index of the other pages)
    n_weighted: int  # domains with a weight above 0
    brief: str  # method, publishers and years
    export: pd.DataFrame  # ranks with every domain index, weights and sources (CSV)
    changes: pd.DataFrame  # ranks with equal weights vs the chosen weights
    sensitivity: go.Figure  # territories whose rank moves when a domain's weight is 0


def results(
    dataset: Dataset,
    chosen_domains: Sequence[str],
    weights: dict[str, float],
    method: str,
    selected: Selection,
    lang: str,
) -> Results:
    """The page's tables and charts for `weights` (domain_id -> weight)."""
    table, ids, names, labels = selected.table, selected.ids, selected.names, selected.labels
    available = selected.available
    shown = compare.shown_domains(available, chosen_domains)
    no_chosen_domain = not shown
    shown = shown or available
    every = compare.provenance(dataset, table.scores, available, lang)
    on_heatmap = (
        every if shown == available else compare.provenance(dataset, table.scores, shown, lang)
    )
    matrix = compare.domain_matrix(table.domains, ids, available)
    ranked = compare.ranking(matrix, weights, names)
    ordered = compare.domain_matrix(table.domains, ranked["territory_id"], shown)
    unit = t("index_unit_" + method, lang)
    n_weighted = compare.weighted_domains(weights)
    method_text = t("method_" + method, lang)
    counts = compare.weight_sensitivity(table.domains, weights)
    changes = compare.rank_changes(table.domains, dict.fromkeys(available, 1.0), weights)
    return Results(
        shown=shown,
        no_chosen_domain=no_chosen_domain,
        heatmap=charts.heatmap(ordered, names, labels, unit, lang),
        heatmap_line=on_heatmap.line(method, lang),
        excluded=excluded_for_coverage(table.coverage),
        ranks=compare.ranks_table(ranked, n_weighted, len(dataset.domains), lang),
        overall=ranked.set_index("territory_id")["index"],
        equal_weights=all(weights.get(d) == 1.0 for d in available),
        n_weighted=n_weighted,
        brief=every.brief(method, lang),
        export=compare.ranks_export(
            ranked, matrix, labels, weights, method_text, every.sources, lang
        ),
        changes=compare.sensitivity_table(changes, names, lang),
        sensitivity=charts.sensitivity_bars(counts, labels, lang),
    )


def count_line(selected: Selection, area: str, restricted: bool, lang: str) -> str:
    """'13 régions comparées (Métropole seulement).', and that the indices are computed again
    among the territories chosen when the reader `restricted` the comparison."""
    count = t(
        "compare_count_" + selected.level, lang, n=len(selected.ids), area=t("area_" + area, lang)
    )
    return f"{count} {t('compare_restricted_note', lang)}" if restricted else count


def similar_title(similar: Similar, lang: str) -> str:
    """The similar profiles' heading: naming the territory when its profile is compared."""
    key = "compare_similar" if similar.status == "ok" else "compare_similar_generic"
    return t(key, lang, name=similar.name)


def standing_line(
    selected: Selection, results: Results, territory: str | None, lang: str
) -> str | None:
    """'Hauts-de-France : indice global 58,2 — 3e sur 13 régions métropolitaines.' for the
    chosen territory when it is compared (None otherwise)."""
    if territory not in selected.ids:
        return None
    found = standing(results.overall, territory, selected.members, lang)
    if found.rank is None:
        return t("compare_standing_missing", lang, name=selected.names[territory])
    return t(
        "compare_standing" if results.equal_weights else "compare_standing_weighted",
        lang,
        name=selected.names[territory],
        value=format_number(found.value, 1, lang),
        rank=found.text,
    )


def similar(
    dataset: Dataset, selected: Selection, shown: Sequence[str], territory: str | None, lang: str
) -> Similar:
    """The territories of the selection closest to `territory` on the `shown` domains."""
    status = compare.similarity_status(territory, selected.level, selected.ids)
    name = vocabulary.territory_name(dataset, territory) if territory else ""
    if status != "ok":
        return Similar(status, name, None)
    matrix = compare.domain_matrix(selected.table.domains, selected.ids, shown)
    closest = compare.most_similar(matrix, territory)
    table = None if closest.empty else compare.similar_table(closest, selected.names, lang)
    return Similar(status, name, table)
