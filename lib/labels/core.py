"""Labels shared by every page (app frame, maps, captions)."""

from lib.languages import LANGUAGES

LABELS: dict[str, dict[str, str]] = {
    "app_title": {
        "fr": "Territoires fragiles & alliances",
        "en": "Fragile territories & alliances",
    },
    "language": {"fr": "Langue", "en": "Language"},
    "page_home": {"fr": "Accueil", "en": "Home"},
    "home_intro": {
        "fr": "Où les territoires sont-ils les plus fragiles, et comment les acteurs « jouent-ils "
        "collectif » pour y répondre ? Cette carte montre un indicateur de fragilité par "
        "région ; choisissez-en un autre dans le panneau de gauche.",
        "en": "Where are territories most fragile, and how do actors work together to respond? "
        "This map shows one fragility indicator by region; pick another one in the left panel.",
    },
    "indicator": {"fr": "Indicateur", "en": "Indicator"},
    "source": {"fr": "Source", "en": "Source"},
    "link_values_ignored": {
        "fr": "Valeurs inconnues du lien ignorées : {items}.",
        "en": "Unknown values in the link were ignored: {items}.",
    },
    "period_source": {"fr": "{period} · Source : {source}", "en": "{period} · Source: {source}"},
    "year": {"fr": "Année", "en": "Year"},
    # periods (lib.periods): 'T3 2023', and a long series as a span
    "period_quarter": {"fr": "T{quarter} {year}", "en": "Q{quarter} {year}"},
    "periods_span": {
        "fr": "{first} à {last} ({n} périodes)",
        "en": "{first} to {last} ({n} periods)",
    },
    "territory": {"fr": "Territoire", "en": "Territory"},
    # the national scopes' names (lib.vocabulary.place_name; other places keep their name)
    "scope_name_FR": {"fr": "France", "en": "France"},
    "scope_name_FR-METRO": {"fr": "France métropolitaine", "en": "Metropolitan France"},
    "scope_name_FR-HM": {"fr": "France hors Mayotte", "en": "France excluding Mayotte"},
    "value": {"fr": "Valeur", "en": "Value"},
    # a name and its value in a line of text ('Finistère : 7,4 %')
    "label_value": {"fr": "{label} : {value}", "en": "{label}: {value}"},
    "rank": {"fr": "Rang (1 = plus fragile)", "en": "Rank (1 = most fragile)"},
    "not_available": {code: language.missing for code, language in LANGUAGES.items()},
    "table_alternative": {
        "fr": "Tableau des valeurs (alternative à la carte)",
        "en": "Table of values (alternative to the map)",
    },
    "map_caption": {
        "fr": "{label}, {year}. Source : {source}. Classes par quantiles ; gris = non disponible.",
        "en": "{label}, {year}. Source: {source}. Quantile classes; grey = not available.",
    },
    "coverage": {
        "fr": "Couverture : {covered} territoires sur {shown}.",
        "en": "Coverage: {covered} territories out of {shown}.",
    },
    "reference": {
        "fr": "Référence (base 100) : {name} = {value}.",
        "en": "Reference (base 100): {name} = {value}.",
    },
    "no_reference": {
        "fr": "Pas de ligne de référence nationale : indice base 100 non disponible.",
        "en": "No national reference row: base-100 score not available.",
    },
    "source_unverified": {"fr": " — non vérifié", "en": " — unverified"},
    "source_partly_verified": {
        "fr": " — vérification partielle",
        "en": " — partly verified",
    },
    "unexpected_error": {
        "fr": "Une erreur inattendue s'est produite : cette vue n'a pas pu s'afficher. Les autres "
        "pages restent utilisables. Si le problème persiste, signalez-le avec la référence {ref}.",
        "en": "An unexpected error occurred: this view could not be shown. The other pages still "
        "work. If the problem persists, report it with the reference {ref}.",
    },
    "data_error_title": {
        "fr": "Les données embarquées sont invalides ; l'application ne peut pas les afficher.",
        "en": "The embedded data are invalid; the app cannot show them.",
    },
    "vocabulary_note": {
        "fr": "Domaines et profils d'acteurs : liste de travail du projet, construite à partir "
        "des libellés des études de l'Observatoire des partenariats (pas la liste officielle).",
        "en": "Domains and actor profiles: the project's working list, built from the labels "
        "used in the Observatoire des partenariats studies (not the official list).",
    },
    "insets_note": {
        "fr": "Outre-mer en encadrés à l'ouest, de haut en bas : Guadeloupe, Martinique, Guyane, "
        "La Réunion, Mayotte (échelles différentes).",
        "en": "Overseas regions as insets to the west, top to bottom: Guadeloupe, Martinique, "
        "French Guiana, La Réunion, Mayotte (different scales).",
    },
    "higher_is_worse": {
        "fr": "Une valeur plus élevée signale plus de fragilité.",
        "en": "A higher value signals more fragility.",
    },
    "higher_is_better": {
        "fr": "Une valeur plus basse signale plus de fragilité.",
        "en": "A lower value signals more fragility.",
    },
    "overall_index": {"fr": "Indice global de fragilité", "en": "Overall fragility index"},
    "domain_index": {"fr": "Indice « {domain} »", "en": "Index “{domain}”"},
    "overall_domains": {
        "fr": "Indice global calculé sur {n} domaine(s) sur {total}.",
        "en": "Overall index computed on {n} domain(s) out of {total}.",
    },
    "method_minmax": {
        "fr": "Méthode : min-max 0–100 entre les territoires comparés (par défaut).",
        "en": "Method: min-max 0–100 across the territories compared (default).",
    },
    "method_base100": {
        "fr": "Méthode : base 100 = ligne de référence nationale de chaque indicateur.",
        "en": "Method: base 100 = each indicator's national reference row.",
    },
    "index_unit_minmax": {"fr": "indice 0–100", "en": "index 0–100"},
    "index_unit_base100": {"fr": "indice base 100", "en": "index base 100"},
    "indicators_used": {
        "fr": "Indicateurs retenus : {indicators}.",
        "en": "Indicators used: {indicators}.",
    },
    "filters": {"fr": "Filtres", "en": "Filters"},
    "more_filters": {
        "fr": "Plus de filtres : période, comparaison, méthode, acteurs, domaines",
        "en": "More filters: period, comparison, method, actors, domains",
    },
    "more_filters_changed": {
        "fr": "Filtre(s) modifié(s) dans « Plus de filtres » : {names}.",
        "en": "Filter(s) changed under “More filters”: {names}.",
    },
    "my_territory": {"fr": "Mon territoire", "en": "My territory"},
    "all_france": {"fr": "France entière (aucun)", "en": "All of France (none)"},
    "region_option": {"fr": "{name} (région)", "en": "{name} (region)"},
    "level": {"fr": "Échelle", "en": "Level"},
    "level_region": {"fr": "Régions", "en": "Regions"},
    "level_department": {"fr": "Départements", "en": "Departments"},
    "level_epci": {
        "fr": "Intercommunalités (d'une région ou d'un département)",
        "en": "Intercommunalities (of one region or department)",
    },
    "level_commune": {
        "fr": "Communes (d'un département ou d'une intercommunalité)",
        "en": "Communes (of one department or intercommunality)",
    },
    "indicator_or_index": {"fr": "Indicateur ou indice", "en": "Indicator or index"},
    "method": {"fr": "Méthode des indices", "en": "Index method"},
    "method_short_minmax": {"fr": "Min-max 0–100 (par défaut)", "en": "Min-max 0–100 (default)"},
    "method_short_base100": {"fr": "Base 100 = France", "en": "Base 100 = France"},
    "actors": {"fr": "Acteurs", "en": "Actors"},
    "domains": {"fr": "Domaines", "en": "Domains"},
    "epci_needs_area": {
        "fr": "Les intercommunalités s'affichent une région ou un département à la fois : "
        "choisissez d'abord une région ou un département.",
        "en": "Intercommunalities are shown one region or department at a time: choose a "
        "region or a department first.",
    },
    "commune_needs_department": {
        "fr": "Les communes s'affichent un département ou une intercommunalité à la fois : "
        "choisissez d'abord un département (ou cherchez une intercommunalité).",
        "en": "Communes are shown one department or one intercommunality at a time: choose a "
        "department first (or search for an intercommunality).",
    },
    "period_unavailable": {
        "fr": "La période {period} n'est pas disponible pour « {label} » ici : "
        "période par défaut affichée.",
        "en": "The period {period} is not available for “{label}” here: default period shown.",
    },
    "period": {"fr": "Période", "en": "Period"},
    "period_default": {
        "fr": "Par défaut : la plus complète, puis la plus récente",
        "en": "Default: the most complete, then the latest",
    },
    "selection_unavailable": {
        "fr": "« {label} » n'est pas disponible à cette échelle : indicateur par défaut affiché.",
        "en": "“{label}” is not available at this level: default indicator shown.",
    },
    "page_map": {"fr": "Carte", "en": "Map"},
    "page_profile": {"fr": "Profil de territoire", "en": "Territory profile"},
    "page_compare": {"fr": "Comparer", "en": "Compare"},
    "page_alliances": {"fr": "Alliances", "en": "Alliances"},
    "page_sources": {"fr": "Données & sources", "en": "Data & sources"},
    "show_departments": {
        "fr": "Voir les départements de {name}",
        "en": "Show the departments of {name}",
    },
    "show_communes": {"fr": "Voir les communes de {name}", "en": "Show the communes of {name}"},
    "back_to_regions": {"fr": "Revenir aux régions", "en": "Back to regions"},
    "back_to_departments": {"fr": "Revenir aux départements", "en": "Back to departments"},
    "back_to_epcis": {
        "fr": "Revenir aux intercommunalités de {name}",
        "en": "Back to the intercommunalities of {name}",
    },
    "click_to_select": {
        "fr": "Cliquez sur un territoire de la carte pour le choisir.",
        "en": "Click a territory on the map to select it.",
    },
    "open_profile": {"fr": "Ouvrir le profil de {name}", "en": "Open the profile of {name}"},
    "excluded_for_coverage_local": {
        "fr": "{n} indicateur(s) écarté(s) : ils ne sont pas connus pour chacun des territoires "
        "comparés.",
        "en": "{n} indicator(s) left out: they are not known for every territory compared.",
    },
    "excluded_for_coverage": {
        "fr": "{n} indicateur(s) écarté(s) faute de couverture complète (souvent l'outre-mer) : "
        "comparer la métropole seule les réintègre.",
        "en": "{n} indicator(s) left out for incomplete coverage (often overseas): "
        "comparing metropolitan France only brings them back.",
    },
    "area": {"fr": "Territoires comparés", "en": "Territories compared"},
    "area_auto": {
        "fr": "Automatique : la métropole (outre-mer : la France entière)",
        "en": "Automatic: metropolitan France (overseas: all of France)",
    },
    "area_all": {"fr": "France entière", "en": "All of France"},
    "area_metro": {"fr": "Métropole seulement", "en": "Metropolitan France only"},
    "area_help": {
        "fr": "Par défaut, un territoire de métropole est comparé aux territoires métropolitains "
        "de son échelle (13 régions, 96 départements : le périmètre du programme IMPACT de "
        "l'Observatoire), un territoire d'outre-mer à tous ceux de son échelle ; sans "
        "territoire choisi, la métropole. Les cartes dessinent toujours tous les territoires : "
        "ceux hors du périmètre sont en gris, « non disponible ».",
        "en": "By default, a metropolitan territory is compared with the metropolitan "
        "territories of its level (13 regions, 96 departments: the scope of the Observatoire's "
        "IMPACT programme), an overseas territory with every territory of its level; without a "
        "chosen territory, metropolitan France. Maps always draw every territory: those "
        "outside the comparison are grey, “not available”.",
    },
    "outside_comparison": {
        "fr": "hors du périmètre de comparaison",
        "en": "outside the territories compared",
    },
    "comparison_note": {
        "fr": "Périmètre de comparaison : {members} ; les autres territoires dessinés sont en "
        "gris (« non disponible »).",
        "en": "Territories compared: {members}; the other territories drawn are grey (“not "
        "available”).",
    },
    "rank_of_set": {"fr": "{rank} sur {members}", "en": "{rank} of {members}"},
    "rank_of_n": {"fr": "{rank} sur {n}", "en": "{rank} of {n}"},
    "set_region_metro": {"fr": "{n} régions métropolitaines", "en": "{n} metropolitan regions"},
    "set_region_all": {"fr": "{n} régions de France", "en": "{n} regions of France"},
    "set_department_metro": {
        "fr": "{n} départements métropolitains",
        "en": "{n} metropolitan departments",
    },
    "set_department_all": {"fr": "{n} départements de France", "en": "{n} departments of France"},
    "set_department_within": {"fr": "{n} départements ({name})", "en": "{n} departments ({name})"},
    "set_commune_within": {"fr": "{n} communes ({name})", "en": "{n} communes ({name})"},
    "set_chosen": {"fr": "{n} territoires choisis", "en": "{n} chosen territories"},
    "set_shown": {"fr": "{n} territoires", "en": "{n} territories"},
    "all_actors": {"fr": "Tous les acteurs", "en": "All actors"},
    "all_domains": {"fr": "Tous les domaines", "en": "All domains"},
    "home_map_hint": {
        "fr": "Survolez une région pour lire sa valeur ; cliquez pour ouvrir son profil.",
        "en": "Hover a region to read its value; click to open its profile.",
    },
    "open_interactive_map": {
        "fr": "Carte interactive (départements, communes, indices)",
        "en": "Interactive map (departments, communes, indices)",
    },
    "imported_data_shown": {
        "fr": "Cette carte montre aussi : {layers} (à la place des valeurs intégrées des "
        "mêmes territoires).",
        "en": "This map also shows: {layers} (instead of the embedded values of the same "
        "territories).",
    },
}
