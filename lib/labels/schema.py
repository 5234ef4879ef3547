"""Validation messages of the dataset's tables (`lib.schema`): checks, row rules, types."""

LABELS = {
    # checks of a column (pandera's check names)
    "schema_check_not_nullable": {
        "fr": "valeur manquante",
        "en": "missing value",
    },
    "schema_check_field_uniqueness": {
        "fr": "valeur en double (elle doit être unique)",
        "en": "duplicated value (it must be unique)",
    },
    "schema_check_isin": {
        "fr": "valeur inconnue « {value} »",
        "en": "unknown value “{value}”",
    },
    "schema_check_greater_than_or_equal_to": {
        "fr": "valeur « {value} » trop petite",
        "en": "value “{value}” too small",
    },
    "schema_check_less_than_or_equal_to": {
        "fr": "valeur « {value} » trop grande",
        "en": "value “{value}” too large",
    },
    "schema_check_coerce_dtype": {
        "fr": "valeur « {value} » illisible : {expected} attendu",
        "en": "unreadable value “{value}”: {expected} expected",
    },
    "schema_check_column_in_dataframe": {
        "fr": "colonne obligatoire absente",
        "en": "required column missing",
    },
    "schema_check_multiple_fields_uniqueness": {
        "fr": "ligne en double (même clé : {columns})",
        "en": "duplicated row (same key: {columns})",
    },
    "schema_check_list_isin": {
        "fr": "identifiant inconnu dans la liste « {value} » (séparateur « ; »)",
        "en": "unknown id in the list “{value}” (separator “;”)",
    },
    "schema_check_other": {
        "fr": "contrôle « {check} » non respecté",
        "en": "check “{check}” failed",
    },
    # what a column's type expects
    "schema_type_float": {
        "fr": "un nombre",
        "en": "a number",
    },
    "schema_type_int": {
        "fr": "un nombre entier",
        "en": "an integer",
    },
    "schema_type_bool": {
        "fr": "vrai/faux (true/false)",
        "en": "true/false",
    },
    "schema_type_str": {
        "fr": "du texte",
        "en": "text",
    },
    # rules across the columns of a row
    "schema_percent_range": {
        "fr": "un pourcentage doit être compris entre 0 et 100",
        "en": "a percentage must be between 0 and 100",
    },
    "schema_value_decimals": {
        "fr": "la valeur a plus de décimales que la colonne « decimals » n'en indique",
        "en": "the value has more decimals than the “decimals” column says",
    },
    "schema_period": {
        "fr": (
            "période illisible : une année (2021), un trimestre (2023-T3) ou une période "
            "(2016-2022) est attendu"
        ),
        "en": (
            "unreadable period: a year (2021), a quarter (2023-T3) or a period (2016-2022) "
            "is expected"
        ),
    },
    "schema_id_level": {
        "fr": "l'identifiant ne correspond pas au niveau (REG-, DEP-, EPCI-, COM-, FR)",
        "en": "the id does not match the level (REG-, DEP-, EPCI-, COM-, FR)",
    },
    "schema_fragility_domain": {
        "fr": "un indicateur de fragilité doit avoir un domaine",
        "en": "a fragility indicator must have a domain",
    },
    "schema_fragility_direction": {
        "fr": "un indicateur de fragilité doit dire si « plus » est plus fragile",
        "en": "a fragility indicator must say whether “more” is more fragile",
    },
    "schema_measure_scale": {
        "fr": "valeur hors de l'échelle de la mesure (part 0–100, note 0–10, rang ≥ 1)",
        "en": "value outside the measure's scale (share 0–100, score 0–10, rank ≥ 1)",
    },
    "schema_unit_value": {
        "fr": (
            "valeur incompatible avec l'unité (part : nombre de 0 à 100 ; rang : entier ≥ 1 "
            "; texte : pas de nombre)"
        ),
        "en": (
            "value incompatible with the unit (share: a number from 0 to 100; rank: an "
            "integer ≥ 1; text: no number)"
        ),
    },
    "schema_qualifier": {
        "fr": "« plus de » ou « près de » ne qualifie qu'une part en %",
        "en": "“plus de” or “près de” only qualifies a share in %",
    },
    "schema_placement": {
        "fr": (
            "le territoire ne correspond pas au niveau de placement (COM-, DEP-, REG-, FR, "
            "vide si non localisé)"
        ),
        "en": (
            "the territory does not match the placement level (COM-, DEP-, REG-, FR, empty "
            "if not located)"
        ),
    },
    # loading the embedded files (lib/data.py) and the error as a whole
    "schema_file_missing": {"fr": "fichier introuvable", "en": "file not found"},
    "schema_duplicates_across_files": {
        "fr": "{n} {n|ligne|lignes} en double entre fichiers (par ex. {example})",
        "en": "{n} duplicated {n|row|rows} across files (e.g. {example})",
    },
    "schema_unknown_territory": {"fr": "territoire inconnu", "en": "unknown territory"},
    "schema_where_file": {"fr": "fichier {file}", "en": "file {file}"},
    "schema_where_line": {"fr": "ligne {line}", "en": "row {line}"},
    "schema_where_column": {"fr": "colonne « {column} »", "en": "column “{column}”"},
    "schema_located": {"fr": "{where} : {message}", "en": "{where}: {message}"},
    "schema_invalid": {
        "fr": "Données invalides ({n} {n|problème|problèmes}) :",
        "en": "Invalid data ({n} {n|problem|problems}):",
    },
    "schema_more_problems": {
        "fr": "… et {n} {n|autre problème|autres problèmes}",
        "en": "… and {n} more {n|problem|problems}",
    },
}
