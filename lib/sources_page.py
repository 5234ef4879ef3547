"""What the "Données & sources" page shows, computed without Streamlit.

Where a number comes from: which territories each indicator covers, which source each fact row
cites (and under which licence), how the indices are computed, and the filtered data as tables
ready for a CSV download (each row with its source and licence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

import pandas as pd

from lib import vocabulary
from lib.data import Dataset, column_in_language
from lib.datasets import EMBEDDED_ORIGIN, publisher_texts, source_texts
from lib.explore import scope_territories
from lib.formatting import is_missing, join_items
from lib.i18n import t
from lib.indices import display_period, period_rows
from lib.periods import chronological, latest, period_label, periods_text, sort_key

MISSING_LISTED = 5  # up to this many missing territories are named, beyond that counted
METHOD_KEYS = (
    "sources_method_orientation",
    "sources_method_minmax",
    "sources_method_base100",
    "sources_method_coverage",
    "sources_method_vintage",
    "sources_method_domain",
    "sources_method_overall",
    "sources_method_missing",
    "sources_method_handbook",
)
FACT_TABLES = ("indicators", "perceptions", "alliances", "initiatives", "perceived_more")
SEPARATORS = {",": "sources_separator_comma", ";": "sources_separator_semicolon"}


def indicator_order(dataset: Dataset) -> list[str]:
    """Every indicator, fragility first, by domain order then id (as the indicator picker)."""
    meta = dataset.indicator_meta
    domain_order = dict(zip(dataset.domains["domain_id"], dataset.domains["order"], strict=True))
    keys = zip(
        meta["role"] == "context",
        [domain_order.get(d, 99) for d in meta["domain_id"]],
        meta["indicator_id"],
        strict=True,
    )
    return [indicator_id for *_, indicator_id in sorted(keys)]


def coverage_level(level: str) -> str:
    """The level whose coverage is shown: communes are shown through their departments."""
    return "department" if level == "commune" else level


@dataclass(frozen=True)
class CoverageMatrix:
    """Which indicator has a value for which territory of one level."""

    level: str
    territories: pd.DataFrame  # territory_id, name (the matrix's columns, by code)
    presence: pd.DataFrame  # index indicator_id, columns territory_id, bool (shown period)
    covered: dict[str, int]  # territories with a value, by indicator id (shown period)
    periods: dict[str, str | None]  # indicator_id -> the period shown (lib.indices rule)
    others: dict[str, list[tuple[str, int]]]  # indicator_id -> other (period, covered)

    @property
    def shown(self) -> int:
        return len(self.territories)

    def count_text(self, indicator_id: str) -> str:
        """'17 / 18'."""
        return f"{self.covered[indicator_id]} / {self.shown}"


def coverage_matrix(dataset: Dataset, level: str, area: str = "all") -> CoverageMatrix:
    """Indicator × territory presence at `level` (commune → department) over `area`, for the
    period each indicator is shown for (the most covered, then the latest)."""
    level = coverage_level(level)
    territories = scope_territories(dataset, level, None, area)[["territory_id", "name"]]
    ids = list(territories["territory_id"])
    values = dataset.indicators
    present = values[values["territory_id"].isin(ids) & values["value"].notna()]
    counts = present.groupby(["indicator_id", "period"])["territory_id"].nunique()
    indicators = indicator_order(dataset)
    periods: dict[str, str | None] = dict.fromkeys(indicators)
    others: dict[str, list[tuple[str, int]]] = {i: [] for i in indicators}
    for indicator_id, group in counts.groupby(level=0):
        found = {period: int(n) for (_, period), n in group.items()}
        periods[indicator_id] = display_period(present, indicator_id, ids)
        others[indicator_id] = [
            (p, found[p]) for p in reversed(chronological(found)) if p != periods[indicator_id]
        ]
    shown = period_rows(present, periods)
    pairs = set(zip(shown["indicator_id"], shown["territory_id"], strict=True))
    cells = [[(i, territory) in pairs for territory in ids] for i in indicators]
    presence = pd.DataFrame(
        cells, index=pd.Index(indicators, name="indicator_id"), columns=ids, dtype=bool
    )
    covered = {i: sum(row) for i, row in zip(indicators, cells, strict=True)}
    return CoverageMatrix(
        level, territories.reset_index(drop=True), presence, covered, periods, others
    )


@dataclass(frozen=True)
class CoverageView:
    """The coverage section of the page: matrix, what it covers, and its two tables."""

    matrix: CoverageMatrix
    scope: str  # "toutes les régions", ...
    table: pd.DataFrame  # coverage_table
    presence: pd.DataFrame  # presence_table


def coverage_view(dataset: Dataset, level: str, area: str, lang: str) -> CoverageView:
    """Everything the coverage section shows besides its chart."""
    matrix = coverage_matrix(dataset, level, area)
    return CoverageView(
        matrix=matrix,
        scope=scope_text(dataset, matrix.level, None, area, lang),
        table=coverage_table(dataset, matrix, lang),
        presence=presence_table(dataset, matrix, lang),
    )


def coverage_table(dataset: Dataset, matrix: CoverageMatrix, lang: str) -> pd.DataFrame:
    """One row per indicator: label, domain, period shown, 'covered / shown', missing
    territories, and the other periods with their coverage ('2013 : 13 / 18')."""
    ids = list(matrix.presence.index)
    names = matrix.territories["name"].to_numpy()
    missing = [_missing_text(list(names[~present]), lang) for present in matrix.presence.to_numpy()]
    labels, domains = vocabulary.labels(dataset, "indicator", lang), domain_texts(dataset, lang)
    return pd.DataFrame(
        {
            t("sources_col_indicator", lang): [labels[i] for i in ids],
            t("sources_col_domain", lang): [domains[i] for i in ids],
            t("period", lang): [_period_text(matrix.periods[i], lang) for i in ids],
            t("sources_col_coverage", lang): [matrix.count_text(i) for i in ids],
            t("sources_col_missing", lang): missing,
            t("sources_col_other_periods", lang): [
                other_periods_text(matrix.others[i], matrix.shown, lang) for i in ids
            ],
        }
    )


def other_periods_text(others: list[tuple[str, int]], shown: int, lang: str) -> str:
    """'2013 : 13 / 18', consecutive periods of equal coverage together ('T1 2014 à T2 2023
    (38 périodes) : 17 / 18'); '—' when there is none. `others` (period, covered) in the
    matrix's order, latest first."""
    runs = [list(run) for _, run in groupby(others, key=itemgetter(1))]
    return (
        join_items(
            (
                t(
                    "sources_period_run",
                    lang,
                    periods=periods_text([period for period, _ in run], lang),
                    covered=run[0][1],
                    shown=shown,
                )
                for run in runs
            ),
            lang,
            long_items=True,
        )
        or "—"
    )


def _period_text(period: str | None, lang: str) -> str:
    return t("not_available", lang) if period is None else period_label(period, lang)


def _missing_text(missing: list[str], lang: str) -> str:
    if len(missing) > MISSING_LISTED:
        return t("sources_missing_many", lang, n=len(missing))
    return join_items(missing, lang) or "—"


def domain_texts(dataset: Dataset, lang: str) -> dict[str, str]:
    """indicator_id -> its domain's label ('contexte' for context indicators)."""
    domains = vocabulary.labels(dataset, "domain", lang)
    meta = dataset.indicator_meta
    context = t("sources_context_domain", lang)
    return {
        i: domains.get(d, context)
        for i, d in zip(meta["indicator_id"], meta["domain_id"], strict=True)
    }


def presence_table(dataset: Dataset, matrix: CoverageMatrix, lang: str) -> pd.DataFrame:
    """The full matrix in words: indicators × territory names, '✓' or 'non disponible'."""
    cells = matrix.presence.replace(
        {True: t("sources_present", lang), False: t("not_available", lang)}
    )
    cells.columns = matrix.territories["name"].to_numpy()
    labels = vocabulary.labels(dataset, "indicator", lang)
    cells.index = [labels[i] for i in matrix.presence.index]
    return cells.rename_axis(t("sources_col_indicator", lang))


def _link_and_access(value: str, origin: object) -> tuple[str | None, str]:
    """A source's address split into a link (when it starts with http) and the rest. Only the
    embedded sources get a link: an address typed in an upload is shown as text."""
    if not value.startswith("http") or origin != EMBEDDED_ORIGIN:
        return None, value
    link, _, rest = value.partition(" ")
    return link, rest.strip(" ;")


def verification_texts(sources: pd.DataFrame, lang: str) -> list[str | None]:
    """'vérifié', 'vérification partielle' or 'non vérifié' for a source its research notes
    assess; None when not assessed."""
    statuses = sources.get("verification", pd.Series([None] * len(sources)))
    return [
        t(f"sources_verification_{s}", lang) if isinstance(s, str) and s else None for s in statuses
    ]


def sources_table(dataset: Dataset, lang: str) -> pd.DataFrame:
    """Every source with its link, licence, note and how many fact rows cite it."""
    sources = dataset.sources
    origins = sources["origin"] if "origin" in sources else [EMBEDDED_ORIGIN] * len(sources)
    split = [
        _link_and_access(v, origin)
        for v, origin in zip(sources["url_or_package"], origins, strict=True)
    ]
    table = pd.DataFrame(
        {
            t("sources_col_id", lang): sources["source_id"],
            t("sources_col_title", lang): sources["title"],
            t("sources_col_publisher", lang): sources["publisher"],
            t("year", lang): sources["year"],
            t("sources_col_link", lang): [link for link, _ in split],
            t("sources_col_access", lang): [access or None for _, access in split],
            t("sources_col_licence", lang): sources["licence"],
            t("sources_col_verification", lang): verification_texts(sources, lang),
            t("sources_col_verification_note", lang): (
                column_in_language(sources, "verification_note", lang)
                if "verification_note" in sources
                else None
            ),
            t("sources_col_note", lang): column_in_language(sources, "note", lang),
        }
    )
    for name in FACT_TABLES:
        counts = getattr(dataset, name)["source_id"].value_counts()
        column = t(f"sources_col_n_{name}", lang)
        table[column] = sources["source_id"].map(counts).fillna(0).astype(int).to_numpy()
    return table


def source_labels(dataset: Dataset, lang: str = "fr") -> dict[str, str]:
    """source_id -> 'Publisher, title (year)' (with its verification status and its layer's
    label when not embedded)."""
    return source_texts(dataset.sources, lang)


def source_columns(dataset: Dataset, source_ids: Sequence[str], lang: str) -> pd.DataFrame:
    """Source, address and licence of each row (the columns every download carries)."""
    sources = dataset.sources
    addresses = dict(zip(sources["source_id"], sources["url_or_package"], strict=True))
    licences = dict(zip(sources["source_id"], sources["licence"], strict=True))
    labels = source_labels(dataset, lang)
    return pd.DataFrame(
        {
            t("source", lang): [labels[s] for s in source_ids],
            t("sources_col_source_url", lang): [addresses[s] for s in source_ids],
            t("sources_col_licence", lang): [licences[s] for s in source_ids],
        }
    )


def separator_label(separator: str, lang: str) -> str:
    """How the CSV separator choice reads ("point-virgule ; (Excel en français)")."""
    return t(SEPARATORS[separator], lang)


def method_markdown(lang: str) -> str:
    """The index method in plain words, as a markdown list."""
    return "\n".join(f"- {t(key, lang)}" for key in METHOD_KEYS)


def orientation_text(higher_is_worse: object, lang: str) -> str:
    if is_missing(higher_is_worse):
        return t("sources_context", lang)
    return t("sources_worse_higher" if higher_is_worse else "sources_worse_lower", lang)


def reference_texts(dataset: Dataset, lang: str) -> dict[str, str]:
    """indicator_id -> 'France hors Mayotte = 7,4 % … (T3 2023)' (its latest reference value),
    or 'non disponible' without a reference row (then the base-100 score is not available)."""
    france = dataset.indicators[dataset.indicators["territory_id"].isin(vocabulary.FRANCE_SCOPES)]
    found: dict[tuple[str, str], dict[str, float]] = {}
    for indicator_id, place, period, value in zip(
        france["indicator_id"],
        france["territory_id"],
        france["period"],
        france["value"],
        strict=True,
    ):
        found.setdefault((indicator_id, place), {})[period] = value
    names = vocabulary.territory_names(dataset, vocabulary.FRANCE_SCOPES, lang)
    texts = {}
    for row in dataset.indicator_meta.to_dict("records"):
        reference = row["reference_territory_id"]
        values = found.get((row["indicator_id"], reference), {})
        period = latest(values)
        texts[row["indicator_id"]] = (
            t("not_available", lang)
            if period is None or is_missing(values[period])
            else f"{names[reference]} = "
            + vocabulary.value_text(
                row,
                values[period],
                lang,
                dataset.own_decimals.get((reference, row["indicator_id"], period)),
            )
            + f" ({period_label(period, lang)})"
        )
    return texts


def indicator_meta_table(dataset: Dataset, lang: str) -> pd.DataFrame:
    """Every indicator: label, domain, unit, periods, direction, reference row, sources,
    definition."""
    ids = indicator_order(dataset)
    meta = dataset.indicator_meta.set_index("indicator_id").loc[ids]
    rows = meta.to_dict("records")
    publishers = publisher_texts(dataset.sources, lang)
    cited: dict[str, set[str]] = {}
    periods: dict[str, set[str]] = {}
    values = dataset.indicators
    for indicator_id, source_id, period in set(
        zip(values["indicator_id"], values["source_id"], values["period"], strict=True)
    ):
        cited.setdefault(indicator_id, set()).add(source_id)
        periods.setdefault(indicator_id, set()).add(period)
    labels, domains = vocabulary.labels(dataset, "indicator", lang), domain_texts(dataset, lang)
    references = reference_texts(dataset, lang)
    return pd.DataFrame(
        {
            t("sources_col_indicator", lang): [labels[i] for i in ids],
            t("sources_col_id", lang): ids,
            t("sources_col_domain", lang): [domains[i] for i in ids],
            t("sources_col_unit", lang): [vocabulary.unit_text(r, lang) for r in rows],
            t("sources_col_periods", lang): [
                periods_text(periods.get(i, ()), lang) or t("not_available", lang) for i in ids
            ],
            t("sources_col_orientation", lang): [
                orientation_text(v, lang) for v in meta["higher_is_worse"]
            ],
            t("sources_col_reference", lang): [references[i] for i in ids],
            t("sources_col_sources", lang): [
                join_items(
                    dict.fromkeys(publishers[s] for s in sorted(cited.get(i, ()))),
                    lang,
                    long_items=True,
                )
                for i in ids
            ],
            t("sources_col_definition", lang): [vocabulary.definition_text(r, lang) for r in rows],
        }
    )


def scope_text(dataset: Dataset, level: str, territory: str | None, area: str, lang: str) -> str:
    """What the indicator download covers: 'départements de Bretagne', 'toutes les régions'…"""
    shown = scope_territories(dataset, level, territory, area)
    if territory and len(shown) and shown["parent_id"].eq(territory).all():
        name = vocabulary.territory_name(dataset, territory, lang)
        text = t(f"sources_scope_{level}_within", lang, name=name)
    else:
        text = t(f"sources_scope_{level}", lang)
    return t("sources_scope_metro", lang, scope=text) if area == "metro" else text


def indicator_rows(
    dataset: Dataset, level: str, territory: str | None, area: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The territories shown and their indicator rows."""
    territories = scope_territories(dataset, level, territory, area)
    rows = dataset.indicators[dataset.indicators["territory_id"].isin(territories["territory_id"])]
    return territories, rows


def indicator_export(
    dataset: Dataset, level: str, territory: str | None, area: str, lang: str
) -> pd.DataFrame:
    """Indicator rows of the territories shown (a region's departments, a department's
    communes…), with names, labels, units, years, sources and licences."""
    territories, shown = indicator_rows(dataset, level, territory, area)
    names = dict(zip(territories["territory_id"], territories["name"], strict=True))
    codes = dict(zip(territories["territory_id"], territories["code"], strict=True))
    order = {i: n for n, i in enumerate(indicator_order(dataset))}
    rows = sorted(
        zip(
            shown["territory_id"],
            shown["indicator_id"],
            shown["period"],
            shown["value"],
            shown["source_id"],
            strict=True,
        ),
        key=lambda row: (order[row[1]], sort_key(row[2]), codes[row[0]]),
    )
    territory_ids, indicator_ids, periods, values, source_ids = (
        (list(column) for column in zip(*rows, strict=True)) if rows else ([], [], [], [], [])
    )
    labels = vocabulary.labels(dataset, "indicator", lang)
    units = {
        r["indicator_id"]: vocabulary.unit_text(r, lang)
        for r in dataset.indicator_meta.to_dict("records")
    }
    table = pd.DataFrame(
        {
            "territory_id": territory_ids,
            t("territory", lang): [names[i] for i in territory_ids],
            "indicator_id": indicator_ids,
            t("sources_col_indicator", lang): [labels[i] for i in indicator_ids],
            t("sources_col_unit", lang): [units[i] for i in indicator_ids],
            "period": periods,
            t("period", lang): [period_label(p, lang) for p in periods],
            t("value", lang): values,
        }
    )
    return pd.concat([table, source_columns(dataset, source_ids, lang)], axis=1)


def perception_rows(
    dataset: Dataset, actors: Sequence[str], domains: Sequence[str]
) -> pd.DataFrame:
    """Perception rows of the chosen actors and domains (all when none)."""
    rows = dataset.perceptions
    if actors:
        rows = rows[rows["actor_id"].isin(actors)]
    if domains:
        rows = rows[rows["domain_id"].isin(domains)]
    return rows


def perception_export(
    dataset: Dataset, actors: Sequence[str], domains: Sequence[str], lang: str
) -> pd.DataFrame:
    """Perception rows of the chosen actors and domains (all when none), with their sources."""
    rows = perception_rows(dataset, actors, domains)
    actor_labels = vocabulary.labels(dataset, "actor", lang)
    domain_labels = vocabulary.labels(dataset, "domain", lang)
    names = vocabulary.territory_names(dataset, rows["territory_id"], lang)
    table = pd.DataFrame(
        {
            "perception_id": rows["perception_id"].to_numpy(),
            t("territory", lang): [names[i] for i in rows["territory_id"]],
            t("alliances_col_actor", lang): [actor_labels[a] for a in rows["actor_id"]],
            t("alliances_col_population", lang): rows["actor_label"].to_numpy(),
            t("sources_col_domain", lang): [domain_labels[d] for d in rows["domain_id"]],
            t("alliances_col_study", lang): rows["study"].to_numpy(),
            t("sources_col_question", lang): rows["question"].to_numpy(),
            t("sources_col_measure", lang): [
                t("sources_measure_" + m, lang) for m in rows["measure"]
            ],
            t("value", lang): rows["value"].to_numpy(),
            t("alliances_col_base", lang): rows["base_n"].to_numpy(),
            t("year", lang): rows["year"].to_numpy(),
            t("alliances_col_year_note", lang): column_in_language(
                rows, "year_note", lang
            ).to_numpy(),
            t("sources_col_note", lang): column_in_language(rows, "note", lang).to_numpy(),
        }
    )
    return pd.concat([table, source_columns(dataset, rows["source_id"], lang)], axis=1)
