"""Limits per browser and per workshop on both backends: wrong join codes (then a wait), joins
per browser, the minimum of participants to publish; a version-1 database is migrated."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from workshop_votes import ORGANISER, new_token

from lib.workshop.db import SCHEMA_VERSION, UTCDateTime, metadata, schema_version
from lib.workshop.keys import hash_key, new_organiser_key
from lib.workshop.service import (
    WorkshopError,
    check_organiser_key,
    delete_workshop,
    get_workshop,
    join,
    open_workshop,
    published_workshops,
    set_published,
    submit_vote,
)

UNKNOWN_CODE = "Code d'atelier inconnu : vérifiez les 8 caractères."
JOIN_CAP = (
    "Ce navigateur a déjà rejoint cet atelier 3 fois : pour modifier votre vote, rouvrez la page "
    "où vous avez voté (son adresse garde votre place)."
)
COUNTERS = ("client_counters",)
BALLOT = {"actor_id": "citoyens", "domain_ids": ["emploi", "sante", "logement"], "comment": ""}


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(WorkshopError) as caught:
        call(*args, **kwargs)
    return caught.value.message


def codes_wait(seconds: int) -> str:
    return f"Trop de codes d'atelier incorrects depuis ce navigateur : réessayez dans {seconds} s."


def voted(backend, vocabulary, code, n):
    for _ in range(n):
        token = new_token(backend.engine, code)
        submit_vote(backend.engine, code, token, allowed_domains=vocabulary.domains, **BALLOT)


def test_ten_wrong_codes_make_the_browser_wait_doubling(backend, workshop, frozen_clock):
    code = workshop[0].code
    for number in range(10):
        assert refused(open_workshop, backend.engine, f"ZZZZ{number:04d}", client="b") == (
            UNKNOWN_CODE
        )
    assert refused(open_workshop, backend.engine, code, client="b") == codes_wait(30)
    assert open_workshop(backend.engine, code, client="another browser").code == code
    frozen_clock.advance(30)
    assert open_workshop(backend.engine, code, client="b").code == code  # it does not reset
    assert refused(open_workshop, backend.engine, "ZZZZ9999", client="b") == UNKNOWN_CODE
    assert refused(open_workshop, backend.engine, code, client="b") == codes_wait(60)
    frozen_clock.advance(59)
    assert refused(open_workshop, backend.engine, code, client="b") == codes_wait(1)


def test_a_right_code_leaves_no_trace_and_a_wrong_one_changes_only_its_counter(backend, workshop):
    before = backend.snapshot()
    assert open_workshop(backend.engine, workshop[0].code.lower(), client="b") == workshop[0]
    assert backend.snapshot() == before
    assert refused(open_workshop, backend.engine, "' OR 1=1 --", client="b") == UNKNOWN_CODE
    assert {k: v for k, v in before.items() if k not in COUNTERS} == backend.snapshot(COUNTERS)
    assert backend.count("client_counters") == 1


def test_one_browser_makes_at_most_three_participants_per_workshop(
    backend, workshop, another_workshop
):
    code = workshop[0].code
    other, _ = another_workshop()
    tokens = {join(backend.engine, code, client="b") for _ in range(3)}
    assert len(tokens) == 3
    before = backend.snapshot()
    assert refused(join, backend.engine, code, client="b") == JOIN_CAP
    assert backend.snapshot() == before
    join(backend.engine, other.code, client="b")  # the cap is per workshop
    join(backend.engine, code, client="c")  # and per browser
    assert backend.count("participants") == 5


def test_publishing_needs_five_participants_who_voted(backend, vocabulary, workshop):
    created, key = workshop
    new_token(backend.engine, created.code)  # joined without voting: not counted
    voted(backend, vocabulary, created.code, 2)
    before = backend.snapshot()
    message = refused(set_published, backend.engine, created.code, key, True, client=ORGANISER)
    assert message == (
        "Publication impossible : il faut au moins 5 participants ayant voté (2 pour "
        "l'instant, il en manque 3)."
    )
    assert backend.snapshot() == before
    assert not get_workshop(backend.engine, created.code).published
    voted(backend, vocabulary, created.code, 3)
    set_published(backend.engine, created.code, key, True, client=ORGANISER)
    assert [w.code for w in published_workshops(backend.engine)] == [created.code]
    set_published(backend.engine, created.code, key, False, client=ORGANISER)
    assert published_workshops(backend.engine) == []


def test_a_workshop_published_with_fewer_than_five_is_not_listed(backend, vocabulary, workshop):
    """A database from before the minimum may hold one: the explore pages leave it out."""
    created = workshop[0]
    voted(backend, vocabulary, created.code, 4)
    with backend.engine.begin() as connection:
        connection.execute(metadata.tables["workshops"].update().values(published=True))
    assert get_workshop(backend.engine, created.code).published
    assert published_workshops(backend.engine) == []
    voted(backend, vocabulary, created.code, 1)
    assert [w.code for w in published_workshops(backend.engine)] == [created.code]


def test_deleting_a_workshop_drops_its_counters(backend, workshop):
    code, key = workshop[0].code, workshop[1]
    join(backend.engine, code, client="b")
    wrong = refused(check_organiser_key, backend.engine, code, "wrong", client="b")
    assert wrong == "Clé organisateur incorrecte."
    refused(open_workshop, backend.engine, "ZZZZ0000", client="b")
    assert backend.count("client_counters") == 3
    delete_workshop(backend.engine, code, key, client=ORGANISER)
    assert backend.count("client_counters") == 1  # the wrong code names no workshop


def _version_1(connection) -> sa.MetaData:
    """The tables of schema version 1: the lockout per workshop, no client counters."""
    old = sa.MetaData(naming_convention=metadata.naming_convention)
    for table in metadata.sorted_tables:
        if table.name != "client_counters":
            table.to_metadata(old)
    old.tables["workshops"].append_column(
        sa.Column("failed_key_attempts", sa.Integer, nullable=False)
    )
    old.tables["workshops"].append_column(sa.Column("key_locked_until", UTCDateTime))
    metadata.drop_all(connection)
    old.create_all(connection)
    connection.execute(schema_version.insert().values(id=1, version=1))
    return old


def test_a_version_1_database_is_migrated_and_its_lockouts_lifted(
    backend, another_workshop, frozen_clock
):
    key = new_organiser_key()
    with backend.engine.begin() as connection:
        old = _version_1(connection)
        connection.execute(
            old.tables["workshops"].insert(),
            {
                "workshop_id": 1,
                "code": "ABCD2345",
                "title": "Atelier d'avant",
                "territory_id": "REG-53",
                "actor_ids": ["citoyens"],
                "n_choices": 3,
                "published": False,
                "created_at": frozen_clock.now,
                "key_hash": hash_key(key),
                "failed_key_attempts": 9,
                "key_locked_until": frozen_clock.now + timedelta(minutes=15),
            },
        )
    migrated = backend.new_engine()
    try:
        with migrated.connect() as connection:
            assert connection.scalar(sa.select(schema_version.c.version)) == SCHEMA_VERSION == 2
            columns = {c["name"] for c in sa.inspect(connection).get_columns("workshops")}
        assert not columns & {"failed_key_attempts", "key_locked_until"}
        check_organiser_key(migrated, "ABCD2345", key, client=ORGANISER)  # no longer locked
        assert get_workshop(migrated, "ABCD2345").title == "Atelier d'avant"
        join(migrated, "ABCD2345", client="b")
        another_workshop("Atelier d'après", migrated)
        assert backend.count("workshops") == 2
        backend.new_engine().dispose()  # a second start finds version 2: nothing to do
    finally:
        migrated.dispose()
