"""What the organiser's dashboard says (lib/workshop/dashboard.py), on hand-made workshops and
votes, without Streamlit."""

from dataclasses import replace
from datetime import UTC, datetime

from workshop_votes import FakeWorkshop, votes

from lib.workshop import dashboard

CITIZEN = ("citoyens", ["emploi", "sante", "logement"], "")
COMPANY = ("entreprises", ["emploi", "numerique", "sante"], "")
PUBLISHED = "Résultats publiés dans les pages d'exploration sous le nom « {} »."
NOT_PUBLISHED = "Résultats non publiés : seuls les détenteurs de la clé les voient."
NO_PROFILE = (
    "Aucun profil n'est montré à part (règle des 5 participants) : les pages d'exploration, qui "
    "montrent les résultats par profil, n'afficheront rien de cet atelier, même publié."
)


def test_the_status_says_open_until_when_in_the_organisers_time_zone_or_closed():
    workshop = FakeWorkshop()
    assert dashboard.status_text(workshop, "Europe/Paris") == "Ouvert aux votes"
    closing = replace(workshop, closes_at=datetime(2026, 11, 23, 17, 0, tzinfo=UTC))
    assert dashboard.status_text(closing, "Europe/Paris") == (
        "Ouvert aux votes jusqu'au 23/11/2026 18:00"
    )
    assert dashboard.status_text(closing, "America/New_York", "en") == (
        "Open to votes until 23/11/2026 12:00"
    )
    closed = replace(closing, is_open=False)
    assert dashboard.status_text(closed, None) == "Fermé : les votes ne sont plus acceptés"


def test_an_unpublished_workshop_says_how_many_participants_publishing_still_needs():
    workshop = FakeWorkshop(published=False)
    assert dashboard.publication_notes(workshop, votes(CITIZEN, COMPANY)) == [
        NOT_PUBLISHED,
        "Publication possible à partir de 5 participants ayant voté : il en manque 3.",
    ]
    assert dashboard.publication_notes(workshop, votes(*[CITIZEN] * 5)) == [NOT_PUBLISHED]
    assert dashboard.publication_notes(workshop, votes(), "en") == [
        "Results not published: only key holders see them.",
        "Publishing is possible from 5 participants who voted: 5 missing.",
    ]


def test_a_published_workshop_is_named_as_the_explore_pages_show_it_title_made_literal():
    workshop = FakeWorkshop(title="Brest *2026*")
    assert dashboard.publication_notes(workshop, votes(*[CITIZEN] * 5)) == [
        PUBLISHED.format(r"atelier Brest \*2026\*\, 23\/11\/2026\, n\=5")
    ]


def test_five_voters_none_in_a_profile_of_five_are_told_no_profile_would_be_shown():
    four_and_one = votes(*[CITIZEN] * 4, COMPANY)
    assert dashboard.publication_notes(FakeWorkshop(published=False), four_and_one) == [
        NOT_PUBLISHED,
        NO_PROFILE,
    ]
    five_and_one = votes(*[CITIZEN] * 5, COMPANY)  # the company is merged with the citizens
    assert NO_PROFILE in dashboard.publication_notes(FakeWorkshop(), five_and_one)
    five_and_five = votes(*[CITIZEN] * 5, *[COMPANY] * 5)
    assert NO_PROFILE not in dashboard.publication_notes(FakeWorkshop(), five_and_five)


def test_the_chart_keeps_the_domains_picked_at_least_once():
    domains = ["emploi", "sante", "logement", "mobilite", "numerique"]
    picked = dashboard.picked_domains(votes(CITIZEN, COMPANY), domains)
    assert sorted(picked["domain_id"]) == ["emploi", "logement", "numerique", "sante"]
    assert picked.set_index("domain_id")["share"].to_dict() == {
        "emploi": 100.0,
        "sante": 100.0,
        "logement": 50.0,
        "numerique": 50.0,
    }
    assert dashboard.picked_domains(votes(), domains).empty
