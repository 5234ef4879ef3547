"""The EPCI level: registry rows, membership, indicators summed from commune counts."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from lib import geo

DATA = Path(__file__).resolve().parents[1] / "data"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


def test_every_commune_but_the_four_islands_belongs_to_one_epci():
    members = read("epci_communes.csv")
    territories = read("territories.csv")
    communes = set(territories.loc[territories["level"] == "commune", "territory_id"])
    report = json.loads((DATA / "epci_join.json").read_text(encoding="utf-8"))
    assert not members["commune_id"].duplicated().any()
    assert set(members["commune_id"]) <= communes
    without = communes - set(members["commune_id"])
    assert without == {"COM-" + c for c in report["communes_without_epci"]}
    assert without == {"COM-22016", "COM-29083", "COM-29155", "COM-85113"}
    assert report["communes_with_epci"] == len(members)


def test_an_epci_across_departments_lists_them_all_most_populous_first(dataset):
    row = dataset.territory_index.loc["EPCI-200054781"]
    assert row["name"] == "Métropole du Grand Paris"
    assert row["parent_id"] == "DEP-75"
    parents = row["parent_ids"].split(";")
    assert parents[0] == row["parent_id"]
    members = read("epci_communes.csv")
    communes = members.loc[members["epci_id"] == "EPCI-200054781", "commune_id"]
    departments = {"DEP-" + c[4:6] for c in communes}
    assert set(parents) == departments
    brest = dataset.territory_index.loc["EPCI-242900314"]
    assert brest["parent_id"] == "DEP-29" and pd.isna(brest["parent_ids"])


@pytest.mark.parametrize(
    ("epci_id", "several"), [("EPCI-200054781", True), ("EPCI-242900314", False)]
)
def test_an_epci_map_reads_its_communes_from_each_of_its_departments(dataset, epci_id, several):
    members = read("epci_communes.csv")
    communes = set(members.loc[members["epci_id"] == epci_id, "commune_id"])
    shapes = geo.epci_communes(dataset, epci_id)
    assert set(shapes["territory_id"]) == communes and len(shapes) == len(communes)
    departments = set(shapes["department_id"])
    assert departments == {"DEP-" + c[4:6] for c in communes}
    assert (len(departments) > 1) is several


def test_epci_shares_come_from_summed_commune_counts(dataset):
    members = read("epci_communes.csv")
    brest = set(members.loc[members["epci_id"] == "EPCI-242900314", "commune_id"])
    communes = read("indicators_rp2021_communes.csv")
    population = communes[
        communes["territory_id"].isin(brest) & (communes["indicator_id"] == "population")
    ]
    rows = dataset.indicators[dataset.indicators["territory_id"] == "EPCI-242900314"]
    values = rows.set_index("indicator_id")["value"]
    assert values["population"] == population["value"].astype(int).sum()
    assert len(population) == len(brest)
    # a share of the EPCI lies between its communes' extremes (summed counts, not an average)
    shares = communes[
        communes["territory_id"].isin(brest) & (communes["indicator_id"] == "part_65_plus")
    ]["value"].astype(float)
    assert shares.min() <= values["part_65_plus"] <= shares.max()


def test_epci_series_rows_are_loaded_with_the_dataset(dataset):
    series = read("indicators_series_epci.csv")
    rows = dataset.indicators[dataset.indicators["territory_id"].str.startswith("EPCI-")]
    loaded = rows[rows["source_id"].isin(set(series["source_id"]))]
    assert len(loaded) == len(series)
    assert set(series["territory_id"]) <= set(dataset.territories["territory_id"])
