"""Carte page (AppTest): the change between two periods mode (« Valeur | Évolution »)."""

import json

from apptest_pages import open_view
from hostile import shown_markdown
from streamlit.testing.v1 import AppTest

from lib import change_map
from lib.filters import Filters


def captions(at: AppTest) -> list[str]:
    return [shown_markdown(c.value) for c in at.caption]


def values_trace(at: AppTest) -> dict:
    spec = json.loads(at.get_by_key("map_page").proto.spec)
    return next(trace for trace in spec["data"] if trace["name"] == "values")


def test_a_change_link_draws_the_change_its_caption_and_its_table(dataset):
    at = open_view("carte", level="department", indicator="taux_chomage", change_from="2019-T4")
    assert at.radio(key="map_mode").value == "change"
    start = at.selectbox(key="_filter_change_from")
    assert start.value == "2019-T4"
    assert (len(start.options), start.options[0], start.options[-1]) == (38, "T2 2023", "T1 2014")
    shown = captions(at)
    assert "Jusqu'à T3 2023 (la période choisie dans le panneau de gauche)." in shown
    assert any(
        c.startswith(
            "Taux de chômage localisé : évolution entre T4 2019 et T3 2023 (valeur de T3 2023 "
            "moins valeur de T4 2019, en pt). Source : INSEE"
        )
        for c in shown
    )
    assert any(
        c.startswith("Orange : plus fragile (hausse) ; violet : moins fragile") for c in shown
    )
    expected = change_map.change_map(
        dataset, Filters(level="department", indicator="taux_chomage", change_from="2019-T4")
    )
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "Territoire",
        "Valeur T4 2019",
        "Valeur T3 2023",
        "Évolution",
        "Source ou remarque",
    ]
    assert table.equals(expected.table)
    trace = values_trace(at)
    assert trace["colorbar"]["ticktext"] == expected.legend
    hovers = {
        loc: data[1] for loc, data in zip(trace["locations"], trace["customdata"], strict=True)
    }
    frame = expected.view.frame.set_index("territory_id")
    assert hovers["DEP-29"] == frame.loc["DEP-29", "value_text"]
    assert len(hovers) == 96


def test_the_mode_toggle_switches_between_values_and_change_and_keeps_it_in_the_url():
    at = open_view("carte", level="department", indicator="taux_pauvrete")
    assert at.radio(key="map_mode").value == "value"
    assert not [s for s in at.selectbox if s.key == "_filter_change_from"]
    at.radio(key="map_mode").set_value("change").run()
    assert at.query_params["change_from"] == "2013"  # the oldest period before the one shown
    assert any(
        c.startswith("Taux de pauvreté : évolution entre 2013 et 2021") for c in captions(at)
    )
    at.selectbox(key="_filter_change_from").set_value("2019").run()
    assert at.query_params["change_from"] == "2019"
    assert any(
        c.startswith("Taux de pauvreté : évolution entre 2019 et 2021") for c in captions(at)
    )
    at.radio(key="map_mode").set_value("value").run()
    assert "change_from" not in at.query_params
    assert any(c.startswith("Taux de pauvreté, 2021.") for c in captions(at))
    # a new indicator leaves the change mode
    at.radio(key="map_mode").set_value("change").run()
    at.selectbox(key="_filter_indicator").set_value("taux_chomage").run()
    assert "change_from" not in at.query_params
    assert at.radio(key="map_mode").value == "value"


def test_an_indicator_with_one_period_offers_no_change_mode():
    at = open_view("carte", indicator="part_65_plus")
    assert not [r for r in at.radio if r.key == "map_mode"]


def test_a_start_the_indicator_lacks_or_that_is_not_before_the_end_is_dropped_with_a_notice():
    unknown = open_view("carte", indicator="taux_chomage", change_from="1850")
    assert "change_from" not in unknown.query_params
    assert any("change_from=1850" in shown_markdown(w.value) for w in unknown.warning)
    lacking = open_view("carte", indicator="taux_chomage", change_from="2013")
    assert "change_from" not in lacking.query_params
    assert [shown_markdown(i.value) for i in lacking.info] == [
        "La période de départ 2013 n'est pas disponible pour « Taux de chômage localisé » ici : "
        "elle est ignorée."
    ]
    after = open_view("carte", indicator="taux_chomage", year="2019-T4", change_from="2023-T3")
    assert "change_from" not in after.query_params
    assert after.query_params["year"] == "2019-T4"
    assert [shown_markdown(i.value) for i in after.info] == [
        "La période de départ T3 2023 ne précède pas la période T4 2019 : elle est ignorée."
    ]
    assert not after.exception


def test_the_change_mode_reads_in_english():
    at = open_view(
        "carte", level="department", indicator="taux_chomage", change_from="2019-T4", lang="en"
    )
    assert at.radio(key="map_mode").options == ["Value", "Change"]
    assert at.selectbox(key="_filter_change_from").label == "Since"
    assert list(at.dataframe[0].value.columns)[1:4] == ["Value Q4 2019", "Value Q3 2023", "Change"]
