"""What the Compare page shows in its « évolution » mode, without Streamlit: the territories
ranked by the change of one indicator between two periods (`lib.compare_change`), as tables,
a bar chart and a CSV table; plain values that `lib.cached` keeps per filter combination."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from lib import compare_change, vocabulary
from lib.charts import compare as charts
from lib.compare_page import Selection
from lib.data import Dataset
from lib.datasets import EMBEDDED_ORIGIN, source_texts
from lib.formatting import format_number, join_items
from lib.i18n import t
from lib.periods import period_label
from lib.trends import delta_text, is_percentage, signed_number

TOP = 10  # territories in each of the « most degraded » and « most improved » tables


@dataclass(frozen=True)
class ChangeView:
    """The ranking by change of one indicator, ready to show."""

    worse: pd.DataFrame  # « le plus dégradés », most degraded first (at most TOP)
    better: pd.DataFrame  # « le plus améliorés », most improved first (at most TOP)
    ranked: pd.DataFrame  # every ranked territory, most degraded first
    unavailable: pd.DataFrame  # territory, reason (never ranked)
    chart: go.Figure | None  # every ranked territory (None when none is)
    note: str  # what is compared, how it is ranked
    sources: str
    export: pd.DataFrame  # every territory, numbers as numbers (CSV)
    start: str  # the periods' labels
    end: str


def reading(fragility: str | None, lang: str = "fr") -> str:
    """« plus fragile », « moins fragile » or « stable »."""
    return t(f"trend_{fragility}" if isinstance(fragility, str) else "compare_trend_stable", lang)


def _reasons(frame: pd.DataFrame, start: str, end: str, lang: str) -> list[str | None]:
    def vintage(origin: str) -> str:
        return t("compare_trend_embedded", lang) if origin == EMBEDDED_ORIGIN else str(origin)

    return [
        None
        if not isinstance(reason, str)
        else t(
            f"compare_trend_{reason}",
            lang,
            start=start,
            end=end,
            vintages=f"{vintage(a)}, {vintage(b)}" if reason == "vintage" else "",
        )
        for reason, a, b in zip(
            frame["reason"], frame["start_origin"], frame["end_origin"], strict=True
        )
    ]


def _table(
    frame: pd.DataFrame, side: str, meta: Mapping, start: str, end: str, lang: str
) -> pd.DataFrame:
    decimals = int(meta["decimals"])
    return pd.DataFrame(
        {
            t(f"compare_trend_rank_{side}", lang): frame[f"{side}_rank"].astype(int).to_numpy(),
            t("territory", lang): frame["name"].to_numpy(),
            t("compare_trend_value", lang, period=start): [
                format_number(v, decimals, lang) for v in frame["start"]
            ],
            t("compare_trend_value", lang, period=end): [
                format_number(v, decimals, lang) for v in frame["end"]
            ],
            t("compare_trend_change", lang): [delta_text(c, meta, lang) for c in frame["change"]],
            t("compare_trend_reading", lang): [reading(f, lang) for f in frame["fragility"]],
        }
    )


def view(
    dataset: Dataset,
    selected: Selection,
    concept: str,
    periods: compare_change.Periods,
    lang: str = "fr",
) -> ChangeView:
    """The compared territories of `selected` ranked by their change of `concept` between
    `periods.start` and `periods.end` (an ordered pair)."""
    metas = dataset.indicator_meta
    meta = metas[metas["indicator_id"].to_numpy() == concept].iloc[0].to_dict()
    worse_high = bool(meta["higher_is_worse"])
    rows = compare_change.oriented_rows(dataset, selected.ids, concept)
    names = selected.names.reindex(selected.ids)
    frame = compare_change.ranking(
        rows, names, periods.start, periods.end, int(meta["decimals"]), worse_high
    )
    start, end = period_label(periods.start, lang), period_label(periods.end, lang)
    ranked = frame[frame["reason"].isna()]
    worse = ranked[ranked["fragility"].eq("worse")]
    better = ranked[ranked["fragility"].eq("better")].sort_values(["better_rank", "name"])
    unit = vocabulary.unit_text(meta, lang)
    percentage = is_percentage(str(meta["unit"]))
    signed = ranked["change"] * (1.0 if worse_high else -1.0)
    deltas = [delta_text(c, meta, lang) for c in ranked["change"]]
    hover = [
        t("compare_trend_bar", lang, name=n, delta=d, reading=reading(f, lang))
        for n, d, f in zip(ranked["name"], deltas, ranked["fragility"], strict=True)
    ]
    axis = t("compare_trend_axis", lang, unit=t("trend_points", lang) if percentage else unit)
    label = str(vocabulary.labels(dataset, "indicator", lang)[concept])
    used = rows[rows["period"].isin([periods.start, periods.end])]
    texts = source_texts(dataset.sources, lang)
    sources = join_items(
        (texts[s] for s in sorted(used["source_id"].dropna().unique())), lang, long_items=True
    )
    reasons = _reasons(frame, start, end, lang)
    return ChangeView(
        worse=_table(worse.head(TOP), "worse", meta, start, end, lang),
        better=_table(better.head(TOP), "better", meta, start, end, lang),
        ranked=_table(ranked, "worse", meta, start, end, lang),
        unavailable=pd.DataFrame(
            {
                t("territory", lang): frame.loc[frame["reason"].notna(), "name"].to_numpy(),
                t("compare_trend_reason", lang): [r for r in reasons if r is not None],
            }
        ),
        chart=charts.change_bars(
            list(ranked["name"]),
            list(ranked["change"]),
            list(signed),
            [signed_number(c, int(meta["decimals"]), lang) for c in ranked["change"]],
            hover,
            axis,
        )
        if len(ranked)
        else None,
        note=t(
            "compare_trend_note",
            lang,
            label=label,
            start=start,
            end=end,
            unit=t("compare_trend_points", lang)
            if percentage
            else t("compare_trend_in_unit", lang, unit=unit),
            direction=t(
                "compare_trend_higher_worse" if worse_high else "compare_trend_higher_better", lang
            ),
        ),
        sources=sources,
        export=_export(frame, reasons, periods, (label, unit, axis), lang).assign(
            **{t("source", lang): sources}
        ),
        start=start,
        end=end,
    )


def _export(
    frame: pd.DataFrame,
    reasons: list[str | None],
    periods: compare_change.Periods,
    names: tuple[str, str, str],
    lang: str,
) -> pd.DataFrame:
    """Every territory: start, end and change as numbers (empty when not available);
    `names`: the indicator's label, its unit and the change's column name."""
    label, unit, change = names
    return pd.DataFrame(
        {
            "territory_id": frame["territory_id"],
            t("territory", lang): frame["name"],
            t("indicator", lang): label,
            t("compare_trend_start_period", lang): periods.start,
            t("compare_trend_start_value", lang): frame["start"],
            t("compare_trend_end_period", lang): periods.end,
            t("compare_trend_end_value", lang): frame["end"],
            change: frame["change"],
            t("sources_col_unit", lang): unit,
            t("compare_trend_reading", lang): [
                reading(f, lang) if r is None else r
                for f, r in zip(frame["fragility"], reasons, strict=True)
            ],
            t("compare_trend_rank_worse", lang): frame["worse_rank"],
            t("compare_trend_rank_better", lang): frame["better_rank"],
        }
    )


def dropped_note(periods: compare_change.Periods, lang: str) -> str:
    """That the periods asked for are not the indicator's ('' when none was dropped)."""
    if not periods.dropped:
        return ""
    labels = join_items((period_label(p, lang) for p in periods.dropped), lang)
    return t("compare_trend_dropped", lang, periods=labels)


def unordered_note(periods: compare_change.Periods, lang: str) -> str:
    """That the start does not come before the end."""
    start, end = period_label(periods.start, lang), period_label(periods.end, lang)
    return t("compare_trend_unordered", lang, start=start, end=end)
