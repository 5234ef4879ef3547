"""Profiles of an EPCI and a commune (AppTest), and the sidebar search that opens them: the
values shown are read again from the data files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from apptest_pages import open_view
from hostile import shown_markdown, shown_table

from lib.formatting import format_value

DATA = Path(__file__).resolve().parents[1] / "data"
GRAND_PARIS, BREST_EPCI, BREST = "EPCI-200054781", "EPCI-242900314", "COM-29019"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


def value_of(file: str, territory_id: str, indicator_id: str, unit: str) -> str:
    rows = read(file)
    row = rows[(rows["territory_id"] == territory_id) & (rows["indicator_id"] == indicator_id)]
    return format_value(float(row["value"].iloc[0]), unit, 1)


def tables(at) -> list[pd.DataFrame]:
    return [shown_table(t.value) for t in at.table]


def table_with(at, column: str) -> pd.DataFrame:
    found = [t for t in tables(at) if column in t.columns]
    assert found, f"no table with a column {column!r}"
    return found[0]


@pytest.fixture(scope="module")
def grand_paris():
    return open_view("profil", territory=GRAND_PARIS)


@pytest.fixture(scope="module")
def brest():
    return open_view("profil", territory=BREST)


def test_the_grand_paris_profile_has_three_domains_or_more_among_its_region(grand_paris):
    at = grand_paris
    title = shown_markdown(at.title[0].value)
    assert title.startswith("Métropole du Grand Paris — intercommunalité (Paris, ")
    domains = table_with(at, "Rang (1 = le plus fragile)")
    assert len(domains[domains["Indice"] != "non disponible"]) >= 3
    territories = read("territories_epci.csv")
    regions = read("territories.csv").set_index("territory_id")["parent_id"]
    n_idf = int((territories["parent_id"].map(regions) == "REG-11").sum())
    assert (
        domains["Rang (1 = le plus fragile)"]
        .str.endswith(f"sur {n_idf} intercommunalités (Île-de-France)")
        .all()
    )


def test_the_grand_paris_nesting_shows_its_department_region_and_france(grand_paris):
    nesting = table_with(grand_paris, "Île-de-France")
    assert list(nesting.columns) == [
        "Indicateur",
        "Métropole du Grand Paris",
        "Paris",
        "Île-de-France",
        "France",
    ]
    row = nesting[nesting["Indicateur"] == "Part des 65 ans ou plus (2021)"].iloc[0]
    assert row["Métropole du Grand Paris"] == value_of(
        "indicators_rp2021_epci.csv", GRAND_PARIS, "part_65_plus", "%"
    )
    assert row["Île-de-France"] == value_of("indicators_rp2021.csv", "REG-11", "part_65_plus", "%")
    assert row["France"] == value_of("indicators_rp2021.csv", "FR-HM", "part_65_plus", "%")


def test_the_brest_profile_nests_the_commune_in_its_epci(brest):
    at = brest
    assert shown_markdown(at.title[0].value) == "Brest (29019) — commune, Finistère"
    nesting = table_with(at, "Brest Métropole")
    assert list(nesting.columns) == [
        "Indicateur",
        "Brest",
        "Brest Métropole",
        "Finistère",
        "Bretagne",
        "France",
    ]
    row = nesting[nesting["Indicateur"] == "Part des logements vacants (2021)"].iloc[0]
    assert row["Brest"] == value_of(
        "indicators_rp2021_communes.csv", BREST, "part_logements_vacants", "%"
    )
    assert row["Brest Métropole"] == value_of(
        "indicators_rp2021_epci.csv", BREST_EPCI, "part_logements_vacants", "%"
    )
    assert row["Finistère"] == value_of(
        "indicators_rp2021.csv", "DEP-29", "part_logements_vacants", "%"
    )
    domains = table_with(at, "Rang (1 = le plus fragile)")
    assert len(domains[domains["Indice"] != "non disponible"]) >= 2
    communes = read("territories.csv")
    n_29 = int(((communes["level"] == "commune") & (communes["parent_id"] == "DEP-29")).sum())
    assert (
        domains["Rang (1 = le plus fragile)"].str.endswith(f"sur {n_29} communes (Finistère)").all()
    )
    figures = table_with(at, "Source")
    assert figures.loc[figures["Indicateur"] == "Population (recensement)", "Source"].tolist() == [
        "INSEE"
    ]


def test_the_search_offers_brest_and_opens_the_commune_profile():
    at = open_view(None)
    at.sidebar.text_input(key="territory_search").input("brest").run()
    labels = [shown_markdown(b.label) for b in at.sidebar.button if b.key.startswith("search_")]
    assert labels[:2] == ["Brest (29)", "Brest Métropole (intercommunalité, 29)"]
    at.sidebar.button(key=f"search_result_{BREST}").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert shown_markdown(at.title[0].value) == "Brest (29019) — commune, Finistère"


def test_an_unknown_commune_in_the_link_is_dropped_with_a_notice():
    at = open_view("profil", territory="COM-00000")
    notices = " ".join(shown_markdown(w.value) for w in at.warning)
    assert "territory=COM-00000" in notices


@pytest.mark.parametrize("territory", [GRAND_PARIS, BREST])
def test_the_initiatives_directory_names_an_epci_or_a_commune_chosen(territory):
    at = open_view("initiatives", territory=territory)
    assert not at.error, [e.value for e in at.error]
    names = read("territories_epci.csv").set_index("territory_id")["name"].to_dict()
    names[BREST] = "Brest"
    shown = " ".join(shown_markdown(c.value) for c in at.caption)
    assert names[territory] in shown


def test_an_epci_profile_reads_in_english():
    at = open_view("profil", territory=BREST_EPCI, lang="en")
    assert shown_markdown(at.title[0].value) == "Brest Métropole — intercommunality (Finistère)"
    domains = table_with(at, "Rank (1 = most fragile)")
    assert domains["Rank (1 = most fragile)"].str.contains(" of ").all()
    assert "The territory and the areas it lies in" in [h.value for h in at.header]
