"""Alliances page logic (lib.alliance_figures) and its charts, checked against the embedded rows."""

import pandas as pd
import pytest

from lib import alliance_figures as av
from lib.charts.alliances import actor_colour, group_chart
from lib.sources_page import source_labels

NNBSP = "\u202f"


@pytest.fixture(scope="module")
def groups(dataset):
    return av.chart_groups(dataset, dataset.alliances, "fr")


def group_of(groups, alliance_id):
    """The chart holding one alliance row."""
    return next(
        g for gs in groups.values() for g in gs if alliance_id in [b.alliance_id for b in g.bars]
    )


def test_practice_choices_flag_the_type_outside_the_typology(dataset):
    fr = av.practice_choices(dataset, "fr")
    assert list(fr) == list(dataset.practices["practice_id"])
    assert fr["mecenat"] == "Mécénat"
    assert fr["dialogue_territorial"] == "Dialogue territorial (hors typologie de l'Observatoire)"
    en = av.practice_choices(dataset, "en")
    assert (
        en["dialogue_territorial"] == "Territorial dialogue (outside the Observatoire's typology)"
    )
    flagged = [p for p, label in fr.items() if "hors typologie" in label]
    assert flagged == list(
        dataset.practices.loc[~dataset.practices["observatoire_typology"], "practice_id"]
    )


def test_filter_by_actor_and_practice(dataset):
    alliances = dataset.alliances
    assert len(av.filter_alliances(alliances)) == len(alliances)
    companies = av.filter_alliances(alliances, ["entreprises"])
    assert len(companies) == (alliances["actor_id"] == "entreprises").sum() > 0
    assert set(companies["actor_id"]) == {"entreprises"}
    patronage = av.filter_alliances(alliances, (), ["mecenat"])
    other_types = alliances["practice_id"].notna() & (alliances["practice_id"] != "mecenat")
    assert len(patronage) == len(alliances) - other_types.sum()
    assert set(patronage["practice_id"].dropna()) == {"mecenat"}


def test_every_row_is_in_exactly_one_chart_and_no_chart_mixes_studies_or_units(dataset, groups):
    rows = dataset.alliances.set_index("alliance_id")
    shown = [b.alliance_id for gs in groups.values() for g in gs for b in g.bars]
    assert sorted(shown) == sorted(rows.index)
    for dimension, charts in groups.items():
        for group in charts:
            part = rows.loc[[b.alliance_id for b in group.bars]]
            assert set(part["dimension"]) == {dimension}
            for column in ["study", "unit", "territory_id", "year", "year_note", "base_n"]:
                assert part[column].nunique(dropna=False) == 1, (group.key, column)
            assert group.values == part["value"].tolist()


def test_dimensions_in_display_order(groups):
    assert list(groups) == [d for d in av.DIMENSIONS if d in groups]
    assert next(iter(groups)) == "practice"


def test_company_practice_chart_holds_the_data_rows(dataset):
    rows = av.filter_alliances(dataset.alliances, ["entreprises"])
    practice = av.chart_groups(dataset, rows, "fr")["practice"]
    assert len(practice) == 1
    expected = dataset.alliances.query("actor_id == 'entreprises' and dimension == 'practice'")
    assert practice[0].values == expected["value"].tolist() == [45.0, 30.0, 25.0, 16.0]
    assert [b.label for b in practice[0].bars] == expected["category"].tolist()
    assert practice[0].study == "PHARE-Entreprises"
    assert practice[0].year_text == "2015"


def test_same_figure_twice_for_one_actor_is_told_apart_by_population(groups):
    group = group_of(groups, "ALL-026")
    labels = {b.alliance_id: b.label for b in group.bars}
    assert labels == {
        "ALL-026": "Associations en partenariat avec des entreprises "
        "(associations d'intérêt général employeuses)",
        "ALL-027": "Associations en partenariat avec des entreprises "
        "(associations non employeuses)",
    }


def test_caption_names_scope_study_year_base_and_source(dataset, groups):
    national = group_of(groups, "ALL-043")  # PHARE-Institutions, 304 mayors
    caption = av.group_caption(dataset, national, "fr")
    assert caption == (
        "Chiffre national (France) · Étude : PHARE-Institutions, 2016 · Base : 304 répondants"
        " · Source : " + source_labels(dataset)["obs-012"]
    )
    regional = group_of(groups, "ALL-047")
    assert av.group_caption(dataset, regional, "fr").startswith(
        "Chiffre régional : Pays de la Loire · Étude : PHARE-Pays de la Loire, 2016 · "
        "base non précisée · Source : Youmatter"
    )
    english = av.group_caption(dataset, regional, "en")
    assert english.startswith("Regional figure: Pays de la Loire · Study: PHARE-Pays de la Loire")
    assert "base not stated · Source: Youmatter" in english


def test_year_note_and_missing_year():
    assert av.year_text(2011, "2010-2011", "fr") == "2011 – 2010-2011"
    assert av.year_text(None, "2015-2016", "fr") == "2015-2016"
    assert av.year_text(pd.NA, None, "fr") == "année non précisée"
    assert av.year_text(pd.NA, float("nan"), "en") == "year not stated"


def test_values_read_with_their_unit():
    assert av.value_text(45.0, "%", "fr") == f"45{NNBSP}%"
    assert av.value_text(674000.0, "count", "fr") == f"674{NNBSP}000"
    assert av.value_text(674000.0, "count", "en") == "674,000"
    assert av.value_text(8.5, "points", "fr") == "8,5 points"
    assert av.value_text(18.0, "months", "fr") == "18 mois"
    assert av.value_text(7.0, "years", "en") == "7 years"


def test_notes_shared_once_or_named_by_bar(groups):
    shared = group_of(groups, "ALL-010")  # the four company practice types, one note
    assert av.group_notes(shared, "fr") == (
        "Notes (précisions, écarts entre sources) :\n"
        "- base : entreprises en partenariat ; total 116 % : plusieurs types possibles par "
        "entreprise"
    )
    split = group_of(groups, "ALL-014")  # two counts with different notes (a contradiction)
    lines = av.group_notes(split, "fr").splitlines()
    assert lines[1] == (
        "- Entreprises engagées avec des structures d'intérêt général (nombre) : "
        "base : entreprises d'au moins 10 salariés"
    )
    assert lines[2].startswith(
        "- Partenariats entreprises – structures d'intérêt général (nombre) : « plus de 674 000 »"
    )
    assert "« près de 675 000 »" in lines[2]


def test_chart_without_notes_has_none(dataset):
    rows = dataset.alliances.assign(note=None)
    group = av.chart_groups(dataset, rows, "fr")["practice"][0]
    assert av.group_notes(group, "fr") is None


def test_missing_dimensions_are_said(dataset, groups):
    absent = [d for d in av.DIMENSIONS if d not in set(dataset.alliances["dimension"])]
    labels = ", ".join(av.dimension_label(d, "fr") for d in absent)
    assert av.missing_dimensions(groups, "fr") == (
        f"Sans chiffre pour cette sélection (non disponible) : {labels}."
    )
    assert "Partenaires" in labels


def test_territory_note(dataset):
    loire = (dataset.alliances["territory_id"] == "REG-52").sum()
    expected = (
        f"Pays de la Loire : {loire} chiffre(s) propre(s) à la région, signalé(s) comme "
        "régionaux ; les autres chiffres sont nationaux."
    )
    assert av.territory_note(dataset, dataset.alliances, "REG-52", "fr") == expected
    assert av.territory_note(dataset, dataset.alliances, "DEP-44", "fr") == expected
    assert av.territory_note(dataset, dataset.alliances, "REG-53", "fr").startswith(
        "Aucun chiffre d'alliance propre à Bretagne"
    )
    assert av.territory_note(dataset, dataset.alliances, None, "fr") is None


def test_actors_text(dataset):
    assert av.actors_text(dataset, (), "fr") == (
        "Acteurs affichés : tous (filtre « Acteurs » de la barre latérale)."
    )
    assert av.actors_text(dataset, ("entreprises", "citoyens"), "en") == (
        "Actors shown: Companies, Citizens (“Actors” filter in the sidebar)."
    )


def test_table_has_one_row_per_figure_with_base_scope_and_source(dataset):
    rows = av.filter_alliances(dataset.alliances, ["collectivites"])
    table = av.alliance_table(dataset, rows, "fr").set_index("Identifiant")
    assert sorted(table.index) == sorted(rows["alliance_id"])
    data = rows.set_index("alliance_id")
    assert table["Valeur"].to_dict() == data["value"].to_dict()
    labels = source_labels(dataset)
    assert table["Source"].to_dict() == data["source_id"].map(labels).to_dict()
    assert table.loc["ALL-042", "Base (répondants)"] == "Base : 304 répondants"
    assert table.loc["ALL-051", "Base (répondants)"] == "base non précisée"
    assert set(table["Portée"]) == {"national"}
    assert table.loc["ALL-042", "Acteur"] == "Collectivités et élus locaux (maires)"
    loire = av.alliance_table(dataset, dataset.alliances, "en").set_index("Id")
    assert loire.loc["ALL-045", "Scope"] == "regional"
    assert loire.loc["ALL-045", "Territory"] == "Pays de la Loire"
    assert loire.loc["ALL-010", "Partnership type"] == "Responsible practices"


def test_year_notes_read_in_the_chosen_language(dataset):
    table = av.alliance_table(dataset, dataset.alliances, "en").set_index("Id")
    assert table.loc["ALL-003", "Note on the year"] == "2010-2011 (published in January 2011)"
    assert table.loc["ALL-038", "Note on the year"] == "2015-2016"  # no word to translate
    french = av.alliance_table(dataset, dataset.alliances, "fr").set_index("Identifiant")
    assert french.loc["ALL-003", "Précision sur l'année"] == "2010-2011 (publication janvier 2011)"
    english = av.chart_groups(dataset, dataset.alliances, "en")
    assert group_of(english, "ALL-055").year_text == (
        "2023 – 2018-2022 (final results published on 26 January 2023)"
    )
    assert group_of(english, "ALL-065").year_text == "not specified"


def test_no_rows_gives_no_chart(dataset):
    assert av.chart_groups(dataset, dataset.alliances.iloc[:0], "fr") == {}


def test_chart_plots_the_group_values_one_trace_per_actor(dataset):
    rows = av.filter_alliances(dataset.alliances, ["entreprises"])
    group = av.chart_groups(dataset, rows, "fr")["practice"][0]
    figure = group_chart(group, "fr")
    (trace,) = figure.data
    assert list(trace.x) == [45.0, 30.0, 25.0, 16.0]
    assert trace.name == "Entreprises"
    assert list(trace.text) == [f"45{NNBSP}%", f"30{NNBSP}%", f"25{NNBSP}%", f"16{NNBSP}%"]
    assert figure.layout.meta == {"group": "practice-ALL-010", "dimension": "practice"}
    assert tuple(figure.layout.xaxis.range) == (0, 108)
    assert figure.layout.font.size == 16  # the shared style


def test_chart_colours_follow_the_actor_order(dataset, groups):
    group = group_of(groups, "ALL-045")  # PHARE-Pays de la Loire: three actors
    figure = group_chart(group, "fr")
    names = [trace.name for trace in figure.data]
    assert names == ["Citoyens", "Entreprises", "Associations"]
    orders = dataset.actors.set_index("label_fr")["order"]
    assert [trace.marker.color for trace in figure.data] == [
        actor_colour(int(orders[n])) for n in names
    ]
    assert len({trace.marker.color for trace in figure.data}) == 3
