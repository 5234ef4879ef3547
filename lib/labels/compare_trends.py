"""Labels of the Compare page's « évolution » mode (keys start with "compare_trend_" or
"compare_mode")."""

LABELS: dict[str, dict[str, str]] = {
    "compare_mode": {"fr": "Comparer", "en": "Compare"},
    "compare_mode_level": {
        "fr": "Les indices de fragilité",
        "en": "The fragility indices",
    },
    "compare_mode_change": {
        "fr": "L'évolution d'un indicateur entre deux périodes",
        "en": "The change of an indicator between two periods",
    },
    "compare_trend_indicator": {"fr": "Indicateur", "en": "Indicator"},
    "compare_trend_start": {"fr": "Période de début", "en": "Start period"},
    "compare_trend_end": {"fr": "Période de fin", "en": "End period"},
    "compare_trend_none": {
        "fr": "Aucun indicateur n'est connu à deux périodes pour ces territoires : pas de "
        "classement par évolution.",
        "en": "No indicator is known at two periods for these territories: no ranking by change.",
    },
    "compare_trend_dropped": {
        "fr": "Période non disponible pour cet indicateur ici : {periods}. La période par défaut "
        "est utilisée.",
        "en": "Period not available for this indicator here: {periods}. The default period is "
        "used.",
    },
    "compare_trend_unordered": {
        "fr": "La période de début ({start}) doit précéder la période de fin ({end}) : "
        "choisissez d'autres périodes.",
        "en": "The start period ({start}) must come before the end period ({end}): choose other "
        "periods.",
    },
    "compare_trend_worse_title": {
        "fr": "Les territoires qui se sont le plus dégradés",
        "en": "The territories that worsened the most",
    },
    "compare_trend_better_title": {
        "fr": "Les territoires qui se sont le plus améliorés",
        "en": "The territories that improved the most",
    },
    "compare_trend_none_worse": {
        "fr": "Aucun territoire n'est plus fragile en {end} qu'en {start}.",
        "en": "No territory is more fragile in {end} than in {start}.",
    },
    "compare_trend_none_better": {
        "fr": "Aucun territoire n'est moins fragile en {end} qu'en {start}.",
        "en": "No territory is less fragile in {end} than in {start}.",
    },
    "compare_trend_top": {
        "fr": "Au plus {n} de chaque côté ; tous les territoires classés sont dans le classement "
        "complet, sur le graphique et dans le téléchargement.",
        "en": "At most {n} on each side; every ranked territory is in the full ranking, on the "
        "chart and in the download.",
    },
    "compare_trend_all": {
        "fr": "Classement complet, les plus dégradés d'abord ({n} territoires)",
        "en": "Full ranking, the most worsened first ({n} territories)",
    },
    "compare_trend_rank_worse": {
        "fr": "Rang (1 = plus dégradé)",
        "en": "Rank (1 = worsened the most)",
    },
    "compare_trend_rank_better": {
        "fr": "Rang (1 = plus amélioré)",
        "en": "Rank (1 = improved the most)",
    },
    "compare_trend_value": {"fr": "Valeur {period}", "en": "Value {period}"},
    "compare_trend_reading": {"fr": "Lecture", "en": "Reading"},
    "compare_trend_stable": {"fr": "stable", "en": "stable"},
    "compare_trend_note": {
        "fr": "{label} : évolution entre {start} et {end}, {unit}. Rang 1 : la plus forte "
        "évolution vers plus de fragilité ({direction}). « Stable » : évolution nulle à la "
        "précision affichée ; les égalités partagent un rang. Aucune valeur n'est interpolée ; "
        "deux valeurs de millésimes différents ne sont jamais comparées.",
        "en": "{label}: change between {start} and {end}, {unit}. Rank 1: the largest change "
        "towards more fragility ({direction}). “Stable”: no change at the precision shown; ties "
        "share a rank. No value is interpolated; two values of different vintages are never "
        "compared.",
    },
    "compare_trend_points": {
        "fr": "en points de pourcentage",
        "en": "in percentage points",
    },
    "compare_trend_in_unit": {"fr": "en {unit}", "en": "in {unit}"},
    "compare_trend_higher_worse": {
        "fr": "une hausse rend plus fragile",
        "en": "a rise means more fragile",
    },
    "compare_trend_higher_better": {
        "fr": "une baisse rend plus fragile",
        "en": "a fall means more fragile",
    },
    "compare_trend_indicators_only": {
        "fr": "Le classement par évolution porte sur un indicateur, pas sur un domaine : un "
        "indice de domaine est relatif (aux autres territoires ou à la France à la même "
        "période) et ses indicateurs n'ont pas les mêmes périodes.",
        "en": "The ranking by change is of one indicator, not of a domain: a domain index is "
        "relative (to the other territories or to France at the same period) and its indicators "
        "do not share their periods.",
    },
    "compare_trend_chart": {
        "fr": "Évolution de chaque territoire",
        "en": "Change of each territory",
    },
    "compare_trend_axis": {"fr": "Évolution ({unit})", "en": "Change ({unit})"},
    "compare_trend_colours": {
        "fr": "Orange : plus fragile ; violet : moins fragile (quel que soit le sens de "
        "l'indicateur, comme sur la carte des évolutions). Les plus dégradés en haut.",
        "en": "Orange: more fragile; purple: less fragile (whatever the indicator's direction, "
        "as on the change map). The most worsened at the top.",
    },
    "compare_trend_bar": {
        "fr": "{name} : {delta} ({reading})",
        "en": "{name}: {delta} ({reading})",
    },
    "compare_trend_unavailable": {
        "fr": "Non disponible ({n} territoires, non classés)",
        "en": "Not available ({n} territories, not ranked)",
    },
    "compare_trend_reason": {"fr": "Raison", "en": "Reason"},
    "compare_trend_missing_both": {
        "fr": "non disponible : aucune valeur en {start} ni en {end}",
        "en": "not available: no value in {start} nor in {end}",
    },
    "compare_trend_missing_start": {
        "fr": "non disponible : aucune valeur en {start}",
        "en": "not available: no value in {start}",
    },
    "compare_trend_missing_end": {
        "fr": "non disponible : aucune valeur en {end}",
        "en": "not available: no value in {end}",
    },
    "compare_trend_vintage": {
        "fr": "non disponible : valeurs de deux millésimes différents ({vintages}), jamais "
        "comparées",
        "en": "not available: values of two different vintages ({vintages}), never compared",
    },
    "compare_trend_embedded": {"fr": "données intégrées", "en": "embedded data"},
    "compare_trend_download": {
        "fr": "Télécharger le classement par évolution (CSV)",
        "en": "Download the ranking by change (CSV)",
    },
    "compare_trend_start_period": {"fr": "Période de début", "en": "Start period"},
    "compare_trend_start_value": {"fr": "Valeur de début", "en": "Start value"},
    "compare_trend_end_period": {"fr": "Période de fin", "en": "End period"},
    "compare_trend_end_value": {"fr": "Valeur de fin", "en": "End value"},
    "compare_trend_change": {"fr": "Évolution", "en": "Change"},
}
