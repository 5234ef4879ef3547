"""Labels of the import page (bring your own data)."""

LABELS: dict[str, dict[str, str]] = {
    "page_importer": {"fr": "Importer mes données", "en": "Import my data"},
    "importer_intro": {
        "fr": "Ajoutez vos propres chiffres (indicateurs, perceptions, alliances) pour les voir "
        "à côté des données intégrées, ou à leur place, dans toutes les pages.",
        "en": "Add your own figures (indicators, perceptions, alliances) to see them beside the "
        "embedded data, or instead of it, in every page.",
    },
    "importer_session_only": {
        "fr": "Vos données restent dans cet onglet du navigateur : elles ne sont ni enregistrées "
        "ni partagées, et sont perdues si vous rechargez la page.",
        "en": "Your data stays in this browser tab: it is neither saved nor shared, and is lost "
        "if you reload the page.",
    },
    "importer_limits": {
        "fr": "Limites : {mb} Mo, {rows} lignes et {columns} colonnes par fichier, {chars} "
        "caractères par cellule ; CSV (UTF-8 ou Windows-1252, séparateur virgule, point-virgule "
        "ou tabulation) ou Excel .xlsx (première feuille autre que « Explications »).",
        "en": "Limits: {mb} MB, {rows} rows and {columns} columns per file, {chars} characters "
        "per cell; CSV (UTF-8 or Windows-1252, comma, semicolon or tab separated) or Excel .xlsx "
        "(first sheet other than “Explications”).",
    },
    "importer_kind": {"fr": "Type de données", "en": "Kind of data"},
    "importer_kind_indicators": {
        "fr": "Indicateurs (valeurs par territoire)",
        "en": "Indicators (values by territory)",
    },
    "importer_kind_perceptions": {
        "fr": "Perceptions (priorités des acteurs)",
        "en": "Perceptions (actors' priorities)",
    },
    "importer_kind_alliances": {
        "fr": "Alliances (pratiques de partenariat)",
        "en": "Alliances (partnership practices)",
    },
    "importer_kind_initiatives": {
        "fr": "Initiatives d'alliance (qui agit ensemble, où)",
        "en": "Alliance initiatives (who acts together, where)",
    },
    "importer_templates_title": {"fr": "1. Télécharger un modèle", "en": "1. Download a template"},
    "importer_templates_intro": {
        "fr": "Chaque ligne nomme son territoire par un niveau et un code INSEE (ou par "
        "l'identifiant du projet : REG-53, DEP-29, COM-29019). Les en-têtes en français sont "
        "aussi acceptés.",
        "en": "Every row names its territory with a level and an INSEE code (or the project id: "
        "REG-53, DEP-29, COM-29019). French headers are accepted too.",
    },
    "importer_template_csv": {"fr": "Modèle CSV", "en": "CSV template"},
    "importer_template_xlsx": {
        "fr": "Modèle Excel (avec la feuille « Explications »)",
        "en": "Excel template (with the “Explications” sheet)",
    },
    "importer_columns_title": {"fr": "Colonnes du modèle", "en": "Template columns"},
    "template_col_column": {"fr": "colonne", "en": "column"},
    "template_col_required": {"fr": "obligatoire", "en": "required"},
    "template_col_aliases": {"fr": "autres noms acceptés", "en": "other names accepted"},
    "template_col_help": {"fr": "explication", "en": "explanation"},
    "template_yes": {"fr": "oui", "en": "yes"},
    "template_no": {"fr": "non", "en": "no"},
    "importer_upload_title": {"fr": "2. Déposer le fichier", "en": "2. Upload the file"},
    "importer_file": {"fr": "Fichier CSV ou Excel", "en": "CSV or Excel file"},
    "importer_source_title": {"fr": "Source des données", "en": "Data source"},
    "importer_source_name": {"fr": "Titre", "en": "Title"},
    "importer_source_publisher": {"fr": "Éditeur", "en": "Publisher"},
    "importer_source_licence": {"fr": "Licence", "en": "Licence"},
    "importer_source_year": {"fr": "Année (facultatif)", "en": "Year (optional)"},
    "importer_source_url": {"fr": "Lien (facultatif)", "en": "Link (optional)"},
    "importer_report_title": {"fr": "4. Rapport de validation", "en": "4. Validation report"},
    "importer_reading": {
        "fr": "Lecture et vérification du fichier (lecture limitée à {seconds} s)…",
        "en": "Reading and checking the file (reading limited to {seconds} s)…",
    },
    "importer_report_counts": {
        "fr": "{valid} {valid|ligne valide|lignes valides} sur {rows} ; {problems} "
        "{problems|problème|problèmes}.",
        "en": "{valid} valid {valid|row|rows} out of {rows}; {problems} "
        "{problems|problem|problems}.",
    },
    "importer_col_line": {"fr": "Ligne", "en": "Line"},
    "importer_col_column": {"fr": "Colonne", "en": "Column"},
    "importer_col_problem": {"fr": "Problème", "en": "Problem"},
    "importer_mode": {"fr": "Affichage", "en": "Display"},
    "importer_mode_beside": {
        "fr": "À côté des données intégrées",
        "en": "Beside the embedded data",
    },
    "importer_mode_instead": {
        "fr": "À la place des données intégrées",
        "en": "Instead of the embedded data",
    },
    "importer_apply": {
        "fr": "Appliquer {n:,} {n|ligne valide|lignes valides}",
        "en": "Apply {n:,} valid {n|row|rows}",
    },
    "importer_nothing_valid": {
        "fr": "Aucune ligne valide : corrigez le fichier puis déposez-le à nouveau.",
        "en": "No valid row: fix the file and upload it again.",
    },
    "importer_active_title": {"fr": "Imports actifs", "en": "Active imports"},
    "importer_none_active": {
        "fr": "Aucun import dans cette session.",
        "en": "No import in this session.",
    },
    "importer_active_item": {
        "fr": "{label} — {rows} ligne(s), {mode}",
        "en": "{label} — {rows} row(s), {mode}",
    },
    "importer_remove": {"fr": "Retirer", "en": "Remove"},
    "importer_applied": {
        "fr": "Import appliqué : {label}. Toutes les pages l'affichent.",
        "en": "Import applied: {label}. Every page shows it.",
    },
    "importer_mapping_title": {
        "fr": "3. Correspondance des colonnes",
        "en": "3. Column mapping",
    },
    "importer_mapping_intro": {
        "fr": "Pour chaque colonne de votre fichier, le champ de l'application qu'elle alimente "
        "(proposé d'après son en-tête et ses valeurs). Vérifiez, changez au besoin, puis "
        "validez. Une colonne de noms de territoires sert de contrôle, jamais de code.",
        "en": "For each column of your file, the field of the app it feeds (proposed from its "
        "header and its values). Check, change if needed, then confirm. A column of territory "
        "names is used as a check, never as a code.",
    },
    "importer_mapping_column": {
        "fr": "« {column} » (ex. : {samples})",
        "en": "“{column}” (e.g. {samples})",
    },
    "importer_mapping_ignored": {"fr": "— colonne non utilisée —", "en": "— column not used —"},
    "importer_mapping_required": {"fr": "obligatoire", "en": "required"},
    "importer_mapping_confirm": {
        "fr": "Valider la correspondance",
        "en": "Confirm the mapping",
    },
    "importer_mapping_pending": {
        "fr": "Validez la correspondance des colonnes pour vérifier le fichier.",
        "en": "Confirm the column mapping to check the file.",
    },
    "importer_mapping_download": {
        "fr": "Télécharger la correspondance (CSV, réutilisable)",
        "en": "Download the mapping (CSV, reusable)",
    },
    "importer_mapping_reuse": {
        "fr": "Réutiliser une correspondance téléchargée (CSV)",
        "en": "Reuse a downloaded mapping (CSV)",
    },
    "importer_mapping_reused": {
        "fr": "Correspondance reprise : {n} colonne(s).",
        "en": "Mapping reused: {n} column(s).",
    },
    "importer_fix_title": {"fr": "Comment corriger", "en": "How to fix"},
    "importer_fix_missing": {
        "fr": "Colonne absente : associez-lui une colonne de votre fichier à l'étape 3, ou "
        "ajoutez-la au fichier (voir « Colonnes du modèle »).",
        "en": "Missing column: map one of your file's columns to it in step 3, or add it to the "
        "file (see “Template columns”).",
    },
    "importer_fix_twice": {
        "fr": "Deux colonnes pour un même champ : à l'étape 3, laissez l'une d'elles non utilisée.",
        "en": "Two columns for one field: in step 3, leave one of them unused.",
    },
    "importer_fix_territory": {
        "fr": "Territoire : indiquez le niveau (région, département, commune) et le code INSEE "
        "(zéros initiaux facultatifs : 1 pour l'Ain), ou l'identifiant du projet (DEP-01).",
        "en": "Territory: give the level (region, department, commune) and the INSEE code "
        "(leading zeros optional: 1 for Ain), or the project id (DEP-01).",
    },
    "importer_fix_name": {
        "fr": "Nom du territoire : il doit être celui du code ; corrigez le code ou le nom (sans "
        "code, un nom porté par un seul territoire suffit).",
        "en": "Territory name: it must be the code's; fix the code or the name (without a code, "
        "a name borne by one territory only is enough).",
    },
    "importer_fix_duplicate": {
        "fr": "Doublon : gardez une seule ligne par territoire, indicateur et période.",
        "en": "Duplicate: keep one row per territory, indicator and period.",
    },
    "importer_fix_value": {
        "fr": "Valeur : un nombre seul (virgule ou point décimal, sans unité ni texte) ; un "
        "pourcentage entre 0 et 100.",
        "en": "Value: a number alone (decimal comma or point, no unit or text); a percentage "
        "between 0 and 100.",
    },
    "importer_fix_period": {
        "fr": "Période : une année (2023), un trimestre (2023-T3) ou une période (2016-2022).",
        "en": "Period: a year (2023), a quarter (2023-T3) or a span (2016-2022).",
    },
    "importer_fix_new_indicator": {
        "fr": "Nouvel indicateur : ajoutez son nom, son unité, son domaine et son orientation, "
        "ou nommez un indicateur existant par son identifiant ou son nom exact.",
        "en": "New indicator: add its name, unit, domain and orientation, or name an existing "
        "indicator by its id or its exact name.",
    },
    "importer_fix_meta": {
        "fr": "Métadonnées : un indicateur garde le même nom, la même unité, le même domaine et "
        "la même orientation sur toutes ses lignes.",
        "en": "Metadata: an indicator keeps the same name, unit, domain and orientation on all "
        "its rows.",
    },
    "importer_fix_formula": {
        "fr": "Formule : remplacez-la par sa valeur (dans Excel : copier, puis collage spécial "
        "« valeurs »).",
        "en": "Formula: replace it with its value (in Excel: copy, then paste special “values”).",
    },
    "importer_fix_markup": {
        "fr": "Crochets [ ] : retirez-les du texte.",
        "en": "Brackets [ ]: remove them from the text.",
    },
    "importer_fix_unknown": {
        "fr": "Identifiant inconnu : utilisez un identifiant de la liste (voir « Colonnes du "
        "modèle » et la page Données & sources).",
        "en": "Unknown id: use an id from the list (see “Template columns” and the Data & "
        "sources page).",
    },
    "importer_fix_empty": {
        "fr": "Cellule vide : remplissez-la, ou retirez la ligne.",
        "en": "Empty cell: fill it in, or remove the row.",
    },
    "importer_fix_other": {
        "fr": "Autre problème : corrigez la cellule indiquée.",
        "en": "Other problem: fix the cell shown.",
    },
    "importer_file_sources": {
        "fr": "Source lue dans le fichier : {sources}. Elle préremplit la source ci-dessous.",
        "en": "Source read from the file: {sources}. It prefills the source below.",
    },
    "importer_licence_unknown": {"fr": "non précisée", "en": "not stated"},
    "importer_dropzone": {
        "fr": "{mb} Mo par fichier • CSV, TXT, TSV, XLSX, XLSM",
        "en": "{mb} MB per file • CSV, TXT, TSV, XLSX, XLSM",
    },
    "importer_dropzone_button": {"fr": "Parcourir", "en": "Browse"},
}
