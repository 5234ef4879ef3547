"""Labels of the profile's « En bref » block (lib/profile/brief.py, views/profil.py) and of its
trend charts drawn on demand and of the alliance practices' expander."""

LABELS: dict[str, dict[str, str]] = {
    "brief_title": {"fr": "En bref", "en": "In brief"},
    "brief_domains_title": {
        "fr": "Les domaines les plus fragiles",
        "en": "The most fragile domains",
    },
    "brief_domain_line": {
        "fr": "**{label}** : indice {value} — {rank}",
        "en": "**{label}**: index {value} — {rank}",
    },
    "brief_domains_note": {
        "fr": "Les 3 indices de domaine les plus élevés du territoire (plus l'indice est élevé, "
        "plus le domaine est fragile) ; rang parmi les territoires comparés (1er = le plus "
        "fragile). Détail, méthode et sources plus bas.",
        "en": "The territory's 3 highest domain indices (the higher the index, the more fragile "
        "the domain); rank among the territories compared (1st = the most fragile). Details, "
        "method and sources further down.",
    },
    "brief_ties": {
        "fr": "{n} domaines à égalité : tous sont montrés.",
        "en": "{n} domains are tied: all are shown.",
    },
    "brief_trend": {
        "fr": "Dernière évolution de ses indicateurs : {parts}.",
        "en": "Last change of its indicators: {parts}.",
    },
    "brief_trend_worse": {"fr": "{n} vers plus de fragilité", "en": "{n} towards more fragility"},
    "brief_trend_better": {"fr": "{n} vers moins de fragilité", "en": "{n} towards less fragility"},
    "brief_trend_stable": {"fr": "{n} sans changement", "en": "{n} unchanged"},
    "brief_trend_missing": {
        "fr": "Évolution de ses indicateurs : non disponible.",
        "en": "Change of its indicators: not available.",
    },
    "brief_perceived_title": {
        "fr": "Ce que perçoivent les acteurs",
        "en": "What the actors perceive",
    },
    "brief_perceived_line": {
        "fr": "**{actor}** ({scope}) : {priorities}",
        "en": "**{actor}** ({scope}): {priorities}",
    },
    "brief_perceived_note": {
        "fr": "Les 3 premières priorités de chaque acteur dans sa première enquête qui en classe "
        "au moins 3 (celle de la lecture perçu / objectif) ; toutes ses enquêtes plus bas.",
        "en": "Each actor's top 3 priorities in its first survey ranking 3 domains or more (the "
        "one of the perceived vs objective reading); all its surveys further down.",
    },
    "brief_no_perception": {
        "fr": "Priorités perçues : non disponible pour ce territoire.",
        "en": "Perceived priorities: not available for this territory.",
    },
    "trend_charts_open": {
        "fr": "Afficher les courbes des {n} indicateurs suivis dans le temps",
        "en": "Show the charts of the {n} indicators followed over time",
    },
    "profile_alliances_open": {
        "fr": "Voir les {n} pratiques d'alliance connues",
        "en": "Show the {n} known alliance practices",
    },
}
