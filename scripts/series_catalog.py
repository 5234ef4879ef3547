"""What `import_series.py` imports: sources, research files and new concepts (editorial data).

Every text here comes from the research folder's README and notes
(`shared/data/indicators/series/notes_*.md`): where each series was read, its licence, what was
cross-checked against what (verification status), its caveats, and the definitions and labels
of the concepts it adds. `import_series.py` turns these declarations into the data files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

VERIFICATION = ("verified", "partly_verified", "unverified")

# --------------------------------------------------------------------------- sources

LO = "Licence Ouverte / Etalab 2.0 (mention « Source : Insee »)"
LO_THIRD_PARTY = (
    "Licence Ouverte / Etalab 2.0 (données Insee) ; copie d'un dépôt tiers sans fichier de licence"
)
ITDD = (
    "Insee & SOeS (CGDD, aujourd'hui SDES), Indicateurs territoriaux de développement durable "
    "(ITDD), données détaillées"
)
ITDD_READ = (
    "lu dans github.com/marysean/odd data_src/France/ITDD-DonneesDetaillees.xls @ 797a94a6 "
    "(sha256 d0d924fe…), feuille {sheet}"
)
ITDD_LICENCE = (
    "Licence Ouverte / Etalab (mention « Source : Insee ; SOeS ») ; copie dans un dépôt MIT"
)
ITDD_NOTE = (
    "Édition non datée (dernières données 2014, régions 2016, vers 2016) ; une 2e copie du même "
    "dépôt a les mêmes valeurs dans chaque cellule. Valeurs arrondies à 4 décimales."
)
DD2018 = (
    "Insee (avec le SDES), Indicateurs de développement durable régionaux et départementaux, "
    "DD-indic-reg-dep_janv2018.xls"
)
DD2018_READ = (
    "lu dans github.com/marineadb/INSEE_project DD-indic-reg-dep_janv2018.xls @ 0f5b096e, "
    "feuille Social (copie aux mêmes valeurs dans github.com/alexcornier/INSEE @ a5dc6e12)"
)
FILO2019 = (
    "Insee-DGFiP-Cnaf-Cnav-CCMSA, Filosofi 2019 (base-cc-filosofi-2019, fichiers du 27/06/2022)"
)
FILO2019_READ = (
    "lu dans github.com/oliviercailloux/R-forces base-cc-filosofi-2019_CSV.zip @ 6d0dcaf5 "
    "(copie non modifiée du zip Insee : cc_filosofi_2019_DEP, REG, METRO, EPCI)"
)
PTOD = "github.com/vincentroue/ptod-observatoire-territorial"
PTOD_READ = (
    f"lu dans {PTOD} src/data/agg_dep_full.json, agg_reg_full.json @ f5b8df2 et "
    "agg_epci.json @ ada33c7 (fichiers retirés depuis) ; définitions dans "
    "src/helpers/indicators-ddict-js.js"
)
PTOD_NOTE = (
    "Agrégats Insee recalculés par un dépôt tiers ; France métropolitaine seulement ; EPCI en "
    "géographie au 1er janvier 2025 (fonds nodom_epci_2025), Paris exclu, les 11 établissements "
    "publics territoriaux du Grand Paris à la place de la Métropole."
)
SSMSI = "SSMSI (ministère de l'Intérieur)"
SSMSI_TITLE = (
    "Base statistique départementale de la délinquance enregistrée par la police et la "
    "gendarmerie nationales, édition 2025 (géographie 2025, produite le 22/01/2026) : {what}"
)
SSMSI_READ = (
    "data.gouv.fr donnee-dep-data.gouv-2025-geographie2025-produit-le2026-01-22.csv ; lu dans "
    "github.com/Lingelo/carte-delinquance public/data/delinquance.json @ 28b36239 (copie "
    "automatique du fichier, virgules décimales converties)"
)
SSMSI_NOTE = (
    "Faits enregistrés : dépendent du dépôt de plainte ; 2020 marqué par les confinements ; "
    "population de référence choisie par le SSMSI (millésime absent de la copie)."
)
SSMSI_TOTALS = (
    "Total national 2024 (somme des 101 départements) comparé au bilan SSMSI « Insécurité et "
    "délinquance en 2024 » (11/07/2025, repris par crsi-paris.fr) : {sum} ici contre {bilan}, "
    "égal à la centaine près."
)
SSMSI_RATES = (
    " Taux départementaux 2016-2021 comparés à l'édition 2021 du SSMSI (github.com/ssmsi-diffusion/"
    "Application_donnees_territoriales, 96 départements) : écart relatif médian {median}, "
    "maximum {max}, cohérent avec les révisions entre éditions."
)


# Publisher as the app shows it (the producer, spelled as in data/sources.csv) -> the rest of the
# research file's publisher text, kept at the start of the source's note.
PRODUCERS = {
    SSMSI: ("SSMSI (ministère de l'Intérieur)", ""),
    "DREES (sources CNAF, MSA) ; Insee": (
        "DREES / INSEE",
        "Sources CNAF et MSA ; population Insee.",
    ),
    "Insee (agrégation par un dépôt tiers)": ("INSEE", "Agrégation par un dépôt tiers."),
    "Insee (taux calculé par un dépôt tiers)": ("INSEE", "Taux calculé par un dépôt tiers."),
    ITDD: ("INSEE / SDES", "Indicateurs territoriaux de développement durable (ITDD)."),
    "Insee & SOeS (CGDD, aujourd'hui SDES), ITDD": (
        "INSEE / SDES",
        "Indicateurs territoriaux de développement durable (ITDD).",
    ),
    "SOeS (CGDD, aujourd'hui SDES) ; diffusion Insee ITDD": (
        "SDES / INSEE",
        "SOeS (CGDD, aujourd'hui SDES), diffusion Insee ITDD.",
    ),
    "Insee-DGFiP-Cnaf-Cnav-CCMSA, Filosofi 2021 (repris par un dépôt tiers)": (
        "INSEE-DGFiP-Cnaf-Cnav-CCMSA",
        "Filosofi 2021, repris par un dépôt tiers.",
    ),
    "Insee-DGFiP-Cnaf-Cnav-CCMSA, Filosofi 2017 (assemblé par un tiers)": (
        "INSEE-DGFiP-Cnaf-Cnav-CCMSA",
        "Filosofi 2017, assemblé par un tiers.",
    ),
    "Insee": ("INSEE", ""),
    DD2018: (
        "INSEE / SDES",
        "Indicateurs de développement durable régionaux et départementaux, "
        "DD-indic-reg-dep_janv2018.xls.",
    ),
    FILO2019: (
        "INSEE-DGFiP-Cnaf-Cnav-CCMSA",
        "Filosofi 2019 (base-cc-filosofi-2019, fichiers du 27/06/2022).",
    ),
}


@dataclass(frozen=True)
class Source:
    """One row of sources_series.csv."""

    source_id: str
    title: str
    publisher: str
    year: str
    url_or_package: str
    licence: str
    note: str
    verification: str
    verification_note: str


SOURCES = [
    Source(
        "series-ssmsi-violences-physiques",
        SSMSI_TITLE.format(what="violences physiques hors cadre familial (victimes)"),
        SSMSI,
        "2026",
        SSMSI_READ,
        "Licence Ouverte / Etalab 2.0",
        SSMSI_NOTE + " Nouvelle nomenclature : non comparable aux anciens « coups et blessures "
        "volontaires ».",
        "partly_verified",
        SSMSI_TOTALS.format(sum="205 459", bilan="205 500") + " Taux départementaux non "
        "vérifiés : l'édition 2021 utilisait l'ancienne catégorie (écart médian −21 %).",
    ),
    Source(
        "series-ssmsi-vols-sans-violence",
        SSMSI_TITLE.format(what="vols sans violence contre des personnes (victimes entendues)"),
        SSMSI,
        "2026",
        SSMSI_READ,
        "Licence Ouverte / Etalab 2.0",
        SSMSI_NOTE,
        "verified",
        SSMSI_TOTALS.format(sum="607 772", bilan="607 800")
        + SSMSI_RATES.format(median="+0,6 % à +0,9 %", max="4,5 %"),
    ),
    Source(
        "series-ssmsi-cambriolages",
        SSMSI_TITLE.format(what="cambriolages de logement (infractions)"),
        SSMSI,
        "2026",
        SSMSI_READ,
        "Licence Ouverte / Etalab 2.0",
        SSMSI_NOTE + " Dénominateur : logements (insee_log), absent de la copie : pas de taux "
        "régional ni national.",
        "verified",
        SSMSI_TOTALS.format(sum="218 156", bilan="218 200")
        + SSMSI_RATES.format(median="+0,1 % à +2,2 %", max="5,8 %"),
    ),
    Source(
        "series-drees-aah",
        "Allocataires de l'AAH au 31/12 (Minima sociaux : données départementales par "
        "dispositif, tableau 1) rapportés à la population de 20 à 64 ans au 1er janvier suivant "
        "(Estimations de population, édition janvier 2022)",
        "DREES (sources CNAF, MSA) ; Insee",
        "2022",
        "lu dans github.com/patrickaubert/asdep @ 0b5d08d4 data-raw/ (xlsx DREES, commit "
        "354aafea ; xlsx Insee estim-pop-dep-sexe-aq-1975-2022, commit c18f5752)",
        "Licence Ouverte / Etalab 2.0",
        "Taux calculés ici. 2016 : colonne « 2016 (1) » (nouveau système CNAF, comparable à "
        "2017+) ; 2017 révisé en février 2019 ; dénominateur au 1/1/2020 provisoire. CAF de "
        "gestion ; Guadeloupe : numérateur avec Saint-Barthélemy et Saint-Martin ; Mayotte non "
        "comparable. Pas de données 2020+ dans ce fichier.",
        "verified",
        "Comparé aux pages CREAI « handidonnées » (allocataires AAH pour 1 000 habitants de 20 à "
        "64 ans) : 2019, 12 départements de Nouvelle-Aquitaine, effectifs identiques, taux à "
        "0,0-0,3 ‰ près ; Nouvelle-Aquitaine 37,7 contre 37,6 ‰ ; France 32,6 = 32,6 ‰ ; "
        "Vaucluse 2018 34,5 = 34,5 ‰. Écarts 2016-2017 expliqués (ancien système CNAF, chiffre "
        "2017 avant révision).",
    ),
    Source(
        "series-rp-80-plus-seuls",
        "Recensement de la population 2011, 2016, 2022 (base Couples-Familles-Ménages) : "
        "personnes de 80 ans ou plus vivant seules",
        "Insee (agrégation par un dépôt tiers)",
        "2025",
        f"lu dans {PTOD} src/data/agg_dep_full.json et agg_reg_full.json @ 7667cdb0 (retirés "
        "au commit suivant) ; formule dmv_80p_seul_pct du dictionnaire du dépôt",
        LO_THIRD_PARTY,
        "France métropolitaine seulement ; la ligne nationale « France » du dépôt (sans outre-mer) "
        "est codée France métropolitaine par déduction.",
        "unverified",
        "Non vérifié : aucune seconde source départementale ou régionale trouvée (à comparer aux "
        "tableaux FAM G2 du dossier complet Insee).",
    ),
    Source(
        "series-itdd-voiture-travail",
        "Part des actifs occupés allant travailler en voiture (RP2008, RP2013)",
        ITDD,
        "2016",
        ITDD_READ.format(sheet="Economie"),
        ITDD_LICENCE,
        ITDD_NOTE,
        "partly_verified",
        "Cohérence interne : voiture + transports en commun + autre = 100 % sur les 246 lignes. "
        "Une seule valeur comparée à une source indépendante : Bretagne 2013, 80,15 % contre "
        "0,95 × 84,5 % = 80,3 % (Insee Flash Bretagne n° 31, mai 2017, données arrondies).",
    ),
    Source(
        "series-itdd-soins-7mn",
        "Part de la population à plus de 7 minutes des services de santé de proximité (2014)",
        ITDD,
        "2016",
        ITDD_READ.format(sheet="Social"),
        ITDD_LICENCE,
        ITDD_NOTE + " Rupture de série : pas de valeur antérieure.",
        "unverified",
        "Non vérifié : l'Observatoire des territoires confirme l'existence et la définition de "
        "l'indicateur (version bassins de vie), aucune valeur régionale ou départementale "
        "comparée.",
    ),
    Source(
        "series-itdd-artificialisation",
        "Part des surfaces artificialisées (Corine Land Cover 2006 révisé, 2012)",
        "SOeS (CGDD, aujourd'hui SDES) ; diffusion Insee ITDD",
        "2016",
        ITDD_READ.format(sheet="Environnement"),
        ITDD_LICENCE,
        ITDD_NOTE + " Unité minimale de 25 ha (10 ha outre-mer) : sous-estime l'artificialisation "
        "diffuse ; ni la consommation d'espaces NAF du Cerema ni Teruti-Lucas.",
        "partly_verified",
        "Une seule valeur nationale, arrondie : France métropolitaine 2012 = 5,54 % contre « 6 % » "
        "(SOeS, CLC 2012, repris par actu-environnement). Aucune valeur départementale comparée.",
    ),
    Source(
        "series-itdd-zone-inondable",
        "Part de la population estimée en zone inondable (RP2008, RP2013)",
        "Insee & SOeS (CGDD, aujourd'hui SDES), ITDD",
        "2016",
        ITDD_READ.format(sheet="Social"),
        ITDD_LICENCE,
        ITDD_NOTE + " Débordement de cours d'eau seulement (enveloppe maximale connue). "
        "Guadeloupe, Guyane, Martinique, Mayotte absentes ; Martinique et Guyane 2013 écartées "
        "(tableaux régional et départemental contradictoires) ; pas de ligne France hors Mayotte "
        "(la ligne « France » du fichier égale la métropole).",
        "partly_verified",
        "Comptage seulement : la page ITDD du SDES dit « 12 départements ont plus de 20 % de leur "
        "population en zone inondable » ; le fichier en a exactement 12 en 2008 et en 2013. Écart "
        "non résolu : la même page donne 11 % pour la France en 2009, le fichier 10,0 / 10,5 %.",
    ),
    Source(
        "series-itdd-electricite-renouvelable",
        "Part de l'électricité renouvelable dans la consommation d'électricité (2005, 2009)",
        "SOeS (CGDD, aujourd'hui SDES) ; diffusion Insee ITDD",
        "2016",
        ITDD_READ.format(sheet="Environnement"),
        ITDD_LICENCE,
        ITDD_NOTE + " Régions métropolitaines seulement ; production rapportée à la "
        "consommation : une région exportatrice peut dépasser 100 %.",
        "unverified",
        "Non vérifié : l'Observatoire des territoires confirme l'indicateur et sa définition "
        "(ITDD, SOeS) ; aucune valeur régionale comparée (les chiffres nationaux publiés "
        "ailleurs ont d'autres dénominateurs).",
    ),
    Source(
        "series-rp-taux-emploi",
        "Recensement de la population 2016 et 2022 : taux d'emploi des 15-64 ans",
        "Insee (taux calculé par un dépôt tiers)",
        "2025",
        PTOD_READ,
        LO_THIRD_PARTY,
        PTOD_NOTE + " Formule du dépôt : (C_ACT1564 − P_CHOM1564) / P_POP1564.",
        "partly_verified",
        "4 valeurs sur 2 territoires comparées au dossier complet Insee RP2022 (géographie "
        "2025) : Meurthe-et-Moselle 60,92 / 64,47 contre 60,9 / 64,5 ; CC Terres des Confluences "
        "(200066322) 60,14 / 61,6 contre 60,1 / 61,6.",
    ),
    Source(
        "series-rp-evolution-emploi",
        "Recensement de la population 2011, 2016, 2022 : évolution annuelle moyenne de l'emploi "
        "total au lieu de travail",
        "Insee (taux calculé par un dépôt tiers)",
        "2025",
        PTOD_READ,
        LO_THIRD_PARTY,
        PTOD_NOTE + " Emploi total du recensement : pas l'emploi salarié trimestriel "
        "(Estel/Urssaf).",
        "unverified",
        "Non vérifié : aucune seconde source comparée.",
    ),
    Source(
        "series-rp-chomage-15-24",
        "Recensement de la population 2011, 2016, 2022 : taux de chômage des 15-24 ans (sens du "
        "recensement)",
        "Insee (taux calculé par un dépôt tiers)",
        "2025",
        PTOD_READ,
        LO_THIRD_PARTY,
        PTOD_NOTE + " Formule : P_CHOM1524 / P_ACT1524 ; chômage déclaré au recensement, pas "
        "le chômage au sens du BIT.",
        "partly_verified",
        "Une seule valeur vérifiée : Meurthe-et-Moselle 2022, 22,47 % = (40 830 − 31 655) / "
        "40 830 d'après les effectifs de la page Insee (dossier complet) ; le reste non vérifié.",
    ),
    Source(
        "series-dd2018-jeunes-non-inseres",
        "Part des jeunes non insérés (ni en emploi, ni en formation), 2009 et 2014",
        DD2018,
        "2018",
        DD2018_READ,
        LO,
        "Tranche d'âge non indiquée dans le fichier. Valeurs arrondies à 0,1. Mayotte non "
        "disponible.",
        "unverified",
        "Non vérifié ; définition ambiguë : la valeur nationale 2014 du fichier (23,2 %) ne "
        "correspond pas à l'indicateur de l'Observatoire des territoires (15,7 %), qui porte "
        "sur une autre tranche d'âge.",
    ),
    Source(
        "series-dd2018-pauvrete-2014",
        "Taux de pauvreté (seuil 60 %), Filosofi 2014, régions",
        DD2018,
        "2018",
        DD2018_READ,
        LO,
        "Régions et France métropolitaine ; Guadeloupe, Guyane et Mayotte non disponibles. "
        "Valeurs arrondies à 0,1 (6 décimales dans le fichier).",
        "unverified",
        "Non vérifié : aucune seconde source comparée.",
    ),
    Source(
        "series-dd2018-esperance-vie",
        "Espérance de vie à la naissance des hommes et des femmes, 2010 et 2015",
        DD2018,
        "2018",
        DD2018_READ,
        LO,
        "Ligne « France » du fichier : y compris Mayotte lorsque les données sont disponibles. "
        "Mayotte sans valeur 2010.",
        "partly_verified",
        "Seine-Saint-Denis 2015 : 79,1 ans (hommes) et 84,4 ans (femmes) égaux aux valeurs "
        "Insee citées par BFMTV (16/01/2018). Écart non expliqué : le même article donne 79,5 / "
        "85,3 ans pour la France, le fichier 79,0 / 85,1 ans.",
    ),
    Source(
        "series-filosofi2019-pauvrete",
        "Taux de pauvreté (seuil 60 %), Filosofi 2019",
        FILO2019,
        "2022",
        FILO2019_READ,
        LO,
        "EPCI dans la géographie de diffusion de Filosofi 2019 (millésime non confirmé).",
        "verified",
        f"Identique aux agrégats de {PTOD} (seconde copie) pour 96/96 départements, 13/13 "
        "régions et 1 231/1 231 EPCI communs.",
    ),
    Source(
        "series-filosofi2021-pauvrete",
        "Taux de pauvreté (seuil 60 %), Filosofi 2021",
        "Insee-DGFiP-Cnaf-Cnav-CCMSA, Filosofi 2021 (repris par un dépôt tiers)",
        "2024",
        PTOD_READ,
        LO_THIRD_PARTY,
        PTOD_NOTE,
        "verified",
        "Identique aux valeurs 2021 déjà présentes dans l'application (autres copies des "
        "fichiers Insee) pour 96/96 départements et 4/4 régions (notes) ; l'import confirme 100 "
        "lignes identiques sur 100 comparées.",
    ),
    Source(
        "series-filosofi2019-pauvrete-moins-30",
        "Taux de pauvreté des ménages dont le référent fiscal a moins de 30 ans (TP60AGE119), "
        "Filosofi 2019",
        FILO2019,
        "2022",
        FILO2019_READ,
        LO,
        "615 EPCI sur 1 240 : les autres sont couverts par le secret statistique.",
        "partly_verified",
        "Fichier officiel en copie unique : ses autres colonnes (taux de pauvreté, niveau de vie "
        "médian) sont identiques à une seconde copie ; cette colonne n'a pas été comparée.",
    ),
    Source(
        "series-filosofi2019-niveau-vie",
        "Niveau de vie médian (revenu disponible par unité de consommation), Filosofi 2019",
        FILO2019,
        "2022",
        FILO2019_READ,
        LO,
        "EPCI dans la géographie de diffusion de Filosofi 2019 (millésime non confirmé).",
        "verified",
        f"Identique aux agrégats de {PTOD} pour 96/96 départements, 13/13 régions et "
        "1 231/1 231 EPCI ; identique au fichier Filosofi assemblé par Rxdy/ML-DMA pour les 5 "
        "départements comparés (01, 93, 75, 976, 973).",
    ),
    Source(
        "series-filosofi2021-niveau-vie",
        "Niveau de vie médian (revenu disponible par unité de consommation), Filosofi 2021",
        "Insee-DGFiP-Cnaf-Cnav-CCMSA, Filosofi 2021 (repris par un dépôt tiers)",
        "2024",
        PTOD_READ,
        LO_THIRD_PARTY,
        PTOD_NOTE,
        "verified",
        "Identique aux valeurs 2021 déjà présentes dans l'application pour 96/96 départements "
        "et 7/7 régions (notes ; l'import confirme 103 lignes identiques sur 103 comparées) ; "
        "identique au fichier de Rxdy/ML-DMA pour 11 départements.",
    ),
    Source(
        "series-filosofi2017-niveau-vie",
        "Niveau de vie médian, Filosofi 2017 (colonne MED17 de cc_filosofi_2017_DEP)",
        "Insee-DGFiP-Cnaf-Cnav-CCMSA, Filosofi 2017 (assemblé par un tiers)",
        "2020",
        "lu dans github.com/Rxdy/ML-DMA @ c0f7fcac dechets/data/raw/"
        "insee_revenu_median_dep_2013_2021.csv",
        "Licence Ouverte / Etalab 2.0 (données Insee) ; licence du dépôt non vérifiée",
        "96 départements métropolitains, Martinique et La Réunion. Les valeurs 2013 et 2015 du "
        "même fichier (moyennes non entières) sont écartées.",
        "unverified",
        "Non vérifié : source unique.",
    ),
    Source(
        "series-insee-chomage-localise",
        "Taux de chômage localisés (BIT), moyennes trimestrielles CVS, 2014-T1 à 2023-T3 (série "
        "mise à jour le 20/12/2023)",
        "Insee",
        "2023",
        "https://www.insee.fr/fr/statistiques/2012804 ; lu dans "
        "github.com/yvpierre/epsi-mspr-big-data valeurs_trimestrielles.csv @ f78ba57c (export "
        "des séries Insee, un idBank par ligne ; cette version contient les DOM)",
        LO,
        "Même fichier et même mise à jour que la valeur 2023-T3 déjà présente (2023-T3 "
        "provisoire). Régions 01 à 04 : série du département. Mayotte non publiée. Moyennes "
        "annuelles non calculées.",
        "verified",
        "Égal aux premières publications : 2020-T2 Aude 9,4, Occitanie 8,4, France 7,1 "
        "(France Bleu) ; 2019-T2 Hauts-de-France 10,4, France métropolitaine 8,2 (DREETS). "
        "Petits écarts dus aux révisions Insee : Hérault 10,2 contre 10,0, Pyrénées-Orientales "
        "11,4 contre 11,1 (2020-T2), Aisne 11,8 contre 11,6 (2019-T2). Les 119 valeurs 2023-T3 "
        "de l'application sont identiques.",
    ),
]

# --------------------------------------------------------------------------- series


def _is(column: str, value: str) -> Callable[[pd.Series], bool]:
    return lambda row: row[column] == value


def _has(column: str, text: str) -> Callable[[pd.Series], bool]:
    return lambda row: text in row[column]


def _epci(year: str) -> Callable[[pd.Series], bool]:
    return lambda row: row["level"] == "epci" and row["year"] == year


def _ept(row: pd.Series) -> bool:
    return row["territory_name"].startswith("EPT ")


COMPUTED_SSMSI = "calculé : somme des faits départementaux / somme des populations × 1 000"
COMPUTED_AAH_REG = "calculé : somme des allocataires / somme des 20-64 ans des départements × 100"
COMPUTED_AAH_FR = "calculé : ligne nationale DREES (arrondie à la centaine) / population Insee"
EPCI_2019 = "EPCI : géographie de diffusion Filosofi 2019 (millésime non confirmé)"
EPCI_2025 = "EPCI : géographie au 1er janvier 2025"
EPT = "établissement public territorial du Grand Paris (pas un EPCI à fiscalité propre)"
DD2018_FRANCE = "« France » du fichier : y compris Mayotte lorsque les données sont disponibles"
SSMSI_NOTES = (
    (_is("level", "region"), COMPUTED_SSMSI),
    (_is("level", "france"), COMPUTED_SSMSI),
)


@dataclass(frozen=True)
class Series:
    """One research file: its concept, its source(s) by period and its row notes."""

    file: str
    concept: str
    sources: dict[str, str]  # period -> source id; "" = every other period
    notes: tuple[tuple[Callable[[pd.Series], bool], str], ...] = field(default=())

    def source_of(self, period: str) -> str:
        found = self.sources.get(period, self.sources.get(""))
        if found is None:
            raise ValueError(f"{self.file}: no source for period {period}")
        return found


SERIES = [
    Series(
        "violences_physiques_hors_cadre_familial.csv",
        "violences_physiques_hors_cadre_familial",
        {"": "series-ssmsi-violences-physiques"},
        SSMSI_NOTES,
    ),
    Series(
        "vols_sans_violence_contre_personnes.csv",
        "vols_sans_violence_contre_personnes",
        {"": "series-ssmsi-vols-sans-violence"},
        SSMSI_NOTES,
    ),
    Series("cambriolages_logement.csv", "cambriolages_logement", {"": "series-ssmsi-cambriolages"}),
    Series(
        "taux_allocataires_aah_20_64.csv",
        "taux_allocataires_aah_20_64",
        {"": "series-drees-aah"},
        ((_is("level", "region"), COMPUTED_AAH_REG), (_is("level", "france"), COMPUTED_AAH_FR)),
    ),
    Series(
        "part_80_plus_vivant_seuls.csv",
        "part_80_plus_vivant_seuls",
        {"": "series-rp-80-plus-seuls"},
        ((_is("level", "france"), "ligne « France » du dépôt, sans outre-mer : codée métropole"),),
    ),
    Series(
        "mobilite_part_actifs_voiture_domicile_travail.csv",
        "part_actifs_occupes_voiture_domicile_travail",
        {"": "series-itdd-voiture-travail"},
    ),
    Series(
        "mobilite_part_pop_plus_7mn_soins_proximite.csv",
        "part_population_plus_7mn_services_sante_proximite",
        {"": "series-itdd-soins-7mn"},
    ),
    Series(
        "environnement_part_surfaces_artificialisees_clc.csv",
        "part_surfaces_artificialisees_clc",
        {"": "series-itdd-artificialisation"},
        ((_is("year", "2006"), "Corine Land Cover 2006 révisé"),),
    ),
    Series(
        "environnement_part_population_zone_inondable.csv",
        "part_population_zone_inondable",
        {"": "series-itdd-zone-inondable"},
    ),
    Series(
        "transition_energetique_part_electricite_renouvelable.csv",
        "part_electricite_renouvelable_conso_electricite",
        {"": "series-itdd-electricite-renouvelable"},
    ),
    Series(
        "taux_emploi_15_64_rp.csv",
        "taux_emploi_15_64",
        {"": "series-rp-taux-emploi"},
        ((_is("level", "epci"), EPCI_2025), (_ept, EPT)),
    ),
    Series(
        "evolution_emploi_rp_tcam.csv",
        "evolution_emploi_tcam",
        {"": "series-rp-evolution-emploi"},
        ((_is("level", "epci"), EPCI_2025), (_ept, EPT)),
    ),
    Series("taux_chomage_15_24_rp.csv", "taux_chomage_15_24_rp", {"": "series-rp-chomage-15-24"}),
    Series(
        "part_jeunes_non_inseres.csv",
        "part_jeunes_non_inseres",
        {"": "series-dd2018-jeunes-non-inseres"},
        ((_is("territory_code", "FR"), DD2018_FRANCE),),
    ),
    Series(
        "taux_pauvrete_moins_30.csv",
        "taux_pauvrete_moins_30",
        {"": "series-filosofi2019-pauvrete-moins-30"},
        ((_is("level", "epci"), EPCI_2019),),
    ),
    Series(
        "taux_chomage_trimestriel.csv",
        "taux_chomage",
        {"": "series-insee-chomage-localise"},
        ((_has("licence_note", "monodépartementale"), "région à un département : sa série"),),
    ),
    Series(
        "taux_pauvrete.csv",
        "taux_pauvrete",
        {
            "2014": "series-dd2018-pauvrete-2014",
            "2019": "series-filosofi2019-pauvrete",
            "2021": "series-filosofi2021-pauvrete",
        },
        ((_epci("2019"), EPCI_2019), (_epci("2021"), EPCI_2025), (_ept, EPT)),
    ),
    Series(
        "niveau_vie_median.csv",
        "niveau_vie_median",
        {
            "2017": "series-filosofi2017-niveau-vie",
            "2019": "series-filosofi2019-niveau-vie",
            "2021": "series-filosofi2021-niveau-vie",
        },
        ((_epci("2019"), EPCI_2019), (_epci("2021"), EPCI_2025), (_ept, EPT)),
    ),
    Series(
        "esperance_vie_hommes.csv",
        "esperance_vie_hommes",
        {"": "series-dd2018-esperance-vie"},
        ((_is("territory_code", "FR"), DD2018_FRANCE),),
    ),
    Series(
        "esperance_vie_femmes.csv",
        "esperance_vie_femmes",
        {"": "series-dd2018-esperance-vie"},
        ((_is("territory_code", "FR"), DD2018_FRANCE),),
    ),
]

# --------------------------------------------------------------------------- new concepts


@dataclass(frozen=True)
class Concept:
    """Editorial metadata of a new concept (row of indicator_meta_series.csv)."""

    indicator_id: str
    role: str
    domain_id: str
    label_fr: str
    label_en: str
    unit: str
    unit_en: str
    decimals: int
    higher_is_worse: str  # "true" / "false" / "" (context)
    definition_fr: str
    definition_en: str


SSMSI_DEF = (
    "{what} enregistrés par la police et la gendarmerie (SSMSI, édition 2025). Départements : "
    "taux du fichier. Régions et France : somme des nombres départementaux / somme des "
    "populations départementales × 1 000."
)
SSMSI_DEF_EN = (
    "{what} recorded by police and gendarmerie (SSMSI, 2025 edition). Departments: the file's "
    "rate. Regions and France: sum of departmental counts / sum of departmental populations "
    "× 1,000."
)

CONCEPTS = [
    Concept(
        "violences_physiques_hors_cadre_familial",
        "fragility",
        "securite",
        "Violences physiques hors cadre familial",
        "Physical violence outside the family",
        "victimes pour 1 000 habitants",
        "victims per 1,000 inhabitants",
        2,
        "true",
        SSMSI_DEF.format(what="Victimes de violences physiques hors cadre familial"),
        SSMSI_DEF_EN.format(what="Victims of physical violence outside the family"),
    ),
    Concept(
        "vols_sans_violence_contre_personnes",
        "fragility",
        "securite",
        "Vols sans violence contre des personnes",
        "Thefts without violence against persons",
        "victimes entendues pour 1 000 habitants",
        "victims heard per 1,000 inhabitants",
        1,
        "true",
        SSMSI_DEF.format(what="Victimes entendues de vols sans violence contre des personnes"),
        SSMSI_DEF_EN.format(what="Victims heard of thefts without violence against persons"),
    ),
    Concept(
        "cambriolages_logement",
        "fragility",
        "securite",
        "Cambriolages de logement",
        "Residential burglaries",
        "infractions pour 1 000 logements",
        "offences per 1,000 dwellings",
        1,
        "true",
        "Cambriolages de logement enregistrés par la police et la gendarmerie pour 1 000 "
        "logements (SSMSI, édition 2025), départements seulement : le nombre de logements n'est "
        "pas dans la copie lue, pas d'agrégat régional ni national.",
        "Residential burglaries recorded by police and gendarmerie per 1,000 dwellings (SSMSI, "
        "2025 edition), departments only: the dwelling counts are not in the copy read, so no "
        "regional or national aggregate.",
    ),
    Concept(
        "taux_allocataires_aah_20_64",
        "fragility",
        "handicap",
        "Allocataires de l'AAH parmi les 20-64 ans",
        "Disabled adult allowance (AAH) recipients among people aged 20-64",
        "allocataires pour 100 personnes de 20 à 64 ans",
        "recipients per 100 people aged 20-64",
        2,
        "true",
        "Allocataires de l'allocation aux adultes handicapés au 31 décembre N (DREES, CNAF et "
        "MSA) / population de 20 à 64 ans au 1er janvier N+1 (Insee) × 100. Régions : somme des "
        "allocataires / somme des 20-64 ans des départements. France : ligne nationale DREES. "
        "Non comparable à Mayotte.",
        "Recipients of the disabled adult allowance on 31 December N (DREES, CNAF and MSA) / "
        "population aged 20-64 on 1 January N+1 (INSEE) × 100. Regions: sum of recipients / sum "
        "of the departments' 20-64 population. France: DREES national row. Not comparable in "
        "Mayotte.",
    ),
    Concept(
        "part_80_plus_vivant_seuls",
        "fragility",
        "lien_social",
        "Part des 80 ans ou plus vivant seuls",
        "Share of people aged 80 or over living alone",
        "% des 80 ans ou plus (population des ménages)",
        "% of people aged 80+ (household population)",
        1,
        "true",
        "Personnes de 80 ans ou plus vivant seules / personnes de 80 ans ou plus des ménages × "
        "100 (recensement, P_POP80P_PSEUL / P_POP80P), agrégé par un dépôt tiers. Métropole "
        "seulement. Série non vérifiée.",
        "People aged 80+ living alone / people aged 80+ in households × 100 (census), aggregated "
        "by a third-party repository. Mainland France only. Unverified series.",
    ),
    Concept(
        "part_actifs_occupes_voiture_domicile_travail",
        "fragility",
        "mobilite",
        "Part des actifs allant travailler en voiture",
        "Share of workers commuting by car",
        "% des actifs occupés",
        "% of employed people",
        1,
        "true",
        "Part des actifs occupés (au lieu de résidence) dont le mode principal pour aller "
        "travailler est la voiture, un camion ou une fourgonnette ; le dénominateur inclut ceux "
        "qui ne se déplacent pas (recensement, ITDD). Lecture « plus = plus fragile » "
        "(dépendance à la voiture) : choix éditorial, pas celui du producteur.",
        "Share of employed people (where they live) whose main mode to get to work is a car, "
        "lorry or van; the denominator includes those who do not travel (census, ITDD). Reading "
        "'higher = more fragile' (car dependence) is an editorial choice, not the producer's.",
    ),
    Concept(
        "part_population_plus_7mn_services_sante_proximite",
        "fragility",
        "mobilite",
        "Population à plus de 7 minutes des soins de proximité",
        "Population more than 7 minutes from local health services",
        "% de la population",
        "% of the population",
        1,
        "true",
        "Part de la population à plus de 7 minutes en voiture (distancier Metric) des cinq "
        "services de santé de proximité : généraliste, dentiste, infirmier, kinésithérapeute, "
        "pharmacie (RP2012, BPE 2014, ITDD). Une seule année (rupture de série).",
        "Share of the population more than 7 minutes by road (Metric) from the five local health "
        "services: GP, dentist, nurse, physiotherapist, pharmacy (census 2012, BPE 2014, ITDD). "
        "One year only (series break).",
    ),
    Concept(
        "part_surfaces_artificialisees_clc",
        "fragility",
        "environnement",
        "Part des surfaces artificialisées (Corine Land Cover)",
        "Share of artificial land (Corine Land Cover)",
        "% de la surface",
        "% of the area",
        1,
        "true",
        "Surfaces artificialisées (bâties ou non, revêtues ou non) / surface totale, Corine Land "
        "Cover (SOeS, ITDD). Unité minimale 25 ha en métropole, 10 ha outre-mer : sous-estime "
        "l'artificialisation diffuse ; ni la consommation d'espaces du Cerema ni Teruti-Lucas.",
        "Artificial land (built or not, sealed or not) / total area, Corine Land Cover (SOeS, "
        "ITDD). Minimum mapping unit 25 ha (10 ha overseas): underestimates scattered land take; "
        "neither Cerema's land-take measure nor Teruti-Lucas.",
    ),
    Concept(
        "part_population_zone_inondable",
        "fragility",
        "environnement",
        "Part de la population en zone inondable",
        "Share of the population in flood-prone areas",
        "% de la population",
        "% of the population",
        1,
        "true",
        "Part de la population estimée dans l'enveloppe maximale connue des inondations par "
        "débordement de cours d'eau (hors remontées de nappe et submersion marine), recensement "
        "et données carroyées (Insee, SOeS, ITDD).",
        "Estimated share of the population inside the largest known river-flood envelope "
        "(groundwater and sea flooding excluded), census and gridded data (INSEE, SOeS, ITDD).",
    ),
    Concept(
        "part_electricite_renouvelable_conso_electricite",
        "fragility",
        "transition_energetique",
        "Électricité renouvelable rapportée à la consommation d'électricité",
        "Renewable electricity relative to electricity consumption",
        "% de la consommation finale d'électricité",
        "% of final electricity consumption",
        1,
        "false",
        "Production régionale d'électricité renouvelable (hydraulique, éolien, solaire, "
        "biomasse, déchets) / consommation finale régionale d'électricité (SOeS, ITDD). "
        "Production et non consommation : une région exportatrice peut avoir une valeur élevée. "
        "Régions métropolitaines seulement.",
        "Regional renewable electricity output (hydro, wind, solar, biomass, waste) / regional "
        "final electricity consumption (SOeS, ITDD). Output, not consumption: an exporting "
        "region can score high. Mainland regions only.",
    ),
    Concept(
        "taux_emploi_15_64",
        "fragility",
        "developpement_economique",
        "Taux d'emploi des 15-64 ans",
        "Employment rate of people aged 15-64",
        "% des 15-64 ans",
        "% of people aged 15-64",
        1,
        "false",
        "Actifs occupés de 15 à 64 ans / population de 15 à 64 ans × 100 (recensement, calculé "
        "par un dépôt tiers : (C_ACT1564 − P_CHOM1564) / P_POP1564). Métropole seulement.",
        "Employed people aged 15-64 / population aged 15-64 × 100 (census, computed by a "
        "third-party repository). Mainland France only.",
    ),
    Concept(
        "evolution_emploi_tcam",
        "fragility",
        "developpement_economique",
        "Évolution annuelle moyenne de l'emploi",
        "Average annual change in employment",
        "taux annuel moyen, en %",
        "average annual rate, %",
        2,
        "false",
        "Taux de croissance annuel moyen de l'emploi total au lieu de travail (recensement) : "
        "((emploi fin / emploi début)^(1/n) − 1) × 100, sur 2011-2016 et 2016-2022. Pas l'emploi "
        "salarié trimestriel. Série non vérifiée.",
        "Average annual growth rate of total employment at place of work (census): ((end / "
        "start)^(1/n) − 1) × 100, over 2011-2016 and 2016-2022. Not quarterly salaried "
        "employment. Unverified series.",
    ),
    Concept(
        "taux_chomage_15_24_rp",
        "fragility",
        "jeunesse",
        "Taux de chômage des 15-24 ans (recensement)",
        "Unemployment rate of people aged 15-24 (census)",
        "% des actifs de 15 à 24 ans",
        "% of the labour force aged 15-24",
        1,
        "true",
        "Chômeurs de 15 à 24 ans / actifs de 15 à 24 ans × 100, au sens du recensement "
        "(P_CHOM1524 / P_ACT1524) : chômage déclaré, pas le taux de chômage au sens du BIT. "
        "Métropole seulement.",
        "Unemployed / labour force aged 15-24 × 100, census definition (self-reported), not the "
        "ILO unemployment rate. Mainland France only.",
    ),
    Concept(
        "part_jeunes_non_inseres",
        "fragility",
        "jeunesse",
        "Part des jeunes non insérés (tranche d'âge non précisée)",
        "Share of young people not in employment or education (age band not stated)",
        "% des jeunes (tranche d'âge non précisée)",
        "% of young people (age band not stated)",
        1,
        "true",
        "Part des jeunes ni en emploi ni en formation (recensement), selon les indicateurs de "
        "développement durable Insee-SDES 2018. La tranche d'âge n'est pas indiquée dans le "
        "fichier et sa valeur nationale ne correspond pas à l'indicateur « jeunes non insérés » "
        "de l'Observatoire des territoires. Série non vérifiée.",
        "Share of young people neither in employment nor in education (census), from the 2018 "
        "INSEE-SDES sustainable development indicators. The file does not state the age band and "
        "its national value does not match the Observatoire des territoires indicator. "
        "Unverified series.",
    ),
    Concept(
        "rapport_dependance",
        "context",
        "vieillissement",
        "Rapport de dépendance démographique",
        "Demographic dependency ratio",
        "moins de 20 ans et 65 ans ou plus pour 100 personnes de 20 à 64 ans",
        "people under 20 and aged 65+ per 100 people aged 20-64",
        1,
        "",
        "(Moins de 20 ans + 65 ans ou plus) / 20-64 ans × 100, recensement 2021 : effectifs des "
        "IRIS sommés par territoire, rapport calculé sur les sommes. Contexte : il mêle jeunes et "
        "âgés. Mayotte absente.",
        "(People under 20 + aged 65+) / people aged 20-64 × 100, 2021 census: IRIS counts summed "
        "by territory, ratio computed on the sums. Context: it mixes young and old. Mayotte "
        "absent.",
    ),
    Concept(
        "part_residences_secondaires",
        "context",
        "logement",
        "Part des résidences secondaires",
        "Share of second homes",
        "% des logements",
        "% of dwellings",
        1,
        "",
        "Résidences secondaires et logements occasionnels / ensemble des logements × 100, "
        "recensement 2021 : effectifs des IRIS sommés par territoire, part calculée sur les "
        "sommes. Contexte (tourisme, littoral, montagne). Mayotte absente.",
        "Second homes and occasional dwellings / all dwellings × 100, 2021 census: IRIS counts "
        "summed by territory, share computed on the sums. Context (tourism, coast, mountains). "
        "Mayotte absent.",
    ),
]

# Left out on purpose, for the report (the research folder's rows that are not imported).
LEFT_OUT = [
    "Cambriolages : pas de ligne régionale ni nationale (nombre de logements absent de la copie "
    "lue ; le fichier régional SSMSI n'a pas été trouvé).",
    "Transition énergétique, départements : aucune série départementale officielle hors ligne. "
    "Les seuls chiffres départementaux d'énergie du dossier de recherche sont, dans le classeur "
    "Insee-SDES DD-indic-reg-dep_janv2018.xls (raw_econ/dd_*.xls, feuille Environnement), la "
    "répartition de la puissance électrique renouvelable installée entre éolien, photovoltaïque "
    "et « autre » (2010, 2015) : trois parts d'un mix qui somment à 100 %, sans rapport au "
    "territoire (ni consommation, ni population, ni surface), donc sans sens « plus = plus "
    "fragile » ; non importées. Les fichiers départementaux cités par les notes (SOeS "
    "electricite-renouvelable-par-departement-2015.xls ; consommations ORE par département) "
    "sont sur GitHub ou data.gouv.fr, hors d'atteinte (le réseau ne joint que PyPI, npm et "
    "Debian) ; aucun paquet de ces registres ne livre de statistique énergétique "
    "départementale officielle (recherche dans les listes de paquets : enedis, électricité, "
    "renouvelable, énergie, SDES, ADEME — seulement des clients d'API en ligne ou des outils "
    "sans données).",
    "Autres colonnes départementales des classeurs DD-2018 (soins de proximité 2016, "
    "agriculture biologique, valorisation des déchets) : non extraites ni vérifiées par la "
    "recherche ; non importées.",
    "Moyennes annuelles du chômage : non calculées (la recherche ne les a pas trouvées "
    "publiées par l'Insee) ; 2023-T4 et après : la source s'arrête en 2023-T3.",
    "Niveau de vie médian 2013 et 2015 du fichier assemblé par Rxdy/ML-DMA : moyennes non "
    "entières, écartées par la recherche.",
    "Inondation : Martinique et Guyane 2013 écartées par la recherche (source contradictoire), "
    "pas de France hors Mayotte.",
]
