"""Organiser actions, allowed by the organiser key alone: check (with lockout), close, reopen,
delete, publish.

Wrong keys are counted in the database (so the count holds across app replicas): after
`FREE_FAILURES` failures every attempt on that workshop is refused, without checking the key,
until a wait has passed (30 s, doubling with each further failure, at most 15 min).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy.engine import Connection, Engine, Row

from lib.workshop import clock
from lib.workshop.db import workshops, writing
from lib.workshop.errors import WorkshopError
from lib.workshop.keys import key_matches
from lib.workshop.workshops import find_row

FREE_FAILURES = 5
FIRST_WAIT_S = 30
MAX_WAIT_S = 15 * 60


def wait_seconds(failures: int) -> int:
    """The wait imposed after `failures` consecutive wrong keys (0 before the 5th)."""
    if failures < FREE_FAILURES:
        return 0
    return min(FIRST_WAIT_S * 2 ** (failures - FREE_FAILURES), MAX_WAIT_S)


def _attempt(connection: Connection, code: str, key: str) -> WorkshopError | None:
    """Check `key` on the row-locked workshop; the refusal to raise once committed, if any."""
    row = find_row(connection, code, lock="update")
    now = clock.utc_now()
    if row.key_locked_until is not None and now < row.key_locked_until:
        seconds = math.ceil((row.key_locked_until - now).total_seconds())
        return WorkshopError("wsdb_too_many_attempts", seconds=seconds)
    where = workshops.c.workshop_id == row.workshop_id
    if key_matches(key, row.key_hash):
        if row.failed_key_attempts:
            connection.execute(
                workshops.update().where(where).values(failed_key_attempts=0, key_locked_until=None)
            )
        return None
    failures = connection.execute(
        workshops.update()
        .where(where)
        .values(failed_key_attempts=workshops.c.failed_key_attempts + 1)
        .returning(workshops.c.failed_key_attempts)
    ).scalar_one()
    wait = wait_seconds(failures)
    if wait:
        locked_until = now + timedelta(seconds=wait)
        connection.execute(workshops.update().where(where).values(key_locked_until=locked_until))
    return WorkshopError("wsdb_wrong_key")


def check_organiser_key(engine: Engine, code: str, key: str) -> None:
    """Nothing when `key` is the workshop's organiser key; WorkshopError otherwise."""
    with writing(engine) as connection:  # the failure count commits before the refusal
        refusal = _attempt(connection, code, key)
    if refusal is not None:
        raise refusal


@contextmanager
def _as_organiser(engine: Engine, code: str, key: str) -> Iterator[tuple[Connection, Row]]:
    check_organiser_key(engine, code, key)
    with writing(engine) as connection:
        yield connection, find_row(connection, code, lock="update")


def _update(engine: Engine, code: str, key: str, **values: object) -> None:
    with _as_organiser(engine, code, key) as (connection, row):
        connection.execute(
            workshops.update().where(workshops.c.workshop_id == row.workshop_id).values(**values)
        )


def close_workshop(engine: Engine, code: str, key: str) -> None:
    """Stop accepting votes and joins now."""
    _update(engine, code, key, closed_at=clock.utc_now())


def reopen_workshop(engine: Engine, code: str, key: str) -> None:
    """Accept votes again; a closing time already passed is dropped."""
    with _as_organiser(engine, code, key) as (connection, row):
        now = clock.utc_now()
        closes_at = row.closes_at if row.closes_at is not None and row.closes_at > now else None
        connection.execute(
            workshops.update()
            .where(workshops.c.workshop_id == row.workshop_id)
            .values(closed_at=None, closes_at=closes_at)
        )


def set_published(engine: Engine, code: str, key: str, published: bool) -> None:
    """Show (or hide) the workshop's results in the explore pages."""
    _update(engine, code, key, published=bool(published))


def delete_workshop(engine: Engine, code: str, key: str) -> None:
    """Delete the workshop with its participants and votes (foreign keys cascade)."""
    with _as_organiser(engine, code, key) as (connection, row):
        connection.execute(workshops.delete().where(workshops.c.workshop_id == row.workshop_id))
