"""What the explore pages show, computed without Streamlit: one indicator across a level."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.classify import Classes, quantile_classes
from lib.data import Dataset
from lib.formatting import format_value
from lib.i18n import t
from lib.indices import ranks

HOME_INDICATOR = "taux_chomage_2023t3"
LEVEL_LABELS = {
    "region": {"fr": "Régions", "en": "Regions"},
    "department": {"fr": "Départements", "en": "Departments"},
}


@dataclass(frozen=True)
class IndicatorView:
    """One indicator at one level: values, ranks, classes, sources and caption."""

    indicator_id: str
    label: str
    unit: str
    decimals: int
    year: str
    higher_is_worse: bool | None
    frame: pd.DataFrame  # territory_id, name, value, value_text, rank, detail, source_id
    classes: Classes
    source_ids: list[str]
    reference_text: str

    @property
    def covered(self) -> int:
        return int(self.frame["value"].notna().sum())

    @property
    def shown(self) -> int:
        return len(self.frame)


def territories_at(dataset: Dataset, level: str) -> pd.DataFrame:
    """Territories of one level (territory_id, code, name, parent_id, overseas), by code."""
    rows = dataset.territories[dataset.territories["level"] == level]
    return rows.sort_values("code").reset_index(drop=True)


def indicator_label(dataset: Dataset, indicator_id: str, lang: str) -> str:
    meta = dataset.indicator_meta.set_index("indicator_id").loc[indicator_id]
    return str(meta["label_en"] if lang == "en" else meta["label_fr"])


def indicator_options(dataset: Dataset, level: str) -> list[str]:
    """Indicators with at least one value at `level`, fragility ones first, by domain order."""
    ids = set(territories_at(dataset, level)["territory_id"])
    present = set(
        dataset.indicators.loc[dataset.indicators["territory_id"].isin(ids), "indicator_id"]
    )
    meta = dataset.indicator_meta[dataset.indicator_meta["indicator_id"].isin(present)]
    order = meta["domain_id"].map(dataset.domains.set_index("domain_id")["order"]).fillna(99)
    meta = meta.assign(_context=meta["role"].eq("context"), _order=order)
    return list(meta.sort_values(["_context", "_order", "indicator_id"])["indicator_id"])


def source_label(dataset: Dataset, source_id: str) -> str:
    """'Publisher, title (year)' for a source id."""
    row = dataset.sources.set_index("source_id").loc[source_id]
    return f"{row['publisher']}, {row['title']} ({row['year']})"


def indicator_view(
    dataset: Dataset, indicator_id: str, level: str, lang: str = "fr"
) -> IndicatorView:
    """Values of one indicator for every territory of a level; missing ones stay missing."""
    meta = dataset.indicator_meta.set_index("indicator_id").loc[indicator_id]
    territories = territories_at(dataset, level)[["territory_id", "name"]]
    rows = dataset.indicators[dataset.indicators["indicator_id"] == indicator_id]
    frame = territories.merge(
        rows[["territory_id", "value", "source_id"]], on="territory_id", how="left"
    )
    unit, decimals = str(meta["unit"]), int(meta["decimals"])
    frame["value_text"] = [format_value(v, unit, decimals, lang) for v in frame["value"]]
    worse = meta["higher_is_worse"]
    orientation = frame["value"] if pd.isna(worse) or bool(worse) else -frame["value"]
    frame["rank"] = (
        ranks(orientation) if not pd.isna(worse) else pd.array([pd.NA] * len(frame), dtype="Int64")
    )
    publishers = dataset.sources.set_index("source_id")["publisher"]
    frame["detail"] = [
        f"{meta['year']} · {t('source', lang)} : {publishers[s]}"
        if isinstance(s, str)
        else t("not_available", lang)
        for s in frame["source_id"]
    ]
    source_ids = sorted(frame["source_id"].dropna().unique())
    return IndicatorView(
        indicator_id=indicator_id,
        label=indicator_label(dataset, indicator_id, lang),
        unit=unit,
        decimals=decimals,
        year=str(meta["year"]),
        higher_is_worse=None if pd.isna(worse) else bool(worse),
        frame=frame,
        classes=quantile_classes(frame["value"]),
        source_ids=source_ids,
        reference_text=_reference_text(dataset, indicator_id, meta, lang),
    )


def _reference_text(dataset: Dataset, indicator_id: str, meta: pd.Series, lang: str) -> str:
    reference = meta["reference_territory_id"]
    if pd.isna(reference):
        return t("no_reference", lang)
    rows = dataset.indicators[
        (dataset.indicators["indicator_id"] == indicator_id)
        & (dataset.indicators["territory_id"] == reference)
    ]
    if rows.empty:
        return t("no_reference", lang)
    name = dataset.territories.set_index("territory_id").loc[reference, "name"]
    value = format_value(rows["value"].iloc[0], str(meta["unit"]), int(meta["decimals"]), lang)
    return t("reference", lang, name=name, value=value)


def caption_lines(dataset: Dataset, view: IndicatorView, lang: str = "fr") -> list[str]:
    """Lines under a map: label, year and sources; orientation; coverage; reference."""
    sources = " ; ".join(source_label(dataset, s) for s in view.source_ids) or t(
        "not_available", lang
    )
    orientation = (
        ""
        if view.higher_is_worse is None
        else t("higher_is_worse" if view.higher_is_worse else "higher_is_better", lang)
    )
    coverage = t("coverage", lang, covered=view.covered, shown=view.shown)
    return [
        t("map_caption", lang, label=view.label, year=view.year, source=sources),
        f"{orientation} {coverage} {view.reference_text}".strip(),
        t("insets_note", lang),
    ]


def view_table(view: IndicatorView, lang: str = "fr") -> pd.DataFrame:
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
