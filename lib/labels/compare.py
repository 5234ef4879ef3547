"""Labels of the Compare page (keys start with "compare_")."""

LABELS: dict[str, dict[str, str]] = {
    "compare_title": {"fr": "Comparer les territoires", "en": "Compare territories"},
    "compare_intro": {
        "fr": "Quels territoires ressemblent au mien ? Comment les rangs bougent-ils quand on "
        "change le poids des domaines ?",
        "en": "Which territories look like mine? How do ranks move when the weights of the "
        "domains change?",
    },
    "compare_level_note": {
        "fr": "La comparaison se fait par région ou par département : les départements sont "
        "comparés ici.",
        "en": "Territories are compared by region or by department: departments are compared here.",
    },
    "compare_standing": {
        "fr": "{name} : indice global {value} — {rank}.",
        "en": "{name}: overall index {value} — {rank}.",
    },
    "compare_standing_weighted": {
        "fr": "{name} : indice global avec les poids choisis {value} — {rank}.",
        "en": "{name}: overall index with the chosen weights {value} — {rank}.",
    },
    "compare_standing_missing": {
        "fr": "{name} : indice global non disponible (un domaine pondéré manque).",
        "en": "{name}: overall index not available (a weighted domain is missing).",
    },
    "compare_count_region": {
        "fr": "{n} régions comparées ({area}).",
        "en": "{n} regions compared ({area}).",
    },
    "compare_count_department": {
        "fr": "{n} départements comparés ({area}).",
        "en": "{n} departments compared ({area}).",
    },
    "compare_pick": {
        "fr": "Restreindre la comparaison à quelques territoires",
        "en": "Restrict the comparison to some territories",
    },
    "compare_pick_all": {"fr": "Tous ({n})", "en": "All ({n})"},
    "compare_restricted_note": {
        "fr": "Les indices sont recalculés entre les seuls territoires retenus.",
        "en": "The indices are computed again among the chosen territories only.",
    },
    "compare_heatmap": {
        "fr": "Indices de domaine par territoire",
        "en": "Domain indices by territory",
    },
    "compare_heatmap_order": {
        "fr": "Territoires classés du plus fragile au moins fragile selon l'indice global "
        "(poids réglables plus bas) ; gris = non disponible.",
        "en": "Territories ordered from most to least fragile by the overall index (weights "
        "adjustable below); grey = not available.",
    },
    "compare_no_index": {
        "fr": "Aucun domaine n'a d'indice pour ces territoires (aucun indicateur ne les couvre "
        "tous).",
        "en": "No domain has an index for these territories (no indicator covers them all).",
    },
    "compare_no_chosen_domain": {
        "fr": "Aucun des domaines choisis n'a d'indice à cette échelle : tous les domaines "
        "disponibles sont affichés.",
        "en": "None of the chosen domains has an index at this level: every available domain is "
        "shown.",
    },
    "compare_sources": {"fr": "Sources : {sources}.", "en": "Sources: {sources}."},
    "compare_sources_brief": {
        "fr": "Sources : {publishers} ; données {years}.",
        "en": "Sources: {publishers}; data {years}.",
    },
    "compare_ranks": {
        "fr": "Classement selon l'indice global",
        "en": "Ranking by the overall index",
    },
    "compare_domains_used": {"fr": "Domaines pris en compte", "en": "Domains used"},
    "compare_n_of_total": {"fr": "{n} sur {total}", "en": "{n} out of {total}"},
    "compare_zero_weights": {
        "fr": "Tous les poids sont à 0 : indice global non disponible.",
        "en": "Every weight is 0: overall index not available.",
    },
    "compare_download": {
        "fr": "Télécharger le classement (CSV)",
        "en": "Download the ranking (CSV)",
    },
    "compare_semicolon": {
        "fr": "Séparateur « ; » (Excel en français)",
        "en": "“;” separator (French Excel)",
    },
    "compare_weights": {"fr": "Poids des domaines", "en": "Domain weights"},
    "compare_similar": {
        "fr": "Les territoires au profil le plus proche de {name}",
        "en": "Territories whose profile is closest to {name}",
    },
    "compare_similar_generic": {
        "fr": "Les territoires au profil le plus proche du mien",
        "en": "Territories whose profile is closest to mine",
    },
    "compare_similar_no_territory": {
        "fr": "Choisissez « Mon territoire » dans le panneau de gauche pour voir les territoires "
        "qui lui ressemblent.",
        "en": "Choose “My territory” in the left panel to see the territories that look like it.",
    },
    "compare_similar_other_level_region": {
        "fr": "Les profils proches se cherchent parmi les régions comparées : choisissez une "
        "région comme territoire.",
        "en": "Similar profiles are looked for among the regions compared: choose a region as "
        "your territory.",
    },
    "compare_similar_other_level_department": {
        "fr": "Les profils proches se cherchent parmi les départements comparés : choisissez un "
        "département comme territoire.",
        "en": "Similar profiles are looked for among the departments compared: choose a "
        "department as your territory.",
    },
    "compare_similar_not_compared": {
        "fr": "{name} ne fait pas partie des territoires comparés.",
        "en": "{name} is not among the territories compared.",
    },
    "compare_similar_none": {
        "fr": "Profils proches non disponibles : il faut au moins 2 domaines renseignés en commun.",
        "en": "Similar profiles not available: at least 2 domains with a value on both sides "
        "are needed.",
    },
    "compare_similar_method": {
        "fr": "Distance = écart moyen entre indices de domaine (racine de la moyenne des carrés "
        "des écarts), sur les domaines affichés renseignés pour les deux territoires (au moins "
        "2) ; 0 = profils identiques.",
        "en": "Distance = mean gap between domain indices (root mean square of the differences), "
        "over the domains shown that both territories have (at least 2); 0 = identical profiles.",
    },
    "compare_distance": {"fr": "Distance (écart moyen)", "en": "Distance (mean gap)"},
    "compare_shared_domains": {"fr": "Domaines en commun", "en": "Shared domains"},
    "compare_sensitivity": {
        "fr": "Poids des domaines et sensibilité des rangs",
        "en": "Domain weights and rank sensitivity",
    },
    "compare_weights_help": {
        "fr": "Poids de chaque domaine dans l'indice global (0 = domaine exclu, 1 = par défaut).",
        "en": "Weight of each domain in the overall index (0 = domain left out, 1 = default).",
    },
    "compare_rank_equal": {"fr": "Rang, poids égaux", "en": "Rank, equal weights"},
    "compare_rank_chosen": {"fr": "Rang, poids choisis", "en": "Rank, chosen weights"},
    "compare_change": {"fr": "Évolution", "en": "Change"},
    "compare_change_note": {
        "fr": "▲ n : le territoire monte de n places vers le rang 1 (plus fragile) avec les "
        "poids choisis ; ▼ n : il descend de n places ; = : rang inchangé.",
        "en": "▲ n: the territory climbs n places towards rank 1 (more fragile) with the chosen "
        "weights; ▼ n: it goes down n places; =: same rank.",
    },
    "compare_domain_sensitivity": {
        "fr": "Territoires qui changent de rang si le poids d'un domaine passe à 0",
        "en": "Territories whose rank changes if a domain's weight goes to 0",
    },
    "compare_domain_sensitivity_axis": {
        "fr": "territoires dont le rang change",
        "en": "territories whose rank changes",
    },
    "compare_cell": {"fr": "{name}<br>{domain} : {value}", "en": "{name}<br>{domain}: {value}"},
    "compare_bar_cell": {"fr": "{domain} : {n}", "en": "{domain}: {n}"},
    "compare_domain_sensitivity_note": {
        "fr": "Les autres poids restent ceux choisis ci-dessus ; calculé sur les {n} territoires "
        "comparés.",
        "en": "The other weights stay as chosen above; computed over the {n} territories compared.",
    },
}
