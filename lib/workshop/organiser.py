"""Organiser actions, allowed by the organiser key alone: check, close, reopen, delete, publish.

Wrong keys are counted per (workshop, client) in the database (`lib.workshop.throttle`, shared by
app replicas): after 5 failures, that client's attempts on that workshop are refused without
checking the key until a wait has passed (30 s, doubling with each further failure, at most
15 min). Other clients, the organiser among them, are never locked out by someone else's wrong
keys: guessing is made hopeless by the key's 80 random bits, the wait only slows a client down.

Each action checks the key and acts in one transaction with the workshop row locked, so what it
writes (e.g. the closing time) is stamped after the key check and any wait for the lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from sqlalchemy.engine import Connection, Engine, Row

from lib.settings import MIN_PARTICIPANTS, ORGANISER_KEY_FAILURES
from lib.workshop import clock, throttle
from lib.workshop.busy import retried_when_busy
from lib.workshop.db import client_counters, workshops, writing
from lib.workshop.errors import WorkshopError
from lib.workshop.keys import key_matches
from lib.workshop.workshops import find_row

KEY_LIMIT = throttle.Limit(
    "organiser_key", free=ORGANISER_KEY_FAILURES, refusal="wsdb_too_many_keys"
)


def _refusal(connection: Connection, row: Row, key: str, client: str) -> WorkshopError | None:
    """Check `key` for this client (its counter row locked); the refusal, if any."""
    counter = throttle.read(connection, KEY_LIMIT.kind, row.workshop_id, client)
    now = clock.utc_now()
    waiting = throttle.refusal(KEY_LIMIT, counter, now)
    if waiting is not None:
        return waiting
    if key_matches(key, row.key_hash):
        throttle.clear(connection, counter)
        return None
    throttle.failed(connection, KEY_LIMIT, counter, now)
    return WorkshopError("wsdb_wrong_key")


@contextmanager
def _as_organiser(
    engine: Engine, code: str, key: str, client: str, lock: Literal["update"] | None = "update"
) -> Iterator[tuple[Connection, Row]]:
    """The transaction and workshop row once the key is checked; a refusal is raised after the
    failure count is committed."""
    with writing(engine) as connection:
        row = find_row(connection, code, lock=lock)
        refusal = _refusal(connection, row, key, client)
        if refusal is None:
            yield connection, row
            return
    raise refusal


def _set(connection: Connection, row: Row, **values: object) -> None:
    connection.execute(
        workshops.update().where(workshops.c.workshop_id == row.workshop_id).values(**values)
    )


@retried_when_busy
def check_organiser_key(engine: Engine, code: str, key: str, *, client: str) -> None:
    """Nothing when `key` is the workshop's organiser key; WorkshopError otherwise."""
    with _as_organiser(engine, code, key, client, lock=None):
        pass


@retried_when_busy
def close_workshop(engine: Engine, code: str, key: str, *, client: str) -> None:
    """Stop accepting votes and joins now (the moment the close holds the workshop)."""
    with _as_organiser(engine, code, key, client) as (connection, row):
        _set(connection, row, closed_at=clock.utc_now())


@retried_when_busy
def reopen_workshop(engine: Engine, code: str, key: str, *, client: str) -> None:
    """Accept votes again; a closing time already passed is dropped."""
    with _as_organiser(engine, code, key, client) as (connection, row):
        now = clock.utc_now()
        closes_at = row.closes_at if row.closes_at is not None and row.closes_at > now else None
        _set(connection, row, closed_at=None, closes_at=closes_at)


@retried_when_busy
def set_published(engine: Engine, code: str, key: str, published: bool, *, client: str) -> None:
    """Show (or hide) the workshop's results in the explore pages; showing needs at least
    MIN_PARTICIPANTS participants who voted."""
    with _as_organiser(engine, code, key, client) as (connection, row):
        if published and row.n_participants < MIN_PARTICIPANTS:
            raise WorkshopError(
                "wsdb_publish_too_few",
                minimum=MIN_PARTICIPANTS,
                count=row.n_participants,
                missing=MIN_PARTICIPANTS - row.n_participants,
            )
        _set(connection, row, published=bool(published))


@retried_when_busy
def delete_workshop(engine: Engine, code: str, key: str, *, client: str) -> None:
    """Delete the workshop with its participants and votes (foreign keys cascade) and the
    counters of its clients."""
    with _as_organiser(engine, code, key, client) as (connection, row):
        connection.execute(workshops.delete().where(workshops.c.workshop_id == row.workshop_id))
        connection.execute(
            client_counters.delete().where(client_counters.c.scope == row.workshop_id)
        )
