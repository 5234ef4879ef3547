"""Alliances page (AppTest): the charts show the data rows, with base, study, year and source."""

import io
import json

import pandas as pd
from apptest_pages import open_view
from download_capture import capture_downloads, served
from hostile import shown_markdown
from streamlit.testing.v1 import AppTest

from lib.sources_page import source_labels


def alliances_page(**query) -> AppTest:
    return open_view("alliances", **query)


def open_tab(at: AppTest, label: str) -> AppTest:
    at.session_state["alliances_tab"] = label
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def charts(at: AppTest) -> dict[str, dict]:
    """Chart specs by group key (e.g. 'practice-ALL-010')."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return {spec["layout"]["meta"]["group"]: spec for spec in specs}


def captions(at: AppTest) -> list[str]:
    return [shown_markdown(c.value) for c in at.caption]


def test_company_practice_chart_shows_the_data_rows_with_source(dataset):
    at = alliances_page(actor="entreprises")
    assert at.title[0].value == "Alliances"
    assert "quatre types de partenariat : les pratiques responsables" in at.info[0].value
    assert at.tabs[0].label == "Types de pratiques"
    expected = dataset.alliances.query("actor_id == 'entreprises' and dimension == 'practice'")
    spec = charts(at)
    assert list(spec) == ["practice-ALL-010"]  # only the open tab's charts are drawn
    (trace,) = spec["practice-ALL-010"]["data"]
    assert trace["x"] == expected["value"].tolist() == [45.0, 30.0, 25.0, 16.0]
    assert trace["name"] == "Entreprises"
    assert (
        "Chiffre national (France) · Étude : PHARE-Entreprises, 2015 · base non précisée · "
        "Source : " + source_labels(dataset)["obs-007"]
    ) in captions(at)
    assert any("total 116 % : plusieurs types possibles" in c for c in captions(at))
    assert "Acteurs affichés : Entreprises (filtre « Acteurs » de la barre latérale)." in (
        captions(at)
    )


def test_regional_perceptions_are_labelled_with_the_region(dataset):
    at = open_tab(alliances_page(territory="REG-52"), "Perceptions des alliances")
    own = (dataset.alliances["territory_id"] == "REG-52").sum()
    assert f"Pays de la Loire : {own} chiffre(s) propre(s) à la région" in " ".join(captions(at))
    spec = charts(at)["perception-ALL-045"]
    values = {trace["name"]: trace["x"] for trace in spec["data"]}
    rows = dataset.alliances.query(
        "study == 'PHARE-Pays de la Loire' and dimension == 'perception'"
    )
    assert values == {
        "Citoyens": [65.0],
        "Entreprises": [80.0],
        "Associations": [77.0],
    }
    assert sorted(v[0] for v in values.values()) == sorted(rows["value"])
    assert any(
        c.startswith("Chiffre régional : Pays de la Loire · Étude : PHARE-Pays de la Loire, 2016")
        for c in captions(at)
    )
    assert any(
        c.startswith(
            "Chiffre national (France) · Étude : PHARE-Institutions, 2016 · Base : 304 répondants"
        )
        for c in captions(at)
    )


def test_practice_filter_keeps_the_chosen_type(dataset):
    at = alliances_page(actor="associations")
    picker = at.multiselect(key="alliances_practices")
    assert "Dialogue territorial (hors typologie de l'Observatoire)" in picker.options
    picker.select("mecenat").run()
    (trace,) = charts(at)["practice-ALL-029"]["data"]
    expected = dataset.alliances.query("actor_id == 'associations' and practice_id == 'mecenat'")
    assert trace["x"] == expected["value"].tolist() == [67.0]


def test_table_and_csv_download_carry_the_rows_and_their_sources(dataset, monkeypatch):
    files = capture_downloads(monkeypatch)
    at = alliances_page(actor="collectivites")
    at.radio(key="alliances_separator").set_value(";").run()
    expected = dataset.alliances[dataset.alliances["actor_id"] == "collectivites"]
    table = at.dataframe[0].value
    assert sorted(table["Identifiant"]) == sorted(expected["alliance_id"])
    data = served(files, at.download_button(key="alliances_download"))
    back = pd.read_csv(io.StringIO(data.decode("utf-8-sig")), sep=";", decimal=",")
    assert sorted(back["Identifiant"]) == sorted(expected["alliance_id"])
    by_id = back.set_index("Identifiant")
    labels = source_labels(dataset)
    for row in expected.itertuples():
        assert by_id.loc[row.alliance_id, "Valeur"] == row.value
        assert by_id.loc[row.alliance_id, "Source"] == labels[row.source_id]


def test_unknown_url_values_are_reported_and_every_actor_shown():
    at = alliances_page(actor="martiens")
    assert "Valeurs inconnues du lien ignorées : actor=martiens." in [
        shown_markdown(w.value) for w in at.warning
    ]
    assert "Acteurs affichés : tous (filtre « Acteurs » de la barre latérale)." in captions(at)
    assert charts(at)


def test_english():
    at = alliances_page(lang="en", actor="entreprises")
    assert at.title[0].value == "Alliances"
    assert [tab.label for tab in at.tabs][:2] == ["Types of practices", "Territorial level"]
    assert "four partnership types" in at.info[0].value
    assert any(
        c.startswith(
            "National figure (France) · Study: PHARE-Entreprises, 2015 · base not stated · Source:"
        )
        for c in captions(at)
    )
    assert at.multiselect(key="alliances_practices").options[-1] == (
        "Territorial dialogue (outside the Observatoire's typology)"
    )
