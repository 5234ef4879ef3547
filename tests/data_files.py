"""Expected values read straight from the data files (not through lib/), for tests that check
what the app computes from them."""

from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "data"


def metro_departments() -> dict[str, str]:
    """Metropolitan departments: territory_id -> "Name (code)", as the Compare page names them."""
    territories = pd.read_csv(DATA / "territories.csv", dtype=str)
    metro = territories[territories["level"].eq("department") & territories["overseas"].eq("false")]
    return dict(zip(metro["territory_id"], metro["name"] + " (" + metro["code"] + ")", strict=True))


def wide_values(concept: str, territory_ids) -> pd.DataFrame:
    """Values of `concept` for `territory_ids` in every region and department file: one row
    per territory, one column per period."""
    rows = pd.concat(
        pd.read_csv(path, dtype={"period": str})
        for path in sorted(DATA.glob("indicators*.csv"))
        if "_communes" not in path.name and "_epci" not in path.name
    )
    rows = rows[rows["indicator_id"].eq(concept) & rows["territory_id"].isin(territory_ids)]
    return rows.pivot_table(index="territory_id", columns="period", values="value")


def changes(wide: pd.DataFrame, start: str, end: str, decimals: int) -> pd.Series:
    """end − start rounded, for the territories with both."""
    both = wide[[start, end]].dropna()
    return pd.Series(
        [round(b - a, decimals) for a, b in zip(both[start], both[end], strict=True)],
        index=both.index,
    )
