"""Import the perceived figures published outside the Observatoire (provenance tool).

The research file (`<repo>/../shared/data/observatoire/perceived_more.csv`, not part of the
product; read `perceived_more_notes.md` beside it) holds shares of people (or mayors) citing an
item in surveys other than PHARE/IMPACT. They are never merged with the Observatoire's figures
(scores out of 10) nor turned into a score: they go to their own table. This script gives each
row the project's territory, actor and domain ids, keeps the item's wording, the value as
published (number, qualifier such as « plus de », or text), the base and the year text, extracts
a clean `year` only when the notes do not flag it, flags inverse items, adds the notes' caveats,
and gives each page read a source with its verification status. The app never reads the
research folder: the outputs below are committed.

Outputs (data/):
- `perceived_more.csv`: one row per imported figure (`figure_id` kept);
- `sources_perceived_more.csv`: one source per page read (loaded with the other `sources*.csv`);
- `perceived_more_import_report.md`: rows imported and left out (with the reason), mappings,
  years without a clean value, and the perceived-map rule (same item, same year, ≥ 5 regions).

Usage: python scripts/import_perceived_more.py [RESEARCH_FILE]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from perceived_more_catalog import (
    ACTORS,
    COPY_HOSTS,
    INVERSE,
    LEFT_OUT,
    LICENCE,
    OUTSIDE_PREFIX,
    PRODUCER_HOSTS,
    PROGRAMMES,
    QUALIFIERS,
    ROW_NOTES,
    SOURCE_NOTES,
    UNCLEAN_YEAR_WORDS,
    UNITS,
)

from lib import vocabulary

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DEFAULT_RESEARCH_FILE = ROOT.parent / "shared" / "data" / "observatoire" / "perceived_more.csv"

OUT_ROWS = DATA / "perceived_more.csv"
OUT_SOURCES = DATA / "sources_perceived_more.csv"
OUT_REPORT = DATA / "perceived_more_import_report.md"

ROW_COLUMNS = [
    "figure_id",
    "territory_id",
    "actor_id",
    "actor_label",
    "domain_id",
    "producer",
    "survey",
    "study",
    "item",
    "value",
    "value_qualifier",
    "value_text",
    "unit",
    "inverse",
    "base",
    "year",
    "year_text",
    "source_id",
    "note",
    "quote",
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
NATIONAL_NAME = "France"  # the research file's name for France as a whole
MAP_MIN_REGIONS = 5  # issue #14: an item asked the same way, the same year, in ≥ 5 regions
INVERSE_MARK = "indicateur inverse"
VALUE = re.compile(r"(\d+(?:,\d+)?)(?: \(« (.+) »\))?")
LEADING_YEAR = re.compile(r"(\d{4})\b")
PUBLISHED = re.compile(r"\b(?:publié|présenté)\s+(?:le|les|en)\s+[^;)]*?(\d{4})")
UNVERIFIED = (
    "Non vérifié : source unique ; valeur lue dans une copie stockée de la page, citation "
    "exacte conservée (colonne quote de data/perceived_more.csv) ; aucune seconde source "
    "comparée."
)

# --------------------------------------------------------------------------- reading rows


def read_research(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def place_ids(data_dir: Path) -> dict[str, str]:
    """Territory name -> id: France and the regions (the research file names regions)."""
    places = pd.read_csv(data_dir / "territories.csv", dtype=str, keep_default_na=False)
    regions = places[places["level"] == "region"]
    return {
        NATIONAL_NAME: vocabulary.NATIONAL,
        **dict(zip(regions["name"], regions["territory_id"], strict=True)),
    }


def parse_value(value: str, unit: str) -> tuple[str, str]:
    """(number with a '.' decimal, qualifier) of a published value; ('', '') for a text."""
    if unit == "text":
        return "", ""
    match = VALUE.fullmatch(value)
    qualifier = (match.group(2) or "") if match else ""
    if match is None or (qualifier and qualifier not in QUALIFIERS):
        raise ValueError(f"value not read: {value!r} ({unit})")
    if unit == "rank" and (qualifier or "," in value):
        raise ValueError(f"a rank is a whole number: {value!r}")
    return match.group(1).replace(",", "."), qualifier


def clean_year(text: str) -> str:
    """The year a text starts with, unless the notes flag it (déduit, à vérifier…)."""
    match = LEADING_YEAR.match(text)
    if match is None or any(word in text for word in UNCLEAN_YEAR_WORDS):
        return ""
    return match.group(1)


def row_note(figure_id: str) -> str:
    return " ".join(note for ids, note in ROW_NOTES.items() if figure_id in ids)


def skip_reason(row: pd.Series, places: dict[str, str]) -> str:
    """Why a research row is left out ('' when it is imported)."""
    if not row["programme"].startswith(OUTSIDE_PREFIX):
        return (
            f"programme de l'Observatoire ({row['programme']}) : pas une perception publiée "
            "hors Observatoire"
        )
    if row["territory"] not in places:
        return f"territoire « {row['territory']} » sans identifiant (ni France ni une région)"
    if row["actor"] not in ACTORS:
        return f"acteur « {row['actor']} » sans profil d'acteur du projet"
    return ""


def project_row(row: dict, places: dict[str, str], source_id: str) -> dict:
    """One imported figure with the project's ids."""
    producer, survey = PROGRAMMES[row["programme"].removeprefix(OUTSIDE_PREFIX)]
    unit = UNITS[row["unit"]]
    number, qualifier = parse_value(row["value"], unit)
    return {
        "figure_id": row["figure_id"],
        "territory_id": places[row["territory"]],
        "actor_id": ACTORS[row["actor"]],
        "actor_label": row["actor"],
        "domain_id": row["domain"],
        "producer": producer,
        "survey": survey,
        "study": row["study"],
        "item": row["indicator"],
        "value": number,
        "value_qualifier": qualifier,
        "value_text": row["value"],
        "unit": unit,
        "inverse": str(row["figure_id"] in INVERSE).lower(),
        "base": row["base"],
        "year": clean_year(row["year"]),
        "year_text": row["year"],
        "source_id": source_id,
        "note": row_note(row["figure_id"]),
        "quote": row["quote"],
    }


# --------------------------------------------------------------------------- sources


def source_year(year_texts: list[str]) -> str:
    """A page's year: the publication year its rows state, else their one clean year, else
    's.d.' (never guessed)."""
    published = {m.group(1) for m in map(PUBLISHED.search, year_texts) if m}
    if len(published) == 1:
        return published.pop()
    years = {clean_year(text) for text in year_texts}
    return years.pop() if len(years) == 1 and "" not in years else "s.d."


def page_kind(url: str) -> str:
    host = urlparse(url).netloc
    if host in PRODUCER_HOSTS:
        return f"Page lue : {host} (site de l'éditeur de l'enquête)."
    if host in COPY_HOSTS:
        return f"Page lue : {host} ({COPY_HOSTS[host]})."
    return f"Page lue : {host} (page d'un tiers relayant l'enquête, pas le site de son éditeur)."


def sources_table(raw: pd.DataFrame, ids: dict[str, str], rows: pd.DataFrame) -> pd.DataFrame:
    """One source per page read, in the order of first citation."""
    records = []
    for url, page in raw.groupby("source_url", sort=False):
        cited = rows[rows["source_id"] == ids[url]]
        caveats = [SOURCE_NOTES[f] for f in page["figure_id"] if f in SOURCE_NOTES]
        records.append(
            {
                "source_id": ids[url],
                "title": " ; ".join(dict.fromkeys(page["study"])),
                "publisher": " ; ".join(dict.fromkeys(cited["producer"])),
                "year": source_year(list(page["year"])),
                "url_or_package": url,
                "licence": LICENCE,
                "note": page_kind(url),
                "verification": "unverified",
                "verification_note": " ".join([UNVERIFIED, *caveats]),
            }
        )
    return pd.DataFrame(records, columns=SOURCE_COLUMNS)


# --------------------------------------------------------------------------- building


@dataclass
class Build:
    """Everything the import produces."""

    n_read: int
    rows: pd.DataFrame  # data/perceived_more.csv
    sources: pd.DataFrame  # data/sources_perceived_more.csv
    skipped: pd.DataFrame  # figure_id, territory, reason


def check_rows(rows: pd.DataFrame, data_dir: Path) -> None:
    """Fail loudly on a domain outside the project's list, a duplicated figure, or inverse items
    that differ from the notes' list."""
    domains = set(pd.read_csv(data_dir / "domains.csv", dtype=str)["domain_id"])
    unknown = set(rows["domain_id"]) - domains - {""}
    if unknown:
        raise ValueError(f"domains missing from domains.csv: {sorted(unknown)}")
    if rows["figure_id"].duplicated().any():
        raise ValueError("duplicated figure_id")
    marked = set(rows.loc[rows["item"].str.contains(INVERSE_MARK), "figure_id"])
    if marked != INVERSE & set(rows["figure_id"]):
        raise ValueError(f"inverse items differ from the notes: {sorted(marked ^ INVERSE)}")


def build(research_file: Path, data_dir: Path = DATA) -> Build:
    """Read the research file and build the output tables (nothing is written)."""
    raw = read_research(research_file)
    places = place_ids(data_dir)
    reasons = raw.apply(lambda row: skip_reason(row, places), axis=1)
    kept = raw[reasons == ""]
    skipped = raw.loc[reasons != "", ["figure_id", "territory"]].assign(reason=reasons)
    first = kept.drop_duplicates("source_url")
    pairs = zip(first["source_url"], first["figure_id"], strict=True)
    ids = {url: f"hors-obs-{figure_id.lower()}" for url, figure_id in pairs}
    rows = pd.DataFrame(
        [project_row(r, places, ids[r["source_url"]]) for r in kept.to_dict("records")],
        columns=ROW_COLUMNS,
    )
    check_rows(rows, data_dir)
    return Build(len(raw), rows, sources_table(kept, ids, rows), skipped)


# --------------------------------------------------------------------------- report


def map_candidates(rows: pd.DataFrame) -> pd.DataFrame:
    """Items by (survey, study, wording, year text) with the regions giving a plain share."""
    shares = rows[
        rows["territory_id"].map(lambda place: vocabulary.is_level(place, "region"))
        & (rows["unit"] == "%")
        & (rows["value_qualifier"] == "")
    ]
    key = ["survey", "item", "year_text"]
    counts = shares.groupby(key, sort=False)["territory_id"].nunique().rename("regions")
    return counts.reset_index().sort_values("regions", ascending=False, kind="stable")


def counts_markdown(series: pd.Series, label: str) -> str:
    lines = [f"| {label} | lignes |", "|---|---|"]
    lines += [f"| {key or '(vide)'} | {n} |" for key, n in series.value_counts(sort=True).items()]
    return "\n".join(lines)


def report_markdown(result: Build) -> str:
    rows, skipped = result.rows, result.skipped
    skipped_lines = [
        f"| {r.figure_id} | {r.territory} | {r.reason} |" for r in skipped.itertuples()
    ]
    candidates = map_candidates(rows)
    top = candidates[candidates["regions"] >= 2]
    allowed = candidates[candidates["regions"] >= MAP_MIN_REGIONS]
    unclean = rows.loc[rows["year"] == "", "year_text"].value_counts()
    no_domain = ", ".join(rows.loc[rows["domain_id"] == "", "figure_id"])
    sections = [
        "# Import des perceptions publiées hors Observatoire (scripts/import_perceived_more.py)",
        "Fichier généré : ne pas modifier à la main. Lu dans "
        "`shared/data/observatoire/perceived_more.csv` (voir `perceived_more_notes.md`).",
        f"Lignes lues : {result.n_read} ; importées : {len(rows)} (`perceived_more.csv`) ; "
        f"écartées : {len(skipped)} ; sources : {len(result.sources)} "
        "(`sources_perceived_more.csv`, toutes « non vérifié » : source unique, aucune seconde "
        "source comparée).",
        "## Lignes écartées\n\n| figure_id | territoire | raison |\n|---|---|---|\n"
        + "\n".join(skipped_lines),
        "## Rattachements\n\n"
        + counts_markdown(rows["territory_id"], "territoire")
        + "\n\n"
        + counts_markdown(rows["actor_label"] + " → " + rows["actor_id"], "acteur")
        + "\n\n"
        + counts_markdown(rows["domain_id"], "domaine")
        + f"\n\nSans domaine (aucun identifiant ne convient, notes §4.6) : {no_domain}.\n\n"
        + counts_markdown(
            (rows["unit"] + " " + rows["value_qualifier"]).str.strip(), "unité, qualificatif"
        ),
        "## Items inversés (une part élevée = une fragilité perçue plus faible)\n\n"
        + ", ".join(rows.loc[rows["inverse"] == "true", "figure_id"]),
        "## Années sans valeur nette (texte gardé tel que publié)\n\n"
        + "\n".join(f"- {n} ligne(s) : {text}" for text, n in unclean.items()),
        f"## Carte perçue (même item, même formulation, même année, ≥ {MAP_MIN_REGIONS} régions)"
        "\n\n| enquête | item | année | régions |\n|---|---|---|---|\n"
        + "\n".join(
            f"| {c.survey} | {c.item} | {c.year_text} | {c.regions} |" for c in top.itertuples()
        )
        + "\n\n"
        + (
            f"{len(allowed)} item(s) atteignent {MAP_MIN_REGIONS} régions."
            if len(allowed)
            else f"Aucun item n'atteint {MAP_MIN_REGIONS} régions (au plus "
            f"{candidates['regions'].max()}) : pas de carte perçue."
        ),
        "## Écarté volontairement par la recherche\n\n" + "\n".join(f"- {x}" for x in LEFT_OUT),
    ]
    return "\n\n".join(sections) + "\n"


# --------------------------------------------------------------------------- output


def main() -> None:
    research_file = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RESEARCH_FILE
    if not research_file.is_file():
        raise SystemExit(f"research file not found: {research_file}")
    result = build(research_file)
    result.rows.to_csv(OUT_ROWS, index=False, lineterminator="\n")
    result.sources.to_csv(OUT_SOURCES, index=False, lineterminator="\n")
    report = report_markdown(result)
    OUT_REPORT.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
