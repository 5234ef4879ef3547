"""Interface labels in French (default) and English; every label on screen comes from here."""

from __future__ import annotations

LANGUAGES = {"fr": "Français", "en": "English"}
DEFAULT_LANGUAGE = "fr"

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
        "région ; choisissez-en un autre ci-dessous.",
        "en": "Where are territories most fragile, and how do actors work together to respond? "
        "This map shows one fragility indicator by region; pick another one below.",
    },
    "indicator": {"fr": "Indicateur", "en": "Indicator"},
    "source": {"fr": "Source", "en": "Source"},
    "year": {"fr": "Année", "en": "Year"},
    "territory": {"fr": "Territoire", "en": "Territory"},
    "value": {"fr": "Valeur", "en": "Value"},
    "rank": {"fr": "Rang (1 = plus fragile)", "en": "Rank (1 = most fragile)"},
    "not_available": {"fr": "non disponible", "en": "not available"},
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
    "legend_title": {"fr": "Classes", "en": "Classes"},
    "higher_is_worse": {
        "fr": "Une valeur plus élevée signale plus de fragilité.",
        "en": "A higher value signals more fragility.",
    },
    "higher_is_better": {
        "fr": "Une valeur plus basse signale plus de fragilité.",
        "en": "A lower value signals more fragility.",
    },
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label `key` in `lang` (French when missing), with `{placeholders}` filled in."""
    entry = LABELS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
