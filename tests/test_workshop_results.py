"""A workshop's results (lib/workshop/results.py, tables.py) on hand-made votes."""

import math

import pandas as pd
import pytest
from workshop_votes import votes

from lib import perception, profile, ranking
from lib.workshop import results, tables

DOMAINS = ["emploi", "sante", "logement", "mobilite", "numerique"]
ROOM = votes(
    ("citoyens", ["emploi", "sante", "logement"], ""),
    ("citoyens", ["sante", "emploi", "mobilite"], "plus de bus"),
    ("entreprises", ["emploi", "numerique", "sante"], ""),
    ("associations", ["logement", "sante", "emploi"], ""),
)


@pytest.fixture(scope="module")
def look(dataset):
    return profile.lookups(dataset, "fr")


def test_counts_participants_overall_and_by_actor():
    assert results.n_participants(ROOM) == 4
    by_actor = results.shares_by_actor(ROOM, DOMAINS).drop_duplicates("actor_id")
    assert dict(zip(by_actor["actor_id"], by_actor["n_participants"], strict=True)) == {
        "associations": 1,
        "citoyens": 2,
        "entreprises": 1,
    }
    assert results.n_participants(votes()) == 0


def test_domain_votes_share_of_participants_mean_rank_and_priority():
    table = results.domain_votes(ROOM, DOMAINS).set_index("domain_id")
    assert table["n_picked"].to_dict() == {
        "emploi": 4,
        "sante": 4,
        "logement": 2,
        "mobilite": 1,
        "numerique": 1,
    }
    assert table["share"].to_dict() == {
        "emploi": 100.0,
        "sante": 100.0,
        "logement": 50.0,
        "mobilite": 25.0,
        "numerique": 25.0,
    }
    # emploi ranks 1, 2, 1, 3 -> 1.75; sante 2, 1, 3, 2 -> 2.0
    assert table.at["emploi", "mean_rank"] == 1.75
    assert table.at["sante", "mean_rank"] == 2.0
    # ties share the best rank; the mean rank breaks no tie
    assert table["priority_rank"].to_dict() == {
        "emploi": 1,
        "sante": 1,
        "logement": 3,
        "mobilite": 4,
        "numerique": 4,
    }


def test_a_domain_nobody_picked_counts_zero_and_has_no_mean_rank():
    table = results.domain_votes(ROOM, [*DOMAINS, "securite"]).set_index("domain_id")
    assert table.at["securite", "n_picked"] == 0
    assert table.at["securite", "share"] == 0.0
    assert math.isnan(table.at["securite", "mean_rank"])


def test_before_any_vote_shares_are_missing_not_zero():
    table = results.domain_votes(votes(), DOMAINS)
    assert table["n_picked"].tolist() == [0] * 5
    assert table["share"].isna().all()
    assert table["priority_rank"].isna().all()
    assert results.room_group(votes(), DOMAINS, "REG-53", "s", "q").rows == ()


def test_top_domains_follow_the_top_3_rule_with_ties():
    assert results.top_domains(ROOM, DOMAINS) == ["emploi", "sante", "logement"]
    tied = votes(
        ("citoyens", ["emploi", "sante", "logement"], ""),
        ("citoyens", ["mobilite", "numerique", "emploi"], ""),
    )
    # emploi 100 %, then four domains at 50 % sharing rank 2: all in the top 3
    assert results.top_domains(tied, DOMAINS) == [
        "emploi",
        "sante",
        "logement",
        "mobilite",
        "numerique",
    ]


def test_shares_by_actor_use_each_profiles_own_participants():
    shares = results.shares_by_actor(ROOM, DOMAINS).set_index(["actor_id", "domain_id"])
    assert shares.loc[("citoyens", "emploi"), "share"] == 100.0
    assert shares.loc[("citoyens", "logement"), "share"] == 50.0
    assert shares.loc[("citoyens", "numerique"), "share"] == 0.0
    assert shares.loc[("citoyens", "numerique"), "n_participants"] == 2
    assert shares.loc[("entreprises", "numerique"), "share"] == 100.0
    assert len(shares) == 3 * len(DOMAINS)  # actors without participants have no rows
    assert results.shares_by_actor(votes(), DOMAINS).empty


def test_room_reading_an_objective_top_domain_nobody_picked_is_a_blind_spot():
    objective = pd.Series({"emploi": 80.0, "sante": 10.0, "logement": 70.0, "mobilite": 90.0})
    group = results.room_group(ROOM, [*DOMAINS, "securite"], "REG-53", "s", "q")
    reading = perception.perceived_vs_objective(
        group.values(), group.measure, objective, [*DOMAINS, "securite"]
    ).set_index("domain_id")
    assert reading["category"].to_dict() == {
        "emploi": perception.SHARED,  # room 1st, objective 2nd
        "sante": perception.PERCEIVED_ONLY,  # room 1st, objective 4th
        "logement": perception.SHARED,  # room 3rd, objective 3rd
        "mobilite": perception.BLIND_SPOT,  # objective 1st, room 4th
        "numerique": perception.NOT_AVAILABLE,  # no objective index
        "securite": perception.NOT_AVAILABLE,
    }


def test_national_groups_take_each_actors_first_group_of_three_domains_at_fr(look):
    groups = results.national_groups(look.dataset.perceptions, ["citoyens", "fondations"])
    assert list(groups) == ["citoyens"]  # no national figures for foundations
    group = groups["citoyens"]
    assert group.territory_id == "FR"
    assert group.n_domains >= 3


def test_domain_table_in_words_room_priority_first(look):
    table = tables.domain_table(look, ROOM)
    assert list(table.columns) == [
        "Domaine",
        "Participants l'ayant choisi",
        "Part des participants",
        "Rang moyen (1 = premier choix)",
        "Priorité de la salle",
    ]
    first = table.iloc[0].tolist()
    assert first == ["Emploi, chômage, insertion professionnelle", 4, "100\u202f%", "1,8", "1er"]
    unpicked = table[table["Domaine"] == "Sécurité"].iloc[0].tolist()
    assert unpicked == ["Sécurité", 0, "0\u202f%", "non disponible", "6e"]


def test_actor_table_one_column_per_profile_with_its_count(look):
    room = votes(
        *[("citoyens", ["emploi", "sante", "logement"], "")] * 5,
        *[("entreprises", ["emploi", "numerique", "sante"], "")] * 5,
        *[("associations", ["logement", "sante", "emploi"], "")] * 6,
    )
    table = tables.actor_table(look, room)
    assert list(table.columns) == [
        "Domaine",
        "Citoyens (n=5)",
        "Entreprises (n=5)",
        "Associations (n=6)",
    ]
    logement = table[table["Domaine"] == "Logement"].iloc[0].tolist()
    assert logement == ["Logement", "100\u202f%", "0\u202f%", "100\u202f%"]


def test_actor_table_merges_profiles_under_five(look):
    table = tables.actor_table(look, ROOM)  # 2 citoyens, 1 company, 1 association
    assert list(table.columns) == ["Domaine", "Autres profils (n=4)"]
    logement = table[table["Domaine"] == "Logement"].iloc[0].tolist()
    assert logement == ["Logement", "50\u202f%"]  # as in the room: everyone is in the group


def test_room_reading_table_beside_national_perceptions(look):
    objective = pd.Series(float("nan"), index=list(look.domains))
    objective[["emploi", "sante", "logement", "mobilite"]] = [80.0, 10.0, 70.0, 90.0]
    scope = profile.comparison_scope(look, "REG-53", "auto")
    frame = pd.DataFrame({"domain_id": list(look.domains), "index": objective.to_numpy()})
    domains = profile.DomainProfile(
        frame=frame.assign(rank_text=ranking.rank_text(4, scope.members)),
        method="minmax",
        scope=scope,
        notes=[],
        source_ids=[],
        overall=ranking.standing(pd.Series(dtype=float), "REG-53", scope.members),
        n_overall=0,
    )
    reading = tables.room_reading(look, ROOM, domains, "REG-53", ["citoyens", "fondations"])
    table = reading.table.set_index("Domaine")
    assert table.loc["Mobilité", "Lecture"] == "angle mort"
    assert table.loc["Mobilité", "Part dans la salle"] == "25\u202f%"
    assert table.loc["Emploi, chômage, insertion professionnelle", "Lecture"] == "priorité partagée"
    assert table.loc["Sécurité", "Lecture"] == "non disponible"
    mobility = table.loc["Mobilité"]  # its rank among the domains, and the territory's own
    assert mobility["Rang parmi ses domaines"] == "1er domaine le plus fragile"
    assert (
        mobility["Rang du territoire (1 = le plus fragile)"] == "4e sur 13 régions métropolitaines"
    )
    national = results.national_groups(look.dataset.perceptions, ["citoyens"])["citoyens"]
    expected = profile.perception_value_text(national.values()["emploi"], national.measure)
    assert (
        table.loc["Emploi, chômage, insertion professionnelle", "Citoyens — national"] == expected
    )
    assert "Fondations — national" not in table.columns
    assert any(note.startswith("Citoyens — national : ") for note in reading.notes)


def test_comments_table_has_no_vote_number_and_keeps_the_text(look):
    room = votes(
        ("citoyens", ["emploi", "sante", "logement"], "<script>alert(1)</script>"),
        ("entreprises", ["emploi", "sante", "logement"], ""),
    )
    table = tables.comments_table(look, room)
    assert table.to_dict("list") == {
        "Acteur": ["Autres profils"],  # a single citizen: merged
        "Commentaire": ["<script>alert(1)</script>"],
    }


def test_anonymised_votes_have_participant_numbers_and_no_token_time_or_comment(look):
    table = tables.anonymised_votes(look, ROOM)
    assert list(table.columns) == ["Participant", "Acteur", "Rang du choix", "Domaine"]
    assert table["Participant"].tolist() == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    assert table.iloc[3].tolist() == [2, "Autres profils", 1, "Santé, accès aux soins"]
    assert set(table["Acteur"]) == {"Autres profils"}  # no profile of the room has 5
