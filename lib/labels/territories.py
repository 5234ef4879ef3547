"""Labels of the territory search and of the EPCI and commune profiles."""

LABELS: dict[str, dict[str, str]] = {
    "search_kind_region": {"fr": "région", "en": "region"},
    "search_kind_epci": {"fr": "intercommunalité", "en": "intercommunality"},
    "search_label": {"fr": "Rechercher un territoire", "en": "Search for a territory"},
    "search_placeholder": {
        "fr": "Commune, intercommunalité, département, région ou code",
        "en": "Commune, intercommunality, department, region or code",
    },
    "search_none": {
        "fr": "Aucun territoire ne correspond à « {query} ».",
        "en": "No territory matches “{query}”.",
    },
    "set_epci_within": {
        "fr": "{n} intercommunalités ({name})",
        "en": "{n} intercommunalities ({name})",
    },
    "local_title_commune": {
        "fr": "{name} ({code}) — commune, {dep}",
        "en": "{name} ({code}) — commune, {dep}",
    },
    "local_title_epci": {
        "fr": "{name} — intercommunalité ({deps})",
        "en": "{name} — intercommunality ({deps})",
    },
    "local_france": {"fr": "France", "en": "France"},
    "local_index": {"fr": "Indice", "en": "Index"},
    "local_rank": {"fr": "Rang (1 = le plus fragile)", "en": "Rank (1 = most fragile)"},
    "local_nesting_title": {
        "fr": "Le territoire dans ses échelons",
        "en": "The territory and the areas it lies in",
    },
    "local_nesting_note": {
        "fr": "Chaque indicateur à la même période pour le territoire et les échelons qui le "
        "contiennent ; France = la ligne de référence de l'indicateur (France hors Mayotte "
        "pour le recensement). Une intercommunalité sur plusieurs départements est montrée "
        "avec le plus peuplé.",
        "en": "Each indicator for the same period for the territory and the areas containing "
        "it; France = the indicator's reference row (France excluding Mayotte for the census). "
        "An intercommunality across departments is shown with the most populous one.",
    },
    "local_domains_note": {
        "fr": "Indices calculés parmi {members}, sur les indicateurs connus à cet échelon : "
        "{indicators}.",
        "en": "Indices computed among {members}, on the indicators known at this level: "
        "{indicators}.",
    },
    "local_no_index": {
        "fr": "Aucun indice de domaine : trop peu d'indicateurs couvrent ces territoires.",
        "en": "No domain index: too few indicators cover these territories.",
    },
    "withheld_secret_statistique": {
        "fr": "non disponible (secret statistique)",
        "en": "not available (statistical secrecy)",
    },
    "withheld_perimetre_modifie": {
        "fr": "non disponible (commune fusionnée depuis : périmètre modifié)",
        "en": "not available (commune merged since: boundaries changed)",
    },
    "trend_intro_local": {
        "fr": "Chaque indicateur connu à deux périodes ou plus pour ce territoire, avec la ligne "
        "France de référence de l'indicateur (même période). Aucune valeur n'est interpolée ; "
        "les périmètres peuvent différer d'une période à l'autre (géographie de diffusion de "
        "chaque millésime).",
        "en": "Each indicator known at two periods or more for this territory, with the "
        "indicator's France reference line (same period). No value is interpolated; boundaries "
        "may differ from one period to the next (each vintage's publication geography).",
    },
    "trend_none_epci": {
        "fr": "Aucun indicateur n'est connu à deux périodes pour cette intercommunalité.",
        "en": "No indicator is known at two periods for this intercommunality.",
    },
    "trend_none_commune": {
        "fr": "Aucune évolution pour une commune : les fichiers communaux n'ont qu'une période "
        "par indicateur (Filosofi 2019 pour la pauvreté et le niveau de vie, recensement 2021 "
        "pour la population et le logement).",
        "en": "No trend for a commune: the commune files hold one period per indicator "
        "(Filosofi 2019 for poverty and standard of living, 2021 census for population and "
        "housing).",
    },
    "local_initiatives_title": {
        "fr": "Initiatives connues dans le territoire et autour",
        "en": "Known initiatives in and around the territory",
    },
    "local_initiatives_none": {
        "fr": "L'annuaire ne connaît aucune initiative dans ce territoire, son "
        "intercommunalité, son département ou sa région. Il n'est pas exhaustif : cela invite "
        "à chercher, cela ne prouve pas l'absence d'alliance.",
        "en": "The directory knows no initiative in this territory, its intercommunality, its "
        "department or its region. It is not exhaustive: this invites a search, it does not "
        "prove that no alliance exists.",
    },
    "local_initiatives_note": {
        "fr": "Les initiatives sont situées par un territoire (région, département, commune), "
        "sans coordonnées : « autour » veut dire la même intercommunalité, le département ou la "
        "région, pas une distance.",
        "en": "Initiatives are located by a territory (region, department, commune), without "
        "coordinates: 'around' means the same intercommunality, the department or the region, "
        "not a distance.",
    },
    "local_white_spots_note": {
        "fr": "Angle blanc : l'un des 3 domaines les plus fragiles du territoire (indices de "
        "domaine calculés parmi {members}) pour lequel l'annuaire ne connaît aucune initiative "
        "dans le territoire, son intercommunalité, son département ou sa région. L'annuaire "
        "n'est pas exhaustif. Domaine sans indice : non disponible.",
        "en": "White spot: one of the territory's 3 most fragile domains (domain indices "
        "computed among {members}) for which the directory knows no initiative in the "
        "territory, its intercommunality, its department or its region. The directory is not "
        "exhaustive. Domain without an index: not available.",
    },
    "ini_col_relation": {"fr": "Où", "en": "Where"},
    "ini_relation_territory": {"fr": "dans le territoire", "en": "in the territory"},
    "ini_relation_child": {"fr": "dans une commune membre", "en": "in a member commune"},
    "ini_relation_nearby": {
        "fr": "dans une autre commune de l'intercommunalité",
        "en": "in another commune of the intercommunality",
    },
    "ini_relation_parent": {
        "fr": "dans le département ou la région",
        "en": "in the department or the region",
    },
}
