"""Load the embedded dataset from `data/` and validate every table (no Streamlit here).

`load_dataset()` reads the reference tables first (they give the allowed ids), then the fact
tables, and raises `DataValidationError` (French, file/line/column) on the first broken file.
Sources, indicator metadata and indicator values may be split over several files
(`sources*.csv`, `indicator_meta*.csv`, `indicators*.csv`, read in name order): each file is
validated on its own, then the keys are checked across files. An indicator id is a concept;
its values carry a `period` (`lib.periods`). Commune-level indicator rows are large and loaded
on demand by `load_commune_indicators()`. The project's notes are French in their tables; their
English text comes from `notes_en.csv` (by French text) as `<column>_en` columns, which
`in_language` reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from lib.i18n import DEFAULT_LANGUAGE, message
from lib.schema import ENGLISH_NOTES, DataValidationError, Problem, validate_table
from lib.vocabulary import FRANCE_SCOPES

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
# Indicator files of a level not loaded with the dataset: communes (on demand).
ON_DEMAND_MARKS = ("_communes",)
UPPER_LEVELS = ("france", "region", "department")
INDICATOR_KEY = ["territory_id", "indicator_id", "period"]
WITHHELD_COLUMNS = [*INDICATOR_KEY, "source_id", "reason"]


def empty_withheld() -> pd.DataFrame:
    """A withheld-values table without rows."""
    return pd.DataFrame(columns=WITHHELD_COLUMNS)


@dataclass(frozen=True)
class Dataset:
    """Every validated table of the embedded dataset."""

    sources: pd.DataFrame
    territories: pd.DataFrame
    domains: pd.DataFrame
    actors: pd.DataFrame
    practices: pd.DataFrame
    indicator_meta: pd.DataFrame
    indicators: pd.DataFrame
    perceptions: pd.DataFrame
    alliances: pd.DataFrame
    label_mapping: pd.DataFrame
    initiatives: pd.DataFrame  # alliance initiatives named in the source documents (not exhaustive)
    # perceived figures published outside the Observatoire (shares citing an item): never merged
    # with `perceptions` (the Observatoire's scores and shares) nor used in an index
    perceived_more: pd.DataFrame
    version: str = "embedded"  # changes when layers are combined in (cache key)
    # (territory, indicator, period) a producer published without a value, and why
    # (`schema.WITHHELD_REASONS`): commune files only, loaded with their rows
    withheld: pd.DataFrame = field(default_factory=empty_withheld)

    @cached_property
    def territory_index(self) -> pd.DataFrame:
        """Territories indexed by id, built once per dataset object (35,000 rows: lookups by
        id are frequent)."""
        return self.territories.set_index("territory_id")

    @cached_property
    def upper_territories(self) -> pd.DataFrame:
        """The France scopes, regions and departments (not the EPCIs nor the communes), built
        once per dataset object."""
        return self.territories[self.territories["level"].isin(UPPER_LEVELS)]

    @cached_property
    def own_decimals(self) -> dict[tuple[str, str, str], int]:
        """(territory, indicator, period) -> the decimals its source publishes the value with,
        for the rows that give them (`decimals` column; the others read with their
        indicator's: `lib.vocabulary.shown_decimals`)."""
        rows = self.indicators
        if "decimals" not in rows:
            return {}
        rows = rows[rows["decimals"].notna()]
        keys = zip(*(rows[c].tolist() for c in INDICATOR_KEY), strict=True)
        return dict(zip(keys, rows["decimals"].astype(int).tolist(), strict=True))

    def refs(self) -> dict[str, set[str]]:
        """Allowed ids, for validating fact tables (embedded or uploaded)."""
        return _refs(
            self.territories,
            self.sources,
            self.domains,
            self.actors,
            self.practices,
            self.indicator_meta,
        )


def read_raw_csv(path: Path) -> pd.DataFrame:
    """Read a CSV as strings (validation types it), failing in French when it is missing."""
    if not path.exists():
        raise DataValidationError([Problem(path.name, None, None, message("schema_file_missing"))])
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _refs(territories, sources, domains, actors, practices, indicator_meta) -> dict[str, set[str]]:
    return {
        "territories": set(territories["territory_id"]),
        "france_scopes": set(FRANCE_SCOPES),
        "sources": set(sources["source_id"]),
        "domains": set(domains["domain_id"]),
        "actors": set(actors["actor_id"]),
        "practices": set(practices["practice_id"]),
        "indicators": set(indicator_meta["indicator_id"]),
    }


def _validated(name: str, file: str, refs: dict[str, set[str]], data_dir: Path) -> pd.DataFrame:
    return validate_table(name, read_raw_csv(data_dir / file), refs, file=file)


def table_files(data_dir: Path, stem: str) -> list[str]:
    """`stem.csv` and its companions `stem_*.csv`, in name order (commune files aside)."""
    names = [stem + ".csv", *(p.name for p in sorted(data_dir.glob(stem + "_*.csv")))]
    return [n for n in names if not any(mark in n for mark in ON_DEMAND_MARKS)]


def _validated_files(
    name: str, stem: str, key: list[str], refs: dict[str, set[str]], data_dir: Path
) -> pd.DataFrame:
    """One table read from every file of `stem`, each validated, the key unique across files."""
    files = table_files(data_dir, stem)
    table = pd.concat([_validated(name, f, refs, data_dir) for f in files], ignore_index=True)
    check_unique_across_files(table, key, files)
    return table


def validate_indicator_rows(
    raw: pd.DataFrame, indicator_meta: pd.DataFrame, refs: dict[str, set[str]], file: str
) -> pd.DataFrame:
    """Validate indicator rows against the metadata (readable period, % within 0–100)."""
    units = indicator_meta.set_index("indicator_id")["unit"]
    with_meta = raw.assign(unit=raw["indicator_id"].map(units))
    checked = validate_table("indicators", with_meta, refs, file=file)
    return checked.drop(columns=["unit"])


def with_english_notes(name: str, table: pd.DataFrame, english: Mapping[str, str]) -> pd.DataFrame:
    """The table with the English text of its notes (`note_en`...): the file's own where it has
    one, else the translation of the French text (empty when there is none)."""
    columns = {}
    for column in ENGLISH_NOTES[name]:
        translated = table[column].map(english).astype(object)
        own = table.get(f"{column}_en")
        columns[f"{column}_en"] = (
            translated if own is None else own.astype(object).fillna(translated)
        )
    return table.assign(**columns)


def in_language(row: Mapping, column: str, lang: str) -> object:
    """A row's note in `lang`: its text in that language (`<column>_en` in English) when there
    is one, the French text otherwise."""
    own = row.get(f"{column}_{lang}") if lang != DEFAULT_LANGUAGE else None
    return own if isinstance(own, str) and own else row[column]


def column_in_language(table: pd.DataFrame, column: str, lang: str) -> pd.Series:
    """`in_language` for a whole column."""
    own = table.get(f"{column}_{lang}") if lang != DEFAULT_LANGUAGE else None
    if own is None:
        return table[column]
    return own.where(own.notna() & own.ne(""), table[column])


def load_dataset(data_dir: Path = DATA_DIR) -> Dataset:
    """Read and validate the embedded dataset (without commune-level indicator rows)."""
    empty: dict[str, set[str]] = {}
    notes_en = _validated("notes_en", "notes_en.csv", empty, data_dir)
    english = dict(zip(notes_en["fr"], notes_en["en"], strict=True))
    sources = _validated_files("sources", "sources", ["source_id"], empty, data_dir)
    domains = _validated("domains", "domains.csv", empty, data_dir)
    actors = _validated("actors", "actors.csv", empty, data_dir)
    practices = _validated("practices", "practices.csv", empty, data_dir)
    territory_files = table_files(data_dir, "territories")
    raw_territories = [read_raw_csv(data_dir / f) for f in territory_files]
    territory_ids = {"territories": {i for raw in raw_territories for i in raw["territory_id"]}}
    territories = pd.concat(
        [
            validate_table("territories", raw, territory_ids, file=f)
            for raw, f in zip(raw_territories, territory_files, strict=True)
        ],
        ignore_index=True,
    )
    check_unique_across_files(territories, ["territory_id"], territory_files)
    territories = with_epci(territories, data_dir)
    meta_refs = {"domains": set(domains["domain_id"]), "france_scopes": set(FRANCE_SCOPES)}
    indicator_meta = _validated_files(
        "indicator_meta", "indicator_meta", ["indicator_id"], meta_refs, data_dir
    )
    refs = _refs(territories, sources, domains, actors, practices, indicator_meta)
    files = table_files(data_dir, "indicators")
    indicators = pd.concat(
        [
            validate_indicator_rows(read_raw_csv(data_dir / f), indicator_meta, refs, f)
            for f in files
        ],
        ignore_index=True,
    )
    check_unique_across_files(indicators, INDICATOR_KEY, files)
    facts = {
        name: with_english_notes(name, _validated(name, f"{name}.csv", refs, data_dir), english)
        for name in ("perceptions", "alliances", "perceived_more", "initiatives")
    }
    return Dataset(
        sources=with_english_notes("sources", sources, english),
        territories=territories,
        domains=domains.sort_values("order"),
        actors=actors.sort_values("order"),
        practices=practices.sort_values("order"),
        indicator_meta=indicator_meta,
        indicators=indicators,
        perceptions=facts["perceptions"],
        alliances=facts["alliances"],
        label_mapping=_validated("label_mapping", "label_mapping.csv", refs, data_dir),
        initiatives=facts["initiatives"],
        perceived_more=facts["perceived_more"],
    )


def check_unique_across_files(table: pd.DataFrame, key: list[str], files: list[str]) -> None:
    """Fail in French when rows of several files share a key."""
    duplicated = table[table.duplicated(key, keep=False)]
    if not duplicated.empty:
        first = duplicated.iloc[0]
        example = " / ".join(str(first[k]) for k in key)
        raise DataValidationError(
            [
                Problem(
                    " + ".join(files),
                    None,
                    key[-1] if len(key) == 1 else key[1],
                    message("schema_duplicates_across_files", n=len(duplicated), example=example),
                )
            ]
        )


def load_commune_indicators(dataset: Dataset, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Commune-level indicator rows of every `indicators*_communes*.csv`, validated like the
    others (loaded only when needed)."""
    files = sorted(p.name for p in data_dir.glob("indicators*_communes*.csv"))
    refs = dataset.refs()
    rows = pd.concat(
        [
            validate_indicator_rows(read_raw_csv(data_dir / f), dataset.indicator_meta, refs, f)
            for f in files
        ],
        ignore_index=True,
    )
    check_unique_across_files(rows, INDICATOR_KEY, files)
    return rows


def load_commune_population(data_dir: Path = DATA_DIR) -> dict[str, float]:
    """commune_id -> its latest population in the commune files (only what ordering search
    results needs: the four columns read, the other rows dropped, no full validation)."""
    columns = ["territory_id", "indicator_id", "period", "value"]
    frames = [
        pd.read_csv(path, dtype=str, usecols=columns, keep_default_na=False, engine="pyarrow")
        for path in sorted(data_dir.glob("indicators*_communes*.csv"))
    ]
    rows = pd.concat(frames, ignore_index=True).query("indicator_id == 'population'")
    rows = rows.assign(value=pd.to_numeric(rows["value"], errors="coerce")).dropna()
    latest = rows.sort_values("period").drop_duplicates("territory_id", keep="last")
    return dict(zip(latest["territory_id"], latest["value"], strict=True))


def load_commune_withheld(dataset: Dataset, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The commune values a producer withheld, of every `withheld*_communes*.csv` (e.g. the
    Filosofi communes under statistical secrecy), validated."""
    files = sorted(p.name for p in data_dir.glob("withheld*_communes*.csv"))
    refs = dataset.refs()
    rows = [validate_table("withheld", read_raw_csv(data_dir / f), refs, file=f) for f in files]
    table = pd.concat(rows, ignore_index=True) if rows else empty_withheld()
    check_unique_across_files(table, INDICATOR_KEY, files)
    return table[WITHHELD_COLUMNS]


def with_epci(territories: pd.DataFrame, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The territories with each commune's intercommunality (`epci_id`, from
    `epci_communes.csv`, scripts/build_epci.py; empty for the other levels and the 4 communes
    outside any EPCI); both ids must be known territories."""
    file = "epci_communes.csv"
    raw = read_raw_csv(data_dir / file)
    known = set(territories["territory_id"])
    unknown = raw[~raw["commune_id"].isin(known) | ~raw["epci_id"].isin(known)]
    if not unknown.empty:
        line = int(unknown.index[0]) + 2
        raise DataValidationError([Problem(file, line, None, message("schema_unknown_territory"))])
    members = dict(zip(raw["commune_id"], raw["epci_id"], strict=True))
    return territories.assign(epci_id=territories["territory_id"].map(members))


def epci_members(dataset: Dataset) -> dict[str, str]:
    """commune_id -> epci_id of the dataset's communes (`with_epci`)."""
    rows = dataset.territories.dropna(subset=["epci_id"])
    return dict(zip(rows["territory_id"], rows["epci_id"], strict=True))
