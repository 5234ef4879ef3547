"""Labels of the "Données & sources" page (coverage, sources, method, downloads)."""

LABELS: dict[str, dict[str, str]] = {
    "sources_intro": {
        "fr": "D'où vient ce chiffre ? Pour chaque indicateur : quels territoires il couvre, "
        "quelle source le publie et sous quelle licence, comment les indices sont calculés. "
        "Les données filtrées se téléchargent en bas de page.",
        "en": "Where does this number come from? For each indicator: which territories it "
        "covers, which source publishes it and under which licence, how the indices are "
        "computed. The filtered data can be downloaded at the bottom of the page.",
    },
    "sources_coverage_title": {"fr": "Couverture des indicateurs", "en": "Indicator coverage"},
    "sources_coverage_intro": {
        "fr": "Présence de chaque indicateur pour chaque territoire ({scope}) : bleu = "
        "disponible, gris = non disponible. Un indicateur n'entre dans un indice que s'il "
        "couvre tous les territoires comparés.",
        "en": "Presence of each indicator for each territory ({scope}): blue = available, "
        "grey = not available. An indicator enters an index only if it covers every "
        "territory compared.",
    },
    "sources_coverage_commune": {
        "fr": "À l'échelle des communes, la couverture est montrée pour les départements.",
        "en": "At commune level, coverage is shown for the departments.",
    },
    "sources_present": {"fr": "✓", "en": "✓"},
    "sources_col_coverage": {"fr": "Couverture", "en": "Coverage"},
    "sources_col_missing": {"fr": "Non disponible pour", "en": "Not available for"},
    "sources_missing_many": {"fr": "{n} territoires", "en": "{n} territories"},
    "sources_matrix_table": {
        "fr": "Tableau de présence complet (alternative au graphique)",
        "en": "Full presence table (alternative to the chart)",
    },
    "sources_sources_title": {"fr": "Sources", "en": "Sources"},
    "sources_sources_intro": {
        "fr": "Chaque ligne de données cite une de ces sources. Les trois dernières colonnes "
        "comptent les lignes qui la citent (indicateurs : France, régions et départements ; "
        "les lignes communales ne sont pas comptées).",
        "en": "Every data row cites one of these sources. The last three columns count the rows "
        "citing it (indicators: France, regions and departments; commune rows are not "
        "counted).",
    },
    "sources_col_id": {"fr": "Identifiant", "en": "Id"},
    "sources_col_title": {"fr": "Titre", "en": "Title"},
    "sources_col_publisher": {"fr": "Éditeur", "en": "Publisher"},
    "sources_col_link": {"fr": "Lien", "en": "Link"},
    "sources_col_access": {"fr": "Accès, copie ou paquet", "en": "Access, copy or package"},
    "sources_col_licence": {"fr": "Licence", "en": "Licence"},
    "sources_col_note": {"fr": "Note", "en": "Note"},
    "sources_col_verification": {"fr": "Vérification", "en": "Verification"},
    "sources_col_verification_note": {
        "fr": "Ce qui a été vérifié, et contre quoi",
        "en": "What was cross-checked, against what",
    },
    "sources_verification_verified": {"fr": "vérifié", "en": "verified"},
    "sources_verification_partly_verified": {
        "fr": "vérification partielle",
        "en": "partly verified",
    },
    "sources_verification_unverified": {"fr": "non vérifié", "en": "unverified"},
    "sources_col_source_url": {"fr": "Adresse de la source", "en": "Source address"},
    "sources_col_n_indicators": {"fr": "Lignes d'indicateurs", "en": "Indicator rows"},
    "sources_col_n_perceptions": {"fr": "Lignes de perceptions", "en": "Perception rows"},
    "sources_col_n_alliances": {"fr": "Lignes d'alliances", "en": "Alliance rows"},
    "sources_col_n_initiatives": {"fr": "Lignes d'initiatives", "en": "Initiative rows"},
    "sources_col_n_perceived_more": {
        "fr": "Lignes de perceptions hors Observatoire",
        "en": "Perception rows outside the Observatoire",
    },
    "sources_method_title": {"fr": "Méthode des indices", "en": "Index method"},
    "sources_method_orientation": {
        "fr": "Chaque indicateur est orienté pour que « plus haut = plus fragile » : quand une "
        "valeur basse signale la fragilité (espérance de vie, niveau de vie…), le score est "
        "inversé.",
        "en": "Each indicator is oriented so that “higher = more fragile”: when a low value "
        "signals fragility (life expectancy, standard of living…), the score is reversed.",
    },
    "sources_method_minmax": {
        "fr": "Par défaut, min-max 0–100 : le territoire le plus fragile parmi ceux comparés "
        "vaut 100, le moins fragile 0, les autres se placent entre les deux. Le score dépend "
        "donc des territoires comparés.",
        "en": "By default, min-max 0–100: the most fragile territory among those compared scores "
        "100, the least fragile 0, the others fall in between. The score therefore depends on "
        "the territories compared.",
    },
    "sources_method_base100": {
        "fr": "Base 100 = France : 100 est la valeur de la ligne de référence nationale de "
        "l'indicateur (France entière, métropole ou hors Mayotte, indiquée pour chaque "
        "indicateur) ; 110 = 10 % plus fragile que la référence. Sans ligne de référence, ce "
        "score est « non disponible ». Une valeur France n'est jamais calculée en faisant la "
        "moyenne des régions.",
        "en": "Base 100 = France: 100 is the value of the indicator's national reference row "
        "(all of France, metropolitan France or excluding Mayotte, given for each indicator); "
        "110 = 10% more fragile than the reference. Without a reference row this score is "
        "“not available”. A France value is never computed by averaging regions.",
    },
    "sources_method_coverage": {
        "fr": "Règle de couverture : un indicateur n'entre dans une comparaison ou un indice "
        "que s'il a une valeur pour tous les territoires comparés. Par défaut, ce sont les "
        "territoires métropolitains de l'échelle (13 régions, 96 départements), ou tous ceux de "
        "l'échelle pour un territoire d'outre-mer ; l'option « France entière » compare aussi "
        "l'outre-mer, sur moins d'indicateurs communs. Un territoire hors du périmètre reste sur "
        "les cartes, en gris « non disponible », avec son rang toujours donné avec le périmètre "
        "(« 3e sur 13 régions métropolitaines »).",
        "en": "Coverage rule: an indicator enters a comparison or an index only if it has a "
        "value for every territory compared. By default, those are the metropolitan "
        "territories of the level (13 regions, 96 departments), or all of them for an overseas "
        "territory; the “All of France” option compares overseas too, on fewer common "
        "indicators. A territory outside the comparison stays on the maps, grey “not "
        "available”, and a rank is always given with its set (“3rd of 13 metropolitan "
        "regions”).",
    },
    "sources_method_vintage": {
        "fr": "Un indicateur peut avoir plusieurs périodes (année, trimestre, période "
        "pluriannuelle) ; une comparaison ou un indice en utilise une seule par indicateur : la "
        "plus récente qui couvre tous les territoires comparés (indice de vieillissement : 2021 "
        "parmi les régions de métropole, 2018 parmi les 18 régions, Mayotte n'ayant pas de "
        "valeur 2021, par exemple). Les périodes diffèrent d'un "
        "indicateur à l'autre et sont toujours affichées ; deux périodes ne sont jamais "
        "mélangées. La référence de la base 100 est la valeur de la même période.",
        "en": "An indicator may have several periods (year, quarter, multi-year span); a "
        "comparison or an index uses one per indicator: the latest that covers every territory "
        "compared (ageing index: 2021 among metropolitan regions, 2018 among all 18 regions, "
        "as Mayotte has no 2021 value, for instance). "
        "Periods differ across indicators and are always shown; two periods are never mixed. "
        "The base-100 reference is the value of the same period.",
    },
    "sources_col_periods": {"fr": "Périodes", "en": "Periods"},
    "sources_col_other_periods": {"fr": "Autres périodes", "en": "Other periods"},
    "sources_period_run": {
        "fr": "{periods} : {covered} / {shown}",
        "en": "{periods}: {covered} / {shown}",
    },
    "sources_method_domain": {
        "fr": "Indice d'un domaine = moyenne des scores de ses indicateurs retenus.",
        "en": "Domain index = mean of the scores of its indicators used.",
    },
    "sources_method_overall": {
        "fr": "Indice global = moyenne (pondérée) des indices de domaine, affichée avec "
        "« n domaines sur N » : seuls les domaines qui ont des données comptent ; s'il manque "
        "à un territoire un domaine pondéré, son indice global est « non disponible ».",
        "en": "Overall index = (weighted) mean of the domain indices, shown with “n domains out "
        "of N”: only the domains that have data count; when a territory lacks a weighted "
        "domain, its overall index is “not available”.",
    },
    "sources_method_missing": {
        "fr": "Une valeur manquante reste « non disponible » : elle ne vaut jamais 0 et n'est "
        "jamais estimée.",
        "en": "A missing value stays “not available”: it never counts as 0 and is never estimated.",
    },
    "sources_method_handbook": {
        "fr": "Référence : JRC–OCDE, *Handbook on Constructing Composite Indicators*.",
        "en": "Reference: JRC–OECD, *Handbook on Constructing Composite Indicators*.",
    },
    "sources_meta_title": {"fr": "Les indicateurs", "en": "The indicators"},
    "sources_meta_definitions_fr": {
        "fr": "Définitions rédigées en français.",
        "en": "Definitions are written in French.",
    },
    "sources_col_indicator": {"fr": "Indicateur", "en": "Indicator"},
    "sources_col_domain": {"fr": "Domaine", "en": "Domain"},
    "sources_col_unit": {"fr": "Unité", "en": "Unit"},
    "sources_col_orientation": {"fr": "Sens", "en": "Direction"},
    "sources_col_reference": {
        "fr": "Ligne de référence (base 100)",
        "en": "Reference row (base 100)",
    },
    "sources_col_definition": {"fr": "Définition", "en": "Definition"},
    "sources_col_sources": {"fr": "Sources", "en": "Sources"},
    "sources_worse_higher": {"fr": "plus = plus fragile", "en": "more = more fragile"},
    "sources_worse_lower": {"fr": "moins = plus fragile", "en": "less = more fragile"},
    "sources_context": {
        "fr": "contexte (hors indices)",
        "en": "context (not in the indices)",
    },
    "sources_context_domain": {"fr": "contexte", "en": "context"},
    "sources_downloads_title": {
        "fr": "Télécharger les données filtrées",
        "en": "Download the filtered data",
    },
    "sources_downloads_intro": {
        "fr": "Fichiers CSV en UTF-8 (avec BOM, lisibles par Excel), une colonne source et "
        "licence par ligne. Perceptions et alliances suivent les filtres « Acteurs » et "
        "« Domaines » de la barre latérale.",
        "en": "UTF-8 CSV files (with BOM, readable by Excel), a source and licence column on "
        "every row. Perceptions and alliances follow the sidebar's “Actors” and “Domains” "
        "filters.",
    },
    "sources_separator": {"fr": "Séparateur du fichier CSV", "en": "CSV separator"},
    "sources_separator_comma": {"fr": "virgule ,", "en": "comma ,"},
    "sources_separator_semicolon": {
        "fr": "point-virgule ; (Excel en français)",
        "en": "semicolon ; (French Excel)",
    },
    "sources_download_indicators": {
        "fr": "Indicateurs — {scope} ({n} lignes)",
        "en": "Indicators — {scope} ({n} rows)",
    },
    "sources_download_perceptions": {
        "fr": "Perceptions des domaines par acteur ({n} lignes)",
        "en": "Perceived domains by actor ({n} rows)",
    },
    "sources_download_alliances": {
        "fr": "Alliances par acteur ({n} lignes)",
        "en": "Alliances by actor ({n} rows)",
    },
    "sources_download_button": {"fr": "Télécharger (CSV)", "en": "Download (CSV)"},
    "sources_scope_region": {"fr": "toutes les régions", "en": "all regions"},
    "sources_scope_department": {"fr": "tous les départements", "en": "all departments"},
    "sources_scope_department_within": {
        "fr": "départements de {name}",
        "en": "departments of {name}",
    },
    "sources_scope_commune": {"fr": "toutes les communes", "en": "all communes"},
    "sources_scope_region_within": {"fr": "régions de {name}", "en": "regions of {name}"},
    "sources_scope_commune_within": {"fr": "communes de {name}", "en": "communes of {name}"},
    "sources_scope_metro": {
        "fr": "{scope}, métropole seulement",
        "en": "{scope}, metropolitan only",
    },
    "sources_col_question": {"fr": "Question", "en": "Question"},
    "sources_col_measure": {"fr": "Mesure", "en": "Measure"},
    "sources_measure_share": {"fr": "part (%)", "en": "share (%)"},
    "sources_measure_score": {"fr": "note sur 10", "en": "score out of 10"},
    "sources_measure_rank": {"fr": "rang", "en": "rank"},
}
