"""The templates of an upload: for each kind of table (`KINDS`), its fields (`FIELDS`), each
with its explanation, an example and the French and English column names it is known by.

Declarations only (one `Field` per column of the four templates): the template files
(lib.templates), the column mapping (`lib.upload.mapping`) and the messages naming a missing
column (`FIELD_NAMES`) read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.upload.mapping import NAME_FIELD

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
