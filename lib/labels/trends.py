"""Labels of the trends over time (lib/trends.py, lib/charts/trends.py, the profile's
« Évolutions » section and its long-format CSV)."""

LABELS: dict[str, dict[str, str]] = {
    # the last change, in words
    "trend_points": {"fr": "pt", "en": "pts"},
    "trend_up": {"fr": "en hausse", "en": "rising"},
    "trend_down": {"fr": "en baisse", "en": "falling"},
    "trend_worse": {"fr": "plus fragile", "en": "more fragile"},
    "trend_better": {"fr": "moins fragile", "en": "less fragile"},
    "trend_judged": {"fr": "{direction}, {fragility}", "en": "{direction}, {fragility}"},
    "trend_sentence": {"fr": "{change} : {words}", "en": "{change}: {words}"},
    "trend_since": {"fr": "{delta} depuis {since}", "en": "{delta} since {since}"},
    "trend_stable": {"fr": "stable depuis {since}", "en": "stable since {since}"},
    "trend_no_change": {
        "fr": "évolution non disponible (une seule période comparable)",
        "en": "change not available (a single comparable period)",
    },
    "trend_since_first": {"fr": "Depuis {first} : {delta}.", "en": "Since {first}: {delta}."},
    "trend_summary_line": {
        "fr": "{label} : {delta} entre {previous} et {latest} ({value})",
        "en": "{label}: {delta} between {previous} and {latest} ({value})",
    },
    # the profile: summary, key figures column, section
    "trend_summary_worse": {"fr": "Ce qui s'aggrave", "en": "What is getting worse"},
    "trend_summary_better": {"fr": "Ce qui s'améliore", "en": "What is improving"},
    "trend_summary_none_worse": {
        "fr": "Aucun indicateur plus fragile qu'à sa période précédente.",
        "en": "No indicator more fragile than at its previous period.",
    },
    "trend_summary_none_better": {
        "fr": "Aucun indicateur moins fragile qu'à sa période précédente.",
        "en": "No indicator less fragile than at its previous period.",
    },
    "trend_summary_note": {
        "fr": "Dernière évolution de chaque indicateur (sa dernière période connue pour ce "
        "territoire comparée à la précédente de la même série), jugée selon le sens de "
        "l'indicateur ; au plus {n} de chaque côté, les plus marquées d'abord (l'évolution "
        "rapportée à l'écart type des territoires du même niveau à la période précédente).",
        "en": "Last change of each indicator (its latest period known for this territory "
        "against the previous one of the same series), judged by the indicator's direction; at "
        "most {n} on each side, the most marked first (the change divided by the standard "
        "deviation of the territories of the same level at the previous period).",
    },
    "trend_column": {"fr": "Évolution", "en": "Change"},
    "trend_title": {"fr": "Évolutions", "en": "Trends"},
    "trend_intro": {
        "fr": "Chaque indicateur connu à deux périodes ou plus pour ce territoire, sur un axe "
        "du temps : le territoire, la ligne France de référence de l'indicateur (même période) "
        "et, pour un département, sa région. Aucune valeur n'est interpolée : une période "
        "manquante coupe la ligne ; des séries de millésimes ou de définitions différents ne "
        "sont jamais reliées. « Stable » : écart nul à la précision affichée.",
        "en": "Each indicator known at two periods or more for this territory, on a time axis: "
        "the territory, the indicator's France reference row (same period) and, for a "
        "department, its region. No value is interpolated: a missing period breaks the line; "
        "series of different vintages or definitions are never joined. “Stable”: no change at "
        "the precision shown.",
    },
    "trend_none": {
        "fr": "Aucun indicateur n'est connu à deux périodes pour ce territoire.",
        "en": "No indicator is known at two periods for this territory.",
    },
    "trend_sources": {"fr": "Source : {sources}.", "en": "Source: {sources}."},
    "trend_chart_alt": {
        "fr": "Évolution : {label}, {territory}",
        "en": "Trend: {label}, {territory}",
    },
    # the long-format CSV
    "trend_download": {
        "fr": "Télécharger toutes les périodes (CSV, format long)",
        "en": "Download every period (CSV, long format)",
    },
    "trend_download_help": {
        "fr": "Une ligne par territoire, indicateur et période : le territoire, sa ligne de "
        "référence et sa région, avec l'unité, la source et son statut de vérification.",
        "en": "One row per territory, indicator and period: the territory, its reference row "
        "and its region, with the unit, the source and its verification status.",
    },
    "trend_col_role": {"fr": "Rôle", "en": "Role"},
    "trend_role_territory": {"fr": "territoire", "en": "territory"},
    "trend_role_reference": {"fr": "référence", "en": "reference"},
    "trend_role_parent": {"fr": "région", "en": "region"},
    "trend_not_assessed": {"fr": "non évalué", "en": "not assessed"},
}
