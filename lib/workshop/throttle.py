"""Counters per client (a browser session, stored hashed) in the database, so app replicas share
them: wrong organiser keys and wrong join codes (with a wait once too many failed), joins.

A counter is one row of `client_counters` keyed by (kind, scope, client): the scope is the
workshop (organiser keys, joins) or 0 (join codes, which name no workshop yet). Reading a
counter locks its row until the transaction ends (an upsert on PostgreSQL; SQLite's writers take
turns), so one client's concurrent attempts are counted one after the other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lib.settings import LOCKOUT_FIRST_WAIT, LOCKOUT_MAX_WAIT
from lib.workshop.db import client_counters, insert
from lib.workshop.errors import WorkshopError
from lib.workshop.keys import token_digest


@dataclass(frozen=True)
class Limit:
    """`free` failures are allowed; then a wait of `first_wait_s`, doubling with each further
    failure (at most `max_wait_s`). `refusal` is the label key of the message during the wait."""

    kind: str
    free: int
    refusal: str
    first_wait_s: int = LOCKOUT_FIRST_WAIT
    max_wait_s: int = LOCKOUT_MAX_WAIT

    def wait_seconds(self, failures: int) -> int:
        """The wait imposed after `failures` failures counted (0 before the `free`-th)."""
        if failures < self.free:
            return 0
        return min(self.first_wait_s * 2 ** (failures - self.free), self.max_wait_s)


@dataclass(frozen=True)
class Counter:
    """One client's counter of one kind in one scope, as read (and row-locked) now."""

    kind: str
    scope: int
    client_hash: str
    count: int
    locked_until: datetime | None

    def seconds_left(self, now: datetime) -> int:
        """Whole seconds until the wait ends (0 when there is none)."""
        if self.locked_until is None or now >= self.locked_until:
            return 0
        return math.ceil((self.locked_until - now).total_seconds())

    def where(self) -> sa.ColumnElement[bool]:
        return sa.and_(
            client_counters.c.kind == self.kind,
            client_counters.c.scope == self.scope,
            client_counters.c.client_hash == self.client_hash,
        )


def read(connection: Connection, kind: str, scope: int, client: str) -> Counter:
    """The counter, created at 0 when missing, its row locked until the transaction ends."""
    statement = insert(connection, client_counters).values(
        kind=kind, scope=scope, client_hash=token_digest(client), count=0
    )
    row = connection.execute(
        statement.on_conflict_do_update(
            index_elements=list(client_counters.primary_key.columns),
            set_={"count": client_counters.c.count},  # unchanged, but the row is now locked
        ).returning(*client_counters.columns)
    ).one()
    return Counter(row.kind, row.scope, row.client_hash, row.count, row.locked_until)


def add_one(connection: Connection, counter: Counter) -> int:
    """Count one more; the new count."""
    return connection.execute(
        client_counters.update()
        .where(counter.where())
        .values(count=client_counters.c.count + 1)
        .returning(client_counters.c.count)
    ).scalar_one()


def refusal(limit: Limit, counter: Counter, now: datetime) -> WorkshopError | None:
    """The refusal to give while the client waits, else None."""
    seconds = counter.seconds_left(now)
    return WorkshopError(limit.refusal, seconds=seconds) if seconds else None


def failed(connection: Connection, limit: Limit, counter: Counter, now: datetime) -> None:
    """Count one more failure, and start the wait it brings, if any."""
    wait = limit.wait_seconds(add_one(connection, counter))
    if wait:
        connection.execute(
            client_counters.update()
            .where(counter.where())
            .values(locked_until=now + timedelta(seconds=wait))
        )


def clear(connection: Connection, counter: Counter, only_if_zero: bool = False) -> None:
    """Forget the counter (with `only_if_zero`, only when nothing was counted yet)."""
    where = counter.where()
    if only_if_zero:
        where = sa.and_(where, client_counters.c.count == 0)
    connection.execute(client_counters.delete().where(where))
