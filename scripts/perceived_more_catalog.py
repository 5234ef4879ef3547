"""What `import_perceived_more.py` imports: the editorial declarations (surveys, actors, hosts,
caveats), every text taken from the research notes (`shared/data/observatoire/
perceived_more_notes.md`, cited by section) or from the research file itself.
"""

from __future__ import annotations

# The research file's `programme` of the rows published outside the Observatoire starts with it.
OUTSIDE_PREFIX = "Hors Observatoire – "

# Programme (without OUTSIDE_PREFIX) -> (producer, survey): the source's link text is the
# producer and the row's study (its edition); the profile groups the rows by survey.
PROGRAMMES = {
    "Baromètre des Territoires (Elabe / Institut Montaigne)": (
        "Elabe / Institut Montaigne",
        "Baromètre des Territoires",
    ),
    "Baromètre AMIF / Journal du Dimanche des maires d'Île-de-France": (
        "AMIF / Journal du Dimanche",
        "Baromètre des maires d'Île-de-France",
    ),
    "Insee, enquête Cadre de vie et sécurité (CVS)": (
        "Insee",
        "Enquête Cadre de vie et sécurité (CVS)",
    ),
    "Odoxa-CGI « La Voix des territoires » (franceinfo, France Bleu, presse régionale)": (
        "Odoxa-CGI (franceinfo, France Bleu, presse régionale)",
        "La Voix des territoires",
    ),
    "Qualistat (moral des Antillais, Guyanais et Réunionnais)": (
        "Qualistat",
        "Moral des Antillais, Guyanais et Réunionnais",
    ),
    "Flash Eurobaromètre « Public opinion in the EU regions » (Commission européenne)": (
        "Commission européenne",
        "Flash Eurobaromètre « Public opinion in the EU regions »",
    ),
    "Ipsos pour SNCF « La vraie vie des Franciliens »": (
        "Ipsos pour SNCF",
        "La vraie vie des Franciliens",
    ),
    "Ipsos, « Les soucis des habitants de l'Île-de-France »": (
        "Ipsos",
        "Les soucis des habitants de l'Île-de-France",
    ),
    "Elabe pour Les Echos (élections régionales 2015)": (
        "Elabe pour Les Echos",
        "Élections régionales 2015",
    ),
    "Opinion of Corsica pour Paroles de Corse / C2C Corse": (
        "Opinion of Corsica pour Paroles de Corse / C2C Corse",
        "Priorités d'action des Corses",
    ),
    "Institut Paris Region, enquête « Victimation et sentiment d'insécurité en Île-de-France »": (
        "Institut Paris Region",
        "Victimation et sentiment d'insécurité en Île-de-France",
    ),
    "Ifop « Les Corses et leur perception de la situation sur l'île »": (
        "Ifop",
        "Les Corses et leur perception de la situation sur l'île",
    ),
    "Baromètre politique SAGIS pour Réunion La 1ère": (
        "SAGIS pour Réunion La 1ère",
        "Baromètre politique",
    ),
    "Ipsos pour le CESE (rapport annuel sur l'état de la France)": (
        "Ipsos pour le CESE",
        "Rapport annuel sur l'état de la France",
    ),
    "Ifop pour les Notaires du Grand Paris / La Tribune / BFM Paris « Quel Grand Paris "
    "voulez-vous ? »": (
        "Ifop pour les Notaires du Grand Paris / La Tribune / BFM Paris",
        "Quel Grand Paris voulez-vous ?",
    ),
}

# Actor as published -> the project's actor id (notes §3, "Actor mapping"; data/actors.csv:
# `collectivites` = "Collectivités et élus locaux (maires)"). The published label is kept.
ACTORS = {
    "citoyens": "citoyens",
    "maires": "collectivites",
    "maires (communes de plus de 10 000 habitants)": "collectivites",
}

# Units as published -> the project's unit ids.
UNITS = {"%": "%", "rang": "rank", "texte": "text"}
QUALIFIERS = ("plus de", "près de")  # "30 (« plus de »)": the number and its qualifier

# Inverse items: a higher share means a lower perceived fragility (notes §4.3); their
# `indicator` says « indicateur inverse », which the import checks against this list.
INVERSE = {
    "PER-019",
    "PER-022",
    "PER-028",
    "PER-031",
    "PER-032",
    "PER-037",
    "PER-045",
    "PER-046",
    "PER-047",
    "PER-048",
    "PER-050",
}

# Words of a `year` text that make its year not clean (the notes flag it), notes' conventions.
UNCLEAN_YEAR_WORDS = ("déduit", "à vérifier", "non précisé")

LICENCE = (
    "Citation courte (droit de citation, art. L122-5 CPI) ; page non placée sous licence libre"
)

# Hosts of the surveys' producers: a page there is the publisher's own (institutmontaigne.org
# co-publishes the Baromètre des Territoires). Any other host relays the survey.
PRODUCER_HOSTS = {
    "www.institutmontaigne.org",
    "www.ipsos.com",
    "ifop.com",
    "www.institutparisregion.fr",
}
# Copies rather than pages (notes §4.5).
COPY_HOSTS = {
    "lillianwramirez.s3.amazonaws.com": "copie miroir (S3) d'un article Localtis, dont "
    "l'original n'est pas dans le corpus lu",
    "euro.dayfr.com": "traduction anglaise automatique (miroir dayfr) d'un article Localtis : "
    "la citation est en anglais",
    "news.dayfr.com": "miroir dayfr reprenant un article de presse régionale",
    "pdfslide.fr": "copie d'un PDF sur un site de partage de documents (extraction aux espaces "
    "manquants)",
}

# Row caveats from the notes, shown beside the figure.
ROW_NOTES = {
    ("PER-003",): "Item combiné « situation économique / chômage » rattaché à l'emploi ; il "
    "pourrait l'être au développement économique (notes, §4.6).",
    ("PER-103",): "Item combiné « développement économique et emploi » rattaché à l'emploi ; il "
    "pourrait l'être au développement économique (notes, §4.6).",
    ("PER-029",): "Lecture probable : extrait PDF tronqué, le prédicat « défauts » est lu dans "
    "le titre de section « carences de mobilité » et chez France Bleu (notes, §4.5).",
    ("PER-045",): "France Bleu Bretagne écrit « sept Bretons sur 10 », francetvinfo 75 % : "
    "75 % est retenu (notes, §4.4).",
    ("PER-047", "PER-048"): "CNews écrit que 57 % des Franciliens « ne se sentent pas en "
    "sécurité » ; la lecture de francetvinfo (se sentent en sécurité), conforme à la question "
    "posée dans les autres régions, est retenue (notes, §4.4).",
    ("PER-068", "PER-069", "PER-070", "PER-071"): "Sous-échantillon régional d'un échantillon "
    "national, de taille non publiée : indicatif seulement (notes, §4.2).",
    ("PER-035", "PER-036"): "Fiche régionale titrée « Provence-Alpes-Côte d'Azur & Corse », "
    "échantillon de 801 habitants de PACA : chiffre de PACA, jamais de la Corse (notes, §8).",
}

# Source caveats from the notes: added to the verification note of the source this row cites.
SOURCE_NOTES = {
    "PER-002": "Vague de l'Eurobaromètre non précisée dans l'extrait (chiffres UE "
    "concordants avec la vague publiée en mars 2024, à vérifier) ; seules les 5 premières "
    "réponses par région sont publiées.",
    "PER-080": "Année 2015 déduite : un article de 20minutes du 15/10/2015 présente la même étude.",
    "PER-045": "Lectures de presse divergentes pour la Bretagne, l'Île-de-France et les "
    "Hauts-de-France (France Bleu, CNews) : voir la remarque des lignes concernées.",
    "PER-029": "PER-029 : lecture probable (extrait tronqué).",
    "PER-068": "Sous-échantillons régionaux de taille non publiée : indicatifs.",
    "PER-113": "Date de la vague non précisée (postérieure à septembre 2008) ; effectif non lu.",
}

# Left out on purpose, with the notes' reason (reported).
LEFT_OUT = [
    "Items politiques (immigration, fiscalité locale, « situation politique ») : non relevés "
    "par la recherche (notes, §4.7).",
    "Expériences plutôt que priorités (fins de mois difficiles, Crédoc, Apprentis d'Auteuil, "
    "VRS 2023 par département, DREES par type de commune, cahiers du Grand débat) : non "
    "relevés (notes, §4.9).",
]
