"""Messages of reading and checking an uploaded file (lib/upload/): refusals, row problems,
notes. Values name the user's own column, row and cell."""

LABELS: dict[str, dict[str, str]] = {
    # a new indicator named as an embedded one (lib.upload_indicators)
    "upload_imported": {"fr": "données importées", "en": "imported data"},
    # a value quoted in a message
    "quoted": {"fr": "« {text} »", "en": "“{text}”"},
    # reading (lib/upload/read.py, lib/upload/worker.py): the file is refused
    "upload_too_big": {
        "fr": "Le fichier pèse {size:.1f} Mo : la limite est de {limit} Mo par import.",
        "en": "The file weighs {size:.1f} MB: the limit is {limit} MB per upload.",
    },
    "upload_empty": {"fr": "Le fichier est vide.", "en": "The file is empty."},
    "upload_xls": {
        "fr": "Le format .xls (Excel 97-2003) n'est pas pris en charge : enregistrez le classeur "
        "en .xlsx ou en CSV.",
        "en": "The .xls format (Excel 97-2003) is not supported: save the workbook as .xlsx or "
        "as CSV.",
    },
    "upload_type": {
        "fr": "Type de fichier « .{suffix} » non pris en charge : déposez un fichier CSV ou "
        "Excel (.xlsx).",
        "en": "File type “.{suffix}” is not supported: upload a CSV or Excel (.xlsx) file.",
    },
    "upload_too_many_rows": {
        "fr": "Le fichier compte au moins {rows:,} lignes : la limite est de {limit:,} lignes "
        "par import. Découpez-le en plusieurs fichiers.",
        "en": "The file has at least {rows:,} rows: the limit is {limit:,} rows per upload. "
        "Split it into several files.",
    },
    "upload_cell_too_long": {
        "fr": "Le fichier contient une cellule de plus de {limit:,} caractères en ligne {line} : "
        "la limite est de {limit:,} caractères par cellule. Raccourcissez ce texte.",
        "en": "The file has a cell of more than {limit:,} characters in row {line}: the limit "
        "is {limit:,} characters per cell. Shorten that text.",
    },
    "upload_too_many_columns": {
        "fr": "Le fichier compte au moins {n:,} colonnes (ligne {line}) : la limite est de "
        "{limit:,} colonnes par import. Gardez les colonnes du modèle.",
        "en": "The file has at least {n:,} columns (row {line}): the limit is {limit:,} columns "
        "per upload. Keep the template's columns.",
    },
    "upload_too_many_cells": {
        "fr": "Le fichier compte plus de {limit:,} cellules : la limite est de {limit:,} "
        "cellules par import. Découpez-le en plusieurs fichiers.",
        "en": "The file has more than {limit:,} cells: the limit is {limit:,} cells per upload. "
        "Split it into several files.",
    },
    "upload_too_many_chars": {
        "fr": "Le fichier compte plus de {limit:,} caractères : la limite est de {limit:,} "
        "caractères par import. Découpez-le en plusieurs fichiers.",
        "en": "The file has more than {limit:,} characters: the limit is {limit:,} characters "
        "per upload. Split it into several files.",
    },
    "upload_header_only": {
        "fr": "Le fichier ne contient que la ligne d'en-tête : aucune ligne de données à importer.",
        "en": "The file holds only the header row: no data row to import.",
    },
    "upload_encoding": {
        "fr": "Encodage {encoding} non pris en charge : enregistrez le fichier en CSV UTF-8 "
        "(ou « CSV (séparateur : point-virgule) » dans Excel).",
        "en": "{encoding} encoding is not supported: save the file as UTF-8 CSV (or “CSV "
        "(séparateur : point-virgule)”, semicolon separated, in Excel).",
    },
    "upload_binary": {
        "fr": "Ce fichier n'est pas un fichier texte CSV (contenu binaire) : s'il s'agit d'un "
        "classeur Excel, déposez-le avec l'extension .xlsx, sinon enregistrez-le en CSV.",
        "en": "This file is not a CSV text file (binary content): if it is an Excel workbook, "
        "upload it with the .xlsx extension, otherwise save it as CSV.",
    },
    "upload_csv_unreadable": {
        "fr": "Le fichier CSV est illisible (ligne {line}) : le nombre de colonnes varie d'une "
        "ligne à l'autre ou un guillemet n'est pas fermé. Séparateur détecté : {separator}.",
        "en": "The CSV file cannot be read (row {line}): the number of columns varies from row "
        "to row or a quote is not closed. Separator detected: {separator}.",
    },
    "upload_excel_unreadable": {
        "fr": "Le classeur Excel est illisible (fichier endommagé ou qui n'est pas un .xlsx).",
        "en": "The Excel workbook cannot be read (damaged file or not an .xlsx).",
    },
    "upload_excel_parts": {
        "fr": "Le classeur contient {n:,} parties internes : la limite est de {limit:,}. "
        "Enregistrez les données dans un classeur simple ou en CSV.",
        "en": "The workbook holds {n:,} internal parts: the limit is {limit:,}. Save the data "
        "in a plain workbook or as CSV.",
    },
    "upload_excel_size": {
        "fr": "Le classeur décompressé pèserait {size:,} Mo : la limite est de {limit:,} Mo par "
        "import. Découpez-le ou enregistrez-le en CSV.",
        "en": "The uncompressed workbook would weigh {size:,} MB: the limit is {limit:,} MB per "
        "upload. Split it or save it as CSV.",
    },
    "upload_excel_ratio": {
        "fr": "Le classeur se décompresse {ratio:,} fois : la limite est de {limit:,} fois (un "
        "classeur ordinaire, 5 à 20 fois). Enregistrez les données en CSV.",
        "en": "The workbook expands {ratio:,} times: the limit is {limit:,} times (an ordinary "
        "workbook, 5 to 20 times). Save the data as CSV.",
    },
    "upload_excel_no_sheet": {
        "fr": "Le classeur ne contient aucune feuille de données.",
        "en": "The workbook holds no data sheet.",
    },
    "upload_excel_merged": {
        "fr": "Cellules fusionnées ({ranges}) dans la feuille « {sheet} » : défusionnez-les, une "
        "seule valeur par cellule et une colonne par en-tête.",
        "en": "Merged cells ({ranges}) in the sheet “{sheet}”: unmerge them, one value per cell "
        "and one column per header.",
    },
    "upload_worker_busy": {
        "fr": "Trop de fichiers sont en cours de lecture sur le serveur : réessayez dans un "
        "instant.",
        "en": "Too many files are being read on the server: try again in a moment.",
    },
    "upload_worker_timeout": {
        "fr": "La lecture du fichier a dépassé la limite de {seconds:,} s : découpez-le en "
        "plusieurs fichiers ou enregistrez-le en CSV.",
        "en": "Reading the file went over the limit of {seconds:,} s: split it into several "
        "files or save it as CSV.",
    },
    "upload_worker_memory": {
        "fr": "La lecture du fichier demande plus que la limite de {mb:,} Mo de mémoire : "
        "découpez-le en plusieurs fichiers ou enregistrez-le en CSV.",
        "en": "Reading the file needs more than the limit of {mb:,} MB of memory: split it into "
        "several files or save it as CSV.",
    },
    "upload_worker_crash": {
        "fr": "La lecture du fichier a échoué (erreur du lecteur) : découpez-le en plusieurs "
        "fichiers ou enregistrez-le en CSV.",
        "en": "Reading the file failed (reader error): split it into several files or save it "
        "as CSV.",
    },
    "upload_not_a_mapping": {
        "fr": "Ce fichier n'est pas une correspondance de colonnes : il doit avoir les colonnes "
        "« colonne du fichier » et « champ ».",
        "en": "This file is not a column mapping: it must have the columns “colonne du "
        "fichier” and “champ”.",
    },
    # notes on what was read
    "upload_note_csv": {
        "fr": "Encodage détecté : {encoding} ; séparateur : {separator}.",
        "en": "Encoding detected: {encoding}; separator: {separator}.",
    },
    "upload_utf8_bom": {"fr": "UTF-8 avec BOM", "en": "UTF-8 with BOM"},
    "upload_separator_comma": {"fr": "virgule", "en": "comma"},
    "upload_separator_semicolon": {"fr": "point-virgule", "en": "semicolon"},
    "upload_separator_tab": {"fr": "tabulation", "en": "tab"},
    "upload_note_sheet": {
        "fr": "Feuille lue : « {sheet} ».",
        "en": "Sheet read: “{sheet}”.",
    },
    "upload_note_sheets": {
        "fr": "Feuille lue : « {sheet} » (le classeur en contient {n}).",
        "en": "Sheet read: “{sheet}” (the workbook holds {n}).",
    },
    "upload_note_unused": {
        "fr": "{n|Colonne non utilisée|Colonnes non utilisées} : {columns}.",
        "en": "{n|Column|Columns} not used: {columns}.",
    },
    "upload_note_decimal_comma": {
        "fr": "Virgule décimale lue dans la colonne « {column} ».",
        "en": "Decimal comma read in the column “{column}”.",
    },
    "upload_note_replaced": {
        "fr": "{n|Indicateur déjà présent|Indicateurs déjà présents} dans les données "
        "intégrées : {indicators}. Les valeurs importées remplacent les valeurs intégrées pour "
        "les mêmes territoires (et leurs métadonnées remplacent les leurs).",
        "en": "{n|Indicator|Indicators} already in the embedded data: {indicators}. The "
        "uploaded values replace the embedded values for the same territories (and their "
        "metadata replace theirs).",
    },
    # cell and row problems
    "upload_formula": {
        "fr": "formule « {cell} » en {cell_ref} : saisissez la valeur elle-même",
        "en": "formula “{cell}” in {cell_ref}: type the value itself",
    },
    "upload_duplicate_row": {
        "fr": "ligne en double : {same} que la ligne {first}",
        "en": "duplicated row: {same} as row {first}",
    },
    "upload_same_indicators": {
        "fr": "même territoire, indicateur et période",
        "en": "same territory, indicator and period",
    },
    "upload_same_perceptions": {
        "fr": "même territoire, acteur, domaine, étude, question et mesure",
        "en": "same territory, actor, domain, study, question and measure",
    },
    "upload_same_alliances": {
        "fr": "même territoire, acteur, dimension, catégorie, étude, année et unité",
        "en": "same territory, actor, dimension, category, study, year and unit",
    },
    "upload_same_initiatives": {
        "fr": "même territoire et nom",
        "en": "same territory and name",
    },
    "upload_markup": {
        "fr": "les caractères [ ] ne sont pas acceptés (ils créeraient des liens ou des images "
        "dans les pages)",
        "en": "the characters [ ] are not accepted (they would make links or images in the pages)",
    },
    "upload_field_twice": {
        "fr": "la colonne « {column} » fournit déjà le champ « {field} » : associez une seule "
        "colonne à chaque champ",
        "en": "the column “{column}” already feeds the field “{field}”: map one column only to "
        "each field",
    },
    "upload_required_missing": {
        "fr": "colonne obligatoire absente : ajoutez-la au fichier, ou associez-lui une de vos "
        "colonnes à l'étape « Correspondance des colonnes »",
        "en": "required column missing: add it to the file, or map one of your columns to it "
        "in the “Column mapping” step",
    },
    "upload_territory_columns_missing": {
        "fr": "colonnes du territoire absentes : indiquez le niveau et le code INSEE, ou "
        "l'identifiant du projet (REG-53, DEP-29, COM-29019)",
        "en": "territory columns missing: give the level and the INSEE code, or the project id "
        "(REG-53, DEP-29, COM-29019)",
    },
    "upload_code_ambiguous": {
        "fr": "code « {code} » ambigu : indiquez le niveau (region, department, commune) ou "
        "l'identifiant préfixé (REG-53, DEP-29, COM-29019)",
        "en": "ambiguous code “{code}”: give the level (region, department, commune) or the "
        "prefixed id (REG-53, DEP-29, COM-29019)",
    },
    "upload_territory_unknown_id": {
        "fr": "territoire inconnu « {territory} »",
        "en": "unknown territory “{territory}”",
    },
    "upload_territory_missing": {
        "fr": "territoire manquant : indiquez le niveau et le code INSEE, ou l'identifiant du "
        "projet (DEP-29)",
        "en": "territory missing: give the level and the INSEE code, or the project id (DEP-29)",
    },
    "upload_level_unknown": {
        "fr": "niveau « {level} » inconnu : region, department, commune ou france",
        "en": "unknown level “{level}”: region, department, commune or france",
    },
    "upload_code_missing": {"fr": "code INSEE manquant", "en": "INSEE code missing"},
    "upload_territory_unknown": {
        "fr": "territoire inconnu : niveau « {level} », code « {code} »",
        "en": "unknown territory: level “{level}”, code “{code}”",
    },
    "upload_name_mismatch": {
        "fr": "le nom « {name} » ne correspond pas au code : celui-ci désigne {actual} "
        "({territory}) ; corrigez le code ou le nom",
        "en": "the name “{name}” does not match the code: the code names {actual} "
        "({territory}); fix the code or the name",
    },
    "upload_name_ambiguous": {
        "fr": "nom « {name} » porté par {n} territoires : indiquez le niveau et le code INSEE",
        "en": "name “{name}” shared by {n} territories: give the level and the INSEE code",
    },
    "upload_name_unknown": {
        "fr": "territoire inconnu : nom « {name} » (et pas de code INSEE)",
        "en": "unknown territory: name “{name}” (and no INSEE code)",
    },
    "upload_new_indicator": {
        "fr": "nouvel indicateur « {indicator} » : indiquez {gaps}, ou nommez un indicateur "
        "existant par son identifiant ou son nom",
        "en": "new indicator “{indicator}”: give {gaps}, or name an existing indicator by its "
        "id or its name",
    },
    "upload_gap_label_fr": {
        "fr": "son nom (colonne « {column} »)",
        "en": "its name (column “{column}”)",
    },
    "upload_gap_unit": {
        "fr": "son unité (colonne « {column} »)",
        "en": "its unit (column “{column}”)",
    },
    "upload_gap_domain_id": {
        "fr": "son domaine (colonne « {column} »)",
        "en": "its domain (column “{column}”)",
    },
    "upload_gap_higher_is_worse": {
        "fr": "son orientation (colonne « {column} »)",
        "en": "its orientation (column “{column}”)",
    },
    "upload_meta_differs": {
        "fr": "métadonnée différente de la première ligne de l'indicateur (ligne {first}) : "
        "gardez la même sur toutes ses lignes",
        "en": "metadata different from the indicator's first row (row {first}): keep the same "
        "on all its rows",
    },
    # the source the user gives
    "upload_source_missing": {
        "fr": "Source manquante : indiquez {fields} avant d'appliquer l'import.",
        "en": "Source missing: give {fields} before applying the upload.",
    },
    "upload_source_markup": {
        "fr": "Source : le champ « {field} » contient {characters}, caractères non acceptés (ils "
        "créeraient des liens ou des images dans les pages).",
        "en": "Source: the field “{field}” holds {characters}, characters not accepted (they "
        "would make links or images in the pages).",
    },
    "upload_source_note": {
        "fr": "données importées dans cette session (fichier {file})",
        "en": "data uploaded in this session (file {file})",
    },
    "upload_source_title": {"fr": "titre", "en": "title"},
    "upload_source_publisher": {"fr": "éditeur", "en": "publisher"},
    "upload_source_licence": {"fr": "licence", "en": "licence"},
}
