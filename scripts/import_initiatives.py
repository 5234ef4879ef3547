"""Import the researched alliance initiatives into `data/initiatives.csv` (provenance tool).

The research file (`../shared/data/initiatives/initiatives.csv`, not part of the product) lists
28 initiatives named in five French documents. This script gives each row the project's ids:
a prefixed territory id (commune, else the department of an intercommunality without a main
town, else the region; `FR` for national rows, empty when the document names no place), the
domain ids of `data/domains.csv` (through `data/label_mapping.csv`; tags outside the list stay
as free tags), the practice id with a French note on how sure the type is, and a `source_id`
per source document (appended to `data/sources.csv` as `ini-001`...). The research notes stay
verbatim in `research_note` (English); `note` says the same uncertainties in French for the app.
The app never reads the research folder.

Usage: python scripts/import_initiatives.py [RESEARCH_CSV]
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lib import vocabulary

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
DEFAULT_RESEARCH_CSV = ROOT.parent / "shared" / "data" / "initiatives" / "initiatives.csv"
SOURCE_PREFIX = "ini-"
COLUMNS = [
    "initiative_id",
    "name",
    "description",
    "territory_label",
    "territory_id",
    "placement_level",
    "actor_ids",
    "domain_ids",
    "free_tags",
    "practice_id",
    "practice_note",
    "year",
    "source_id",
    "quote",
    "note",
    "research_note",
]

# Who published each source document (seed), its year and what it is.
SEEDS = {
    "000_ead496de6f5987bf.txt": (
        "Compte rendu de la conférence du World Forum de Lille (CJD, Réseau Alliances, Le RAMEAU)",
        "2020",
    ),
    "002_0e3ab777f37096ac.txt": (
        "Réseau Alliances (Hauts-de-France), agenda et actualités",
        "2020",
    ),
    "003_88651853d99a45c7.txt": ("Le RAMEAU, billets d'Amélie Fourmy", "2020"),
    "004_6f50ec2a2124b823.txt": ("Le RAMEAU, cours Master 2 QSE-RSE (CNAM)", "2023"),
}
SOURCE_LICENCE = (
    "Citation courte (droit de citation, art. L122-5 CPI) ; texte non placé sous licence libre"
)

# "insertion" means young people's integration in these rows (DESIGN.md: emploi or jeunesse
# "as the row says"): it maps to both employment and youth.
YOUTH_INSERTION = {"agir-ensemble-charenton-saint-maurice", "squad-emploi"}

PRACTICE_UNCONFIRMED = "type d'alliance : lecture non confirmée (classement des chercheurs)"
PRACTICE_NONE = "type d'alliance : non classé (aucun type ne convient ou texte trop mince)"
# Rows whose practice type the notes qualify (another reading, or the source's own word).
PRACTICE_NOTES = {
    "sobizhub": "type d'alliance : d'après la source (« innovation sociale »)",
    "maison-super-local-roubaix": "type d'alliance : déduit du programme parent (SOBIZHUB)",
    "planet-rse": PRACTICE_UNCONFIRMED + " ; autre lecture possible : coopération économique",
    "masques-du-nord": PRACTICE_UNCONFIRMED + " ; autre lecture possible : innovation sociétale",
    "agir-ensemble-charenton-saint-maurice": PRACTICE_UNCONFIRMED
    + " ; autre lecture possible : innovation sociétale",
    "squad-emploi": PRACTICE_UNCONFIRMED + " ; autre lecture possible : pratiques responsables",
    "club-business-achats": PRACTICE_UNCONFIRMED
    + " ; autre lecture possible : coopération économique",
    "cycle-habiter": PRACTICE_UNCONFIRMED + " ; au stade du dialogue, vise l'innovation sociétale",
}

# The research notes' uncertainties, in French (the research file writes them in English).
NOTES_FR = {
    "planet-rse": "Territoire non précisé par la source (citée parmi des exemples de dirigeants "
    "de PME de quatre régions). Acteurs publics déduits de « commande publique ». Année de la "
    "présentation, pas du lancement.",
    "masques-du-nord": "« Les masques du Nord » (compte rendu du World Forum) et « Masques en "
    "Nord » (Réseau Alliances) sont rapprochés comme une même initiative : probable, non "
    "certain. Seules des entreprises sont nommées.",
    "reseau-pionniers-alliances": "Co-piloté par Le RAMEAU (association) avec l'ANCT et la "
    "Banque des Territoires (acteurs publics) ; entreprises et fondations : intervenants de sa "
    "6e Rencontre. Année de création. « gouvernance » : thème transversal hors liste.",
    "fondation-des-territoires": "Le document ne décrit ni ses fondateurs, ni son financement, "
    "ni ses actions. Portée nationale supposée. Année de l'annonce.",
    "fonds-odd17": "Qui crée, finance ou gère le fonds n'est pas dit : aucun acteur renseigné. "
    "Portée nationale supposée. Année de l'annonce.",
    "mission-alliances-strategiques": "Programme national de politique publique plutôt que "
    "partenariat de terrain. Collectivités, associations et entreprises : partenaires des "
    "alliances visées. Année de la réunion rapportée.",
    "diner-elus-entreprises": "Série d'événements plutôt que partenariat durable, retenue comme "
    "format de dialogue récurrent ; organisateur non nommé. Année de la 3e édition.",
    "dialogue-inter-ingenieries": "Acteurs publics : le Médiateur des entreprises ; "
    "associations : Le RAMEAU. Les autres ingénieries ne sont pas nommées. Année déduite de la "
    "page (le billet n'en donne pas).",
    "agir-ensemble-charenton-saint-maurice": "Deux communes sans commune principale "
    "(Charenton-le-Pont 94018, Saint-Maurice 94069) : placée sur le Val-de-Marne. « Insertion "
    "des jeunes » rattachée aux domaines emploi et jeunesse. Année de la genèse (2010).",
    "vitawin": "Simple mention (« éducation ») : ni acteurs, ni activités, ni date. Territoire "
    "de l'exemple « Paris Est Marne & Bois – 94 », placé sur le Val-de-Marne.",
    "club-gravelle-entreprendre": "Simple mention : ni membres, ni actions, ni date ; le nom "
    "évoque un club d'entreprises, sans que le document le dise. Placé sur le Val-de-Marne.",
    "charte-rse-territoriale-pemb": "Projet en conception (2023). Collectivités, CNAM et "
    "entreprises déduits du contexte ; domaine développement économique : lecture des "
    "chercheurs. Placé sur le Val-de-Marne.",
    "plateforme-rse-nantes-metropole": "Couvre Nantes Métropole ; placée sur Nantes, ville qui "
    "donne son nom à la métropole. Collectivités déduites du nom. Pas d'année (document de "
    "2023).",
    "partenariat-renault-wimoov": "Territoire non précisé. Forme juridique de Wimoov non "
    "donnée : classée association avec prudence. Pas d'année.",
    "declic-mobilites": "Acteurs publics : Pôle Emploi, cité parmi les bonnes pratiques. "
    "Région de Réseau Alliances (siège à Marcq-en-Barœul).",
    "sobizhub": "Vise les « fragilités de notre territoire » sans en nommer une : seul le "
    "développement économique est retenu.",
    "maison-super-local-roubaix": "Seulement citée dans une offre de stage : ni partenaires, "
    "ni contenu décrits.",
    "squad-emploi": "Les jeunes diplômés accompagnés sont des bénéficiaires, pas des acteurs. "
    "« Insertion » des jeunes rattachée au domaine jeunesse.",
    "sublimeurs": "Membres de la Métropole Européenne de Lille et de la région : placé sur "
    "Lille, ville qui donne son nom à la métropole. Année de la charte de crise.",
    "printemps-bio-hauts-de-france": "Campagne de sensibilisation qui n'entre dans aucun type "
    "d'alliance. « alimentation » : hors liste des domaines.",
    "cd2e": "Trois sites (Loos-en-Gohelle, Lille, Amiens) : placé au niveau régional. "
    "Collectivités déduites de « les territoires ». Année de création (2002).",
    "rev3": "Acteurs publics non nommés (« milieux politiques »). Pas d'année de lancement "
    "(tribune écrite pendant le confinement de 2020).",
    "manifeste-lille-place-financiere": "Réseaux : le club Lille Place Financière et la DFCG. "
    "Les acteurs publics appelés à coopérer dans l'entretien ne sont pas partenaires du "
    "manifeste.",
    "business-hackathon-estice-espas": "Événement ponctuel d'une semaine ; lieu non précisé "
    "(niveau régional).",
    "cite-de-la-reprise": "Coopération entre réseaux d'entreprises ; aucun partenaire public "
    "ou associatif nommé.",
    "club-business-achats": "Rencontre du 31 mars 2020 à Lille, peut-être une séance d'un club "
    "récurrent ; placée sur Lille. Structures de l'ESS classées associations (formes juridiques "
    "non données).",
    "cycle-habiter": "Statut public des bailleurs non précisé : seuls entreprises, associations "
    "et réseaux sont comptés. Lieu non nommé : région de Réseau Alliances.",
    "transition-loos-en-gohelle": "Mention très courte : qui a été mobilisé n'est pas dit, "
    "seule la commune est comptée. Année de la soirée (avril 2020), pas du début de la "
    "transition.",
}


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def placement(row: pd.Series, territories: pd.DataFrame) -> tuple[str, str]:
    """(territory_id, placement_level) of a research row, checked against territories.csv."""
    level, commune, department = (
        row["territory_level"],
        row["commune_insee"],
        row["departement_code"],
    )
    if level in {"commune", "epci"} and commune:
        territory_id = vocabulary.make_id("commune", commune)
        placed = "commune" if level == "commune" else "epci_commune"
        expected = [
            vocabulary.make_id("department", department),
            vocabulary.make_id("region", row["region_code"]),
        ]
        chain = [territories.at[territory_id, "parent_id"]]
        chain.append(territories.at[chain[0], "parent_id"])
        if chain != expected or vocabulary.department_code(commune) != department:
            raise ValueError(f"{row['initiative_id']}: {territory_id} is not in {expected}")
    elif level == "epci":
        territory_id, placed = vocabulary.make_id("department", department), "epci_department"
    elif level == "region":
        territory_id, placed = vocabulary.make_id("region", row["region_code"]), "region"
    elif level == "france":
        territory_id, placed = vocabulary.NATIONAL, "france"
    elif not level:
        return "", "unlocated"
    else:
        raise ValueError(f"{row['initiative_id']}: unknown territory level {level!r}")
    if territory_id not in territories.index:
        raise ValueError(f"{row['initiative_id']}: unknown territory {territory_id}")
    return territory_id, placed


def domain_tags(row: pd.Series, mapping: dict[str, tuple[str, str]], order: list[str]):
    """(domain ids in the list's order, free tags) of a row's research tags."""
    domains, free = set(), []
    for tag in filter(None, row["domains"].split(";")):
        if tag not in mapping:
            raise ValueError(f"{row['initiative_id']}: domain tag {tag!r} not in label_mapping")
        target, status = mapping[tag]
        if status == "mapped":
            domains.add(target)
        else:
            free.append(tag)
        if tag == "insertion" and row["initiative_id"] in YOUTH_INSERTION:
            domains.add("jeunesse")
    return ";".join(d for d in order if d in domains), ";".join(free)


def source_rows(research: pd.DataFrame) -> pd.DataFrame:
    """One source per (document, post heading), numbered ini-001... in order of appearance."""
    pairs = research[["source_seed", "source_title"]].drop_duplicates().reset_index(drop=True)
    return pd.DataFrame(
        {
            "source_id": [f"{SOURCE_PREFIX}{i + 1:03d}" for i in pairs.index],
            "title": pairs["source_title"],
            "publisher": pairs["source_seed"].map(lambda s: SEEDS[s][0]),
            "year": pairs["source_seed"].map(lambda s: SEEDS[s][1]),
            "url_or_package": "document source du projet : seeds/" + pairs["source_seed"],
            "licence": SOURCE_LICENCE,
            "note": "initiatives relevées dans ce document par le fichier de recherche "
            "data/initiatives (type d'alliance : classement des chercheurs)",
            "source_seed": pairs["source_seed"],
        }
    )


def build(research: pd.DataFrame, data_dir: Path = DATA_DIR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(initiatives, their sources) from the research rows."""
    territories = read_csv(data_dir / "territories.csv").set_index("territory_id")
    labels = read_csv(data_dir / "label_mapping.csv")
    labels = labels[labels["kind"] == "domain"]
    mapping = dict(
        zip(
            labels["source_label"],
            zip(labels["target_id"], labels["status"], strict=True),
            strict=True,
        )
    )
    order = list(
        read_csv(data_dir / "domains.csv").sort_values("order", key=lambda s: s.astype(int))[
            "domain_id"
        ]
    )
    sources = source_rows(research)
    source_of = {
        (seed, title): source_id
        for seed, title, source_id in zip(
            sources["source_seed"], sources["title"], sources["source_id"], strict=True
        )
    }
    rows = []
    for _, row in research.iterrows():
        territory_id, placed = placement(row, territories)
        domain_ids, free_tags = domain_tags(row, mapping, order)
        practice = row["practice_type"]
        rows.append(
            {
                "initiative_id": row["initiative_id"],
                "name": row["name"],
                "description": row["description_fr"],
                "territory_label": row["territory_name"],
                "territory_id": territory_id,
                "placement_level": placed,
                "actor_ids": row["actors"],
                "domain_ids": domain_ids,
                "free_tags": free_tags,
                "practice_id": practice,
                "practice_note": PRACTICE_NOTES.get(
                    row["initiative_id"], PRACTICE_UNCONFIRMED if practice else PRACTICE_NONE
                ),
                "year": row["year"],
                "source_id": source_of[(row["source_seed"], row["source_title"])],
                "quote": row["evidence"],
                "note": NOTES_FR[row["initiative_id"]],
                "research_note": row["note"],
            }
        )
    missing = set(NOTES_FR) ^ set(research["initiative_id"])
    if missing:
        raise ValueError(f"French notes and research rows differ: {sorted(missing)}")
    return pd.DataFrame(rows, columns=COLUMNS), sources.drop(columns="source_seed")


def csv_text(frame: pd.DataFrame, header: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(frame.columns)
    writer.writerows(frame.itertuples(index=False))
    return buffer.getvalue()


def write_sources(sources: pd.DataFrame, path: Path) -> None:
    """Append the `ini-` sources to sources.csv in one write, replacing an earlier import's rows
    (always the file's last rows); other rows are kept byte for byte."""
    text = path.read_text(encoding="utf-8")
    start = text.find(f"\n{SOURCE_PREFIX}")
    kept = text if start < 0 else text[: start + 1]
    if not kept.endswith("\n"):
        kept += "\n"
    new = kept + csv_text(sources, header=False)
    if new != text:
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(new)


def main(research_csv: Path) -> None:
    initiatives, sources = build(read_csv(research_csv))
    (DATA_DIR / "initiatives.csv").write_text(
        csv_text(initiatives, header=True), encoding="utf-8", newline=""
    )
    write_sources(sources, DATA_DIR / "sources.csv")
    print(f"{len(initiatives)} initiatives, {len(sources)} sources ({SOURCE_PREFIX}…)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RESEARCH_CSV)
