"""A write that meets a locked storage is tried again, then refused with a sentence; the refused
vote changes nothing. SQLite, where another writer holds the lock (as under load)."""

import sqlite3

import pytest

from lib.settings import BUSY_RETRY_PAUSES
from lib.workshop import busy, db
from lib.workshop.service import (
    WorkshopError,
    create_workshop,
    current_vote,
    join,
    submit_vote,
)

BALLOT = {"actor_id": "citoyens", "domain_ids": ["emploi", "sante", "logement"], "comment": ""}
BUSY = (
    "Le serveur est très sollicité : rien n'a été enregistré. Vos choix sont restés à l'écran : "
    "renvoyez-les dans quelques secondes."
)


@pytest.fixture
def locked(tmp_path, monkeypatch, vocabulary):
    """A workshop on SQLite with a participant, an engine waiting 10 ms for locks, and another
    connection that holds the write lock; the pauses between attempts are recorded instead of
    slept, and call `on_pause` (default: nothing)."""
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT", 10)
    env = {"WORKSHOP_DB_PATH": str(tmp_path / "ateliers.sqlite3")}
    engine = db.engine_from_env(env)
    workshop, _key = create_workshop(
        engine,
        title="Atelier",
        territory_id="REG-53",
        actor_ids=["citoyens"],
        n_choices=3,
        allowed_territories=vocabulary.territories,
        allowed_actors=vocabulary.actors,
    )
    token = join(engine, workshop.code, client="phone")
    holder = sqlite3.connect(env["WORKSHOP_DB_PATH"], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    state = {"pauses": [], "on_pause": lambda: None}

    def pause(seconds: float) -> None:
        state["pauses"].append(seconds)
        state["on_pause"]()

    monkeypatch.setattr(busy.time, "sleep", pause)
    yield engine, workshop, token, holder, state
    holder.close()
    engine.dispose()


def send(engine, workshop, token, vocabulary):
    submit_vote(engine, workshop.code, token, allowed_domains=vocabulary.domains, **BALLOT)


def test_a_vote_still_locked_out_after_three_attempts_is_refused_and_nothing_is_stored(
    locked, vocabulary
):
    engine, workshop, token, holder, state = locked
    with pytest.raises(WorkshopError) as refused:
        send(engine, workshop, token, vocabulary)
    assert refused.value.message == BUSY
    assert refused.value.text("en").startswith("The server is very busy: nothing was saved.")
    assert state["pauses"] == list(BUSY_RETRY_PAUSES)  # three attempts, two pauses
    holder.rollback()
    assert current_vote(engine, workshop.code, token) is None


def test_a_vote_is_recorded_once_the_lock_is_released_between_attempts(locked, vocabulary):
    engine, workshop, token, holder, state = locked
    state["on_pause"] = holder.rollback  # the other writer finishes during the first pause
    send(engine, workshop, token, vocabulary)
    assert state["pauses"] == [BUSY_RETRY_PAUSES[0]]
    assert current_vote(engine, workshop.code, token)["domain_ids"] == (
        "emploi",
        "sante",
        "logement",
    )


def test_joining_a_locked_storage_is_refused_with_the_same_sentence(locked):
    engine, workshop, _token, _holder, _state = locked
    with pytest.raises(WorkshopError) as refused:
        join(engine, workshop.code, client="another phone")
    assert refused.value.message == BUSY
