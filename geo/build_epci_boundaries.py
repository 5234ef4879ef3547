"""Build the EPCI boundaries (geo/epci.geojson) from the commune coverage of build_boundaries.py.

Run after scripts/build_epci.py:  .venv/bin/python geo/build_epci_boundaries.py

The communes are read and cleaned exactly as ``build_boundaries.py`` does (same functions:
coverage_clean, holes given to their neighbours), then dissolved by EPCI
(``data/epci_communes.csv``) with a coverage union, so that neighbouring EPCIs share their edges,
and each zone's EPCI coverage is simplified at once (topology kept: no gap, no overlap) with the
smallest tolerance of TOLERANCES_M that keeps the national layer under NATIONAL_BUDGET_KIB.
The four island communes without an EPCI are left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_boundaries as bb  # sibling script, not a package

OUT = bb.GEO_DIR / "epci.geojson"
TOLERANCES_M = (500, 650, 800, 1_000, 1_250, 1_500)
NATIONAL_BUDGET_KIB = 1_000  # a national layer only if under 1 MiB (then a region's is less)


def dissolved(cleaned: dict[str, gpd.GeoDataFrame], members: dict[str, str]) -> list:
    """Each zone's EPCIs (metric CRS): the coverage union of their communes."""
    parts = []
    for communes in cleaned.values():
        epci = ("COM-" + communes["code"]).map(members)
        kept = communes.assign(territory_id=epci)[epci.notna().to_numpy()]
        parts.append(
            kept[["territory_id", kept.geometry.name]].dissolve(
                by="territory_id", method="coverage"
            )
        )
    return parts


def simplified(parts: list, tolerance: int, names: pd.Series) -> gpd.GeoDataFrame:
    """Every zone's EPCI coverage simplified at `tolerance` metres, in EPSG:4326."""
    frames = []
    for zone in parts:
        geoms = shapely.coverage_simplify(zone.geometry.to_numpy(), tolerance)
        frames.append(
            gpd.GeoDataFrame(
                {"territory_id": zone.index},
                geometry=bb.to_wgs84_rounded(geoms, zone.crs),
                crs=bb.WGS84,
            )
        )
    layer = pd.concat(frames, ignore_index=True).sort_values("territory_id", ignore_index=True)
    layer["code"] = layer["territory_id"].str.removeprefix("EPCI-")
    layer["name"] = layer["territory_id"].map(names)
    return gpd.GeoDataFrame(layer[["territory_id", "code", "name", "geometry"]], crs=bb.WGS84)


def main() -> None:
    """Clean the communes, dissolve them by EPCI, simplify within the budget, write."""
    members = pd.read_csv(bb.DATA_DIR / "epci_communes.csv", dtype=str)
    names = pd.read_csv(bb.DATA_DIR / "territories_epci.csv", dtype=str)
    members = dict(zip(members["commune_id"], members["epci_id"], strict=True))
    names = names.set_index("territory_id")["name"]
    _regions, _departments, communes = bb.load_inputs(bb.ensure_wheel())
    com = bb.rebuild_missing_communes(communes)
    parts = dissolved(bb.clean_communes(com, bb.absorbing_communes(communes)), members)
    for tolerance in TOLERANCES_M:
        layer = simplified(parts, tolerance, names)
        size = bb.kib(len(bb.geojson_text(layer, ["territory_id", "code", "name"]).encode()))
        print(f"  tolerance {tolerance} m: {size:.0f} KiB")
        if size < NATIONAL_BUDGET_KIB and shapely.is_valid(layer.geometry.to_numpy()).all():
            bb.write_geojson(layer, OUT, NATIONAL_BUDGET_KIB)
            print(f"  {len(layer)} EPCIs at {tolerance} m")
            return
    raise RuntimeError("no tolerance fits the national budget")


if __name__ == "__main__":
    main()
