"""Labels of the Carte's change mode (lib/change_map.py, views/carte.py)."""

LABELS: dict[str, dict[str, str]] = {
    # the mode and the start period
    "change_mode": {"fr": "Afficher", "en": "Show"},
    "change_mode_value": {"fr": "Valeur", "en": "Value"},
    "change_mode_change": {"fr": "Évolution", "en": "Change"},
    "change_from": {"fr": "Depuis", "en": "Since"},
    "change_until": {
        "fr": "Jusqu'à {end} (la période choisie dans le panneau de gauche).",
        "en": "Up to {end} (the period chosen in the left panel).",
    },
    "change_from_unavailable": {
        "fr": "La période de départ {period} n'est pas disponible pour « {label} » ici : "
        "elle est ignorée.",
        "en": "The start period {period} is not available for “{label}” here: it is ignored.",
    },
    "change_from_not_before": {
        "fr": "La période de départ {start} ne précède pas la période {end} : elle est ignorée.",
        "en": "The start period {start} does not come before the period {end}: it is ignored.",
    },
    # the map, its legend and hover
    "change_period": {"fr": "{start} → {end}", "en": "{start} → {end}"},
    "change_class": {"fr": "de {low} à {high}", "en": "{low} to {high}"},
    "change_stable": {"fr": "stable", "en": "stable"},
    "change_detail": {
        "fr": "{start} : {start_value} → {end} : {end_value} · {note}",
        "en": "{start}: {start_value} → {end}: {end_value} · {note}",
    },
    "change_source": {"fr": "Source : {source}", "en": "Source: {source}"},
    "change_vintages_differ": {
        "fr": "valeurs de deux millésimes différents : non comparées",
        "en": "values of two different vintages: not compared",
    },
    # captions and table
    "change_caption": {
        "fr": "{label} : évolution entre {start} et {end} (valeur de {end} moins valeur de "
        "{start}, en {unit}). Source : {source}. Classes de même largeur, symétriques autour de "
        "0 ; gris = non disponible.",
        "en": "{label}: change between {start} and {end} (value at {end} minus value at "
        "{start}, in {unit}). Source: {source}. Classes of equal width, symmetric around 0; "
        "grey = not available.",
    },
    "change_colours_worse": {
        "fr": "Orange : plus fragile (hausse) ; violet : moins fragile (baisse) ; blanc : "
        "proche de 0.",
        "en": "Orange: more fragile (rise); purple: less fragile (fall); white: close to 0.",
    },
    "change_colours_better": {
        "fr": "Orange : plus fragile (baisse) ; violet : moins fragile (hausse) ; blanc : "
        "proche de 0.",
        "en": "Orange: more fragile (fall); purple: less fragile (rise); white: close to 0.",
    },
    "change_colours_none": {
        "fr": "Orange : hausse ; violet : baisse ; blanc : proche de 0 (indicateur sans sens "
        "de fragilité).",
        "en": "Orange: rise; purple: fall; white: close to 0 (an indicator without a fragility "
        "direction).",
    },
    "change_missing": {
        "fr": "Non disponible : territoire sans valeur à l'une des deux périodes, ou dont les "
        "deux valeurs viennent de millésimes différents (jamais comparées) ; aucune valeur "
        "n'est interpolée.",
        "en": "Not available: a territory without a value at one of the two periods, or whose "
        "two values come from different vintages (never compared); no value is interpolated.",
    },
    "change_value_at": {"fr": "Valeur {period}", "en": "Value {period}"},
    "change_col_note": {"fr": "Source ou remarque", "en": "Source or note"},
}
