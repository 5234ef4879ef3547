"""Labels of the alliance initiatives: directory page, map layer, white spots."""

LABELS: dict[str, dict[str, str]] = {
    "page_initiatives": {"fr": "Initiatives d'alliance", "en": "Alliance initiatives"},
    "ini_intro": {
        "fr": "Des alliances concrètes entre collectivités, entreprises, associations, écoles, "
        "citoyens, réseaux… citées dans des documents publics du RAMEAU, de Réseau Alliances, "
        "du CJD et d'un cours du CNAM.",
        "en": "Concrete alliances between local authorities, companies, associations, schools, "
        "citizens, networks… named in public documents by Le RAMEAU, Réseau Alliances, the CJD "
        "and a CNAM course.",
    },
    "ini_not_exhaustive": {
        "fr": "Cet annuaire n'est pas exhaustif : il recense {total} initiatives citées dans "
        "quelques documents, pas toutes les alliances qui existent. Une région absente ici peut "
        "en compter beaucoup : les nombres par région reflètent les documents lus, pas "
        "l'intensité des alliances.",
        "en": "This directory is not exhaustive: it lists {total} initiatives named in a few "
        "documents, not every alliance that exists. A region missing here may have many: the "
        "counts by region reflect the documents read, not how much alliances happen there.",
    },
    "ini_filters_applied": {
        "fr": "Filtres du panneau de gauche — territoire : {territory} ; acteurs : {actors} ; "
        "domaines : {domains}. Une initiative s'affiche si elle associe l'un des acteurs et "
        "touche l'un des domaines choisis.",
        "en": "Filters of the left panel — territory: {territory}; actors: {actors}; domains: "
        "{domains}. An initiative shows when it involves any chosen actor and touches any "
        "chosen domain.",
    },
    "ini_all": {"fr": "tous", "en": "all"},
    "ini_territory_and_children": {
        "fr": "{name} et ses territoires",
        "en": "{name} and its territories",
    },
    "ini_search": {"fr": "Rechercher par nom ou par ville", "en": "Search by name or town"},
    "ini_practices": {"fr": "Type d'alliance", "en": "Partnership type"},
    "ini_all_practices": {"fr": "Tous les types", "en": "All types"},
    "ini_unclassified": {"fr": "non classé", "en": "not classified"},
    "ini_outside_typology": {
        "fr": "hors typologie de l'Observatoire",
        "en": "outside the Observatoire's typology",
    },
    "ini_count": {
        "fr": "{n} initiative(s) sur {total} correspondent aux filtres.",
        "en": "{n} initiative(s) out of {total} match the filters.",
    },
    "ini_none": {
        "fr": "Aucune initiative connue ne correspond à ces filtres (l'annuaire n'est pas "
        "exhaustif).",
        "en": "No known initiative matches these filters (the directory is not exhaustive).",
    },
    "ini_counts_title": {"fr": "Initiatives par région", "en": "Initiatives by region"},
    "ini_region": {"fr": "Région", "en": "Region"},
    "ini_n": {"fr": "Initiatives", "en": "Initiatives"},
    "ini_national": {"fr": "National (France entière)", "en": "National (all of France)"},
    "ini_unlocated": {
        "fr": "Non localisé (la source ne dit pas où)",
        "en": "Not located (the source does not say where)",
    },
    "ini_other_regions": {
        "fr": "Autres régions : aucune initiative dans ces documents, ce qui ne veut pas dire "
        "qu'il n'y en a pas.",
        "en": "Other regions: no initiative in these documents, which does not mean there is none.",
    },
    "ini_table_title": {"fr": "Tableau des initiatives", "en": "Table of initiatives"},
    "ini_col_id": {"fr": "Identifiant", "en": "Id"},
    "ini_col_name": {"fr": "Initiative", "en": "Initiative"},
    "ini_col_place": {"fr": "Lieu", "en": "Place"},
    "ini_col_practice": {"fr": "Type d'alliance", "en": "Partnership type"},
    "ini_col_description": {"fr": "Description", "en": "Description (in French)"},
    "ini_col_quote": {"fr": "Citation de la source", "en": "Quote from the source"},
    "ini_col_note": {"fr": "Incertitudes", "en": "Uncertainties"},
    "ini_line": {"fr": "{label} : {value}", "en": "{label}: {value}"},
    "ini_placed_on": {"fr": "{label} (placé sur {name})", "en": "{label} (placed on {name})"},
    "ini_not_stated": {"fr": "non précisés", "en": "not stated"},
    "ini_free_tags": {"fr": "hors liste : {tags}", "en": "outside the list: {tags}"},
    "ini_download": {"fr": "Télécharger les initiatives (CSV)", "en": "Download (CSV)"},
    "ini_separator": {"fr": "Séparateur du fichier CSV", "en": "CSV separator"},
    "ini_separator_comma": {"fr": "virgule « , » (standard)", "en": "comma “,” (standard)"},
    "ini_separator_semicolon": {
        "fr": "point-virgule « ; » (Excel en français)",
        "en": "semicolon “;” (French Excel)",
    },
    "ini_cards_title": {"fr": "Fiches", "en": "Cards"},
    "ini_open_profile": {"fr": "Profil de {name}", "en": "Profile of {name}"},
    "ini_year_note": {
        "fr": "Année : celle que le document associe à l'initiative, souvent l'année où elle est "
        "citée, pas celle de son lancement.",
        "en": "Year: the one the document gives the initiative, often the year it is mentioned, "
        "not its launch year.",
    },
    "ini_typology_note": {
        "fr": "Types d'alliance : les quatre de l'Observatoire des partenariats (pratiques "
        "responsables, coopération économique, innovation sociétale, mécénat) et le « dialogue "
        "territorial », hors de sa typologie. Le type de chaque initiative est une lecture des "
        "chercheurs du projet, non confirmée par la source sauf mention contraire.",
        "en": "Partnership types: the Observatoire des partenariats' four (responsible "
        "practices, economic cooperation, societal innovation, patronage) and “territorial "
        "dialogue”, outside its typology. Each initiative's type is the project researchers' "
        "reading, not confirmed by the source unless stated.",
    },
    "ini_sources": {"fr": "Sources : {sources}.", "en": "Sources: {sources}."},
    "ini_map_toggle": {
        "fr": "Afficher les initiatives d'alliance",
        "en": "Show alliance initiatives",
    },
    "ini_map_caption": {
        "fr": "Initiatives d'alliance (points bleus) : {placed} sur la carte, {listed} "
        "nationale(s) ou non localisée(s), listées dans l'annuaire. Les points d'un même lieu "
        "sont écartés en spirale. Sources : {sources}. Liste non exhaustive.",
        "en": "Alliance initiatives (blue dots): {placed} on the map, {listed} national or not "
        "located, listed in the directory. Dots at one place are spread on a spiral. Sources: "
        "{sources}. Not exhaustive.",
    },
    "ini_map_link": {
        "fr": "Annuaire des initiatives d'alliance",
        "en": "Directory of alliance initiatives",
    },
    "ini_white_spots_title": {
        "fr": "Angles blancs : domaines fragiles sans initiative connue",
        "en": "White spots: fragile domains without a known initiative",
    },
    "ini_ws_domain": {"fr": "Domaine", "en": "Domain"},
    "ini_ws_index": {"fr": "Indice de domaine", "en": "Domain index"},
    "ini_ws_rank": {
        "fr": "Rang parmi les domaines du territoire (1 = plus fragile)",
        "en": "Rank among the territory's domains (1 = most fragile)",
    },
    "ini_ws_known": {"fr": "Initiatives connues", "en": "Known initiatives"},
    "ini_ws_status": {"fr": "Constat", "en": "Finding"},
    "ini_ws_white_spot": {
        "fr": "Angle blanc : aucune initiative connue",
        "en": "White spot: no known initiative",
    },
    "ini_ws_covered": {
        "fr": "{n} initiative(s) connue(s)",
        "en": "{n} known initiative(s)",
    },
    "ini_white_spots_note": {
        "fr": "Angle blanc : l'un des 3 domaines les plus fragiles du territoire (indices de "
        "domaine calculés entre les territoires de son échelle) pour lequel l'annuaire ne "
        "connaît aucune initiative dans le territoire, sa région ou ses départements et "
        "communes. L'annuaire n'est pas exhaustif : un angle blanc invite à chercher, il ne "
        "prouve pas l'absence d'alliance. Domaine sans indice : non disponible.",
        "en": "White spot: one of the territory's 3 most fragile domains (domain indices "
        "computed across the territories of its level) for which the directory knows no "
        "initiative in the territory, its region or its departments and communes. The "
        "directory is not exhaustive: a white spot invites a search, it does not prove that "
        "no alliance exists. Domain without an index: not available.",
    },
}
