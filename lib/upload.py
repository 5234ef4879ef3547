"""Bring your own data: read an uploaded CSV/Excel file, resolve its territories, validate it.

Pure (no Streamlit). `read_upload` turns bytes into a frame of strings (read by
`lib.upload_read` in a worker process bounded in time and memory, every limit of `lib.settings`
checked before the work it protects); `validate_upload` maps its columns to the template of
one fact table (`lib.upload_mapping`), resolves its territories (`lib.upload_territories`) and
indicators (`lib.upload_indicators`), checks it against the dataset and returns an
`UploadReport` (valid rows kept, every problem in one pass as a keyed message shown in the
reader's language, naming the user's column and the row as Excel numbers it); `upload_layer`
turns a confirmed report into a `Layer`.
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
from lib.i18n import Message, message, t
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
    help_en: str = ""

    def help(self, lang: str) -> str:
        """The explanation in `lang` (French when it has no English text)."""
        return self.help_en if lang == "en" and self.help_en else self.help_fr

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
        help_en=(
            "Level of the territory: region, department, commune or france (or région, département)"
        ),
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
        help_en="INSEE code of the territory (leading zeros optional: 29, 2A, 971, 29019)",
    ),
    Field(
        "territory_id",
        False,
        "Ou bien l'identifiant préfixé du projet (REG-53, DEP-29, COM-29019, FR), à la place "
        "du niveau et du code",
        "",
        ("territoire", "territory", "id_territoire"),
        help_en=(
            "Or the project's prefixed id (REG-53, DEP-29, COM-29019, FR), instead of the level "
            "and the code"
        ),
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
        help_en=(
            "Name of the territory (optional): checks the code, or names the territory when the "
            "code is missing and the name is unambiguous; never read as a code"
        ),
    ),
)
_SOURCE = Field(
    "source",
    False,
    "Source des valeurs (organisme, publication ; facultatif) : préremplit la source de l'import",
    "Observatoire local",
    ("source", "producteur", "fournisseur", "origine", "source_donnees"),
    help_en="Source of the values (body, publication; optional): fills in the upload's source",
)
_VALUE = Field(
    "value",
    True,
    "Valeur, en nombre (virgule ou point décimal)",
    "8,1",
    ("valeur", "val"),
    help_en="Value, as a number (decimal comma or point)",
)
_NOTE = Field(
    "note",
    False,
    "Remarque libre (facultatif)",
    "",
    ("remarque", "commentaire"),
    help_en="Free remark (optional)",
)
_BASE = Field(
    "base_n",
    False,
    "Effectif de l'échantillon (facultatif)",
    "1000",
    ("effectif",),
    help_en="Sample size (optional)",
)
_STUDY = Field(
    "study",
    True,
    "Nom de l'étude ou de l'enquête",
    "Enquête locale",
    ("etude",),
    help_en="Name of the study or survey",
)
_ACTOR_LABEL = Field(
    "actor_label",
    False,
    "Libellé de l'acteur tel que dans la source (facultatif)",
    "",
    ("libelle_acteur",),
    help_en="The actor's label as in the source (optional)",
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
            help_en=(
                "Short id of the indicator (letters, digits, _) or name of an existing indicator,"
                " the same on all its rows; an indicator already present replaces the embedded "
                "values of the same territories"
            ),
        ),
        Field(
            "label_fr",
            False,
            "Nom de l'indicateur ; obligatoire pour un nouvel indicateur (un indicateur existant, "
            "nommé par son identifiant ou son nom, n'a besoin ni de nom, ni d'unité, ni de "
            "domaine, ni d'orientation)",
            "Taux de chômage",
            ("libelle", "nom", "libelle_indicateur", "nom_indicateur"),
            help_en=(
                "Name of the indicator; required for a new indicator (an existing indicator, "
                "named by its id or its name, needs no name, unit, domain or orientation)"
            ),
        ),
        Field(
            "label_en",
            False,
            "Nom en anglais (sinon le nom français)",
            "Unemployment rate",
            help_en="Name in English (otherwise the French name)",
        ),
        Field(
            "domain_id",
            False,
            "Domaine de fragilité (identifiant, ex. emploi, pauvrete) ; obligatoire pour un "
            "indicateur de fragilité",
            "emploi",
            ("domaine", "domain"),
            help_en=(
                "Fragility domain (id, e.g. emploi, pauvrete); required for a fragility indicator"
            ),
        ),
        Field(
            "role",
            False,
            "fragility (indicateur de fragilité, par défaut) ou context (contexte)",
            "fragility",
            ("role_indicateur",),
            help_en="fragility (fragility indicator, the default) or context",
        ),
        Field(
            "unit",
            False,
            "Unité ; commencez par % pour un pourcentage (contrôlé entre 0 et 100) ; obligatoire "
            "pour un nouvel indicateur",
            "%",
            ("unite",),
            help_en=(
                "Unit; start with % for a percentage (checked between 0 and 100); required for a "
                "new indicator"
            ),
        ),
        Field(
            "decimals",
            False,
            "Décimales affichées (0 à 3 ; 1 par défaut)",
            "1",
            ("decimales",),
            help_en="Decimals shown (0 to 3; 1 by default)",
        ),
        Field(
            "higher_is_worse",
            False,
            "true (vrai) si une valeur plus haute signale plus de fragilité, false (faux) sinon ; "
            "obligatoire pour un indicateur de fragilité",
            "true",
            ("plus_est_fragile",),
            help_en=(
                "true (vrai) if a higher value signals more fragility, false (faux) otherwise; "
                "required for a fragility indicator"
            ),
        ),
        Field(
            "period",
            True,
            "Période des valeurs : une année (2024), un trimestre (2024-T1) ou une période "
            "pluriannuelle (2016-2022)",
            "2024",
            ("annee", "periode", "year", "millesime", "date"),
            help_en=(
                "Period of the values: a year (2024), a quarter (2024-T1) or a span of years "
                "(2016-2022)"
            ),
        ),
        _VALUE,
        Field(
            "definition_fr",
            False,
            "Définition (sinon le nom)",
            "",
            ("definition",),
            help_en="Definition (otherwise the name)",
        ),
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
            help_en="Actor (id, e.g. citoyens, entreprises)",
        ),
        _ACTOR_LABEL,
        Field(
            "domain_id",
            True,
            "Domaine de fragilité (identifiant, ex. emploi)",
            "emploi",
            ("domaine", "domain"),
            help_en="Fragility domain (id, e.g. emploi)",
        ),
        _STUDY,
        Field("question", True, "Question posée", "Priorité perçue", (), help_en="Question asked"),
        Field(
            "measure",
            True,
            "Mesure : share (part en %, 0 à 100), score (note sur 10) ou rank (rang, 1 = premier)",
            "share",
            ("mesure",),
            help_en=(
                "Measure: share (share in %, 0 to 100), score (score out of 10) or rank (rank, 1 "
                "= first)"
            ),
        ),
        _VALUE,
        _BASE,
        Field(
            "year", False, "Année de l'enquête", "2024", ("annee",), help_en="Year of the survey"
        ),
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
            help_en="Actor (id, optional)",
        ),
        _ACTOR_LABEL,
        Field(
            "dimension",
            True,
            "Dimension : engagement, practice, partner, territorial_level, motivation, "
            "perception, trend, outcome ou context",
            "engagement",
            help_en=(
                "Dimension: engagement, practice, partner, territorial_level, motivation, "
                "perception, trend, outcome or context"
            ),
        ),
        Field(
            "category",
            True,
            "Ce que mesure la valeur",
            "Entreprises en partenariat",
            ("categorie",),
            help_en="What the value measures",
        ),
        Field(
            "practice_id",
            False,
            "Pratique (identifiant, facultatif)",
            "",
            ("pratique", "practice"),
            help_en="Practice (id, optional)",
        ),
        _VALUE,
        Field(
            "unit",
            True,
            "Unité : %, score /10, count, rank, points, years ou months",
            "%",
            ("unite",),
            help_en="Unit: %, score /10, count, rank, points, years or months",
        ),
        _BASE,
        _STUDY,
        Field(
            "year", False, "Année de l'enquête", "2024", ("annee",), help_en="Year of the survey"
        ),
        _SOURCE,
        _NOTE,
    ),
    "initiatives": (
        *_TERRITORY,
        Field(
            "name",
            True,
            "Nom de l'initiative d'alliance",
            "Club RSE du Pays de Morlaix",
            ("nom",),
            help_en="Name of the alliance initiative",
        ),
        Field(
            "description",
            True,
            "Ce que font les partenaires, en une ou deux phrases",
            "Entreprises et associations accompagnent ensemble des jeunes vers l'emploi.",
            help_en="What the partners do, in one or two sentences",
        ),
        Field(
            "actor_ids",
            True,
            "Acteurs impliqués : identifiants séparés par « / » (ou « , » « ; » entre guillemets)",
            "entreprises / associations",
            ("acteurs", "actors"),
            help_en="Actors involved: ids separated by “/” (or “,” “;” within quotes)",
        ),
        Field(
            "domain_ids",
            False,
            "Domaines de fragilité : identifiants séparés par « / », ex. emploi / jeunesse",
            "emploi / jeunesse",
            ("domaines", "domains"),
            help_en="Fragility domains: ids separated by “/”, e.g. emploi / jeunesse",
        ),
        Field(
            "practice_id",
            False,
            "Type de partenariat (pratiques_responsables, cooperation_economique, "
            "innovation_societale, mecenat ou dialogue_territorial)",
            "innovation_societale",
            ("pratique", "practice", "type_partenariat"),
            help_en=(
                "Kind of partnership (pratiques_responsables, cooperation_economique, "
                "innovation_societale, mecenat or dialogue_territorial)"
            ),
        ),
        Field("year", False, "Année de lancement", "2024", ("annee",), help_en="Year launched"),
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
_TERRITORY_FIELDS = ("level", "code", "territory_id")
PLACEHOLDER_TERRITORY = "FR"  # stands for an unresolved territory while its other cells are checked
_NUMERIC = ("value", "base_n", "decimals")


@dataclass(frozen=True)
class RawUpload:
    """An uploaded file read as strings, with what was detected."""

    frame: pd.DataFrame
    notes: tuple[Message, ...]
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
    notes: tuple[Message, ...]
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
    memory (`lib.upload_worker`); raise `UploadError` if it cannot."""
    return raw_upload(read_isolated(upload_kind(name, data), data))


def raw_upload(table: Table) -> RawUpload:
    """The table read from a file as a frame of strings, indexed by line - 2."""
    frame = pd.DataFrame(table.rows, columns=table.header, dtype=str)
    frame.index = pd.Index([line - 2 for line in table.lines])  # a row's line is index + 2
    problems = tuple(Problem("", line, column, problem) for line, column, problem in table.problems)
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
            message(
                "upload_duplicate_row", same=message(f"upload_same_{kind}"), first=first[i] + 2
            ),
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
                    message("upload_markup"),
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
                    message("upload_field_twice", column=headers[field], field=FIELD_NAMES[field]),
                )
            )
            continue
        headers[field] = str(header)
    problems += [
        Problem(
            file,
            None,
            f.french,
            message("upload_required_missing"),
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
                message("upload_territory_columns_missing"),
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
        quoted = [message("quoted", text=c) for c in aside]
        notes.append(message("upload_note_unused", n=len(aside), columns=quoted))
    for f in FIELDS[kind]:
        frame[f.name] = frame[f.name].str.strip() if f.name in frame else ""
    for column in _NUMERIC:
        if column in headers:
            frame[column], converted = _decimal_comma(frame[column])
            if converted:
                notes.append(message("upload_note_decimal_comma", column=headers[column]))
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
        notes.append(message("upload_note_replaced", n=len(replaced), indicators=replaced))
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
    return [p for p in problems if p.message.key not in _DUPLICATE_KEYS]


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


def source_problems(source: SourceInfo) -> list[Message]:
    """What is missing or refused in the source the user gave; empty when fine."""
    fields = (
        (message("upload_source_title"), source.title),
        (message("upload_source_publisher"), source.publisher),
        (message("upload_source_licence"), source.licence),
    )
    missing = [label for label, value in fields if not value.strip()]
    problems = [message("upload_source_missing", fields=missing)] if missing else []
    problems += [
        message("upload_source_markup", field=label, characters=" ".join(markup_characters(value)))
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
                "note": t("upload_source_note", "fr", file=report.file),
                "note_en": t("upload_source_note", "en", file=report.file),
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
    """The report's problems, one per row, in `lang`; the row as Excel numbers it (the header is
    row 1), blank for a problem of the whole file."""
    return pd.DataFrame(
        {
            t("importer_col_line", lang): ["" if p.line is None else str(p.line) for p in problems],
            t("importer_col_column", lang): [p.column or "" for p in problems],
            t("importer_col_problem", lang): [p.text(lang) for p in problems],
        }
    )


_DUPLICATE_KEYS = ("upload_duplicate_row", "schema_check_multiple_fields_uniqueness")
_FIXES = {  # message key -> label key of the sentence saying how to fix that kind of problem
    "upload_required_missing": "importer_fix_missing",
    "upload_territory_columns_missing": "importer_fix_missing",
    "schema_check_column_in_dataframe": "importer_fix_missing",
    "upload_field_twice": "importer_fix_twice",
    "upload_code_ambiguous": "importer_fix_territory",
    "upload_territory_unknown_id": "importer_fix_territory",
    "upload_territory_missing": "importer_fix_territory",
    "upload_level_unknown": "importer_fix_territory",
    "upload_code_missing": "importer_fix_territory",
    "upload_territory_unknown": "importer_fix_territory",
    "upload_name_mismatch": "importer_fix_name",
    "upload_name_ambiguous": "importer_fix_name",
    "upload_name_unknown": "importer_fix_territory",
    **dict.fromkeys(_DUPLICATE_KEYS, "importer_fix_duplicate"),
    "schema_check_coerce_dtype": "importer_fix_value",
    "schema_check_greater_than_or_equal_to": "importer_fix_value",
    "schema_check_less_than_or_equal_to": "importer_fix_value",
    "schema_percent_range": "importer_fix_value",
    "schema_measure_scale": "importer_fix_value",
    "schema_period": "importer_fix_period",
    "upload_new_indicator": "importer_fix_new_indicator",
    "upload_meta_differs": "importer_fix_meta",
    "upload_formula": "importer_fix_formula",
    "upload_markup": "importer_fix_markup",
    "schema_check_isin": "importer_fix_unknown",
    "schema_check_list_isin": "importer_fix_unknown",
    "schema_check_not_nullable": "importer_fix_empty",
}


def fix_hints(problems: tuple[Problem, ...], lang: str) -> list[str]:
    """One sentence per kind of problem in the report, saying how to fix it (in report order)."""
    keys = (_FIXES.get(p.message.key, "importer_fix_other") for p in problems)
    return [t(key, lang) for key in dict.fromkeys(keys)]


def layer_rows(layer: Layer) -> int:
    """How many fact rows a layer adds (its sources row aside)."""
    return sum(len(rows) for name, rows in layer.tables.items() if name in KINDS)
