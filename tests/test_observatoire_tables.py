"""Checks of the Observatoire des partenariats fact tables built from the research figures.

`data/perceptions.csv` and `data/alliances.csv` hold the figures kept from the 162 researched
figures (OBS-001…OBS-162); `data/observatoire_figures_map.csv` says where each figure went (or why
it was excluded); `data/label_mapping.csv` maps the research files' words onto the vocabulary ids.
Only files of this repository are read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from lib.schema import validate_table

DATA = Path(__file__).resolve().parents[1] / "data"

PERCEPTION_COLUMNS = [
    "perception_id",
    "figure_id",
    "territory_id",
    "actor_id",
    "actor_label",
    "domain_id",
    "study",
    "question",
    "measure",
    "value",
    "base_n",
    "year",
    "year_note",
    "source_id",
    "note",
]
ALLIANCE_COLUMNS = [
    "alliance_id",
    "figure_id",
    "territory_id",
    "actor_id",
    "actor_label",
    "dimension",
    "category",
    "practice_id",
    "value",
    "unit",
    "base_n",
    "study",
    "year",
    "year_note",
    "source_id",
    "note",
]
MAP_COLUMNS = ["figure_id", "destination", "target_id", "reason"]
LABEL_COLUMNS = ["kind", "source_label", "target_id", "status"]

MEASURES = {"share", "score", "rank"}
DIMENSIONS = {
    "engagement",
    "practice",
    "partner",
    "territorial_level",
    "motivation",
    "perception",
    "trend",
    "outcome",
    "context",
}
UNITS = {"%", "score /10", "count", "rank", "points", "years", "months"}
DESTINATIONS = {"perceptions": "PER", "alliances": "ALL"}
REGION_CODES = {"11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"}
ALL_FIGURES = {f"OBS-{i:03d}" for i in range(1, 163)}


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def perceptions() -> pd.DataFrame:
    return read("perceptions.csv")


@pytest.fixture(scope="module")
def alliances() -> pd.DataFrame:
    return read("alliances.csv")


@pytest.fixture(scope="module")
def fmap() -> pd.DataFrame:
    return read("observatoire_figures_map.csv")


@pytest.fixture(scope="module")
def labels() -> pd.DataFrame:
    return read("label_mapping.csv")


@pytest.fixture(scope="module")
def vocab() -> dict[str, set[str]]:
    return {
        "domain": set(read("domains.csv")["domain_id"]),
        "actor": set(read("actors.csv")["actor_id"]),
        "practice": set(read("practices.csv")["practice_id"]),
        "source": set(read("sources.csv")["source_id"]),
    }


# ------------------------------------------------------------------ structure


def test_columns_are_exactly_the_expected_ones(perceptions, alliances, fmap, labels):
    assert list(perceptions.columns) == PERCEPTION_COLUMNS
    assert list(alliances.columns) == ALLIANCE_COLUMNS
    assert list(fmap.columns) == MAP_COLUMNS
    assert list(labels.columns) == LABEL_COLUMNS


def test_every_figure_is_mapped_exactly_once(fmap):
    assert fmap["figure_id"].is_unique
    assert set(fmap["figure_id"]) == ALL_FIGURES
    assert set(fmap["destination"]) <= {*DESTINATIONS, "excluded"}


def test_excluded_figures_have_a_reason_and_no_target(fmap):
    excluded = fmap[fmap["destination"] == "excluded"]
    assert (excluded["reason"].str.strip() != "").all()
    assert (excluded["target_id"] == "").all()


@pytest.mark.parametrize(
    ("table", "id_column"), [("perceptions", "perception_id"), ("alliances", "alliance_id")]
)
def test_table_rows_and_map_agree(table, id_column, fmap, request):
    rows = request.getfixturevalue(table)
    prefix = DESTINATIONS[table]
    assert rows[id_column].is_unique
    assert rows[id_column].str.fullmatch(rf"{prefix}-\d{{3}}").all()
    # map -> table: each target id exists and comes from that figure
    mapped = fmap[fmap["destination"] == table]
    targets = {
        (fig, target)
        for fig, cell in zip(mapped["figure_id"], mapped["target_id"], strict=True)
        for target in cell.split(";")
    }
    assert targets == set(zip(rows["figure_id"], rows[id_column], strict=True))
    # table -> map: every row's figure maps back to this destination
    destination = fmap.set_index("figure_id")["destination"]
    assert (rows["figure_id"].map(destination) == table).all()


def test_no_figure_is_in_both_tables(perceptions, alliances):
    assert not set(perceptions["figure_id"]) & set(alliances["figure_id"])


# ------------------------------------------------------------------ values


@pytest.mark.parametrize("table", ["perceptions", "alliances"])
def test_values_are_present_and_numeric(table, request):
    rows = request.getfixturevalue(table)
    assert (rows["value"].str.strip() != "").all()
    assert pd.to_numeric(rows["value"], errors="coerce").notna().all()
    assert not rows["value"].str.contains(",").any(), "decimal point, not comma"


def test_perception_measures_and_ranges(perceptions):
    assert set(perceptions["measure"]) <= MEASURES
    value = perceptions["value"].astype(float)
    share = perceptions["measure"] == "share"
    score = perceptions["measure"] == "score"
    rank = perceptions["measure"] == "rank"
    assert value[share].between(0, 100).all()
    assert value[score].between(0, 10).all()
    assert (value[rank] >= 1).all()


def test_alliance_dimensions_units_and_ranges(alliances):
    assert set(alliances["dimension"]) <= DIMENSIONS
    assert set(alliances["unit"]) <= UNITS
    value = alliances["value"].astype(float)
    assert value[alliances["unit"] == "%"].between(0, 100).all()
    assert value[alliances["unit"] == "score /10"].between(0, 10).all()
    assert (value[alliances["unit"].isin(["count", "years", "months", "rank"])] > 0).all()
    # a practice id is only given on rows describing types of partnership
    assert (alliances.loc[alliances["practice_id"] != "", "dimension"] == "practice").all()


@pytest.mark.parametrize("table", ["perceptions", "alliances"])
def test_years_base_and_territories(table, request):
    rows = request.getfixturevalue(table)
    year = rows["year"]
    assert year[year != ""].str.fullmatch(r"(19|20)\d\d").all()
    assert ((year != "") | (rows["year_note"] != "")).all(), "unknown year must be explained"
    base = rows["base_n"]
    assert base[base != ""].str.fullmatch(r"[1-9]\d*").all()
    territory = rows["territory_id"]
    regional = territory[territory != "FR"]
    assert regional.str.fullmatch(r"REG-\d\d").all()
    assert set(regional.str[4:]) <= REGION_CODES


# ------------------------------------------------------------------ vocabulary and sources


def test_ids_are_in_the_vocabulary(perceptions, alliances, vocab):
    assert set(perceptions["domain_id"]) <= vocab["domain"]
    assert set(perceptions["actor_id"]) <= vocab["actor"]
    assert set(alliances["actor_id"]) - {""} <= vocab["actor"]
    assert set(alliances["practice_id"]) - {""} <= vocab["practice"]


def test_actor_is_empty_only_for_figures_outside_the_actor_typology(alliances, labels):
    unmapped = (labels["kind"] == "actor") & (labels["status"] != "mapped")
    outside = set(labels.loc[unmapped, "source_label"])
    no_actor = alliances[alliances["actor_id"] == ""]
    assert no_actor["actor_label"].isin(outside | {""}).all()


@pytest.mark.parametrize("table", ["perceptions", "alliances"])
def test_every_source_id_exists(table, request, vocab):
    rows = request.getfixturevalue(table)
    assert set(rows["source_id"]) <= vocab["source"]


def test_observatoire_sources_are_described():
    sources = read("sources.csv")
    obs = sources[sources["source_id"].str.startswith("obs-")]
    assert obs["source_id"].is_unique
    assert obs["url_or_package"].is_unique
    for column in ["title", "publisher", "year", "url_or_package", "licence"]:
        assert (obs[column].str.strip() != "").all(), column


def test_label_mapping_targets_exist(labels, vocab):
    assert not labels.duplicated(["kind", "source_label"]).any()
    assert set(labels["kind"]) <= {"domain", "actor"}
    assert set(labels["status"]) <= {"mapped", "context", "outside_typology"}
    mapped = labels["status"] == "mapped"
    assert (labels.loc[mapped, "target_id"] != "").all()
    assert (labels.loc[~mapped, "target_id"] == "").all()
    for kind in ("domain", "actor"):
        targets = set(labels.loc[mapped & (labels["kind"] == kind), "target_id"])
        assert targets <= vocab[kind], kind


def test_label_mapping_covers_the_known_research_labels(labels):
    domain = labels[labels["kind"] == "domain"].set_index("source_label")
    expected = {
        "pouvoir d'achat": "niveau_de_vie",
        "lutte contre l'exclusion": "pauvrete",
        "lutte contre la précarité": "pauvrete",
        "sécurité / délinquance": "securite",
        "pauvreté/précarité": "pauvrete",
        "vieillissement/isolement": "vieillissement",
        "precarite": "pauvrete",
        "economie_locale": "developpement_economique",
        "insertion": "emploi",
    }
    for label, target in expected.items():
        assert domain.loc[label, "target_id"] == target, label
    assert domain.loc["contexte", "status"] == "context"
    assert domain.loc["alimentation", "status"] == "outside_typology"
    assert domain.loc["gouvernance", "status"] == "outside_typology"


@pytest.mark.parametrize("table", ["perceptions", "alliances"])
def test_actor_labels_agree_with_the_label_mapping(table, request, labels):
    rows = request.getfixturevalue(table)
    actor = labels[labels["kind"] == "actor"].set_index("source_label")["target_id"]
    with_label = rows[rows["actor_label"] != ""]
    assert with_label["actor_label"].isin(actor.index).all()
    assert (with_label["actor_label"].map(actor) == with_label["actor_id"]).all()


def test_tables_pass_the_app_schema(perceptions, alliances, labels, vocab):
    refs = {
        "territories": set(read("territories.csv")["territory_id"]),
        "sources": vocab["source"],
        "domains": vocab["domain"],
        "actors": vocab["actor"],
        "practices": vocab["practice"],
    }
    tables = {"perceptions": perceptions, "alliances": alliances, "label_mapping": labels}
    for name, raw in tables.items():
        validate_table(name, raw, refs)


# ------------------------------------------------------------ comparability and contradictions


def test_each_study_question_has_one_measure(perceptions):
    measures = perceptions.groupby(["study", "question"])["measure"].nunique()
    assert (measures == 1).all()


def test_no_duplicate_figure_within_a_comparable_group(perceptions, alliances):
    key = ["study", "question", "measure", "territory_id", "actor_label", "domain_id"]
    assert not perceptions.duplicated(key).any()
    key = ["study", "dimension", "category", "territory_id", "actor_label", "year"]
    assert not alliances.duplicated(key).any()


def test_contradictions_keep_one_value_and_note_the_other(fmap, perceptions, alliances):
    kept = pd.concat([perceptions[["figure_id", "note"]], alliances[["figure_id", "note"]]])
    notes = kept.set_index("figure_id")["note"]
    contradictions = fmap[fmap["reason"].str.startswith("contradiction avec")]
    assert len(contradictions) >= 3
    for figure, reason in zip(contradictions["figure_id"], contradictions["reason"], strict=True):
        other = re.search(r"OBS-\d{3}", reason).group(0)
        assert other in notes.index, (figure, other)
        assert "autre source" in notes[other] and figure in notes[other], (figure, other)


def test_security_score_keeps_the_press_release_value(perceptions):
    phare = perceptions[perceptions["study"] == "PHARE-Citoyens"]
    row = phare[(phare["domain_id"] == "securite") & (phare["measure"] == "score")]
    assert row["value"].tolist() == ["6.6"]
    assert "7/10" in row["note"].iloc[0]


# ------------------------------------------------------------------ behaviour


def _top_domain(rows: pd.DataFrame) -> str:
    values = rows["value"].astype(float)
    best = rows[values == values.max()]
    assert len(best) == 1, "the top domain must be unique"
    return best["domain_id"].iloc[0]


def test_phare_citoyens_top_domain_is_emploi(perceptions):
    """Emploi comes first, as the research file says for PHARE-Citoyens 2015.

    « L'emploi en tête (note de 7,1/10) », « impacts forts/très forts à 49% sur l'emploi »,
    « la 1ère fragilité est l'emploi sur chacune des 13 régions ».
    """
    study = perceptions[perceptions["study"] == "PHARE-Citoyens"]
    phare = study[study["territory_id"] == "FR"]
    shares = phare[phare["measure"] == "share"]
    assert shares["question"].nunique() == 1
    assert _top_domain(shares) == "emploi"
    assert shares.loc[shares["domain_id"] == "emploi", "value"].tolist() == ["49"]
    scores = phare[phare["measure"] == "score"]
    assert _top_domain(scores) == "emploi"
    rank = phare[phare["measure"] == "rank"]
    assert rank[["domain_id", "value"]].values.tolist() == [["emploi", "1"]]


def test_regional_second_priorities_follow_the_source(perceptions):
    """PACA et Corse: niveau de vie (48 %), environnement (45 %); Rhône-Alpes: sécurité (36 %)."""
    study = perceptions[perceptions["study"] == "PHARE-Citoyens"]
    regional = study[study["territory_id"] != "FR"]
    assert _top_domain(regional[regional["territory_id"] == "REG-93"]) == "niveau_de_vie"
    assert _top_domain(regional[regional["territory_id"] == "REG-84"]) == "securite"
    assert regional["note"].str.contains("rattaché").all()
