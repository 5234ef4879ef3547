"""Filosofi 2019 by commune (scripts/import_filosofi_communes.py): the files, the values a commune
profile, the map and its table show, and statistical secrecy told in words (never 0)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from apptest_pages import open_view
from hostile import shown_markdown, shown_table

from lib import explore, maps
from lib.data import epci_members
from lib.formatting import format_value
from lib.profile import local as local_profile

DATA = Path(__file__).resolve().parents[1] / "data"
SOURCE = "insee-filosofi2019-com"
SECRET_FR, SECRET_EN = "non disponible (secret statistique)", "not available (statistical secrecy)"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def facts() -> pd.DataFrame:
    return read("indicators_filosofi2019_communes.csv")


@pytest.fixture(scope="module")
def held() -> pd.DataFrame:
    return read("withheld_filosofi2019_communes.csv")


def secret_commune(held: pd.DataFrame, facts: pd.DataFrame) -> str:
    """A commune whose poverty rate is under secrecy but whose median is published."""
    secret = held.loc[
        (held["indicator_id"] == "taux_pauvrete") & (held["reason"] == "secret_statistique"),
        "territory_id",
    ]
    medians = facts.loc[facts["indicator_id"] == "niveau_vie_median", "territory_id"]
    return sorted(set(secret) & set(medians))[0]


def test_a_commune_has_a_value_or_a_reason_never_both(facts, held):
    key = ["territory_id", "indicator_id", "period"]
    both = facts[key].merge(held[key], on=key)
    assert both.empty
    assert (
        set(facts["indicator_id"])
        == set(held["indicator_id"])
        == {
            "taux_pauvrete",
            "niveau_vie_median",
        }
    )
    assert (facts["source_id"] == SOURCE).all() and (held["source_id"] == SOURCE).all()
    assert not (facts["value"].astype(float) == 0).any()


def test_the_join_report_counts_the_rows_written(facts, held):
    report = json.loads((DATA / "filosofi2019_commune_join.json").read_text("utf-8"))
    counts = held.value_counts(["indicator_id", "reason"])
    assert report["withheld"] == {f"{i} / {r}": int(n) for (i, r), n in counts.items()}
    territory_communes = read("territories.csv").query("level == 'commune'")
    assert report["territory_communes"] == len(territory_communes)
    published = facts.groupby("indicator_id").size()
    withheld = held.groupby("indicator_id").size()
    assert (published + withheld == report["matched"]).all()


def test_paris_commune_equals_its_department_in_the_2019_series(facts):
    series = read("indicators_series.csv").query("territory_id == 'DEP-75' and period == '2019'")
    department = series.set_index("indicator_id")["value"].astype(float)
    paris = facts[facts["territory_id"] == "COM-75056"].set_index("indicator_id")["value"]
    assert float(paris["niveau_vie_median"]) == department["niveau_vie_median"]
    assert float(paris["taux_pauvrete"]) == round(department["taux_pauvrete"])


def test_a_commune_under_secrecy_shows_the_reason_and_its_median(commune_dataset, held, facts):
    commune = secret_commune(held, facts)
    members = epci_members(commune_dataset)
    for lang, secret in (("fr", SECRET_FR), ("en", SECRET_EN)):
        profile = local_profile.build(commune_dataset, members, commune, "minmax", lang)
        figures = profile.figures.set_index(profile.figures.columns[0])
        value = figures.columns[0]
        label = "Taux de pauvreté" if lang == "fr" else "Poverty rate"
        assert figures.loc[label, value] == secret
        median = facts.query("territory_id == @commune and indicator_id == 'niveau_vie_median'")[
            "value"
        ]
        unit = "€ par an et par UC" if lang == "fr" else "€ per year per consumption unit"
        median_label = "Niveau de vie médian" if lang == "fr" else "Median standard of living"
        assert figures.loc[median_label, value] == format_value(
            float(median.iloc[0]), unit, 0, lang
        )
        nesting = profile.nesting.set_index(profile.nesting.columns[0])
        assert nesting.iloc[:, 0].loc[f"{label} (2019)"] == secret


def test_the_commune_map_table_says_why_a_value_is_missing(commune_dataset, facts, held):
    communes = commune_dataset.territories.query("level == 'commune' and parent_id == 'DEP-01'")
    view = explore.map_view(commune_dataset, "taux_pauvrete", communes, "fr")
    table = explore.view_table(view, "fr").set_index("Territoire")
    published = facts.query("indicator_id == 'taux_pauvrete'")["territory_id"]
    assert view.covered == int(communes["territory_id"].isin(set(published)).sum())
    assert view.period_id == "2019"
    names = communes.set_index("territory_id")["name"]
    reasons = held.query("indicator_id == 'taux_pauvrete'").set_index("territory_id")["reason"]
    for reason, text in (
        ("secret_statistique", SECRET_FR),
        ("perimetre_modifie", "non disponible (commune fusionnée depuis : périmètre modifié)"),
    ):
        ids = sorted(set(communes["territory_id"]) & set(reasons[reasons == reason].index))
        assert ids and set(table.loc[names[ids], "Valeur"]) == {text}
    assert not table["Valeur"].str.startswith("0").any()


def test_every_value_keeps_the_decimals_the_commune_file_publishes(facts):
    # INSEE's commune file gives the rate and the median to the unit ('17', '20520'): each row
    # says so, its value has no more digits, and the rate rows' note says it too
    assert (facts["decimals"] == "0").all()
    values = facts["value"].astype(float)
    assert (values == values.round(0)).all()
    rates = facts[facts["indicator_id"] == "taux_pauvrete"]
    assert set(rates["note"]) == {"fichier communal : taux arrondi à l'unité"}


def brest_rate(facts: pd.DataFrame) -> str:
    """Brest's poverty rate as the data file gives it, with its row's decimals."""
    rate = facts.query("territory_id == 'COM-29019' and indicator_id == 'taux_pauvrete'")
    value, decimals = float(rate["value"].iloc[0]), int(rate["decimals"].iloc[0])
    return format_value(value, "% des personnes", decimals)


def test_the_brest_profile_shows_its_filosofi_2019_poverty_rate(facts):
    at = open_view("profil", territory="COM-29019")
    tables = [shown_table(t.value) for t in at.table]
    figures = next(t for t in tables if "Source" in t.columns).set_index("Indicateur")
    expected = brest_rate(facts)
    assert expected == "17\u202f% des personnes"  # not "17,0 %": the file has no decimal
    assert figures.loc["Taux de pauvreté", "Valeur"] == expected
    assert figures.loc["Taux de pauvreté", "Période"] == "2019"
    assert figures.loc["Taux de pauvreté", "Source"] == "INSEE-DGFiP-Cnaf-Cnav-CCMSA"


def test_the_commune_map_table_of_a_department_names_secrecy_in_english(held, facts):
    commune = secret_commune(held, facts)
    department = read("territories.csv").set_index("territory_id").loc[commune, "parent_id"]
    at = open_view(
        "carte", level="commune", territory=department, indicator="taux_pauvrete", lang="en"
    )
    table = shown_table(at.dataframe[0].value)
    name = read("territories.csv").set_index("territory_id").loc[commune, "name"]
    assert table.loc[table["Territory"] == name, "Value"].tolist() == [SECRET_EN]
    captions = " ".join(shown_markdown(c.value) for c in at.caption)
    assert "Filosofi" in captions


def test_the_commune_map_shows_the_rate_to_the_unit_and_the_reference_to_one_decimal(
    commune_dataset, facts
):
    communes = commune_dataset.territories.query("level == 'commune' and parent_id == 'DEP-29'")
    view = explore.map_view(commune_dataset, "taux_pauvrete", communes, "fr")
    table = explore.view_table(view, "fr").set_index("Territoire")
    assert table.loc["Brest", "Valeur"] == brest_rate(facts)
    figure = maps.view_map(view, {"type": "FeatureCollection", "features": []})
    hovers = {row[0]: row[1] for trace in figure.data for row in trace.customdata}
    assert hovers["Brest"] == brest_rate(facts)
    assert view.decimals == 0
    legend = figure.data[0].colorbar.ticktext
    assert legend and not any("," in label for label in legend)
    # the legend's edges are whole numbers too: no class between two values shown
    assert all(edge == round(edge) for edge in view.classes.edges)
    france = commune_dataset.indicators.query(
        "territory_id == 'FR-METRO' and indicator_id == 'taux_pauvrete' and period == '2019'"
    )
    reference = format_value(france["value"].iloc[0], "% des personnes", 1)
    assert "," in reference and reference in view.notes[-1]  # its own source: one decimal
