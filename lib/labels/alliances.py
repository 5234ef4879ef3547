"""Labels of the Alliances page (partnership practices and perceptions of alliances by actor)."""

LABELS: dict[str, dict[str, str]] = {
    "alliances_intro": {
        "fr": "Comment chaque acteur « joue-t-il collectif » ? Pratiques de partenariat, niveau "
        "territorial, tendances, perceptions et effets des alliances, d'après les études de "
        "l'Observatoire des partenariats (Le RAMEAU). Chaque graphique reste dans une seule "
        "étude, une seule année et une seule unité : les chiffres de deux graphiques ne se "
        "comparent pas directement.",
        "en": "How does each actor work with others? Partnership practices, territorial level, "
        "trends, perceptions and effects of alliances, from the Observatoire des partenariats "
        "studies (Le RAMEAU). Each chart stays within one study, one year and one unit: figures "
        "from two charts are not directly comparable.",
    },
    "alliances_typology": {
        "fr": "L'Observatoire distingue quatre types de partenariat : les pratiques "
        "responsables (une organisation fait évoluer ses pratiques avec l'appui d'un "
        "partenaire), la coopération économique (les partenaires produisent, achètent ou "
        "vendent ensemble), l'innovation sociétale (ils inventent ensemble de nouvelles "
        "réponses aux fragilités) et le mécénat (une entreprise soutient un projet d'intérêt "
        "général en argent, en nature ou en compétences).",
        "en": "The Observatoire distinguishes four partnership types: responsible practices "
        "(an organisation changes its practices with a partner's help), economic cooperation "
        "(partners produce, buy or sell together), societal innovation (they invent new "
        "answers to fragilities together) and patronage (a company supports a public-interest "
        "project with money, goods or skills).",
    },
    "alliances_practices": {
        "fr": "Types de partenariat (vide = tous)",
        "en": "Partnership types (empty = all)",
    },
    "alliances_practices_placeholder": {"fr": "Tous les types", "en": "All types"},
    "alliances_practices_help": {
        "fr": "Filtre les chiffres rattachés à un type de partenariat ; les autres chiffres "
        "(niveau territorial, perceptions…) restent affichés.",
        "en": "Filters the figures tied to a partnership type; the other figures (territorial "
        "level, perceptions…) stay shown.",
    },
    "alliances_outside_typology": {
        "fr": "{label} (hors typologie de l'Observatoire)",
        "en": "{label} (outside the Observatoire's typology)",
    },
    "alliances_actors_shown": {
        "fr": "Acteurs affichés : {actors} (filtre « Acteurs » de la barre latérale).",
        "en": "Actors shown: {actors} (“Actors” filter in the sidebar).",
    },
    "alliances_all_actors": {"fr": "tous", "en": "all"},
    "alliances_no_rows": {
        "fr": "Aucun chiffre d'alliance pour cette sélection (non disponible).",
        "en": "No alliance figure for this selection (not available).",
    },
    "alliances_missing_dimensions": {
        "fr": "Sans chiffre pour cette sélection (non disponible) : {dimensions}.",
        "en": "No figure for this selection (not available): {dimensions}.",
    },
    "alliances_territory_own": {
        "fr": "{name} : {n} chiffre(s) propre(s) à la région, signalé(s) comme régionaux ; "
        "les autres chiffres sont nationaux.",
        "en": "{name}: {n} figure(s) specific to the region, labelled as regional; the other "
        "figures are national.",
    },
    "alliances_territory_none": {
        "fr": "Aucun chiffre d'alliance propre à {name} : les chiffres affichés sont nationaux "
        "(ou d'autres régions), signalés comme tels.",
        "en": "No alliance figure specific to {name}: the figures shown are national (or from "
        "other regions), labelled as such.",
    },
    "alliances_caption_national": {
        "fr": "Chiffre national (France)",
        "en": "National figure (France)",
    },
    "alliances_caption_regional": {
        "fr": "Chiffre régional : {name}",
        "en": "Regional figure: {name}",
    },
    "alliances_study_year": {"fr": "Étude : {study}, {year}", "en": "Study: {study}, {year}"},
    "alliances_year_unknown": {"fr": "année non précisée", "en": "year not stated"},
    "alliances_base": {"fr": "Base : {n} répondants", "en": "Base: {n} respondents"},
    "alliances_base_unknown": {"fr": "base non précisée", "en": "base not stated"},
    "alliances_notes": {
        "fr": "Notes (précisions, écarts entre sources) :",
        "en": "Notes (details, differences between sources):",
    },
    "alliances_note_about": {"fr": "{bars} : {note}", "en": "{bars}: {note}"},
    "alliances_no_actor": {"fr": "acteurs de tous types", "en": "all kinds of actors"},
    "alliances_table": {
        "fr": "Tableau des chiffres (alternative aux graphiques)",
        "en": "Table of figures (alternative to the charts)",
    },
    "alliances_download": {"fr": "Télécharger (CSV)", "en": "Download (CSV)"},
    "alliances_hover_population": {"fr": "Population interrogée", "en": "Population surveyed"},
    "alliances_dimension_practice": {"fr": "Types de pratiques", "en": "Types of practices"},
    "alliances_dimension_territorial_level": {
        "fr": "Niveau territorial",
        "en": "Territorial level",
    },
    "alliances_dimension_partner": {"fr": "Partenaires", "en": "Partners"},
    "alliances_dimension_trend": {"fr": "Tendances", "en": "Trends"},
    "alliances_dimension_perception": {
        "fr": "Perceptions des alliances",
        "en": "Perceptions of alliances",
    },
    "alliances_dimension_engagement": {"fr": "Engagement", "en": "Engagement"},
    "alliances_dimension_motivation": {"fr": "Motivations", "en": "Motivations"},
    "alliances_dimension_outcome": {"fr": "Effets", "en": "Effects"},
    "alliances_dimension_context": {"fr": "Contexte", "en": "Context"},
    "alliances_unit_%": {"fr": "%", "en": "%"},
    "alliances_unit_score /10": {"fr": "note sur 10", "en": "score out of 10"},
    "alliances_unit_count": {"fr": "nombre", "en": "number"},
    "alliances_unit_rank": {"fr": "rang", "en": "rank"},
    "alliances_unit_points": {"fr": "points", "en": "points"},
    "alliances_unit_years": {"fr": "ans", "en": "years"},
    "alliances_unit_months": {"fr": "mois", "en": "months"},
    "alliances_col_id": {"fr": "Identifiant", "en": "Id"},
    "alliances_col_dimension": {"fr": "Thème", "en": "Theme"},
    "alliances_col_scope": {"fr": "Portée", "en": "Scope"},
    "alliances_col_actor": {"fr": "Acteur", "en": "Actor"},
    "alliances_col_population": {"fr": "Population interrogée", "en": "Population surveyed"},
    "alliances_col_category": {"fr": "Chiffre", "en": "Figure"},
    "alliances_col_practice": {"fr": "Type de partenariat", "en": "Partnership type"},
    "alliances_col_unit": {"fr": "Unité", "en": "Unit"},
    "alliances_col_base": {"fr": "Base (répondants)", "en": "Base (respondents)"},
    "alliances_col_study": {"fr": "Étude", "en": "Study"},
    "alliances_col_year_note": {"fr": "Précision sur l'année", "en": "Note on the year"},
    "alliances_col_note": {"fr": "Note", "en": "Note"},
    "alliances_scope_national": {"fr": "national", "en": "national"},
    "alliances_scope_regional": {"fr": "régional", "en": "regional"},
}
