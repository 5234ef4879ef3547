"""Initiatives and white spots on the EPCI and commune profiles: which initiatives are named
(read again from initiatives.csv and epci_communes.csv) and the clear words when there are none."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from apptest_pages import open_view
from hostile import shown_markdown, shown_table

from lib import initiatives
from lib.data import epci_members

DATA = Path(__file__).resolve().parents[1] / "data"
BREST_EPCI = "EPCI-242900314"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def members(dataset):
    return epci_members(dataset)


def located() -> pd.DataFrame:
    """The initiatives located in a commune, with the commune's EPCI, department, region."""
    rows = read("initiatives.csv")
    rows = rows[rows["territory_id"].str.startswith("COM-")]
    epci = read("epci_communes.csv").set_index("commune_id")["epci_id"]
    parents = read("territories.csv").set_index("territory_id")["parent_id"]
    return rows.assign(
        epci=rows["territory_id"].map(epci),
        department=rows["territory_id"].map(parents),
        region=rows["territory_id"].map(parents).map(parents),
    )


def test_an_epci_names_the_initiatives_of_its_communes_and_of_its_region(dataset, members):
    commune = located().iloc[0]
    related = initiatives.local_relations(dataset, commune["epci"], members)
    rows = read("initiatives.csv")
    in_epci = located().query("epci == @commune.epci")["initiative_id"]
    in_region = rows.loc[rows["territory_id"] == commune["region"], "initiative_id"]
    assert {i: related[i] for i in in_epci} == dict.fromkeys(in_epci, "child")
    assert {i: related[i] for i in in_region} == dict.fromkeys(in_region, "parent")
    national = rows.loc[rows["territory_id"].isin(["FR", ""]), "initiative_id"]
    assert not set(national) & set(related)


def test_a_commune_names_its_own_then_its_neighbours_in_the_epci(dataset, members):
    communes = located()
    shared = communes.groupby("epci").filter(lambda g: g["territory_id"].nunique() >= 2)
    commune = shared.iloc[0]
    related = initiatives.local_relations(dataset, commune["territory_id"], members)
    assert related[commune["initiative_id"]] == "territory"
    others = shared.query("epci == @commune.epci and territory_id != @commune.territory_id")
    assert {related[i] for i in others["initiative_id"]} == {"nearby"}
    table = initiatives.related_table(dataset, related, "fr")
    names = read("initiatives.csv").set_index("initiative_id")["name"]
    assert table["Initiative"].iloc[0] == names[commune["initiative_id"]]
    assert table["Où"].iloc[0] == "dans le territoire"
    assert "dans une autre commune de l'intercommunalité" in set(table["Où"])


def test_an_epci_without_initiative_says_so_and_lists_its_white_spots():
    rows = read("initiatives.csv")
    region = read("territories.csv").set_index("territory_id")["parent_id"]["DEP-29"]
    assert not rows["territory_id"].isin([BREST_EPCI, "DEP-29", region]).any()
    assert not located()["epci"].eq(BREST_EPCI).any()
    at = open_view("profil", territory=BREST_EPCI)
    infos = [shown_markdown(i.value) for i in at.info]
    assert any(
        i.startswith("L'annuaire ne connaît aucune initiative dans ce territoire") for i in infos
    )
    spots = next(
        shown_table(t.value) for t in at.table if "Constat" in shown_table(t.value).columns
    )
    ranked = spots[spots["Rang parmi les domaines du territoire (1 = plus fragile)"] != "–"]
    assert len(ranked) == 3
    assert set(ranked["Constat"]) == {"Angle blanc : aucune initiative connue"}
    assert set(ranked["Initiatives connues"]) == {"—"}


def test_a_commune_profile_lists_its_initiatives_in_english():
    commune = located().iloc[0]
    at = open_view("profil", territory=commune["territory_id"], lang="en")
    assert "Known initiatives in and around the territory" in [h.value for h in at.header]
    table = next(shown_table(t.value) for t in at.table if "Where" in shown_table(t.value).columns)
    names = read("initiatives.csv").set_index("initiative_id")["name"]
    assert table["Initiative"].iloc[0] == names[commune["initiative_id"]]
    assert table["Where"].iloc[0] == "in the territory"
