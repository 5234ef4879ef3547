"""Finding a territory by name or code (lib.territory_search)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from apptest_pages import open_view

from lib import explore, territory_search
from lib.data import load_commune_population
from lib.settings import SEARCH_RESULTS
from lib.territory_search import normalized, search

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def index(dataset):
    return territory_search.search_index(dataset, "fr", load_commune_population())


def names(dataset) -> dict[str, str]:
    return dict(zip(dataset.territories["territory_id"], dataset.territories["name"], strict=True))


def test_names_are_compared_without_accents_case_punctuation_and_saint_abbreviations():
    assert normalized("Saint-Étienne-du-Rouvray") == "saint etienne du rouvray"
    assert normalized("ST ETIENNE du rouvray") == "saint etienne du rouvray"
    assert normalized("Ste-Marie") == normalized("sainte marie")
    assert normalized("  ") == ""


def test_brest_offers_the_commune_then_its_epci(index, dataset):
    found = [m.territory_id for m in search(index, "brest")]
    assert found[:2] == ["COM-29019", "EPCI-242900314"]
    labels = {m.territory_id: m.label for m in search(index, "BREST")}
    assert labels["COM-29019"] == f"{names(dataset)['COM-29019']} (29)"
    assert labels["EPCI-242900314"] == "Brest Métropole (intercommunalité, 29)"


def test_homonyms_are_told_apart_by_their_department(index):
    for query in ("Saint-Denis", "st denis", "SAINT DENIS"):
        labels = [m.label for m in search(index, query)]
        assert "Saint-Denis (93)" in labels
        assert "Saint-Denis (974)" in labels


def commune_population() -> dict[str, float]:
    """commune_id -> RP2021 population, read from the commune file."""
    rows = pd.read_csv(DATA / "indicators_rp2021_communes.csv", dtype=str)
    rows = rows[rows["indicator_id"] == "population"]
    return dict(zip(rows["territory_id"], rows["value"].astype(float), strict=True))


def homonyms(dataset, query: str) -> list[str]:
    """The communes named exactly `query` (accents, case, punctuation aside), by code."""
    wanted = normalized(query)
    rows = dataset.territories[dataset.territories["level"] == "commune"]
    named = rows[rows["name"].map(normalized) == wanted]
    return named.sort_values("code")["territory_id"].tolist()


@pytest.mark.parametrize("query", ["Saint-Denis", "sainte marie", "Valence"])
def test_homonyms_come_most_populous_first(index, dataset, query):
    population = commune_population()
    communes = homonyms(dataset, query)
    assert len(communes) >= 2
    expected = sorted(communes, key=lambda i: -population.get(i, 0))
    found = [m.territory_id for m in search(index, query, limit=len(communes))]
    assert found == expected
    assert population[found[0]] > population[found[1]]


def test_without_populations_homonyms_keep_the_code_order(dataset):
    bare = territory_search.search_index(dataset, "fr", {})
    communes = homonyms(dataset, "Saint-Denis")
    assert [m.territory_id for m in search(bare, "Saint-Denis", limit=len(communes))] == communes


def test_a_code_or_a_siren_finds_its_territory_first(index):
    assert search(index, "29019")[0].territory_id == "COM-29019"
    assert search(index, " 200054781 ")[0].territory_id == "EPCI-200054781"
    assert search(index, "2a")[0].territory_id == "DEP-2A"
    # region 53 Bretagne and department 53 Mayenne share a code: the region first
    assert [m.territory_id for m in search(index, "53")[:2]] == ["REG-53", "DEP-53"]


def test_an_epci_across_departments_lists_them(index):
    match = search(index, "métropole du grand paris")[0]
    assert match.territory_id == "EPCI-200054781"
    assert match.label.startswith("Métropole du Grand Paris (intercommunalité, 75, ")


def test_regions_and_departments_are_found_and_named_in_english(dataset):
    english = territory_search.search_index(dataset, "en")
    assert search(english, "bretagne")[0].label == "Bretagne (region)"
    assert search(english, "finistere")[0].label == "Finistère (29)"


def test_results_are_bounded_and_nothing_is_found_for_nonsense(index):
    assert len(search(index, "saint")) == SEARCH_RESULTS
    assert search(index, "zzqx") == []
    assert search(index, "") == []
    assert search(index, "-- ") == []


def test_a_territory_reads_as_in_the_results(dataset, index):
    for territory_id, code in [("COM-29019", "29019"), ("EPCI-242900314", "242900314")]:
        assert territory_search.territory_label(dataset, territory_id) == (
            search(index, code)[0].label
        )
    with pytest.raises(KeyError):
        territory_search.territory_label(dataset, "COM-00000")


def test_the_sidebar_search_offers_the_most_populous_homonym_first(dataset):
    at = open_view(None)
    at.sidebar.text_input(key="territory_search").input("saint denis").run()
    shown = [b.key.removeprefix("search_result_") for b in at.sidebar.button]
    population = commune_population()
    communes = sorted(homonyms(dataset, "Saint-Denis"), key=lambda i: -population.get(i, 0))
    assert shown[: len(communes)] == communes


def test_the_picker_offers_a_searched_commune_or_epci_beside_regions_and_departments(dataset):
    names = explore.territory_choices(dataset, "fr")
    assert territory_search.picker_options(dataset, names, None, "fr") is names
    assert territory_search.picker_options(dataset, names, "DEP-29", "fr") is names
    offered = territory_search.picker_options(dataset, names, "COM-93066", "fr")
    assert list(offered) == [*names, "COM-93066"]
    assert offered["COM-93066"] == "Saint-Denis (93)"
    assert "COM-93066" not in names
