"""Workshops on an intercommunality (EPCI) or a commune: the room is read against the domain
indices of the territory among its peers, the same indices and ranks as its profile."""

from pathlib import Path

import pandas as pd
import pytest
from apptest_pages import open_view
from workshop_votes import cast_vote

from lib import cached, profile
from lib.data import epci_members
from lib.profile import local as local_profile
from lib.workshop import service

DATA = Path(__file__).resolve().parents[1] / "data"
GRAND_PARIS = "EPCI-200054781"
BREST = "COM-29019"


def epci_region_peers(epci_id: str) -> list[str]:
    """The EPCIs whose main department lies in the EPCI's region, read from the data files."""
    epcis = pd.read_csv(DATA / "territories_epci.csv", dtype=str)
    upper = pd.read_csv(DATA / "territories.csv", dtype=str).set_index("territory_id")
    region = epcis.set_index("territory_id")["parent_id"].map(upper["parent_id"])
    return sorted(region[region == region[epci_id]].index)


def test_an_epci_is_compared_among_the_epcis_of_its_region(dataset):
    look = profile.lookups(dataset)
    scope = profile.comparison_scope(look, GRAND_PARIS, "metro")
    assert scope.territory_ids == epci_region_peers(GRAND_PARIS)
    assert scope.members.label() == f"{len(scope.territory_ids)} intercommunalités (Île-de-France)"


@pytest.mark.parametrize("territory_id", [GRAND_PARIS, BREST])
def test_the_workshop_reads_the_same_indices_and_ranks_as_the_local_profile(territory_id, dataset):
    scoped = cached.with_communes(dataset) if territory_id == BREST else dataset
    look = profile.lookups(scoped)
    domains = profile.domain_profile(look, territory_id, "metro", "minmax")
    shown = local_profile.build(scoped, epci_members(dataset), territory_id, "minmax")
    ranked = domains.frame.dropna(subset=["index"])
    assert len(ranked) == shown.n_domains >= 2
    assert ranked["label"].tolist() == shown.domains["Domaine"].tolist()
    assert ranked["rank_text"].tolist() == shown.domains["Rang (1 = le plus fragile)"].tolist()


def test_a_workshop_on_an_epci_searched_for_is_created_and_read_against_its_indices(
    workshop_engine,
    dataset,
):
    at = open_view("atelier", territory=GRAND_PARIS)
    territory = at.selectbox(key="ws_territory_input")
    assert territory.value == GRAND_PARIS  # the territory searched for, offered and chosen
    assert territory.format_func(GRAND_PARIS).startswith(
        "Métropole du Grand Paris (intercommunalité, "
    )
    at.text_input(key="ws_title_input").input("Atelier Grand Paris")
    at.button(key="ws_create_button").click().run()
    assert not at.exception and not at.error
    [code] = {m.value for m in at.metric if m.label == "Code à taper"}
    workshop = service.get_workshop(workshop_engine, code)
    assert workshop.territory_id == GRAND_PARIS
    assert any(c.value.startswith("Territoire : Métropole du Grand Paris · ") for c in at.caption)
    cast_vote(workshop_engine, workshop.code, "citoyens", ["pauvrete", "logement", "emploi"])
    at.run()
    reading = next(t.value for t in at.table if "Lecture" in t.value.columns)
    look = profile.lookups(dataset)
    expected = profile.domain_profile(look, GRAND_PARIS, "metro", "minmax").frame
    expected = expected.set_index("label")["rank_text"]
    rows = reading.set_index("Domaine")
    poverty = "Pauvreté, précarité, exclusion"
    assert expected[poverty].endswith("intercommunalités (Île-de-France)")
    assert expected[poverty] in rows.loc[poverty].astype(str).tolist()


def test_the_phone_names_the_epci(workshop_engine, dataset):
    workshop, _ = service.create_workshop(
        workshop_engine,
        title="Atelier local",
        territory_id=GRAND_PARIS,
        actor_ids=["citoyens"],
        n_choices=3,
        allowed_territories={GRAND_PARIS},
        allowed_actors=set(dataset.actors["actor_id"]),
    )
    at = open_view("participer", code=workshop.code)
    line = "Territoire : Métropole du Grand Paris (intercommunalité, "
    assert any(c.value.startswith(line) for c in at.caption), [c.value for c in at.caption]
