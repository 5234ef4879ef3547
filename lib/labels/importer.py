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
    "importer_columns_french": {
        "fr": "Explications en français.",
        "en": "Explanations in French.",
    },
    "importer_upload_title": {"fr": "2. Déposer le fichier", "en": "2. Upload the file"},
    "importer_file": {"fr": "Fichier CSV ou Excel", "en": "CSV or Excel file"},
    "importer_source_title": {"fr": "Source des données", "en": "Data source"},
    "importer_source_name": {"fr": "Titre", "en": "Title"},
    "importer_source_publisher": {"fr": "Éditeur", "en": "Publisher"},
    "importer_source_licence": {"fr": "Licence", "en": "Licence"},
    "importer_source_year": {"fr": "Année (facultatif)", "en": "Year (optional)"},
    "importer_source_url": {"fr": "Lien (facultatif)", "en": "Link (optional)"},
    "importer_report_title": {"fr": "3. Rapport de validation", "en": "3. Validation report"},
    "importer_reading": {
        "fr": "Lecture et vérification du fichier (lecture limitée à {seconds} s)…",
        "en": "Reading and checking the file (reading limited to {seconds} s)…",
    },
    "importer_report_counts": {
        "fr": "{valid} ligne(s) valide(s) sur {rows} ; {problems} problème(s).",
        "en": "{valid} valid row(s) out of {rows}; {problems} problem(s).",
    },
    "importer_report_french": {
        "fr": "Les messages sont en français.",
        "en": "Messages are in French.",
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
        "fr": "Appliquer les {n} ligne(s) valide(s)",
        "en": "Apply the {n} valid row(s)",
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
}
