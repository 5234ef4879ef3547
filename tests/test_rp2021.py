"""Checks of the committed RP2021 outputs of scripts/build_rp2021.py (the build is not run)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURE = Path(__file__).parent / "fixtures" / "rp2021_published_populations.csv"

COLUMNS = ["territory_id", "indicator_id", "period", "value", "source_id", "note"]
SHARES = ["part_65_plus", "part_logements_vacants"]


def read_str(path: Path) -> pd.DataFrame:
    """Read a CSV with every column as a string."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def supra() -> pd.DataFrame:
    return read_str(DATA / "indicators_rp2021.csv")


@pytest.fixture(scope="module")
def communes() -> pd.DataFrame:
    return read_str(DATA / "indicators_rp2021_communes.csv")


@pytest.fixture(scope="module")
def territories() -> pd.DataFrame:
    return read_str(DATA / "territories.csv")


@pytest.fixture(scope="module")
def reference() -> pd.DataFrame:
    ref = read_str(FIXTURE)
    ref["value"] = ref["value"].astype(float)
    return ref


def values(rows: pd.DataFrame, indicator_id: str) -> pd.Series:
    """Float values of one indicator, indexed by territory id."""
    sel = rows[rows["indicator_id"] == indicator_id]
    return sel.set_index("territory_id")["value"].astype(float)


def test_columns_period_source(supra, communes):
    for rows in (supra, communes):
        assert list(rows.columns) == COLUMNS
        assert set(rows["period"]) == {"2021"}
        assert set(rows["source_id"]) == {"insee-rp2021-iris"}
        assert (rows["value"] != "").all()
        assert not rows["value"].str.contains(",").any()


def test_no_duplicates(supra, communes):
    for rows in (supra, communes):
        assert not rows.duplicated(["territory_id", "indicator_id", "period"]).any()


def test_levels_present(supra, communes):
    prefixes = set(supra["territory_id"].str.split("-").str[0])
    assert prefixes == {"FR", "REG", "DEP"}
    national = supra.loc[supra["territory_id"].str.startswith("FR"), "territory_id"]
    assert set(national) == {"FR-HM"}
    assert communes["territory_id"].str.startswith("COM-").all()


def test_all_ids_exist_in_territories(supra, communes, territories):
    known = set(territories["territory_id"])
    assert set(supra["territory_id"]) <= known
    assert set(communes["territory_id"]) <= known


def test_no_mayotte(supra, communes):
    ids = pd.concat([supra["territory_id"], communes["territory_id"]])
    assert not ids.isin(["DEP-976", "REG-06"]).any()
    assert not ids.str.startswith("COM-976").any()


def test_regional_population_matches_insee(supra, reference):
    pop = values(supra, "population")
    published = reference[reference["indicator_id"] == "population"]
    assert len(published) >= 15
    deviation = {
        row.territory_id: abs(pop[row.territory_id] - row.value) / row.value
        for row in published.itertuples()
    }
    worst = max(deviation, key=deviation.get)
    assert deviation[worst] <= 0.001, (worst, deviation[worst])


def test_reference_shares(supra, reference):
    for row in reference[reference["indicator_id"].isin(SHARES)].itertuples():
        assert values(supra, row.indicator_id)[row.territory_id] == pytest.approx(row.value)


def test_departments_sum_to_regions(supra, territories):
    pop = values(supra, "population")
    parent = territories.set_index("territory_id")["parent_id"]
    deps = pop[pop.index.str.startswith("DEP-")]
    by_region = deps.groupby(deps.index.map(parent)).sum()
    regions = pop[pop.index.str.startswith("REG-")]
    assert set(by_region.index) == set(regions.index)
    assert (by_region.reindex(regions.index) == regions).all()
    assert regions.sum() == pop["FR-HM"]


def test_populations_are_integers(supra, communes):
    for rows in (supra, communes):
        pop = rows.loc[rows["indicator_id"] == "population", "value"]
        assert pop.str.fullmatch(r"\d+").all()


def test_shares_in_range(supra, communes):
    for rows in (supra, communes):
        shares = rows[rows["indicator_id"].isin(SHARES)]
        assert shares["value"].str.fullmatch(r"\d+\.\d").all()
        assert shares["value"].astype(float).between(0, 100).all()


def test_commune_join_report(territories):
    report = json.loads((DATA / "rp2021_commune_join.json").read_text(encoding="utf-8"))
    assert report["join_rate"] >= 0.98
    assert report["matched"] <= report["iris_communes"]
    assert report["unmatched_codes"] == sorted(report["unmatched_codes"])
    assert len(report["unmatched_codes"]) == report["iris_communes"] - report["matched"]
    known = set(territories["territory_id"])
    assert not {f"COM-{code}" for code in report["unmatched_codes"]} & known


def test_communes_sum_close_to_national(supra, communes):
    """Matched communes hold nearly all the population (unmatched codes are few)."""
    national = values(supra, "population")["FR-HM"]
    total = values(communes, "population").sum()
    assert 0.98 * national <= total <= national
