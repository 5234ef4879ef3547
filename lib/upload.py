"""Bring your own data: read an uploaded CSV/Excel file, resolve its territories, validate it.

Pure (no Streamlit). `read_upload` turns bytes into a frame of strings (read by
`lib.upload_read` in a worker process bounded in time and memory, every limit of `lib.settings`
checked before the work it protects); `validate_upload` maps its columns to the template of
one fact table (`lib.upload_mapping`), resolves its territories (`lib.upload_territories`) and
indicators (`lib.upload_indicators`), checks it against the dataset and returns an
`UploadReport` (valid rows kept, every problem in one pass, in French, naming the user's column
and the row as Excel numbers it); `upload_layer` turns a confirmed report into a `Layer`.
The provider registered here serves the session's confirmed uploads (state key "uploads").
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, replace
from functools import partial

import pandas as pd

from lib import upload_indicators
from lib.data import Dataset, validate_indicator_rows
from lib.datasets import Layer, register_provider
from lib.formatting import markup_characters
from lib.i18n import t
from lib.schema import DataValidationError, Problem, validate_table
from lib.upload_mapping import NAME_FIELD, name_keys, propose_mapping
from lib.upload_read import Table, UploadError, upload_kind
from lib.upload_territories import resolve_territories
from lib.upload_worker import read_isolated
from lib.vocabulary import labels, level_of

UPLOADS_KEY = "uploads"  # session state: the confirmed uploads (a list of Layer)
MEMO_KEY = "upload_last_check"  # session state: the last file checked and its report
READ_KEY = "upload_last_read"  # session state: the last file read (or why it could not be)
LABEL_PREFIX = "données importées : "
KINDS = ("indicators", "perceptions", "alliances", "initiatives")


@dataclass(frozen=True)
class Field:
    """A column of a template: whether it is required, its explanation and an example."""

    name: str
    required: bool
    help_fr: str
    example: str
    aliases: tuple[str, ...] = ()  # French first: the first one names the field to the user

    @property
    def french(self) -> str:
        """The field's French column name, used in messages when the file lacks it."""
        return self.aliases[0] if self.aliases else self.name


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
        (
            "code_insee",
            "insee",
            "codgeo",
            "code_geo",
            "code_territoire",
            "cog",
            "depcom",
            "code_commune",
            "code_departement",
            "code_region",
        ),
    ),
    Field(
        "territory_id",
        False,
        "Ou bien l'identifiant préfixé du projet (REG-53, DEP-29, COM-29019, FR), à la place "
        "du niveau et du code",
        "",
        ("territoire", "territory", "id_territoire"),
    ),
    Field(
        NAME_FIELD,
        False,
        "Nom du territoire (facultatif) : contrôle le code, ou désigne le territoire quand le "
        "code manque et que le nom est sans ambiguïté ; jamais lu comme un code",
        "Finistère",
        (
            "nom_territoire",
            "libelle_territoire",
            "libgeo",
            "libelle_geo",
            "nom_commune",
            "nom_departement",
            "nom_region",
            "territory_name",
        ),
    ),
)
_SOURCE = Field(
    "source",
    False,
    "Source des valeurs (organisme, publication ; facultatif) : préremplit la source de l'import",
    "Observatoire local",
    ("source", "producteur", "fournisseur", "origine", "source_donnees"),
)
_VALUE = Field(
    "value", True, "Valeur, en nombre (virgule ou point décimal)", "8,1", ("valeur", "val")
)
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
            "Identifiant court de l'indicateur (lettres, chiffres, _) ou nom d'un indicateur "
            "existant, le même sur toutes ses lignes ; un indicateur déjà présent remplace les "
            "valeurs intégrées des mêmes territoires",
            "taux_chomage_2024t1",
            ("indicateur", "indicator", "id_indicateur"),
        ),
        Field(
            "label_fr",
            False,
            "Nom de l'indicateur ; obligatoire pour un nouvel indicateur (un indicateur existant, "
            "nommé par son identifiant ou son nom, n'a besoin ni de nom, ni d'unité, ni de "
            "domaine, ni d'orientation)",
            "Taux de chômage",
            ("libelle", "nom", "libelle_indicateur", "nom_indicateur"),
        ),
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
            False,
            "Unité ; commencez par % pour un pourcentage (contrôlé entre 0 et 100) ; obligatoire "
            "pour un nouvel indicateur",
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
            ("annee", "periode", "year", "millesime", "date"),
        ),
        _VALUE,
        Field("definition_fr", False, "Définition (sinon le nom)", "", ("definition",)),
        _SOURCE,
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
        _SOURCE,
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
        _SOURCE,
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
        _SOURCE,
        _NOTE,
    ),
}
FIELD_NAMES = {f.name: f.french for fields in FIELDS.values() for f in fields}
# Natural key of each table: two rows with the same key are duplicates.
NATURAL_KEYS = {
    "indicators": ("territory_id", "indicator_id", "period"),
    "perceptions": ("territory_id", "actor_id", "domain_id", "study", "question", "measure"),
    "alliances": ("territory_id", "actor_id", "dimension", "category", "study", "year", "unit"),
    "initiatives": ("territory_id", "name"),
}
_SAME_KEY = {  # what two duplicate rows share, in words
    "indicators": "même territoire, indicateur et période",
    "perceptions": "même territoire, acteur, domaine, étude, question et mesure",
    "alliances": "même territoire, acteur, dimension, catégorie, étude, année et unité",
    "initiatives": "même territoire et nom",
}
_TERRITORY_FIELDS = ("level", "code", "territory_id")
PLACEHOLDER_TERRITORY = "FR"  # stands for an unresolved territory while its other cells are checked
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
    sources: tuple[str, ...] = ()  # distinct values of the file's own source column
    mapping: Mapping[str, str] | None = None  # {user header: field} the check used

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


# --- validation ---------------------------------------------------------------------------


def _decimal_comma(series: pd.Series) -> tuple[pd.Series, bool]:
    spaced = series.str.replace(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}(?:\D|$))", "", regex=True)
    converted = spaced.str.replace(r"^([+-]?\d*),(\d+)$", r"\1.\2", regex=True)
    return converted, bool((converted != spaced).any())


def _duplicates(frame: pd.DataFrame, kind: str, file: str) -> list[Problem]:
    """Rows sharing a resolved territory and the rest of the natural key with an earlier row."""
    columns = [k for k in NATURAL_KEYS[kind] if k in frame]
    placed = frame[frame["territory_id"] != ""]
    repeated = placed[placed.duplicated(columns, keep="first")]
    if repeated.empty:
        return []
    first = placed.reset_index().groupby(columns, dropna=False)["index"].transform("first")
    first.index = placed.index
    return [
        Problem(
            file,
            int(i) + 2,
            None,
            f"ligne en double : {_SAME_KEY[kind]} que la ligne {first[i] + 2}",
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


def territory_name_keys(dataset: Dataset) -> set[str]:
    """Every territory name in comparable form (`header_key`), to tell a name column."""
    return set(name_keys(dataset.territories["name"]))


def _mapped(
    raw: pd.DataFrame, kind: str, mapping: Mapping[str, str], file: str
) -> tuple[pd.DataFrame, dict[str, str], list[Problem], list[str]]:
    """The file's mapped columns renamed to their fields; {field: user header}, the problems
    (a field fed by two columns, a required field missing) and the columns left aside."""
    headers: dict[str, str] = {}
    problems = []
    for header, field in mapping.items():
        if field not in FIELD_NAMES or header not in raw:
            continue
        if field in headers:
            problems.append(
                Problem(
                    file,
                    None,
                    str(header),
                    f"la colonne « {headers[field]} » fournit déjà le champ « "
                    f"{FIELD_NAMES[field]} » : associez une seule colonne à chaque champ",
                )
            )
            continue
        headers[field] = str(header)
    problems += [
        Problem(
            file,
            None,
            f.french,
            "colonne obligatoire absente : ajoutez-la au fichier, ou associez-lui une de vos "
            "colonnes à l'étape « Correspondance des colonnes »",
        )
        for f in FIELDS[kind]
        if f.required and f.name not in headers
    ]
    if "territory_id" not in headers and not {"level", "code"} <= set(headers):
        problems.append(
            Problem(
                file,
                None,
                "niveau, code_insee",
                "colonnes du territoire absentes : indiquez le niveau et le code INSEE, ou "
                "l'identifiant du projet (REG-53, DEP-29, COM-29019)",
            )
        )
    frame = raw[list(headers.values())].set_axis(list(headers), axis=1)
    left_aside = [str(c) for c in raw.columns if str(c) not in headers.values()]
    return frame, headers, problems, left_aside


def _in_user_words(problems: list[Problem], headers: Mapping[str, str]) -> list[Problem]:
    """Each problem's field named as the user's column (or the French name of a missing one)."""
    return [
        replace(
            p,
            column=", ".join(
                headers.get(c.strip(), FIELD_NAMES.get(c.strip(), c.strip()))
                for c in p.column.split(",")
            ),
        )
        if p.column
        else p
        for p in problems
    ]


def validate_upload(
    raw: RawUpload,
    kind: str,
    dataset: Dataset,
    upload_id: str,
    file: str,
    mapping: Mapping[str, str] | None = None,
) -> UploadReport:
    """Check an uploaded frame against the template of `kind`, its columns mapped by `mapping`
    ({user header: field}; the proposal when None); keep the valid rows. Every problem is found
    in one pass: missing fields first, then rows, each named by the user's own column."""
    if mapping is None:
        mapping = propose_mapping(raw.frame, FIELDS[kind], partial(territory_name_keys, dataset))
    frame, headers, missing, aside = _mapped(raw.frame, kind, mapping, file)
    notes = list(raw.notes)
    if aside:
        notes.append(f"Colonne(s) non utilisée(s) : {', '.join(f'« {c} »' for c in aside)}.")
    for f in FIELDS[kind]:
        frame[f.name] = frame[f.name].str.strip() if f.name in frame else ""
    for column in _NUMERIC:
        if column in headers:
            frame[column], converted = _decimal_comma(frame[column])
            if converted:
                notes.append(f"Virgule décimale lue dans la colonne « {headers[column]} ».")
    if kind == "indicators":
        frame["indicator_id"] = upload_indicators.known_indicators(frame["indicator_id"], dataset)
    read_problems = [Problem(file, p.line, p.column, p.message) for p in raw.problems]
    territories, problems = resolve_territories(frame, dataset, file)
    frame["territory_id"] = territories.fillna("")
    problems += _duplicates(frame, kind, file) + _link_cells(frame, kind, file)
    rows = _prepare(kind, frame, dataset, upload_id)
    bad = {p.line - 2 for p in problems + read_problems if p.line is not None}
    formulas = {p.line - 2 for p in read_problems if p.line is not None}
    tables, more, replaced = _validated_tables(
        kind, rows, (bad, formulas), dataset, upload_id, file
    )
    absent = {f.name for f in FIELDS[kind] if f.name not in headers}
    if not {"level", "code"} <= set(headers) and "territory_id" not in headers:
        absent |= set(_TERRITORY_FIELDS)
    problems = [p for p in problems + more if p.column not in absent or p.line is None]
    if any(f.required and f.name in absent for f in FIELDS[kind]) or missing:
        tables = {}
    if kind == "indicators" and replaced and tables:
        notes.append(
            "Indicateur(s) déjà présent(s) dans les données intégrées : "
            + ", ".join(replaced)
            + ". Les valeurs importées remplacent les valeurs intégrées pour les mêmes "
            "territoires (et leurs métadonnées remplacent les leurs)."
        )
    main = tables.get(kind)
    valid = tuple(int(i) + 2 for i in main.index) if main is not None else ()
    problems = read_problems + _in_user_words(problems, headers)  # read ones name the user's
    problems = sorted(_first_per_cell(problems), key=lambda p: (p.line or 0, p.column or ""))
    sources = tuple(dict.fromkeys(v for v in frame["source"] if v))
    return UploadReport(
        kind,
        file,
        len(frame),
        tables,
        valid,
        tuple(missing + problems),
        tuple(notes),
        tuple(replaced),
        sources,
        dict(mapping),
    )


def remembered_read(memo: MutableMapping[str, object], name: str, data: bytes) -> RawUpload:
    """`read_upload`, remembered in `memo` (the session's state, never a shared cache) for the
    last file read: a rerun does not read it again. Raises the same UploadError every time."""
    key = hashlib.sha256(data).hexdigest() + "|" + name
    last = memo.get(READ_KEY)
    if not (isinstance(last, tuple) and last[0] == key):
        try:
            result: RawUpload | UploadError = read_upload(name, data)
        except UploadError as error:
            result = error
        last = memo[READ_KEY] = (key, result)
    if isinstance(last[1], UploadError):
        raise last[1]
    return last[1]


def checked_upload(
    memo: MutableMapping[str, object],
    name: str,
    data: bytes,
    kind: str,
    dataset: Dataset,
    upload_id: str,
    mapping: Mapping[str, str] | None = None,
) -> UploadReport:
    """`remembered_read` + `validate_upload`, the last check remembered in `memo`: a rerun
    with the same file, kind, mapping and data does not validate again."""
    parts = ("", name, kind, dataset.version, upload_id, repr(sorted((mapping or {}).items())))
    key = hashlib.sha256(data).hexdigest() + "|".join(parts)
    last = memo.get(MEMO_KEY)
    if not (isinstance(last, tuple) and last[0] == key):
        raw = remembered_read(memo, name, data)
        last = memo[MEMO_KEY] = (key, validate_upload(raw, kind, dataset, upload_id, name, mapping))
    return last[1]


def _first_per_cell(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple] = set()
    kept = []
    for p in problems:
        if (p.line, p.column) not in seen or p.line is None:
            seen.add((p.line, p.column))
            kept.append(p)
    return kept


def _refused_rows_problems(
    rows: pd.DataFrame, bad: set[int], check: Callable[[pd.DataFrame], pd.DataFrame]
) -> list[Problem]:
    """The other problems of rows already refused (a territory, a duplicate...), so that the
    report is complete: checked with a placeholder territory, key duplicates left aside (the
    placeholder makes them)."""
    refused = rows[rows.index.isin(list(bad))]
    if refused.empty:
        return []
    refused = refused.assign(territory_id=PLACEHOLDER_TERRITORY)
    if "placement_level" in refused:
        refused["placement_level"] = level_of(PLACEHOLDER_TERRITORY)
    _, problems = _validate_rows(refused, check)
    return [p for p in problems if not p.message.startswith("ligne en double")]


def _validated_tables(
    kind: str,
    rows: pd.DataFrame,
    refused: tuple[set[int], set[int]],
    dataset: Dataset,
    upload_id: str,
    file: str,
) -> tuple[dict[str, pd.DataFrame], list[Problem], list[str]]:
    """The valid rows as typed tables, and their problems. `refused`: the rows already refused,
    and among them those holding a formula. An indicator's metadata is checked on all its rows
    but those with a formula, even on rows with another problem, so the report is complete."""
    bad, formulas = refused
    refs = dataset.refs()
    refs["sources"] = refs["sources"] | {upload_id}
    good = rows.drop(index=[i for i in rows.index if i in bad])
    if kind != "indicators":
        columns = list(TABLE_COLUMNS[kind])
        check = partial(validate_table, kind, refs=refs, file=file)
        typed, problems = _validate_rows(good[columns], check)
        problems += _refused_rows_problems(rows[columns], bad, check)
        return ({kind: typed} if typed is not None else {}), problems, []
    described = rows[(rows["indicator_id"] != "") & ~rows.index.isin(list(formulas))]
    meta_raw, problems = upload_indicators.indicator_meta(described.copy(), dataset, file)
    wrong = {p.line - 2 for p in problems}
    bad_ids = set(rows.loc[[i for i in rows.index if i in wrong], "indicator_id"])
    meta_raw = meta_raw[~meta_raw["indicator_id"].isin(bad_ids)]
    meta_refs = {"domains": refs["domains"], "france_scopes": refs["france_scopes"]}
    meta, meta_problems = _validate_rows(
        meta_raw, lambda r: validate_table("indicator_meta", r, meta_refs, file=file)
    )
    problems += meta_problems
    if meta is None:
        return {}, problems, []
    rows = rows[rows["indicator_id"].isin(set(meta["indicator_id"]))]
    good = good[good["indicator_id"].isin(set(meta["indicator_id"]))]
    refs["indicators"] = refs["indicators"] | set(meta["indicator_id"])
    columns = list(TABLE_COLUMNS["indicators"])
    check = partial(validate_indicator_rows, indicator_meta=meta, refs=refs, file=file)
    typed, row_problems = _validate_rows(good[columns], check)
    problems += row_problems + _refused_rows_problems(rows[columns], bad, check)
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
    """The report's problems, one per row (in English when the check has an English message);
    the row as Excel numbers it (the header is row 1), blank for a problem of the whole file."""
    return pd.DataFrame(
        {
            t("importer_col_line", lang): ["" if p.line is None else str(p.line) for p in problems],
            t("importer_col_column", lang): [p.column or "" for p in problems],
            t("importer_col_problem", lang): [p.text(lang) for p in problems],
        }
    )


_FIXES = (  # how a message starts -> label key of the sentence saying how to fix that kind
    ("colonne obligatoire absente", "importer_fix_missing"),
    ("colonnes du territoire absentes", "importer_fix_missing"),
    ("la colonne « ", "importer_fix_twice"),
    ("territoire ", "importer_fix_territory"),
    ("code ", "importer_fix_territory"),
    ("niveau « ", "importer_fix_territory"),
    ("le nom « ", "importer_fix_name"),
    ("nom « ", "importer_fix_name"),
    ("ligne en double", "importer_fix_duplicate"),
    ("valeur « ", "importer_fix_value"),
    ("valeur hors", "importer_fix_value"),
    ("un pourcentage", "importer_fix_value"),
    ("période illisible", "importer_fix_period"),
    ("nouvel indicateur", "importer_fix_new_indicator"),
    ("métadonnée différente", "importer_fix_meta"),
    ("formule", "importer_fix_formula"),
    ("les caractères [ ]", "importer_fix_markup"),
    ("valeur inconnue", "importer_fix_unknown"),
    ("identifiant inconnu", "importer_fix_unknown"),
    ("valeur manquante", "importer_fix_empty"),
)


def fix_hints(problems: tuple[Problem, ...], lang: str) -> list[str]:
    """One sentence per kind of problem in the report, saying how to fix it (in report order)."""
    keys = (
        next((key for start, key in _FIXES if p.message.startswith(start)), "importer_fix_other")
        for p in problems
    )
    return [t(key, lang) for key in dict.fromkeys(keys)]


def layer_rows(layer: Layer) -> int:
    """How many fact rows a layer adds (its sources row aside)."""
    return sum(len(rows) for name, rows in layer.tables.items() if name in KINDS)
