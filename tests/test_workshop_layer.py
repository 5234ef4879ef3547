"""Published workshops as a layer of the dataset interface (lib/workshop/layer.py; registered
by lib/session.py)."""

import pytest
from workshop_votes import CREATED, ORGANISER, FakeWorkshop, cast_vote, new_token, votes

from lib import cached, perception, profile, session
from lib.datasets import active_layers, combine
from lib.i18n import t
from lib.schema import validate_table
from lib.sources_page import sources_table
from lib.workshop import layer, service

ROOM = votes(  # 6 citizens, 5 companies; 3 associations and 2 foundations: merged, left out
    ("citoyens", ["emploi", "sante", "logement"], "à voir"),
    *[("citoyens", ["emploi", "sante", "logement"], "")] * 2,
    *[("citoyens", ["sante", "emploi", "mobilite"], "")] * 3,
    *[("entreprises", ["emploi", "numerique", "sante"], "")] * 5,
    *[("associations", ["logement", "sante", "emploi"], "")] * 3,
    *[("fondations", ["numerique", "sante", "emploi"], "")] * 2,
)
PUBLISHED_NOTE = (
    "Atelier : seuls les profils d'au moins 5 participants sont publiés ; les autres sont "
    "regroupés dans « Autres profils », qui n'est pas un profil d'acteur et n'apparaît donc pas "
    "ici."
)
PUBLISHED_NOTE_EN = (
    "Workshop: only profiles with at least 5 participants are published; the others are merged "
    "into “Other profiles”, which is not an actor profile and so does not appear here."
)


def build(dataset, workshop=None, room=ROOM):
    actors = dict(zip(dataset.actors["actor_id"], dataset.actors["label_fr"], strict=True))
    return layer.workshop_layer(
        workshop or FakeWorkshop(), room, actors, list(dataset.domains["domain_id"])
    )


def test_label_names_the_workshop_its_date_and_participants(dataset):
    built = build(dataset)
    assert built.label == "atelier Bretagne 2026, 23/11/2026, n=16"
    assert built.layer_id == "atelier-7"
    assert not built.replaces_embedded


def test_one_share_row_per_actor_with_participants_and_domain(dataset):
    rows = build(dataset).tables["perceptions"]
    n_domains = len(dataset.domains)
    assert len(rows) == 2 * n_domains  # citoyens, entreprises: the profiles of 5 or more
    assert set(rows["territory_id"]) == {"REG-53"}
    assert set(rows["study"]) == {"atelier Bretagne 2026"}
    assert set(rows["measure"]) == {"share"}
    citizens = rows[rows["actor_id"] == "citoyens"].set_index("domain_id")
    assert citizens.loc["emploi", "value"] == 100.0
    assert citizens.loc["logement", "value"] == 50.0
    assert citizens.loc["securite", "value"] == 0.0  # offered, nobody picked it
    assert set(citizens["base_n"]) == {6}
    assert set(rows.loc[rows["actor_id"] == "entreprises", "base_n"]) == {5}
    assert set(rows["year"]) == {CREATED.year}
    assert "à voir" not in rows.to_csv()  # comments never leave the workshop pages


def test_profiles_under_five_are_not_published_and_the_note_says_why(dataset):
    built = build(dataset)
    rows = built.tables["perceptions"]
    assert set(rows["actor_id"]) == {"citoyens", "entreprises"}
    assert set(rows["actor_label"]) == {"Citoyens", "Entreprises"}
    assert set(rows["note"]) == {f"3 domaines choisis par participant. {PUBLISHED_NOTE}"}
    assert set(rows["note_en"]) == {f"3 domains chosen per participant. {PUBLISHED_NOTE_EN}"}
    assert built.tables["sources"].iloc[0]["note"].endswith(PUBLISHED_NOTE)
    text = rows.to_csv() + built.tables["sources"].to_csv()
    assert "ssociations" not in text and "ondations" not in text and "_other" not in text


def test_a_small_merged_group_takes_a_shown_profile_with_it(dataset):
    room = votes(
        *[("citoyens", ["emploi", "sante", "logement"], "")] * 10,
        *[("entreprises", ["emploi", "numerique", "sante"], "")] * 6,
        *[("associations", ["logement", "sante", "emploi"], "")] * 2,
    )
    rows = build(dataset, room=room).tables["perceptions"]
    assert set(rows["actor_id"]) == {"citoyens"}  # room minus citizens would be 2 associations


def test_no_layer_when_no_profile_reaches_five(dataset):
    room = votes(
        *[("citoyens", ["emploi", "sante", "logement"], "")] * 4,
        *[("entreprises", ["emploi", "numerique", "sante"], "")] * 4,
    )
    assert build(dataset, room=room) is None


def test_rows_and_source_pass_the_datasets_schema(dataset):
    built = build(dataset)
    refs = dataset.refs()
    refs["sources"] = refs["sources"] | set(built.tables["sources"]["source_id"])
    raw = built.tables["perceptions"].astype(str).replace({"<NA>": ""})
    validate_table("perceptions", raw, refs)  # raises DataValidationError when a row is wrong
    source = built.tables["sources"].iloc[0]
    assert source["publisher"] == "Atelier (organisateur)"
    assert source["title"] == built.label
    assert source["year"] == "2026"
    assert "licence" in source["licence"]


def test_no_layer_before_the_first_vote(dataset):
    assert build(dataset, room=votes()) is None


def test_the_profile_reads_the_layer_as_the_regions_perceived_priorities(dataset):
    combined = combine(dataset, [build(dataset)])
    look = profile.lookups(combined, "fr")
    groups = profile.groups_by_actor(look, "DEP-29", ["citoyens"])["citoyens"]
    workshop_groups = [g for g in groups if g.study == "atelier Bretagne 2026"]
    assert [g.territory_id for g in workshop_groups] == ["REG-53"]  # a department sees its region
    block = profile.perception_block(look, workshop_groups[0])
    assert "atelier Bretagne 2026, 23/11/2026, n=16" in block.caption
    assert block.caption.endswith(" · " + PUBLISHED_NOTE)  # shown on the profile page
    assert block.frame["value_text"].iloc[0] == "100\u202f%"
    english = profile.lookups(combined, "en")
    english_block = profile.perception_block(english, workshop_groups[0])
    assert english_block.caption.endswith(
        " · Workshop: only profiles with at least 5 participants are published; the others are "
        "merged into “Other profiles”, which is not an actor profile and so does not appear here."
    )
    assert "Autres profils" not in profile.perception_block(look, groups[-1]).caption
    assert perception.default_group(groups) is not None


def test_published_workshops_reach_every_session_through_the_provider(workshop_engine, dataset):
    allowed = {
        "allowed_territories": {"REG-53"},
        "allowed_actors": set(dataset.actors["actor_id"]),
    }
    workshop, key = service.create_workshop(
        workshop_engine,
        title="Rennes",
        territory_id="REG-53",
        actor_ids=["citoyens"],
        n_choices=3,
        **allowed,
    )
    token = new_token(workshop_engine, workshop.code)

    def vote(chosen):
        cast_vote(workshop_engine, workshop.code, "citoyens", chosen, token=token)
        cached.published_workshop_stamp.clear()  # as if the 2 s ttl had passed

    for _ in range(4):  # publishing needs 5 participants who voted
        cast_vote(workshop_engine, workshop.code, "citoyens", ["emploi", "sante", "numerique"])
    vote(["emploi", "sante", "logement"])
    assert active_layers({}) == []  # not published yet
    service.set_published(workshop_engine, workshop.code, key, True, client=ORGANISER)
    cached.published_workshop_stamp.clear()
    (shown,) = active_layers({})
    assert shown.label.startswith("atelier Rennes, ") and shown.label.endswith(", n=5")
    values = shown.tables["perceptions"].set_index("domain_id")["value"]
    assert values["logement"] == 20.0

    vote(["emploi", "sante", "mobilite"])  # a replaced vote changes the stamp: new rows
    (shown,) = active_layers({})
    values = shown.tables["perceptions"].set_index("domain_id")["value"]
    assert (values["logement"], values["mobilite"]) == (0.0, 20.0)
    assert shown.label.endswith(", n=5")

    service.set_published(workshop_engine, workshop.code, key, False, client=ORGANISER)
    cached.published_workshop_stamp.clear()
    assert active_layers({}) == []


@pytest.mark.usefixtures("workshop_engine")  # its teardown empties the caches again
def test_an_unreachable_database_hides_workshops_without_breaking_pages(monkeypatch, caplog):
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
    cached.workshop_engine.clear()
    cached.published_workshop_stamp.clear()
    assert session.published_workshop_layers({}) == []
    assert "workshop database unavailable" in caplog.text


def test_stamp_changes_with_publication_and_votes(workshop_engine, dataset):
    from lib.workshop.stamps import published_stamp

    workshop, key = service.create_workshop(
        workshop_engine,
        title="Quimper",
        territory_id="DEP-29",
        actor_ids=["entreprises"],
        n_choices=3,
        allowed_territories={"DEP-29"},
        allowed_actors=set(dataset.actors["actor_id"]),
    )
    token = new_token(workshop_engine, workshop.code)

    def vote(chosen):
        cast_vote(workshop_engine, workshop.code, "entreprises", chosen, None, token)
        return published_stamp(workshop_engine)

    for _ in range(4):
        cast_vote(workshop_engine, workshop.code, "entreprises", ["emploi", "sante", "logement"])
    assert vote(["emploi", "sante", "logement"]) == ()  # not published
    service.set_published(workshop_engine, workshop.code, key, True, client=ORGANISER)
    voted = published_stamp(workshop_engine)
    assert [(i, n) for i, n, _ in voted] == [(workshop.workshop_id, 5)]
    replaced = vote(["emploi", "sante", "mobilite"])  # same count, later submission
    assert [(i, n) for i, n, _ in replaced] == [(workshop.workshop_id, 5)]
    assert replaced != voted
    service.delete_workshop(workshop_engine, workshop.code, key, client=ORGANISER)
    assert published_stamp(workshop_engine) == ()


def test_two_published_workshops_with_one_title_stay_two_studies(workshop_engine, dataset):
    published = []
    for chosen in (["emploi", "sante", "logement"], ["mobilite", "sante", "emploi"]):
        workshop, key = service.create_workshop(
            workshop_engine,
            title="Atelier",
            territory_id="REG-53",
            actor_ids=["citoyens"],
            n_choices=3,
            allowed_territories={"REG-53"},
            allowed_actors={"citoyens"},
        )
        for _ in range(5):
            cast_vote(workshop_engine, workshop.code, "citoyens", chosen)
        service.set_published(workshop_engine, workshop.code, key, True, client=ORGANISER)
        published.append(workshop)
    cached.published_workshop_stamp.clear()
    combined = combine(dataset, active_layers({}))
    look = profile.lookups(combined, "fr")
    groups = profile.groups_by_actor(look, "REG-53", ["citoyens"])["citoyens"]
    studies = sorted(g.study for g in groups if g.study.startswith("atelier "))
    assert studies == [f"atelier Atelier (n° {w.workshop_id})" for w in published]
    for group in groups:  # each one reads alone (one value per domain)
        perception.perceived_ranks(group.values(), group.measure)


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (
            "fr",
            "votes d'un atelier participatif : échantillon des présents, non représentatif du "
            f"territoire. {PUBLISHED_NOTE}",
        ),
        (
            "en",
            "votes of a participatory workshop: a sample of those present, not representative "
            f"of the territory. {PUBLISHED_NOTE_EN}",
        ),
    ],
)
def test_the_sources_page_shows_the_workshops_note_in_the_readers_language(dataset, lang, note):
    table = sources_table(combine(dataset, [build(dataset)]), lang)
    note_column = t("sources_col_note", lang)
    assert table.set_index(table.columns[0]).loc["atelier-7", note_column] == note
