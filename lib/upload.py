"""Bring your own data: read an uploaded CSV/Excel file, resolve its territories, validate it.

Pure (no Streamlit). `read_upload` turns bytes into a frame of strings (read by
`lib.upload_read` in a worker process bounded in time and memory, every limit of `lib.limits`
checked before the work it protects); `validate_upload` checks it against the template of one
fact table and the dataset, and returns an `UploadReport` (valid rows kept, problems listed row
by row in French); `upload_layer` turns a confirmed report into a `Layer`.
The provider registered here serves the session's confirmed uploads (state key "uploads").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass

import pandas as pd

from lib.data import Dataset, validate_indicator_rows
from lib.datasets import Layer, register_provider
from lib.formatting import markup_characters
from lib.i18n import t
from lib.schema import DataValidationError, Problem, validate_table
from lib.upload_read import Table, UploadError, upload_kind
from lib.upload_worker import read_isolated
from lib.vocabulary import labels, level_of, make_id

UPLOADS_KEY = "uploads"  # session state: the confirmed uploads (a list of Layer)
MEMO_KEY = "upload_last_check"  # session state: the last file checked and its report
LABEL_PREFIX = "données importées : "
KINDS = ("indicators", "perceptions", "alliances", "initiatives")


@dataclass(frozen=True)
class Field:
    """A column of a template: whether it is required, its explanation and an example."""

    name: str
    required: bool
    help_fr: str
    example: str
    aliases: tuple[str, ...] = ()


_TERRITORY = (
    Field(
        "level",
        False,
        "Niveau du territoire : region, department, commune ou france (ou région, département)",
        "department",
        ("niveau", "echelon", "niveau_territoire"),
    ),
    Field(
        "code",
        False,
        "Code INSEE du territoire (zéros initiaux facultatifs : 29, 2A, 971, 29019)",
        "29",
        ("code_insee", "insee", "codgeo", "code_geo", "code_territoire"),
    ),
    Field(
        "territory_id",
        False,
        "Ou bien l'identifiant préfixé du projet (REG-53, DEP-29, COM-29019, FR), à la place "
        "du niveau et du code",
        "",
        ("territoire", "territory", "id_territoire"),
    ),
)
_VALUE = Field("value", True, "Valeur, en nombre (virgule ou point décimal)", "8,1", ("valeur",))
_NOTE = Field("note", False, "Remarque libre (facultatif)", "", ("remarque", "commentaire"))
_BASE = Field("base_n", False, "Effectif de l'échantillon (facultatif)", "1000", ("effectif",))
_STUDY = Field("study", True, "Nom de l'étude ou de l'enquête", "Enquête locale", ("etude",))
_ACTOR_LABEL = Field(
    "actor_label",
    False,
    "Libellé de l'acteur tel que dans la source (facultatif)",
    "",
    ("libelle_acteur",),
)

FIELDS: dict[str, tuple[Field, ...]] = {
    "indicators": (
        *_TERRITORY,
        Field(
            "indicator_id",
            True,
            "Identifiant court de l'indicateur (lettres, chiffres, _), le même sur toutes ses "
            "lignes ; un identifiant déjà présent remplace les valeurs intégrées des mêmes "
            "territoires",
            "taux_chomage_2024t1",
            ("indicateur", "indicator", "id_indicateur"),
        ),
        Field("label_fr", True, "Nom de l'indicateur", "Taux de chômage", ("libelle", "nom")),
        Field("label_en", False, "Nom en anglais (sinon le nom français)", "Unemployment rate"),
        Field(
            "domain_id",
            False,
            "Domaine de fragilité (identifiant, ex. emploi, pauvrete) ; obligatoire pour un "
            "indicateur de fragilité",
            "emploi",
            ("domaine", "domain"),
        ),
        Field(
            "role",
            False,
            "fragility (indicateur de fragilité, par défaut) ou context (contexte)",
            "fragility",
            ("role_indicateur",),
        ),
        Field(
            "unit",
            True,
            "Unité ; commencez par % pour un pourcentage (contrôlé entre 0 et 100)",
            "%",
            ("unite",),
        ),
        Field("decimals", False, "Décimales affichées (0 à 3 ; 1 par défaut)", "1", ("decimales",)),
        Field(
            "higher_is_worse",
            False,
            "true (vrai) si une valeur plus haute signale plus de fragilité, false (faux) sinon ; "
            "obligatoire pour un indicateur de fragilité",
            "true",
            ("plus_est_fragile",),
        ),
        Field(
            "period",
            True,
            "Période des valeurs : une année (2024), un trimestre (2024-T1) ou une période "
            "pluriannuelle (2016-2022)",
            "2024",
            ("year", "annee", "periode"),
        ),
        _VALUE,
        Field("definition_fr", False, "Définition (sinon le nom)", "", ("definition",)),
        _NOTE,
    ),
    "perceptions": (
        *_TERRITORY,
        Field(
            "actor_id",
            True,
            "Acteur (identifiant, ex. citoyens, entreprises)",
            "citoyens",
            ("acteur", "actor"),
        ),
        _ACTOR_LABEL,
        Field(
            "domain_id",
            True,
            "Domaine de fragilité (identifiant, ex. emploi)",
            "emploi",
            ("domaine", "domain"),
        ),
        _STUDY,
        Field("question", True, "Question posée", "Priorité perçue", ()),
        Field(
            "measure",
            True,
            "Mesure : share (part en %, 0 à 100), score (note sur 10) ou rank (rang, 1 = premier)",
            "share",
            ("mesure",),
        ),
        _VALUE,
        _BASE,
        Field("year", False, "Année de l'enquête", "2024", ("annee",)),
        _NOTE,
    ),
    "alliances": (
        *_TERRITORY,
        Field(
            "actor_id",
            False,
            "Acteur (identifiant, facultatif)",
            "entreprises",
            ("acteur", "actor"),
        ),
        _ACTOR_LABEL,
        Field(
            "dimension",
            True,
            "Dimension : engagement, practice, partner, territorial_level, motivation, "
            "perception, trend, outcome ou context",
            "engagement",
        ),
        Field(
            "category",
            True,
            "Ce que mesure la valeur",
            "Entreprises en partenariat",
            ("categorie",),
        ),
        Field(
            "practice_id", False, "Pratique (identifiant, facultatif)", "", ("pratique", "practice")
        ),
        _VALUE,
        Field(
            "unit",
            True,
            "Unité : %, score /10, count, rank, points, years ou months",
            "%",
            ("unite",),
        ),
        _BASE,
        _STUDY,
        Field("year", False, "Année de l'enquête", "2024", ("annee",)),
        _NOTE,
    ),
    "initiatives": (
        *_TERRITORY,
        Field(
            "name", True, "Nom de l'initiative d'alliance", "Club RSE du Pays de Morlaix", ("nom",)
        ),
        Field(
            "description",
            True,
            "Ce que font les partenaires, en une ou deux phrases",
            "Entreprises et associations accompagnent ensemble des jeunes vers l'emploi.",
        ),
        Field(
            "actor_ids",
            True,
            "Acteurs impliqués : identifiants séparés par « / » (ou « , » « ; » entre guillemets)",
            "entreprises / associations",
            ("acteurs", "actors"),
        ),
        Field(
            "domain_ids",
            False,
            "Domaines de fragilité : identifiants séparés par « / », ex. emploi / jeunesse",
            "emploi / jeunesse",
            ("domaines", "domains"),
        ),
        Field(
            "practice_id",
            False,
            "Type de partenariat (pratiques_responsables, cooperation_economique, "
            "innovation_societale, mecenat ou dialogue_territorial)",
            "innovation_societale",
            ("pratique", "practice", "type_partenariat"),
        ),
        Field("year", False, "Année de lancement", "2024", ("annee",)),
        _NOTE,
    ),
}
# Natural key of each table: two rows with the same key are duplicates.
NATURAL_KEYS = {
    "indicators": ("territory_id", "indicator_id", "period"),
    "perceptions": ("territory_id", "actor_id", "domain_id", "study", "question", "measure"),
    "alliances": ("territory_id", "actor_id", "dimension", "category", "study", "year", "unit"),
    "initiatives": ("territory_id", "name"),
}
_META_COLUMNS = ("label_fr", "label_en", "domain_id", "role", "unit", "decimals")
_META_COLUMNS += ("higher_is_worse", "definition_fr")
_LEVEL_WORDS = {
    "region": "region",
    "reg": "region",
    "department": "department",
    "departement": "department",
    "dep": "department",
    "dept": "department",
    "commune": "commune",
    "com": "commune",
    "france": "france",
}
_NUMERIC = ("value", "base_n", "decimals")


@dataclass(frozen=True)
class RawUpload:
    """An uploaded file read as strings, with what was detected."""

    frame: pd.DataFrame
    notes: tuple[str, ...]
    problems: tuple[Problem, ...] = ()  # cell problems found while reading (formulas)


@dataclass(frozen=True)
class UploadReport:
    """What validation found: the valid rows (as tables of a layer) and every problem."""

    kind: str
    file: str
    n_rows: int
    tables: Mapping[str, pd.DataFrame]
    valid_lines: tuple[int, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    replaced_indicators: tuple[str, ...] = ()

    @property
    def n_valid(self) -> int:
        return len(self.valid_lines)


@dataclass(frozen=True)
class SourceInfo:
    """The source the user gives for an upload (it becomes a row of `sources`)."""

    title: str
    publisher: str
    licence: str
    year: str = ""
    url: str = ""


# --- reading ------------------------------------------------------------------------------


def read_upload(name: str, data: bytes) -> RawUpload:
    """Read an uploaded CSV or Excel file as strings, in a worker process bounded in time and
    memory (`lib.upload_worker`); raise `UploadError` (French) if it cannot."""
    return raw_upload(read_isolated(upload_kind(name, data), data))


def raw_upload(table: Table) -> RawUpload:
    """The table read from a file as a frame of strings, indexed by line - 2."""
    frame = pd.DataFrame(table.rows, columns=table.header, dtype=str)
    frame.index = pd.Index([line - 2 for line in table.lines])  # a row's line is index + 2
    problems = tuple(Problem("", line, column, message) for line, column, message in table.problems)
    return RawUpload(frame, tuple(table.notes), problems)


# --- headers ------------------------------------------------------------------------------


def header_key(name: str) -> str:
    """A header in comparable form: lower case, no accents, words joined by '_'."""
    plain = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")


def _aliases(kind: str) -> dict[str, str]:
    return {header_key(alias): f.name for f in FIELDS[kind] for alias in (f.name, *f.aliases)}


def normalise_headers(frame: pd.DataFrame, kind: str) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Rename French/English header variants to the template's; return (frame, unknown, twice)."""
    aliases = _aliases(kind)
    renamed = {c: aliases.get(header_key(c)) for c in frame.columns}
    unknown = [str(c) for c, name in renamed.items() if name is None]
    targets = [n for n in renamed.values() if n is not None]
    twice = sorted({n for n in targets if targets.count(n) > 1})
    kept = [c for c, name in renamed.items() if name is not None and name not in twice]
    return frame[kept].rename(columns=renamed), unknown, twice


# --- territories --------------------------------------------------------------------------


def _resolve_one(tid: str, level: str, code: str, known: set[str]) -> tuple[str | None, str | None]:
    tid, level_word, code = tid.strip().upper(), header_key(level), code.strip()
    if tid:
        if tid in known:
            return tid, None
        if "-" not in tid and not level_word:
            return None, (
                f"code « {tid} » ambigu : indiquez le niveau (region, department, commune) ou "
                "l'identifiant préfixé (REG-53, DEP-29, COM-29019)"
            )
        if "-" in tid:
            return None, f"territoire inconnu « {tid} »"
        code = tid
    if not level_word and not code:
        return None, "territoire manquant : indiquez le niveau et le code INSEE, ou territory_id"
    resolved_level = _LEVEL_WORDS.get(level_word)
    if resolved_level is None:
        return None, f"niveau « {level} » inconnu : region, department, commune ou france"
    if not code and resolved_level != "france":
        return None, "code INSEE manquant"
    resolved = make_id(resolved_level, code)
    if resolved not in known:
        return None, f"territoire inconnu : niveau « {level} », code « {code} »"
    return resolved, None


def _problem_column(message: str, tid: str) -> str:
    if message.startswith("niveau"):
        return "level"
    return "territory_id" if tid.strip() else "code"


def resolve_territories(
    frame: pd.DataFrame, known: set[str], file: str
) -> tuple[pd.Series, list[Problem]]:
    """Each row's prefixed territory id (level + INSEE code, or the id), and the problems."""
    empty = pd.Series("", index=frame.index)
    results = [
        _resolve_one(tid, level, code, known)
        for tid, level, code in zip(
            frame.get("territory_id", empty),
            frame.get("level", empty),
            frame.get("code", empty),
            strict=True,
        )
    ]
    ids = pd.Series([r[0] for r in results], index=frame.index, dtype=object)
    problems = [
        Problem(file, int(i) + 2, _problem_column(message, tid), message)
        for i, tid, (_, message) in zip(
            frame.index, frame.get("territory_id", empty), results, strict=True
        )
        if message
    ]
    return ids, problems


# --- validation ---------------------------------------------------------------------------


def _decimal_comma(series: pd.Series) -> tuple[pd.Series, bool]:
    spaced = series.str.replace(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}(?:\D|$))", "", regex=True)
    converted = spaced.str.replace(r"^([+-]?\d*),(\d+)$", r"\1.\2", regex=True)
    return converted, bool((converted != spaced).any())


def _duplicates(frame: pd.DataFrame, key: tuple[str, ...], file: str) -> list[Problem]:
    columns = [k for k in key if k in frame]
    repeated = frame[frame.duplicated(columns, keep="first")]
    if repeated.empty:
        return []
    first = frame.reset_index().groupby(columns, dropna=False)["index"].transform("first")
    first.index = frame.index
    return [
        Problem(
            file, int(i) + 2, None, f"ligne en double (même contenu que la ligne {first[i] + 2})"
        )
        for i in repeated.index
    ]


def _link_cells(frame: pd.DataFrame, kind: str, file: str) -> list[Problem]:
    """Text cells holding [ or ]: shown in captions, they could add a link or an image."""
    problems = []
    for field in FIELDS[kind]:
        if field.name not in frame or field.name in _NUMERIC:
            continue
        cells = frame[field.name].astype(str)
        for i in cells.index[cells.str.contains(r"[\[\]]", regex=True)]:
            problems.append(
                Problem(
                    file,
                    int(i) + 2,
                    field.name,
                    "les caractères [ ] ne sont pas acceptés (ils créeraient des liens ou des "
                    "images dans les pages)",
                )
            )
    return problems


def _validate_rows(
    raw: pd.DataFrame, validate: Callable[[pd.DataFrame], pd.DataFrame]
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Validate, dropping the rows named by problems until the rest passes."""
    problems: list[Problem] = []
    for _ in range(4):
        if raw.empty:
            return None, problems
        try:
            return validate(raw), problems
        except DataValidationError as error:
            problems += error.problems
            bad = {p.line - 2 for p in error.problems if p.line is not None}
            if not bad:
                return None, problems
            raw = raw.drop(index=[i for i in raw.index if i in bad])
    return None, problems


def _meta(rows: pd.DataFrame, dataset: Dataset, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """One metadata row per uploaded indicator (from its first row), checked for consistency."""
    rows = rows.assign(
        label_en=rows["label_en"].where(rows["label_en"] != "", rows["label_fr"]),
        definition_fr=rows["definition_fr"].where(rows["definition_fr"] != "", rows["label_fr"]),
        role=rows["role"].replace("", "fragility"),
        decimals=rows["decimals"].replace("", "1"),
    )
    first = rows.groupby("indicator_id", sort=False).head(1)
    aligned = first.set_index("indicator_id").loc[rows["indicator_id"], list(_META_COLUMNS)]
    aligned.index = rows.index
    first_line = rows["indicator_id"].map(
        dict(zip(first["indicator_id"], first.index, strict=True))
    )
    problems = [
        Problem(
            file,
            int(i) + 2,
            column,
            "métadonnée différente de la première ligne de l'indicateur "
            f"(ligne {first_line[i] + 2})",
        )
        for column in _META_COLUMNS
        for i in rows.index[rows[column] != aligned[column]]
    ]
    # an uploaded concept already embedded keeps its base-100 reference (same period compared)
    references = dataset.indicator_meta.set_index("indicator_id")["reference_territory_id"]
    meta = first[["indicator_id", *_META_COLUMNS]].assign(
        reference_territory_id=first["indicator_id"].map(references).fillna("")
    )
    return meta, problems


def _prepare(kind: str, frame: pd.DataFrame, dataset: Dataset, upload_id: str) -> pd.DataFrame:
    """The rows in the shape of the dataset's table (ids generated, defaults filled)."""
    frame = frame.assign(source_id=upload_id)
    if kind == "indicators":
        return frame
    if kind == "initiatives":
        return _prepare_initiatives(frame, upload_id)
    french = labels(dataset, "actor", "fr")
    actor_label = frame["actor_label"].where(
        frame["actor_label"] != "", frame["actor_id"].map(french).fillna("")
    )
    prefix = "PER" if kind == "perceptions" else "ALL"
    ids = [f"{upload_id}-{prefix}-{i + 2}" for i in frame.index]
    id_column = "perception_id" if kind == "perceptions" else "alliance_id"
    return frame.assign(
        **{id_column: ids}, figure_id=upload_id, actor_label=actor_label, year_note=""
    )


def _prepare_initiatives(frame: pd.DataFrame, upload_id: str) -> pd.DataFrame:
    """Initiative rows: generated ids, placement level from the territory, lists without spaces.

    An uploaded row has no proof quote: the `quote` column says so rather than inventing one.
    """
    placement = [level_of(tid) or "" for tid in frame["territory_id"]]
    lists = {
        c: frame[c].str.strip().str.replace(r"\s*[;,/|]\s*", ";", regex=True)
        for c in ("actor_ids", "domain_ids")
    }
    return frame.assign(
        initiative_id=[f"{upload_id}-INI-{i + 2}" for i in frame.index],
        territory_label="",
        placement_level=placement,
        free_tags="",
        practice_note="",
        quote="citation non fournie (données importées)",
        research_note="",
        **lists,
    )


def validate_upload(
    raw: RawUpload, kind: str, dataset: Dataset, upload_id: str, file: str
) -> UploadReport:
    """Check an uploaded frame against the template of `kind`; keep the valid rows."""
    frame, unknown, twice = normalise_headers(raw.frame, kind)
    notes = list(raw.notes)
    if unknown:
        names = ", ".join(f"« {c} »" for c in unknown)
        notes.append(f"Colonne(s) inconnue(s) ignorée(s) : {names}.")
    problems = [Problem(file, p.line, p.column, p.message) for p in raw.problems]
    problems += [Problem(file, None, c, "colonne présente deux fois") for c in twice]
    problems += [
        Problem(file, None, f.name, "colonne obligatoire absente")
        for f in FIELDS[kind]
        if f.required and f.name not in frame
    ]
    if "territory_id" not in frame and not {"level", "code"} <= set(frame.columns):
        problems.append(
            Problem(
                file,
                None,
                "level, code",
                "colonnes niveau et code INSEE (ou territory_id) absentes",
            )
        )
    n_rows = len(frame)
    if any(p.line is None for p in problems):
        return UploadReport(kind, file, n_rows, {}, (), tuple(problems), tuple(notes))
    for f in FIELDS[kind]:
        frame[f.name] = frame[f.name].str.strip() if f.name in frame else ""
    for column in _NUMERIC:
        if column in frame:
            frame[column], converted = _decimal_comma(frame[column])
            if converted:
                notes.append(f"Virgule décimale lue dans la colonne « {column} ».")
    territories, territory_problems = resolve_territories(
        frame, dataset.refs()["territories"], file
    )
    frame["territory_id"] = territories.fillna("")
    problems += (
        territory_problems
        + _duplicates(frame, NATURAL_KEYS[kind], file)
        + _link_cells(frame, kind, file)
    )
    rows = _prepare(kind, frame, dataset, upload_id)
    bad = {p.line - 2 for p in problems if p.line is not None}
    tables, more, replaced = _validated_tables(
        kind, rows.drop(index=[i for i in rows.index if i in bad]), dataset, upload_id, file
    )
    problems += more
    if kind == "indicators" and replaced:
        notes.append(
            "Indicateur(s) déjà présent(s) dans les données intégrées : "
            + ", ".join(replaced)
            + ". Les valeurs importées remplacent les valeurs intégrées pour les mêmes "
            "territoires (et leurs métadonnées remplacent les leurs)."
        )
    main = tables.get(kind)
    valid = tuple(int(i) + 2 for i in main.index) if main is not None else ()
    problems = sorted(_first_per_cell(problems), key=lambda p: (p.line or 0, p.column or ""))
    return UploadReport(
        kind, file, n_rows, tables, valid, tuple(problems), tuple(notes), tuple(replaced)
    )


def checked_upload(
    memo: MutableMapping[str, object],
    name: str,
    data: bytes,
    kind: str,
    dataset: Dataset,
    upload_id: str,
) -> UploadReport:
    """`read_upload` + `validate_upload`, remembered in `memo` (the session's state, never a
    shared cache) for the last file checked: a page rerun with the same file, kind and data
    does not validate again. Raises the same UploadError as the first time."""
    key = hashlib.sha256(data).hexdigest() + "|".join(("", name, kind, dataset.version, upload_id))
    last = memo.get(MEMO_KEY)
    if not (isinstance(last, tuple) and last[0] == key):
        try:
            result: UploadReport | UploadError = validate_upload(
                read_upload(name, data), kind, dataset, upload_id, name
            )
        except UploadError as error:
            result = error
        last = memo[MEMO_KEY] = (key, result)
    if isinstance(last[1], UploadError):
        raise last[1]
    return last[1]


def _first_per_cell(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple] = set()
    kept = []
    for p in problems:
        if (p.line, p.column) not in seen or p.line is None:
            seen.add((p.line, p.column))
            kept.append(p)
    return kept


def _validated_tables(
    kind: str, rows: pd.DataFrame, dataset: Dataset, upload_id: str, file: str
) -> tuple[dict[str, pd.DataFrame], list[Problem], list[str]]:
    refs = dataset.refs()
    refs["sources"] = refs["sources"] | {upload_id}
    if kind != "indicators":
        columns = list(TABLE_COLUMNS[kind])
        typed, problems = _validate_rows(
            rows[columns], lambda r: validate_table(kind, r, refs, file=file)
        )
        return ({kind: typed} if typed is not None else {}), problems, []
    meta_raw, problems = _meta(rows, dataset, file)
    bad = {p.line - 2 for p in problems}
    bad_ids = set(rows.loc[[i for i in rows.index if i in bad], "indicator_id"])
    meta_raw = meta_raw[~meta_raw["indicator_id"].isin(bad_ids)]
    meta_refs = {"domains": refs["domains"], "france_scopes": refs["france_scopes"]}
    meta, meta_problems = _validate_rows(
        meta_raw, lambda r: validate_table("indicator_meta", r, meta_refs, file=file)
    )
    problems += meta_problems
    if meta is None:
        return {}, problems, []
    rows = rows[rows["indicator_id"].isin(set(meta["indicator_id"]))]
    refs["indicators"] = refs["indicators"] | set(meta["indicator_id"])
    columns = list(TABLE_COLUMNS["indicators"])
    typed, row_problems = _validate_rows(
        rows[columns], lambda r: validate_indicator_rows(r, meta, refs, file)
    )
    problems += row_problems
    if typed is None:
        return {}, problems, []
    meta = meta[meta["indicator_id"].isin(set(typed["indicator_id"]))]
    embedded = set(dataset.indicator_meta["indicator_id"])
    replaced = sorted(set(meta["indicator_id"]) & embedded)
    return {"indicators": typed, "indicator_meta": meta}, problems, replaced


TABLE_COLUMNS = {
    "indicators": ("territory_id", "indicator_id", "period", "value", "source_id", "note"),
    "perceptions": (
        "perception_id", "figure_id", "territory_id", "actor_id", "actor_label", "domain_id",
        "study", "question", "measure", "value", "base_n", "year", "year_note", "source_id", "note",
    ),
    "alliances": (
        "alliance_id", "figure_id", "territory_id", "actor_id", "actor_label", "dimension",
        "category", "practice_id", "value", "unit", "base_n", "study", "year", "year_note",
        "source_id", "note",
    ),
    "initiatives": (
        "initiative_id", "name", "description", "territory_label", "territory_id",
        "placement_level", "actor_ids", "domain_ids", "free_tags", "practice_id", "practice_note",
        "year", "source_id", "quote", "note", "research_note",
    ),
}  # fmt: skip


def source_problems(source: SourceInfo) -> list[str]:
    """What is missing or refused in the source the user gave (French); empty when fine."""
    fields = (("titre", source.title), ("éditeur", source.publisher), ("licence", source.licence))
    missing = [label for label, value in fields if not value.strip()]
    problems = (
        [f"Source manquante : indiquez {', '.join(missing)} avant d'appliquer l'import."]
        if missing
        else []
    )
    problems += [
        f"Source : le champ « {label} » contient {' '.join(markup_characters(value))}, "
        "caractères non acceptés (ils créeraient des liens ou des images dans les pages)."
        for label, value in fields
        if markup_characters(value)
    ]
    return problems


# --- layers -------------------------------------------------------------------------------


def next_upload_id(layers: list[Layer]) -> str:
    """'upload-<n>', one more than the session's uploads so far."""
    return f"upload-{len(layers) + 1}"


def upload_layer(
    report: UploadReport, source: SourceInfo, upload_id: str, replaces_embedded: bool = False
) -> Layer:
    """The confirmed upload as a layer, citing its source row `upload_id`."""
    sources = pd.DataFrame(
        [
            {
                "source_id": upload_id,
                "title": source.title.strip(),
                "publisher": source.publisher.strip(),
                "year": source.year.strip(),
                "url_or_package": source.url.strip(),
                "licence": source.licence.strip(),
                "note": f"données importées dans cette session (fichier {report.file})",
            }
        ]
    )
    return Layer(
        upload_id,
        LABEL_PREFIX + source.title.strip(),
        {**report.tables, "sources": sources},
        replaces_embedded,
    )


@register_provider
def upload_layers(state: Mapping[str, object]) -> list[Layer]:
    """The session's confirmed uploads (state key "uploads")."""
    uploads = state.get(UPLOADS_KEY) or []
    return [layer for layer in uploads if isinstance(layer, Layer)]


def problems_table(problems: tuple[Problem, ...], lang: str) -> pd.DataFrame:
    """The report's problems, one per row (in English when the check has an English message)."""
    return pd.DataFrame(
        {
            t("importer_col_line", lang): pd.array([p.line for p in problems], dtype="Int64"),
            t("importer_col_column", lang): [p.column or "" for p in problems],
            t("importer_col_problem", lang): [p.text(lang) for p in problems],
        }
    )


def layer_rows(layer: Layer) -> int:
    """How many fact rows a layer adds (its sources row aside)."""
    return sum(len(rows) for name, rows in layer.tables.items() if name in KINDS)
