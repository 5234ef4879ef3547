"""Carte page at the EPCI level (AppTest): one region's or department's EPCIs, a click opens
the EPCI's profile; the boundary layer's budget."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
from apptest_pages import open_view
from hostile import shown_markdown

from lib import explore, geo

DATA = Path(__file__).resolve().parents[1] / "data"


def main_department_epcis(department_id: str) -> set[str]:
    epci = pd.read_csv(DATA / "territories_epci.csv", dtype=str)
    return set(epci.loc[epci["parent_id"] == department_id, "territory_id"])


def test_a_department_or_a_region_scopes_its_epcis(dataset):
    finistere = explore.scope_territories(dataset, "epci", "DEP-29")
    assert set(finistere["territory_id"]) == main_department_epcis("DEP-29")
    brittany = explore.scope_territories(dataset, "epci", "REG-53")
    expected = set().union(*(main_department_epcis(f"DEP-{d}") for d in ("22", "29", "35", "56")))
    assert set(brittany["territory_id"]) == expected
    assert explore.scope_parent("epci", "REG-53") == "REG-53"
    assert explore.scope_parent("epci", "COM-29019") is None


def test_the_epci_layer_covers_every_epci_within_its_budgets():
    layer = geo.read_boundaries("epci")
    epci = pd.read_csv(DATA / "territories_epci.csv", dtype=str)
    assert set(layer["territory_id"]) == set(epci["territory_id"])
    assert (geo.GEO_DIR / "epci.geojson").stat().st_size < 1024 * 1024
    regions = pd.read_csv(DATA / "territories.csv", dtype=str).set_index("territory_id")
    region_of = epci.set_index("territory_id")["parent_id"].map(regions["parent_id"])
    for region_id, ids in region_of.groupby(region_of).groups.items():
        part = layer[layer["territory_id"].isin(ids)]
        text = json.dumps(geo.to_geojson(gpd.GeoDataFrame(part), properties=[]))
        assert len(text.encode()) < 400 * 1024, region_id


def test_finistere_draws_its_epcis():
    at = open_view(level="epci", territory="DEP-29", indicator="part_65_plus")
    at.switch_page("views/carte.py").run()
    assert not at.exception, [e.message for e in at.exception]
    spec = json.loads(at.get_by_key("map_page").proto.spec)
    locations = {trace["name"]: trace["locations"] for trace in spec["data"]}
    assert set(locations["values"]) == main_department_epcis("DEP-29")
    assert len(locations["values"]) == 21


def test_the_epci_level_without_a_region_or_department_falls_back_with_a_notice():
    at = open_view(level="epci")
    assert "level" not in at.query_params  # the default level, regions
    assert any(
        "une région ou un département à la fois" in shown_markdown(i.value) for i in at.sidebar.info
    )
