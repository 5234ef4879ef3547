"""The comparison page's model: the selection, then every table and chart for some weights."""

import pytest

from lib import compare, compare_page


@pytest.fixture(scope="module")
def selected(dataset):
    return compare_page.selection(dataset, "region", "all", (), "minmax", "fr")


def test_selection_covers_every_region_and_the_domains_with_an_index(dataset, selected):
    assert len(selected.ids) == 18 and len(selected.names) == 18
    assert selected.available == compare.domains_with_index(
        selected.table.domains, list(dataset.domains["domain_id"])
    )
    assert set(selected.labels) == set(selected.available)


def test_results_rank_with_the_weights_and_similar_regions_are_found(dataset, selected):
    weights = dict.fromkeys(selected.available, 1.0)
    results = compare_page.results(dataset, (), weights, "minmax", selected, "fr")
    assert results.shown == selected.available and not results.no_chosen_domain
    assert results.n_weighted == len(selected.available)
    assert len(results.ranks) == 18
    similar = compare_page.similar(dataset, selected, results.shown, "REG-53", "fr")
    assert similar.status == "ok" and similar.name == "Bretagne"
    assert len(similar.table) == 3
    assert "Bretagne" not in set(similar.table.iloc[:, 0])
    # equal weights: no rank moves
    assert set(results.changes["Évolution"]) == {"="}


def test_a_zero_weight_moves_ranks_and_unknown_domains_fall_back_to_all(dataset, selected):
    weights = dict.fromkeys(selected.available, 1.0)
    weights[selected.available[0]] = 0.0
    results = compare_page.results(dataset, ("x",), weights, "minmax", selected, "fr")
    assert results.no_chosen_domain and results.shown == selected.available
    assert results.n_weighted == len(selected.available) - 1
    similar = compare_page.similar(dataset, selected, results.shown, None, "fr")
    assert similar.status != "ok" and similar.table is None
    assert set(results.changes["Évolution"]) != {"="}


def test_the_count_says_how_many_are_compared_and_when_the_indices_are_recomputed(dataset):
    everyone = compare_page.selection(dataset, "department", "metro", (), "minmax", "fr")
    assert compare_page.count_line(everyone, "metro", False, "fr") == (
        "96 départements comparés (Métropole seulement)."
    )
    chosen = ("REG-32", "REG-53")
    two = compare_page.selection(dataset, "region", "all", chosen, "minmax", "en")
    assert compare_page.count_line(two, "all", True, "en") == (
        "2 regions compared (All of France). "
        "The indices are computed again among the chosen territories only."
    )


def test_the_similar_heading_names_the_territory_only_when_it_is_compared(dataset, selected):
    shown = selected.available
    found = compare_page.similar(dataset, selected, shown, "REG-53", "fr")
    assert compare_page.similar_title(found, "fr") == (
        "Les territoires au profil le plus proche de Bretagne"
    )
    other_level = compare_page.similar(dataset, selected, shown, "DEP-29", "fr")
    assert other_level.status != "ok"
    assert compare_page.similar_title(other_level, "en") == (
        "Territories whose profile is closest to mine"
    )
