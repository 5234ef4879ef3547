"""Compare page (AppTest): heatmap, ranking, similar regions and weight sensitivity, as computed."""

import json

import pytest
from apptest_pages import open_view
from hostile import shown_markdown
from streamlit.testing.v1 import AppTest

from lib import compare, explore, vocabulary
from lib.charts.compare import LABEL_WIDTH
from lib.safe_text import plotly_wrapped


@pytest.fixture(scope="module")
def metro(dataset):
    """What the page should show for ?area=metro at region level, computed here."""
    regions = compare.compared_territories(dataset, "region", "metro")
    ids = list(regions["territory_id"])
    table = explore.index_table(dataset, ids, "minmax")
    domains = compare.domains_with_index(table.domains, list(dataset.domains["domain_id"]))
    return {
        "names": dict(zip(regions["territory_id"], regions["name"], strict=True)),
        "ids": ids,
        "table": table,
        "domains": domains,
        "matrix": compare.domain_matrix(table.domains, ids, domains),
    }


def compare_page(**query) -> AppTest:
    return open_view("comparer", **query)


def chart(at: AppTest, key: str) -> dict:
    charts = [c for c in at.get("plotly_chart") if c.proto.id.endswith("-" + key)]
    assert charts, f"no chart {key}"
    return json.loads(charts[0].proto.spec)


def part_table(at: AppTest, part: str):
    """The table of a part of the page ("ranks", "similar", "sensitivity"), found in its box."""
    [found] = at.container(f"compare_{part}_box").dataframe
    return found.value


def captions(at: AppTest) -> str:
    return " ".join(shown_markdown(c.value) for c in at.caption)


def test_metro_regions_heatmap_matches_the_index_table(dataset, metro):
    at = compare_page(area="metro")
    assert at.title[0].value == "Comparer les territoires"
    values, missing = chart(at, "compare_heatmap")["data"]
    labels = compare.domain_labels(dataset, metro["domains"], "fr")
    assert values["x"] == [plotly_wrapped(labels[d], LABEL_WIDTH) for d in metro["domains"]]
    assert len(values["y"]) == 13
    assert sorted(values["y"]) == sorted(metro["names"].values())
    # most fragile first: the overall index (equal weights) of explore.index_table
    overall = metro["table"].overall.set_index("territory_id")["index"]
    by_name = {metro["names"][i]: v for i, v in overall.items()}
    assert [by_name[n] for n in values["y"]] == sorted(by_name.values(), reverse=True)
    wide = metro["matrix"].rename(index=metro["names"])
    for row, name in zip(values["z"], values["y"], strict=True):
        assert row == pytest.approx(list(wide.loc[name, metro["domains"]]))
    assert all(cell is None for row in missing["z"] for cell in row)  # complete at this level
    text = captions(at)
    assert "13 régions comparées (Métropole seulement)." in text
    assert "Indicateurs retenus : Part des 65 ans ou plus (2021)" in text
    assert "Taux de chômage localisé (T3 2023)" in text
    assert "Sources : Eurostat" in text and "INSEE, Taux de chômage localisés (BIT)" in text
    # the ranking and the sensitivity chart repeat the publishers and the years
    years = compare.provenance(dataset, metro["table"].scores, metro["domains"]).years
    assert "2016-2022" in years and "T3 2023" in years  # periods shown as they are
    assert text.count(f"; données {years}.") == 2


def test_ranks_table_shows_index_rank_and_domains(metro):
    at = compare_page(area="metro")
    ranks = part_table(at, "ranks")
    assert len(ranks) == 13
    overall = metro["table"].overall.set_index("territory_id")["index"]
    first = overall.idxmax()
    assert ranks.iloc[0]["Territoire"] == metro["names"][first]
    assert ranks.iloc[0]["Indice global de fragilité"] == f"{overall.max():.1f}".replace(".", ",")
    assert ranks.iloc[0]["Rang (1 = plus fragile)"] == "1"
    assert set(ranks["Domaines pris en compte"]) == {f"{len(metro['domains'])} sur 16"}
    assert at.get_by_key("compare_download").proto.label == "Télécharger le classement (CSV)"


def test_three_similar_regions_to_hauts_de_france(metro):
    at = compare_page(territory="REG-32", area="metro")
    assert "Les territoires au profil le plus proche de Hauts-de-France" in [
        shown_markdown(s.value) for s in at.subheader
    ]
    expected = compare.most_similar(metro["matrix"], "REG-32")
    assert len(expected) == 3
    similar = part_table(at, "similar")
    assert list(similar["Territoire"]) == [metro["names"][i] for i in expected["territory_id"]]
    assert list(similar["Distance (écart moyen)"]) == [
        f"{d:.1f}".replace(".", ",") for d in expected["distance"]
    ]
    assert list(similar["Domaines en commun"]) == [len(metro["domains"])] * 3


def test_moving_a_weight_slider_changes_the_sensitivity_table(metro):
    at = compare_page(area="metro")
    sliders = {s.key: s for s in at.slider}
    assert sorted(sliders) == sorted(f"compare_weight_{d}" for d in metro["domains"])
    assert all(s.value == 1.0 and s.min == 0.0 and s.max == 3.0 for s in sliders.values())
    before = part_table(at, "sensitivity")
    assert set(before["Évolution"]) == {"="}
    at.slider(key="compare_weight_emploi").set_value(3.0).run()
    weights = {**dict.fromkeys(metro["domains"], 1.0), "emploi": 3.0}
    expected = compare.rank_changes(
        metro["table"].domains, dict.fromkeys(metro["domains"], 1.0), weights
    )
    after = part_table(at, "sensitivity")
    assert list(after["Territoire"]) == [metro["names"][i] for i in expected["territory_id"]]
    assert list(after["Rang, poids choisis"]) == [str(r) for r in expected["rank_b"]]
    assert list(after["Évolution"]) == [compare.change_text(c) for c in expected["change"]]
    assert any(c.startswith("▲") for c in after["Évolution"])
    # the per-domain sensitivity chart follows the chosen weights too
    bars = chart(at, "compare_sensitivity")["data"][0]
    counts = compare.weight_sensitivity(metro["table"].domains, weights)
    assert bars["x"] == list(counts["changed"])


def test_restricting_to_some_regions(dataset):
    at = compare_page(area="metro")
    at.multiselect(key="compare_territories").select("REG-32").select("REG-53").select(
        "REG-11"
    ).run()
    values = chart(at, "compare_heatmap")["data"][0]
    assert sorted(values["y"]) == ["Bretagne", "Hauts-de-France", "Île-de-France"]
    assert "3 régions comparées (Métropole seulement). Les indices sont recalculés" in captions(at)
    table = explore.index_table(dataset, ["REG-11", "REG-32", "REG-53"], "minmax")
    assert len(values["x"]) == len(
        compare.domains_with_index(table.domains, list(dataset.domains["domain_id"]))
    )


def test_commune_level_compares_departments_and_says_when_no_profile_is_comparable():
    at = compare_page(level="commune", territory="DEP-29")
    assert "La comparaison se fait par région ou par département" in at.info[0].value
    values = chart(at, "compare_heatmap")["data"][0]
    # by default Finistère is compared among the 96 metropolitan departments
    assert len(values["y"]) == 96 and "Finistère (29)" in values["y"]
    assert not any("Profils proches non disponibles" in shown_markdown(i.value) for i in at.info)
    # one domain chosen: fewer than 2 shared domains, no similar profile
    at = compare_page(level="commune", territory="DEP-29", domain="sante")
    assert any("Profils proches non disponibles" in shown_markdown(i.value) for i in at.info)


def test_territory_at_another_level_and_unknown_url_values():
    at = compare_page(territory="DEP-29", area="metro")
    assert any("choisissez une région comme territoire" in shown_markdown(i.value) for i in at.info)
    at = compare_page(territory="REG-99", area="metro", domain="emploi,nope")
    assert "Valeurs inconnues du lien ignorées : territory=REG-99, domain=nope." in [
        shown_markdown(w.value) for w in at.warning
    ]
    assert any("Choisissez « Mon territoire »" in shown_markdown(i.value) for i in at.info)
    values = chart(at, "compare_heatmap")["data"][0]
    assert values["x"] == [
        plotly_wrapped("Emploi, chômage, insertion professionnelle", LABEL_WIDTH)
    ]


def test_english_base100_all_regions(dataset):
    at = compare_page(lang="en", method="base100", area="all")
    assert at.title[0].value == "Compare territories"
    assert [shown_markdown(s.value) for s in at.subheader][:2] == [
        "Domain indices by territory",
        "Ranking by the overall index",
    ]
    text = captions(at)
    assert "18 regions compared (All of France)." in text
    assert "Method: base 100 = each indicator's national reference row." in text
    assert (
        "Indicators used: Poverty rate (2019), Share of people aged 75 or over (2018), "
        "Ageing index (2018), Physical violence outside the family (2025)"
    ) in text
    assert "indicator(s) left out for incomplete coverage" in text
    assert "Choose “My territory”" in " ".join(shown_markdown(i.value) for i in at.info)
    ranks = part_table(at, "ranks")
    assert list(ranks.columns) == [
        "Territory",
        "Overall fragility index",
        "Rank (1 = most fragile)",
        "Domains used",
    ]
    # the domains with a base-100 index over all 18 regions (a reference row and full coverage)
    regions = compare.compared_territories(dataset, "region", "all")
    table = explore.index_table(dataset, list(regions["territory_id"]), "base100")
    indexed = set(table.domains.dropna(subset=["index"])["domain_id"])
    domains = [d for d in dataset.domains["domain_id"] if d in indexed]
    labels = compare.domain_labels(dataset, domains, "en")
    assert "vieillissement" in domains and "sante" not in domains  # no reference row for health
    values = chart(at, "compare_heatmap")["data"][0]
    assert values["x"] == [plotly_wrapped(labels[d], LABEL_WIDTH) for d in domains]
    overall = table.overall.set_index("territory_id")["index"]
    name = vocabulary.territory_name(dataset, overall.idxmax())
    assert values["y"][0] == name  # most fragile first
    first = table.domains.set_index(["territory_id", "domain_id"])["index"]
    value = first[(overall.idxmax(), domains[0])]
    assert values["text"][0][0] == f"{name}<br>{labels[domains[0]]}: {value:,.1f}"
    assert sorted(s.key for s in at.slider) == sorted(f"compare_weight_{d}" for d in domains)
    assert list(part_table(at, "sensitivity").columns) == [
        "Territory",
        "Rank, equal weights",
        "Rank, chosen weights",
        "Change",
    ]
