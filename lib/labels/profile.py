"""Labels of the territory profile page (views/profil.py, lib/profile/)."""

LABELS: dict[str, dict[str, str]] = {
    "profile_invite": {
        "fr": "Choisissez un territoire (région ou département) dans la barre latérale, "
        "rubrique « Mon territoire », ou cliquez directement sur votre région ci-dessous.",
        "en": "Choose a territory (region or department) in the sidebar, under “My territory”, "
        "or click your region below.",
    },
    "profile_pick_region": {"fr": "Ma région en un clic", "en": "My region in one click"},
    "profile_title_region": {"fr": "{name} — région", "en": "{name} — region"},
    "profile_title_department": {
        "fr": "{name} ({code}) — département, région {region}",
        "en": "{name} ({code}) — department, {region} region",
    },
    "profile_print_hint": {
        "fr": "Imprimer / PDF : utilisez l'impression du navigateur (Ctrl+P, ou ⌘+P sur Mac) et "
        "choisissez « Enregistrer au format PDF ». La version imprimée tient sur 3 pages A4 au "
        "plus : titre, chiffres clés, indices par domaine et lecture perçu / objectif ; le radar, "
        "les évolutions, le détail des perceptions par acteur et les pratiques d'alliance "
        "restent à l'écran.",
        "en": "Print / PDF: use your browser's print (Ctrl+P, or ⌘+P on a Mac) and choose "
        "“Save as PDF”. The printout fits on at most 3 A4 pages: title, key figures, domain "
        "indices and the perceived vs objective reading; the radar, the trends, the detail of "
        "perceptions by actor and the alliance practices stay on screen.",
    },
    # 1. key figures
    "profile_key_figures": {"fr": "Chiffres clés", "en": "Key figures"},
    "profile_population": {"fr": "Population", "en": "Population"},
    "profile_population_note": {
        "fr": "Recensement {period}. Source : {source}.",
        "en": "{period} census. Source: {source}.",
    },
    "profile_benchmark": {"fr": "Repère", "en": "Benchmark"},
    "profile_sources": {"fr": "Sources : {sources}.", "en": "Sources: {sources}."},
    "profile_key_figures_note": {
        "fr": "Pour chaque indicateur, le millésime le plus récent connu pour ce territoire ; "
        "repère = la ligne France de référence quand elle existe.",
        "en": "For each indicator, the latest vintage known for this territory; "
        "benchmark = the France reference row when there is one.",
    },
    # 2. domain indices
    "profile_domains_title": {
        "fr": "Fragilités par domaine, comparées au repère",
        "en": "Fragility by domain, against the benchmark",
    },
    "profile_overall_missing": {
        "fr": "Indice global : non disponible (il manque au territoire l'indice d'un domaine).",
        "en": "Overall index: not available (the territory lacks a domain's index).",
    },
    "profile_overall": {
        "fr": "Indice global (moyenne des {n} domaines disponibles) : {value} — {rank}.",
        "en": "Overall index (mean of the {n} domains available): {value} — {rank}.",
    },
    "profile_regions_all": {
        "fr": "les {n} régions de France",
        "en": "the {n} regions of France",
    },
    "profile_regions_metro": {
        "fr": "les {n} régions de France métropolitaine",
        "en": "the {n} regions of metropolitan France",
    },
    "profile_departments_all": {
        "fr": "les {n} départements de France",
        "en": "the {n} departments of France",
    },
    "profile_departments_metro": {
        "fr": "les {n} départements de France métropolitaine",
        "en": "the {n} departments of metropolitan France",
    },
    "profile_compared_among": {
        "fr": "Indices calculés entre {territories} ; rang 1 = le plus fragile.",
        "en": "Indices computed among {territories}; rank 1 = most fragile.",
    },
    "profile_reference_minmax": {
        "fr": "Repère (trait noir) : la médiane des territoires comparés, domaine par domaine "
        "(en min-max, 50 n'est que le milieu de l'écart entre extrêmes) ; "
        "à droite du trait, plus fragile que la moitié d'entre eux.",
        "en": "Benchmark (black tick): the median of the territories compared, domain by domain "
        "(in min-max, 50 is only the middle of the range); right of the tick, more fragile "
        "than half of them.",
    },
    "profile_reference_base100": {
        "fr": "Repère (ligne pointillée) : 100 = France (ligne de référence de chaque "
        "indicateur) ; au-delà de 100, plus fragile que la France. Sans ligne de référence, "
        "l'indice est non disponible.",
        "en": "Benchmark (dashed line): 100 = France (each indicator's reference row); above "
        "100, more fragile than France. Without a reference row the index is not available.",
    },
    "profile_reference_value_minmax": {
        "fr": "médiane des territoires comparés : {value}",
        "en": "median of the territories compared: {value}",
    },
    "profile_reference_value_base100": {"fr": "100 = France", "en": "100 = France"},
    "profile_overseas_compared_with_all": {
        "fr": "Territoire d'outre-mer : comparé à l'ensemble de la France, l'option "
        "« Métropole seulement » ne s'applique pas.",
        "en": "Overseas territory: compared with all of France; the “Metropolitan France only” "
        "option does not apply.",
    },
    "profile_chart_index": {"fr": "Indice du territoire", "en": "Territory's index"},
    "profile_chart_reference_minmax": {
        "fr": "Médiane ({territories})",
        "en": "Median ({territories})",
    },
    "profile_chart_reference_base100": {"fr": "100 = France", "en": "100 = France"},
    "profile_radar_title": {
        "fr": "Les mêmes indices en radar",
        "en": "The same indices as a radar",
    },
    "profile_radar_too_few": {
        "fr": "Radar non disponible : il faut au moins 3 domaines avec un indice ({n} ici).",
        "en": "Radar not available: it needs at least 3 domains with an index ({n} here).",
    },
    "profile_no_index": {
        "fr": "Aucun indice de domaine disponible pour ce territoire avec ces options.",
        "en": "No domain index available for this territory with these options.",
    },
    # 3. perceived priorities
    "profile_perceptions_title": {
        "fr": "Priorités perçues par les acteurs",
        "en": "Priorities perceived by actors",
    },
    "profile_perceptions_intro": {
        "fr": "Chiffres publiés par les études de l'Observatoire des partenariats, une question "
        "à la fois (jamais mélangées). Ils sont surtout nationaux.",
        "en": "Figures published by the Observatoire des partenariats studies, one question at "
        "a time (never mixed). They are mostly national.",
    },
    "profile_perceptions_actor": {"fr": "Acteur", "en": "Actor"},
    "profile_metro_hint": {
        "fr": "Comparé à toute la France (outre-mer compris), ce territoire n'a un indice que "
        "dans {n} domaine(s) : plusieurs indicateurs manquent outre-mer. Comparé à la France "
        "métropolitaine seule, il en a un dans {m} domaines.",
        "en": "Compared with all of France (overseas included), this territory has an index in "
        "only {n} domain(s): several indicators are missing overseas. Compared with "
        "metropolitan France only, it has one in {m} domains.",
    },
    "profile_all_hint": {
        "fr": "Par défaut, un territoire de métropole est comparé aux territoires métropolitains "
        "de son échelle. Comparé aux {members} (outre-mer compris), il aurait un indice dans "
        "{m} domaine(s) sur {total} : plusieurs indicateurs manquent outre-mer.",
        "en": "By default, a metropolitan territory is compared with the metropolitan "
        "territories of its level. Compared with the {members} (overseas included), it would "
        "have an index in {m} domain(s) of {total}: several indicators are missing overseas.",
    },
    "profile_all_button": {
        "fr": "Comparer à la France entière",
        "en": "Compare with all of France",
    },
    "profile_metro_button": {
        "fr": "Comparer à la France métropolitaine",
        "en": "Compare with metropolitan France",
    },
    "profile_no_perception": {
        "fr": "Aucune priorité perçue publiée pour cet acteur : non disponible.",
        "en": "No published perceived priority for this actor: not available.",
    },
    "profile_national_figures": {"fr": "chiffres nationaux", "en": "national figures"},
    "profile_regional_figures": {
        "fr": "chiffres régionaux ({name})",
        "en": "regional figures ({name})",
    },
    "profile_local_figures": {"fr": "chiffres de {name}", "en": "figures for {name}"},
    "profile_measure_share": {"fr": "part des répondants (%)", "en": "share of respondents (%)"},
    "profile_measure_score": {"fr": "note sur 10", "en": "score out of 10"},
    "profile_measure_rank": {"fr": "rang (1 = priorité)", "en": "rank (1 = priority)"},
    "profile_base_n": {"fr": "base : {n} répondants", "en": "base: {n} respondents"},
    "profile_base_unknown": {
        "fr": "taille d'échantillon non publiée",
        "en": "sample size not published",
    },
    "profile_perception_caption": {
        "fr": "{study}, {measure} · {year} · {base} · Source : {source}",
        "en": "{study}, {measure} · {year} · {base} · Source: {source}",
    },
    # 4. perceived vs objective
    "profile_reading_title": {
        "fr": "Perçu ou objectif : où les regards se rejoignent",
        "en": "Perceived or objective: where views meet",
    },
    "profile_reading_actor": {"fr": "Acteur", "en": "Actor"},
    "profile_reading_for": {
        "fr": "Lecture pour : {actor} — {group}.",
        "en": "Reading for: {actor} — {group}.",
    },
    "profile_reading_group": {"fr": "Étude et question", "en": "Study and question"},
    "profile_group_option": {
        "fr": "{study} — {question} ({measure}, {scope}, {n} domaine(s))",
        "en": "{study} — {question} ({measure}, {scope}, {n} domain(s))",
    },
    "profile_no_groups": {
        "fr": "Aucune priorité perçue publiée pour les acteurs choisis : lecture non disponible.",
        "en": "No published perceived priority for the chosen actors: reading not available.",
    },
    "profile_domain": {"fr": "Domaine", "en": "Domain"},
    "profile_perceived": {"fr": "Perçu", "en": "Perceived"},
    "profile_perceived_rank": {"fr": "Rang perçu", "en": "Perceived rank"},
    "profile_objective": {"fr": "Indice objectif", "en": "Objective index"},
    "profile_objective_rank": {
        "fr": "Rang parmi ses domaines",
        "en": "Rank among its domains",
    },
    "profile_domain_rank": {
        "fr": "{rank} domaine le plus fragile",
        "en": "{rank} most fragile domain",
    },
    "profile_territory_rank": {
        "fr": "Rang du territoire (1 = le plus fragile)",
        "en": "Territory's rank (1 = most fragile)",
    },
    "profile_reading": {"fr": "Lecture", "en": "Reading"},
    "profile_class_shared": {"fr": "priorité partagée", "en": "shared priority"},
    "profile_class_perceived_only": {"fr": "perçu seulement", "en": "perceived only"},
    "profile_class_blind_spot": {"fr": "angle mort", "en": "blind spot"},
    "profile_class_neither": {"fr": "ni l'un ni l'autre", "en": "neither"},
    "profile_class_not_available": {"fr": "non disponible", "en": "not available"},
    "profile_reading_method": {
        "fr": "Méthode : les domaines sont classés d'un côté selon la perception (part ou note "
        "la plus haute = priorité ; pour un rang, 1 = priorité), de l'autre selon l'indice "
        "objectif du territoire (le plus haut = le plus fragile), les ex aequo partageant le "
        "meilleur rang ; « priorité partagée » = dans les {top} premiers des deux côtés, "
        "« perçu seulement » = seulement côté perception, « angle mort » = seulement côté "
        "objectif ; « non disponible » dès qu'un des deux côtés manque pour le domaine.",
        "en": "Method: domains are ranked on one side by perception (highest share or score = "
        "priority; for a rank, 1 = priority), on the other by the territory's objective index "
        "(highest = most fragile), ties sharing the best rank; “shared priority” = in the top "
        "{top} on both sides, “perceived only” = on the perception side only, “blind spot” = "
        "on the objective side only; “not available” whenever either side lacks the domain.",
    },
    "profile_ranks_note": {
        "fr": "« Rang parmi ses domaines » classe les domaines du territoire entre eux ; « Rang du "
        "territoire » le classe parmi les {members} pour chaque domaine, comme les barres "
        "des indices par domaine.",
        "en": "“Rank among its domains” ranks the territory's domains against each other; "
        "“Territory's rank” ranks it among the {members} in each domain, as the domain bars do.",
    },
    "profile_few_domains": {
        "fr": "Peu de domaines renseignés ({perceived} côté perception, {objective} côté "
        "objectif) : un « top 3 » contient alors tous les domaines de ce côté.",
        "en": "Few domains with data ({perceived} perceived, {objective} objective): a “top 3” "
        "then holds every domain of that side.",
    },
    # 5. alliances
    "profile_alliances_title": {
        "fr": "Pratiques d'alliance connues",
        "en": "Known alliance practices",
    },
    "profile_alliances_intro": {
        "fr": "Chiffres nationaux des études de l'Observatoire (portée indiquée sur chaque "
        "ligne), pour les acteurs choisis dans la barre latérale (tous si aucun).",
        "en": "National figures from the Observatoire studies (scope on every row), for the "
        "actors chosen in the sidebar (all when none).",
    },
    "profile_no_alliances": {
        "fr": "Aucune pratique d'alliance publiée pour les acteurs choisis : non disponible.",
        "en": "No published alliance practice for the chosen actors: not available.",
    },
    "profile_actor": {"fr": "Acteur", "en": "Actor"},
    "profile_no_actor": {"fr": "plusieurs profils", "en": "several profiles"},
    "profile_category": {"fr": "Catégorie", "en": "Category"},
    "profile_study": {"fr": "Étude", "en": "Study"},
    "profile_scope": {"fr": "Portée", "en": "Scope"},
    "profile_unit_points": {"fr": "points", "en": "points"},
    "profile_unit_years": {"fr": "ans", "en": "years"},
    "profile_unit_months": {"fr": "mois", "en": "months"},
    # download
    "profile_download": {
        "fr": "Télécharger les chiffres du profil (CSV)",
        "en": "Download the profile's figures (CSV)",
    },
    "profile_separator": {"fr": "Séparateur du fichier", "en": "File separator"},
    "profile_separator_semicolon": {
        "fr": "« ; » (Excel en français)",
        "en": "“;” (French Excel)",
    },
    "profile_separator_comma": {"fr": "« , » (international)", "en": "“,” (international)"},
}
