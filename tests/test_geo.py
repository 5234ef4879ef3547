"""Boundary assets (geo/, data/territories.csv) and lib.geo helpers.

The assets are built by geo/build_boundaries.py; these tests only read them.
"""

import json
import math
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from lib import geo

ROOT = Path(__file__).resolve().parents[1]
GEO = ROOT / "geo"

METRO_REGIONS = {"11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"}
OVERSEAS_REGIONS = {"01", "02", "03", "04", "06"}
OVERSEAS_DEPARTMENTS = {"971", "972", "973", "974", "976"}
INSET_FRAME = shapely.box(-12, 40, 10, 52)  # lon/lat frame around metropolitan France
METRO_DEPARTMENTS = {f"{n:02d}" for n in range(1, 96) if n != 20} | {"2A", "2B"}


@pytest.fixture(scope="module")
def regions() -> gpd.GeoDataFrame:
    return geo.read_boundaries("region")


@pytest.fixture(scope="module")
def departments() -> gpd.GeoDataFrame:
    return geo.read_boundaries("department")


@pytest.fixture(scope="module")
def finistere() -> gpd.GeoDataFrame:
    return geo.read_communes("DEP-29")


@pytest.fixture(scope="module")
def territories() -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / "territories.csv", dtype=str, keep_default_na=False)


def is_overseas(territory_id: str) -> bool:
    return geo._inset_key(territory_id) is not None


# ------------------------------------------------------------------ boundary files


def test_regions_are_the_18_current_regions(regions):
    assert len(regions) == 18
    assert set(regions["territory_id"]) == {f"REG-{c}" for c in METRO_REGIONS | OVERSEAS_REGIONS}
    assert regions.loc[regions["code"] == "53", "name"].item() == "Bretagne"
    assert regions.loc[regions["code"] == "84", "name"].item() == "Auvergne-Rhône-Alpes"


def test_departments_are_the_101_departments(departments):
    assert len(departments) == 101
    expected = {f"DEP-{c}" for c in METRO_DEPARTMENTS | OVERSEAS_DEPARTMENTS}
    assert set(departments["territory_id"]) == expected
    assert {"DEP-2A", "DEP-2B"} <= set(departments["territory_id"])
    assert departments.loc[departments["code"] == "29", "name"].item() == "Finistère"


@pytest.mark.parametrize("name", ["regions.geojson", "departments.geojson"])
def test_geojson_properties_are_exactly_id_code_name(name):
    collection = json.loads((GEO / name).read_text(encoding="utf-8"))
    keys = {tuple(sorted(f["properties"])) for f in collection["features"]}
    assert keys == {("code", "name", "territory_id")}


@pytest.mark.parametrize(
    ("name", "budget_kib"), [("regions.geojson", 200), ("departments.geojson", 400)]
)
def test_files_fit_their_size_budget(name, budget_kib):
    assert (GEO / name).stat().st_size <= budget_kib * 1024


def test_commune_parquet_stays_small():
    assert (GEO / "communes.parquet").stat().st_size < 12 * 1024 * 1024


def test_boundaries_are_valid_true_coordinates(regions, departments):
    for layer in (regions, departments):
        assert layer.crs.to_epsg() == 4326
        assert shapely.is_valid(layer.geometry.to_numpy()).all()
    # True (not inset-shifted) positions: Brittany and La Réunion where they are.
    bretagne = regions.set_index("code").geometry["53"].bounds
    assert -5.2 < bretagne[0] < -5.0 and 48.8 < bretagne[3] < 48.95
    reunion = departments.set_index("code").geometry["974"].bounds
    assert 55.1 < reunion[0] < 55.3 and -21.5 < reunion[1] < -21.3


def test_neighbours_have_no_gaps_or_overlaps(regions, departments):
    metro = departments[~departments["code"].isin(OVERSEAS_DEPARTMENTS)]
    assert shapely.coverage_is_valid(metro.geometry.to_numpy())
    assert shapely.coverage_is_valid(regions.geometry.to_numpy())
    # Regions are the union of their departments: same total area.
    metro_regions = regions[regions["code"].isin(METRO_REGIONS)].to_crs(2154)
    assert metro_regions.area.sum() == pytest.approx(metro.to_crs(2154).area.sum(), rel=1e-6)


def test_metropolitan_area_is_plausible(regions):
    metro = regions[regions["code"].isin(METRO_REGIONS)]
    area_km2 = metro.to_crs(6933).area.sum() / 1e6  # equal-area CRS
    # Between INSEE's 543,940 km² and IGN's 551,695 km² (which counts more water).
    assert 543_000 < area_km2 < 552_000


# --------------------------------------------------------------------------- insets


def test_insets_move_only_the_overseas_regions(regions):
    moved = geo.with_overseas_insets(regions)
    overseas = moved["territory_id"].map(is_overseas)
    assert overseas.sum() == 5
    for before, after in zip(regions.geometry[~overseas], moved.geometry[~overseas], strict=True):
        assert shapely.equals_exact(before, after, tolerance=0)
    assert not shapely.equals(regions.geometry.iloc[0], moved.geometry.iloc[0])
    assert regions.geometry.iloc[0].bounds[0] < -61  # the input is left untouched

    insets = moved.geometry[overseas].to_numpy()
    assert INSET_FRAME.contains(insets).all()
    boxes = shapely.envelope(insets)
    for i in range(5):
        for j in range(i + 1, 5):
            assert not shapely.intersects(boxes[i], boxes[j])
    metro = shapely.union_all(moved.geometry[~overseas].to_numpy())
    assert not shapely.intersects(boxes, metro).any()


def test_insets_are_deterministic_and_shared_by_levels(regions, departments):
    reg = geo.with_overseas_insets(regions).set_index("code").geometry
    dep = geo.with_overseas_insets(departments).set_index("code").geometry
    for region_code, department_code in geo.OVERSEAS_REGION_TO_DEPARTMENT.items():
        assert reg[region_code].bounds == pytest.approx(dep[department_code].bounds, abs=1e-4)
    again = geo.with_overseas_insets(regions).set_index("code").geometry
    assert shapely.equals_exact(reg.to_numpy(), again.to_numpy(), tolerance=0).all()


def test_inset_box_is_about_140_km(departments):
    moved = geo.with_overseas_insets(departments)
    guyane = moved[moved["code"] == "973"].to_crs(3857)
    minx, miny, maxx, maxy = guyane.total_bounds
    lat = geo.INSETS["973"].slot[1]
    side_km = max(maxx - minx, maxy - miny) * math.cos(math.radians(lat)) / 1e3
    assert side_km == pytest.approx(140, rel=0.05)


# ------------------------------------------------------------------------- communes


def test_finistere_communes_match_the_department(finistere, departments):
    assert 270 <= len(finistere) <= 285
    assert list(finistere.columns) == ["territory_id", "code", "name", "department_id", "geometry"]
    assert (finistere["department_id"] == "DEP-29").all()
    assert finistere["territory_id"].str.match(r"^COM-29\d{3}$").all()
    assert "Brest" in set(finistere["name"])
    assert shapely.is_valid(finistere.geometry.to_numpy()).all()
    assert shapely.coverage_is_valid(finistere.geometry.to_numpy())
    department = departments[departments["code"] == "29"].to_crs(2154).area.item()
    communes = finistere.to_crs(2154).area.sum()
    assert communes / department == pytest.approx(1, abs=0.03)


def test_one_department_of_communes_fits_400_kib(finistere):
    collection = geo.to_geojson(finistere[["territory_id", "name", "geometry"]])
    size = len(json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode())
    assert size < 400 * 1024


@pytest.mark.parametrize("bad", ["DEP-99", "DEP-20", "29", "REG-53", ""])
def test_read_communes_rejects_unknown_departments(bad):
    with pytest.raises(ValueError, match="department id"):
        geo.read_communes(bad)


def test_overseas_communes_can_be_inset():
    reunion = geo.read_communes("DEP-974")
    assert len(reunion) == 24
    assert INSET_FRAME.contains(shapely.box(*geo.with_overseas_insets(reunion).total_bounds))


def test_every_commune_geometry_is_a_known_commune(territories):
    ids = pd.read_parquet(GEO / "communes.parquet", columns=["territory_id", "department_id"])
    known = territories.set_index("territory_id")["parent_id"]
    assert ids["territory_id"].is_unique
    assert ids["territory_id"].isin(known.index).all()
    assert (ids["department_id"].to_numpy() == known[ids["territory_id"]].to_numpy()).all()
    # 4 restored Cantal communes have no geometry in the source; all others do.
    communes = territories[territories["level"] == "commune"]
    missing = set(communes["territory_id"]) - set(ids["territory_id"])
    assert missing == {"COM-15031", "COM-15035", "COM-15047", "COM-15171"}


# ---------------------------------------------------------------------- territories


def test_territory_table_shape(territories):
    assert list(territories.columns) == [
        "territory_id",
        "level",
        "code",
        "name",
        "parent_id",
        "overseas",
    ]
    assert territories["territory_id"].is_unique
    counts = territories["level"].value_counts()
    assert counts["france"] == 3
    assert counts["region"] == 18
    assert counts["department"] == 101
    assert 34_800 < counts["commune"] < 35_000
    france = territories[territories["level"] == "france"].set_index("territory_id")
    assert france["name"].to_dict() == {
        "FR": "France",
        "FR-METRO": "France métropolitaine",
        "FR-HM": "France hors Mayotte",
    }
    assert (france["parent_id"] == "").all()


def test_territory_parents(territories):
    level = territories.set_index("territory_id")["level"]
    with_parent = territories[territories["level"] != "france"]
    assert with_parent["parent_id"].isin(level.index).all()
    expected_parent_level = {"region": "france", "department": "region", "commune": "department"}
    parent_levels = with_parent["parent_id"].map(level)
    assert (parent_levels == with_parent["level"].map(expected_parent_level)).all()
    assert (territories.loc[territories["level"] == "region", "parent_id"] == "FR").all()
    commune = territories.set_index("territory_id").loc["COM-29019"]
    assert (commune["name"], commune["parent_id"]) == ("Brest", "DEP-29")
    assert territories.set_index("territory_id").loc["DEP-2A", "parent_id"] == "REG-94"


def test_territory_overseas_flags(territories):
    assert set(territories["overseas"]) == {"true", "false"}
    overseas = territories[territories["overseas"] == "true"]
    assert set(overseas.loc[overseas["level"] == "region", "code"]) == OVERSEAS_REGIONS
    assert set(overseas.loc[overseas["level"] == "department", "code"]) == OVERSEAS_DEPARTMENTS
    communes = territories[territories["level"] == "commune"]
    expected = communes["parent_id"].str[4:].isin(OVERSEAS_DEPARTMENTS)
    assert ((communes["overseas"] == "true") == expected).all()
    assert expected.sum() == 129  # 32 + 34 + 22 + 24 + 17 communes in the DROM


def test_territory_order_is_level_then_code(territories):
    order = {"france": 0, "region": 1, "department": 2, "commune": 3}
    keys = list(zip(territories["level"].map(order), territories["code"], strict=True))
    assert keys == sorted(keys)


def test_boundary_ids_are_in_the_territory_table(territories, regions, departments):
    ids = set(territories["territory_id"])
    assert set(regions["territory_id"]) <= ids
    assert set(departments["territory_id"]) <= ids


# ------------------------------------------------------------------ plotly helpers


def test_to_geojson_ids_are_territory_ids(departments):
    collection = geo.to_geojson(departments)
    assert collection["type"] == "FeatureCollection"
    ids = [feature["id"] for feature in collection["features"]]
    assert ids == list(departments["territory_id"])
    first = collection["features"][0]
    assert first["properties"]["name"] == departments["name"].iloc[0]
    coordinates = shapely.get_coordinates(shapely.geometry.shape(first["geometry"]))
    assert (coordinates.round(5) == coordinates).all()
    json.dumps(collection)  # serialisable as is


def test_representative_points_lie_inside(departments):
    points = geo.representative_points(departments)
    assert list(points.columns) == ["territory_id", "lon", "lat"]
    inside = shapely.contains_xy(departments.geometry.to_numpy(), points["lon"], points["lat"])
    assert inside.all()
    brest_area = points.set_index("territory_id").loc["DEP-29"]
    assert -5.2 < brest_area["lon"] < -3.3 and 47.7 < brest_area["lat"] < 48.8


def test_read_boundaries_rejects_unknown_level():
    with pytest.raises(ValueError, match="level"):
        geo.read_boundaries("commune")


def test_publish_geojson_writes_compact_boundaries_once(tmp_path):
    calls = []

    def build():
        calls.append(1)
        return geo.read_boundaries("region")

    url = geo.publish_geojson("regions", build, static_dir=tmp_path)
    assert url == f"app/static/geo/regions-{geo.assets_version()}.json"
    written = tmp_path / url.rsplit("/", 1)[1]
    collection = json.loads(written.read_text(encoding="utf-8"))
    assert len(collection["features"]) == 18
    assert all(feature["properties"] == {} for feature in collection["features"])
    assert b", " not in written.read_bytes()  # compact separators
    assert geo.publish_geojson("regions", build, static_dir=tmp_path) == url
    assert calls == [1]  # built once, then served from the file
