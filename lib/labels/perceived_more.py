"""Labels of the perceived figures published outside the Observatoire (lib/perceived_more.py,
shown in the profile's perceived section)."""

LABELS: dict[str, dict[str, str]] = {
    "published_title": {
        "fr": "Perceptions publiées hors Observatoire",
        "en": "Perceptions published outside the Observatoire",
    },
    "published_intro": {
        "fr": "Parts de personnes (ou de maires) citant un item dans d'autres enquêtes que celles "
        "de l'Observatoire des partenariats (baromètres, enquêtes de victimation, sondages "
        "régionaux), avec la formulation, l'année, la base et la source publiées. Ce sont des "
        "parts citant un item, pas des notes sur 10 : elles ne se comparent pas aux chiffres de "
        "l'Observatoire, ne s'additionnent pas et n'entrent dans aucun indice. Le territoire "
        "montre ses chiffres, ceux de sa région et les chiffres nationaux (France).",
        "en": "Shares of people (or mayors) citing an item in surveys other than those of the "
        "Observatoire des partenariats (barometers, victimisation surveys, regional polls), with "
        "the wording, year, base and source as published. They are shares citing an item, not "
        "scores out of 10: they are not comparable with the Observatoire's figures, are never "
        "added up and enter no index. The territory shows its own figures, its region's and the "
        "national ones (France). Wordings, bases and notes are quoted in French, as published.",
    },
    "published_none": {
        "fr": "Aucune perception publiée hors Observatoire pour ce territoire et les acteurs "
        "choisis : non disponible.",
        "en": "No perception published outside the Observatoire for this territory and the "
        "chosen actors: not available.",
    },
    "published_block": {
        "fr": "{survey} — {producer} · {scope} ({n} chiffre(s))",
        "en": "{survey} — {producer} · {scope} ({n} figure(s))",
    },
    "published_national": {"fr": "France (chiffres nationaux)", "en": "France (national figures)"},
    "published_col_item": {"fr": "Item (formulation publiée)", "en": "Item (published wording)"},
    "published_col_value": {"fr": "Valeur", "en": "Value"},
    "published_col_actor": {"fr": "Acteur", "en": "Actor"},
    "published_col_year": {"fr": "Année (telle que publiée)", "en": "Year (as published)"},
    "published_col_base": {"fr": "Base", "en": "Base"},
    "published_col_source": {"fr": "Source", "en": "Source"},
    "published_col_note": {"fr": "Remarque", "en": "Note"},
    "published_inverse": {
        "fr": "item inversé : une part élevée signale une fragilité plus faible",
        "en": "inverse item: a high share signals a lower fragility",
    },
    "published_rank": {"fr": "{rank} rang", "en": "ranked {rank}"},
    "published_more_than": {"fr": "plus de {value}", "en": "more than {value}"},
    "published_nearly": {"fr": "près de {value}", "en": "nearly {value}"},
}
