"""No one singled out (lib/workshop/privacy.py): small actor profiles are merged into "Autres
profils", in every result by profile, while the room's totals stay exact."""

import pandas as pd
import pytest
from workshop_votes import votes

from lib import profile
from lib.settings import MIN_PARTICIPANTS
from lib.workshop import results, tables
from lib.workshop.privacy import OTHER, from_workshop, profile_groups

NOTE = (
    "Les profils de moins de 5 participants sont regroupés dans « Autres profils » ; si ce "
    "groupe compte moins de 5 participants, le plus petit des autres profils le rejoint : "
    "personne n'est reconnaissable à ses choix."
)
FIRST = ["emploi", "sante", "logement"]
SECOND = ["mobilite", "sante", "emploi"]


@pytest.fixture(scope="module")
def look(dataset):
    return profile.lookups(dataset, "fr")


def room(**profiles: int):
    """`n` ballots per actor profile, alternating two choices (a comment on each first one)."""
    ballots = [
        (actor, FIRST if i % 2 == 0 else SECOND, f"avis {actor}" if i == 0 else "")
        for actor, n in profiles.items()
        for i in range(n)
    ]
    return votes(*ballots)


def test_the_setting_is_five():
    assert MIN_PARTICIPANTS == 5


def test_a_profile_of_four_is_merged_one_of_five_is_shown():
    groups = profile_groups({"citoyens": 5, "entreprises": 4, "associations": 3})
    assert groups == {"citoyens": "citoyens", "entreprises": OTHER, "associations": OTHER}


def test_no_small_profile_changes_nothing():
    assert profile_groups({"citoyens": 9, "entreprises": 5}) == {
        "citoyens": "citoyens",
        "entreprises": "entreprises",
    }
    assert profile_groups({}) == {}


def test_a_merged_group_under_five_takes_the_smallest_shown_profile():
    # associations alone (2) could be recovered as room total minus the shown profiles
    groups = profile_groups({"citoyens": 10, "entreprises": 6, "associations": 2})
    assert groups == {"citoyens": "citoyens", "entreprises": OTHER, "associations": OTHER}
    # equally small shown profiles: the first actor_id joins first
    assert profile_groups({"b": 6, "a": 6, "c": 1}) == {"a": OTHER, "b": "b", "c": OTHER}


def test_when_one_profile_is_left_everyone_is_merged():
    assert profile_groups({"citoyens": 10, "entreprises": 2}) == {
        "citoyens": OTHER,
        "entreprises": OTHER,
    }
    assert profile_groups({"citoyens": 3}) == {"citoyens": OTHER}


def test_grouping_keeps_the_rooms_totals_exact():
    ballots = room(citoyens=6, entreprises=4, associations=1)
    grouped = results.grouped_votes(ballots)
    assert set(grouped["actor_id"]) == {"citoyens", OTHER}
    assert results.n_participants(grouped) == results.n_participants(ballots) == 11
    pd.testing.assert_frame_equal(
        results.domain_votes(grouped, [*FIRST, "mobilite"]),
        results.domain_votes(ballots, [*FIRST, "mobilite"]),
    )
    shares = results.shares_by_actor(grouped, FIRST).set_index(["actor_id", "domain_id"])
    # the merged group: 5 participants, logement picked by 2 entreprises + 1 association
    assert shares.loc[(OTHER, "logement"), "n_participants"] == 5
    assert shares.loc[(OTHER, "logement"), "share"] == 60.0
    assert shares.loc[("citoyens", "logement"), "share"] == 50.0


def test_actor_table_shows_other_profiles_last_and_never_a_small_profile(look):
    table = tables.actor_table(look, room(citoyens=6, entreprises=4, associations=1))
    assert list(table.columns) == ["Domaine", "Citoyens (n=6)", "Autres profils (n=5)"]
    logement = table.set_index("Domaine").loc["Logement"].tolist()
    assert logement == ["50\u202f%", "60\u202f%"]
    assert tables.min_group_note("fr") == NOTE
    assert tables.min_group_note("en").startswith(
        "Profiles with fewer than 5 participants are merged into “Other profiles”"
    )


def test_comments_and_votes_of_a_small_profile_read_other_profiles(look):
    ballots = room(citoyens=6, entreprises=4, associations=1)
    comments = tables.comments_table(look, ballots)
    assert comments.values.tolist() == [
        ["Citoyens", "avis citoyens"],
        ["Autres profils", "avis associations"],
        ["Autres profils", "avis entreprises"],
    ]
    shown = set(tables.anonymised_votes(look, ballots)["Acteur"])
    assert shown == {"Citoyens", "Autres profils"}


def test_only_workshop_rows_carry_the_published_note():
    assert from_workshop([{"origin": "atelier Rennes, 23/11/2026, n=12"}])
    assert not from_workshop([{"origin": "embedded"}])
    assert not from_workshop([{"origin": "atelier X, 1/1/2026, n=5"}, {"origin": "embedded"}])
    assert not from_workshop([{"study": "atelier X"}])  # no origin: embedded data
    assert not from_workshop([])
