"""Values a producer published without a number (statistical secrecy, boundaries changed since),
told apart from values simply missing: "non disponible (secret statistique)", never 0."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from lib.data import Dataset
from lib.i18n import t


def reasons(dataset: Dataset, territory_ids: Iterable[str]) -> dict[tuple[str, str, str], str]:
    """(territory, indicator, period) -> the reason its value was withheld, for a few
    territories."""
    rows = dataset.withheld[dataset.withheld["territory_id"].isin(set(territory_ids))]
    return {
        (place, indicator, period): reason
        for place, indicator, period, reason in zip(
            rows["territory_id"], rows["indicator_id"], rows["period"], rows["reason"], strict=True
        )
    }


def for_indicator(dataset: Dataset, indicator_id: str, period: str | None) -> pd.DataFrame:
    """The territories whose value of `indicator_id` in `period` was withheld (index), with
    `reason` and `source_id`."""
    table = dataset.withheld
    rows = table[(table["indicator_id"] == indicator_id) & (table["period"] == period)]
    return rows.set_index("territory_id")[["reason", "source_id"]]


def missing_text(reason: str | None, lang: str) -> str:
    """'non disponible (secret statistique)' for a withheld value, 'non disponible' else."""
    return t(f"withheld_{reason}", lang) if reason else t("not_available", lang)
