"""Labels of the take-away exports: the territory fact sheet (lib/onepager.py) and its download
on the profile page."""

LABELS: dict[str, dict[str, str]] = {
    "exp_sheet": {"fr": "Fiche territoire", "en": "Territory fact sheet"},
    "exp_generated": {
        "fr": "{sheet} · {app} · générée le {date}",
        "en": "{sheet} · {app} · generated on {date}",
    },
    "exp_date_format": {"fr": "%d/%m/%Y à %H:%M", "en": "%Y-%m-%d %H:%M"},
    "exp_page": {"fr": "page {page}/{pages}", "en": "page {page}/{pages}"},
    "exp_map_region": {
        "fr": "En bleu : {name}, parmi les régions de France (outre-mer en encadrés à l'ouest, "
        "échelles différentes).",
        "en": "In blue: {name}, among the regions of France (overseas regions as insets to the "
        "west, different scales).",
    },
    "exp_map_department": {
        "fr": "En bleu : {name}, parmi les départements de sa région.",
        "en": "In blue: {name}, among the departments of its region.",
    },
    "exp_no_index_for": {
        "fr": "Indice non disponible pour : {domains}.",
        "en": "Index not available for: {domains}.",
    },
    "exp_index": {"fr": "Indice", "en": "Index"},
    "exp_trend_title": {"fr": "Évolution : {label}", "en": "Trend: {label}"},
    "exp_trend_note": {
        "fr": "Aucune valeur n'est interpolée : une période manquante coupe la ligne ; des "
        "séries de millésimes différents ne sont jamais reliées. La dernière évolution de "
        "chaque chiffre clé : colonne « Évolution » ; chaque série : page « Profil de "
        "territoire » de l'application.",
        "en": "No value is interpolated: a missing period breaks the line; series of different "
        "vintages are never joined. The last change of each key figure: “Change” column; "
        "each series: the app's “Territory profile” page.",
    },
    "exp_rank": {"fr": "Rang sur {members}", "en": "Rank of {members}"},
    "exp_alliances_scope": {
        "fr": "Types de pratiques de partenariat, et chiffres propres au territoire ou à sa "
        "région, pour les acteurs choisis (tous si aucun).",
        "en": "Partnership practice types, and the territory's or its region's own figures, for "
        "the chosen actors (all when none).",
    },
    "exp_alliances_more": {
        "fr": "{n} autres chiffres (niveau territorial, engagement, perceptions, effets…) : "
        "page « Profil de territoire » ou « Alliances » de l'application.",
        "en": "{n} more figures (territorial level, engagement, perceptions, effects…): "
        "“Territory profile” or “Alliances” page of the app.",
    },
    "exp_sources_title": {
        "fr": "Sources des chiffres de cette fiche",
        "en": "Sources of the figures in this sheet",
    },
    "exp_download_pdf": {
        "fr": "Télécharger la fiche du territoire (PDF)",
        "en": "Download the territory fact sheet (PDF)",
    },
    "exp_download_pdf_help": {
        "fr": "Fiche A4 de 2 ou 3 pages préparée au clic (quelques secondes), avec les filtres "
        "actuels : carte, chiffres clés, indices par domaine, lecture perçu / objectif, "
        "pratiques d'alliance et sources.",
        "en": "Two- or three-page A4 sheet made on click (a few seconds) with the current "
        "filters: map, key figures, domain indices, perceived vs objective reading, alliance "
        "practices and sources.",
    },
    "exp_local_download_pdf": {"fr": "Fiche PDF", "en": "PDF fact sheet"},
    "exp_local_download_pdf_help": {
        "fr": "Fiche A4 préparée au clic : chiffres clés, indices par domaine parmi les "
        "territoires comparables, emboîtement, évolution, initiatives, sources.",
        "en": "A4 sheet made on click: key figures, domain indices among comparable "
        "territories, nesting, trend, initiatives, sources.",
    },
    "exp_licence": {"fr": "{source} — licence : {licence}", "en": "{source} — licence: {licence}"},
    "exp_rows_more": {
        "fr": "{n} autres lignes : page « Profil de territoire » de l'application.",
        "en": "{n} more rows: the app's “Territory profile” page.",
    },
}
