"""The communes of one intercommunality on the Carte (`level=commune&territory=EPCI-…`): the
members of `epci_communes.csv`, compared among themselves, reached from the EPCI's profile."""

import json
from pathlib import Path

import pandas as pd
from apptest_pages import open_view

from lib import cached, explore

DATA = Path(__file__).resolve().parents[1] / "data"
BREST_METROPOLE = "EPCI-242900314"


def members(epci_id: str) -> list[str]:
    rows = pd.read_csv(DATA / "epci_communes.csv", dtype=str)
    return sorted(rows.loc[rows["epci_id"] == epci_id, "commune_id"])


def test_an_epcis_communes_are_its_members_in_the_registry(dataset):
    shown = explore.scope_territories(dataset, "commune", BREST_METROPOLE)
    assert sorted(shown["territory_id"]) == members(BREST_METROPOLE)


def test_the_map_draws_the_communes_of_the_epci_and_leads_back_to_its_department():
    at = open_view("carte", level="commune", territory=BREST_METROPOLE)
    assert not at.warning  # an EPCI is a valid scope for communes (no "choose a department")
    figure = json.loads(at.get_by_key("map_page").proto.spec)
    assert sorted(figure["data"][0]["locations"]) == members(BREST_METROPOLE)
    n = len(members(BREST_METROPOLE))
    assert any(f"Couverture \\: {n} territoires sur {n}" in c.value for c in at.caption)
    back = at.button(key="map_drill_back_to_epcis")
    assert back.label == "Revenir aux intercommunalités de Finistère"
    layer, fit = cached.epci_commune_layer(BREST_METROPOLE)
    assert layer.startswith("app/static/geo/communes-EPCI-242900314")
    assert fit["zoom"] > 8  # zoomed on the EPCI, not on France


def test_the_epci_profile_opens_the_map_of_its_communes():
    at = open_view("profil", territory=BREST_METROPOLE)
    at.button(key="profil_epci_communes").click().run()
    assert not at.exception
    assert (at.query_params["level"], at.query_params["territory"]) == ("commune", BREST_METROPOLE)
    assert at.title[0].value == "Carte"


def test_a_commune_map_without_department_or_epci_still_asks_for_one():
    at = open_view("carte", level="commune", territory="REG-53")
    notices = [*(w.value for w in at.warning), *(i.value for i in at.info)]
    assert any("un département ou une intercommunalité" in n for n in notices), notices
