"""A profile's key figures (population, the latest value of each fragility indicator) and its
figures as one download table."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.formatting import format_number, is_missing
from lib.i18n import t
from lib.periods import latest, period_label, sort_key
from lib.profile.domains import DomainProfile
from lib.profile.territory import POPULATION, Lookups, territory_level


@dataclass(frozen=True)
class KeyFigures:
    """Population and the latest value of each fragility indicator known at the level."""

    population: str  # "5 995 298 habitants" or "non disponible"
    population_note: str  # census year and source
    table: pd.DataFrame  # indicator, value, year, benchmark (France row), source (publisher)
    source_ids: list[str]
    indicator_ids: list[str]  # the indicator of each row of `table`


def main_indicators(look: Lookups, territory_id: str) -> list[tuple[str, str]]:
    """(indicator_id, period) of each fragility indicator with values at the territory's level
    (domain order): its latest period known for the territory, else its latest at the level."""
    level_ids = set(look.level_ids(territory_level(territory_id)))
    best: dict[str, tuple[bool, tuple[float, float], str]] = {}  # indicator -> rank, period
    for place, indicator_id, period in look.values:
        if place not in level_ids or look.meta[indicator_id]["role"] != "fragility":
            continue
        rank = (place == territory_id, sort_key(period), period)  # known here first, then latest
        if indicator_id not in best or rank > best[indicator_id]:
            best[indicator_id] = rank
    order = {domain_id: i for i, domain_id in enumerate(look.domains)}
    position = {indicator_id: i for i, indicator_id in enumerate(look.meta)}
    chosen = sorted(best, key=lambda i: (order[look.meta[i]["domain_id"]], position[i]))
    return [(i, best[i][2]) for i in chosen]


def key_figures(look: Lookups, territory_id: str) -> KeyFigures:
    """The territory's population and main indicator values, each with year and source; the
    benchmark is the indicator's France reference row when there is one."""
    lang, missing = look.lang, t("not_available", look.lang)
    found = look.values

    def benchmark(indicator_id: str, period: str) -> str:
        reference = look.meta[indicator_id]["reference_territory_id"]
        if is_missing(reference) or (reference, indicator_id, period) not in found:
            return missing
        value = look.value_text(
            indicator_id, found[(reference, indicator_id, period)][0], reference, period
        )
        return f"{value} ({look.name(reference)})"

    records, source_ids = [], []
    shown = main_indicators(look, territory_id)
    for indicator_id, period in shown:
        value, source_id = found.get((territory_id, indicator_id, period), (None, None))
        source_ids += [source_id] if source_id else []
        records.append(
            {
                t("indicator", lang): look.label(indicator_id),
                t("value", lang): look.value_text(indicator_id, value, territory_id, period),
                t("period", lang): period_label(period, lang),
                t("profile_benchmark", lang): benchmark(indicator_id, period),
                t("source", lang): look.publishers[source_id] if source_id else missing,
            }
        )
    population, note = missing, ""
    census = latest(p for place, i, p in found if place == territory_id and i == POPULATION)
    if census is not None:
        value, source_id = found[(territory_id, POPULATION, census)]
        population = look.value_text(POPULATION, value, territory_id, census)
        note = t(
            "profile_population_note",
            lang,
            period=period_label(census, lang),
            source=look.sources[source_id],
        )
        source_ids.insert(0, source_id)
    return KeyFigures(
        population,
        note,
        pd.DataFrame(records),
        list(dict.fromkeys(source_ids)),
        [indicator_id for indicator_id, _ in shown],
    )


def download_table(look: Lookups, figures: KeyFigures, domains: DomainProfile) -> pd.DataFrame:
    """The profile's figures as one table with a source on every row: key figures, then the
    domain indices (benchmark = the median of the territories compared, or 100 = France)."""
    lang, frame = look.lang, domains.frame
    missing = t("not_available", lang)
    indices = pd.DataFrame(
        {
            t("indicator", lang): [t("domain_index", lang, domain=d) for d in frame["label"]],
            t("value", lang): [format_number(v, 1, lang) for v in frame["index"]],
            t("period", lang): [y or missing for y in frame["years"]],
            t("profile_benchmark", lang): [
                missing
                if pd.isna(v)
                else t(
                    f"profile_reference_value_{domains.method}",
                    lang,
                    value=format_number(v, 1, lang),
                )
                for v in frame["reference"]
            ],
            t("source", lang): [s or missing for s in frame["sources"]],
        }
    )
    return pd.concat([figures.table, indices], ignore_index=True)
