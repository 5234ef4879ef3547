"""Carte page (AppTest): levels, drill-down, indices, communes, URL kept across pages."""

import json

from apptest_pages import open_view
from hostile import shown_markdown
from streamlit.testing.v1 import AppTest

from lib import explore


def open_app(**query) -> AppTest:
    return open_view(**query)


def open_map(**query) -> AppTest:
    at = open_app(**query)
    at.switch_page("views/carte.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def drawn(at: AppTest) -> dict[str, list]:
    spec = json.loads(at.get_by_key("map_page").proto.spec)
    return {trace["name"]: trace["locations"] for trace in spec["data"]}


def test_departments_of_a_region_are_drawn_zoomed_with_a_way_back():
    at = open_map(level="department", territory="REG-53")
    assert sorted(drawn(at)["values"]) == ["DEP-22", "DEP-29", "DEP-35", "DEP-56"]
    spec = json.loads(at.get_by_key("map_page").proto.spec)
    assert spec["layout"]["map"]["zoom"] > 6  # zoomed on Brittany, not the whole of France
    assert [shown_markdown(b.label) for b in at.button] == ["Revenir aux régions"]
    at.button(key="map_drill_back_to_regions").click().run()
    assert at.query_params["territory"] == "REG-53"
    assert "level" not in at.query_params  # back to the default level: regions
    assert sum(len(locations) for locations in drawn(at).values()) == 18


def test_region_selected_offers_its_departments():
    at = open_map(territory="REG-32")
    labels = [shown_markdown(b.label) for b in at.button]
    assert labels == ["Voir les départements de Hauts-de-France"]
    at.button(key="map_drill_show_departments").click().run()
    assert at.query_params["level"] == "department"
    assert sorted(drawn(at)["values"]) == ["DEP-02", "DEP-59", "DEP-60", "DEP-62", "DEP-80"]


def test_communes_of_one_department(commune_dataset):
    at = open_map(level="commune", territory="DEP-29", indicator="part_65_plus")
    communes = commune_dataset.indicators
    expected = set(
        communes.loc[
            communes["indicator_id"].eq("part_65_plus")
            & communes["territory_id"].str.startswith("COM-29"),
            "territory_id",
        ]
    )
    locations = drawn(at)
    assert set(locations["values"]) == expected
    assert "missing" not in locations
    assert any(
        "Couverture : 277 territoires sur 277." in shown_markdown(c.value) for c in at.caption
    )


def test_commune_level_without_a_department_falls_back_with_a_notice():
    at = open_app(level="commune", territory="REG-53")
    assert at.query_params["level"] == "department"
    notice = "un département ou une intercommunalité à la fois"
    assert any(notice in shown_markdown(i.value) for i in at.sidebar.info)


def test_overall_index_metropolitan_regions_matches_the_index_table(dataset):
    at = open_map(indicator="index", area="metro")
    regions = explore.scope_territories(dataset, "region", area="metro")
    table = explore.index_table(dataset, list(regions["territory_id"]))
    expected = table.overall.set_index("territory_id")["index"]
    spec = json.loads(at.get_by_key("map_page").proto.spec)
    values = next(t for t in spec["data"] if t["name"] == "values")
    shown = {
        loc: data[1] for loc, data in zip(values["locations"], values["customdata"], strict=True)
    }
    assert len(shown) == 13
    for territory, text in shown.items():
        assert text == f"{expected[territory]:.1f}".replace(".", ",")
    captions = " ".join(shown_markdown(c.value) for c in at.caption)
    assert (
        f"Indice global calculé sur {table.overall['n_domains'].max()} domaine(s) sur 16."
        in captions
    )


def test_an_indicator_missing_at_the_level_is_replaced_with_a_notice():
    at = open_app(level="department", indicator="part_75_plus")  # regions only
    assert at.query_params["indicator"] == explore.HOME_INDICATOR
    assert any(
        "n'est pas disponible à cette échelle" in shown_markdown(i.value) for i in at.sidebar.info
    )


def test_filters_survive_a_page_switch():
    at = open_map(territory="REG-53", indicator="esperance_vie_femmes", lang="en")
    at.switch_page("views/accueil.py").run()
    assert at.query_params["territory"] == "REG-53"
    assert at.query_params["indicator"] == "esperance_vie_femmes"
    assert at.title[0].value == "Fragile territories & alliances"


def test_page_parameters_survive_a_page_switch_beside_the_filters():
    at = open_map(territory="REG-53", code="ABCD-EFGH", unknown="x")
    at.switch_page("views/accueil.py").run()
    assert at.query_params["code"] == "ABCD-EFGH"
    assert at.query_params["territory"] == "REG-53"
    assert "unknown" not in at.query_params


def _captions(at: AppTest) -> str:
    return " ".join(shown_markdown(c.value) for c in at.caption)


def test_a_former_vintage_link_opens_its_concept_and_period():
    at = open_map(level="department", indicator="taux_pauvrete_2013")
    assert (at.query_params["indicator"], at.query_params["year"]) == ("taux_pauvrete", "2013")
    assert "Taux de pauvreté, 2013." in _captions(at)
    assert not at.warning  # nothing was dropped
    period = at.selectbox(key="_filter_period")
    assert period.value == "2013"
    assert period.options == [
        "Par défaut : la plus complète, puis la plus récente",
        "2021",
        "2019",
        "2013",
    ]


def test_the_period_picker_shows_another_period_and_a_new_indicator_resets_it():
    at = open_map(level="department", indicator="taux_pauvrete")
    at.session_state["more_filters"] = True  # the period is under « Plus de filtres »
    period = at.run().selectbox(key="_filter_period")
    assert period.value is None  # the default: never Streamlit's own "Choose an option"
    assert period.proto.placeholder == "Par défaut : la plus complète, puis la plus récente"
    # the 96 metropolitan departments are compared by default: 2021, the latest covering them
    # (2019 alone covers all 101: shown with area=all)
    assert "Taux de pauvreté, 2021." in _captions(at)
    assert "Taux de pauvreté, 2019." in _captions(
        open_map(level="department", area="all", indicator="taux_pauvrete")
    )
    at.selectbox(key="_filter_period").set_value("2013").run()
    assert at.query_params["year"] == "2013"
    assert "Taux de pauvreté, 2013." in _captions(at)
    at.selectbox(key="_filter_indicator").set_value("taux_chomage").run()
    assert "year" not in at.query_params
    quarters = at.selectbox(key="_filter_period").options
    assert (len(quarters), quarters[1], quarters[-1]) == (1 + 39, "T3 2023", "T1 2014")
    # every quarter covers the same departments: the latest is shown by default
    assert "Taux de chômage localisé, T3 2023." in _captions(at)


def test_a_period_the_indicator_lacks_is_dropped_with_a_notice():
    at = open_view("carte", indicator="taux_chomage", year="2013")
    assert "year" not in at.query_params
    assert [shown_markdown(i.value) for i in at.info] == [
        "La période 2013 n'est pas disponible pour « Taux de chômage localisé » ici : "
        "période par défaut affichée."
    ]
    unknown = open_view("carte", indicator="taux_chomage", year="1850")
    assert any("year=1850" in shown_markdown(w.value) for w in unknown.warning)
