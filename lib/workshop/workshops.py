"""Workshops: creation (join code + organiser key), lookup by code, joining, published list.

Per client (a browser session, see `lib.workshop.throttle`): after 10 wrong join codes, a wait
of 30 s doubling with each further wrong code (at most 15 min); at most 3 participants per
workshop.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.exc import IntegrityError

from lib.formatting import MARKUP_CHARACTERS
from lib.settings import (
    JOIN_CODE_FAILURES,
    MIN_PARTICIPANTS,
    WORKSHOP_CHOICES_MAX,
    WORKSHOP_CHOICES_MIN,
    WORKSHOP_JOINS_PER_BROWSER,
    WORKSHOP_TITLE_CHARS,
)
from lib.workshop import clock, codes, throttle
from lib.workshop.busy import retried_when_busy
from lib.workshop.db import participants, votes, workshops, writing
from lib.workshop.errors import WorkshopError, shown
from lib.workshop.keys import hash_key, new_organiser_key, new_token, token_digest
from lib.workshop.text_checks import check_characters

TITLE_REFUSED = MARKUP_CHARACTERS + "$"  # links, images, HTML; "$" opens a formula
CHOICES_RANGE = range(WORKSHOP_CHOICES_MIN, WORKSHOP_CHOICES_MAX + 1)
CODE_DRAWS = 5  # a 40-bit code collides rarely; each collision draws again
CODE_LIMIT = throttle.Limit("join_code", free=JOIN_CODE_FAILURES, refusal="wsdb_too_many_codes")
JOIN_KIND = "join"


@dataclass(frozen=True)
class Workshop:
    workshop_id: int
    code: str
    title: str
    territory_id: str
    actor_ids: tuple[str, ...]
    n_choices: int  # exact number of domains each participant picks, 3..5
    closes_at: datetime | None  # timezone-aware UTC
    is_open: bool  # False when closed by the organiser or closes_at passed
    published: bool  # results shown in the explore pages
    created_at: datetime
    n_participants: int  # participants who have voted


def is_open(row: Row, now: datetime) -> bool:
    return row.closed_at is None and (row.closes_at is None or now < row.closes_at)


def require_open(row: Row) -> None:
    if not is_open(row, clock.utc_now()):
        raise WorkshopError("wsdb_closed")


def _n_votes() -> sa.ScalarSelect:
    return (
        sa.select(sa.func.count())
        .where(votes.c.workshop_id == workshops.c.workshop_id)
        .scalar_subquery()
    )


def find_row(
    connection: Connection, code: str, lock: Literal["share", "update"] | None = None
) -> Row:
    """The workshop row of `code` (typed loosely) with its n_participants, optionally locked
    on PostgreSQL (SQLite needs no row lock: its writers take turns)."""
    code = codes.normalise(code)
    if not codes.is_code(code):
        raise WorkshopError("wsdb_unknown_code")
    query = sa.select(workshops, _n_votes().label("n_participants")).where(workshops.c.code == code)
    if lock:
        query = query.with_for_update(read=lock == "share")
    row = connection.execute(query).first()
    if row is None:
        raise WorkshopError("wsdb_unknown_code")
    return row


def _workshop(row: Row, now: datetime) -> Workshop:
    return Workshop(
        workshop_id=row.workshop_id,
        code=row.code,
        title=row.title,
        territory_id=row.territory_id,
        actor_ids=tuple(row.actor_ids),
        n_choices=row.n_choices,
        closes_at=row.closes_at,
        is_open=is_open(row, now),
        published=row.published,
        created_at=row.created_at,
        n_participants=row.n_participants,
    )


def get_workshop(engine: Engine, code: str) -> Workshop:
    """The workshop of `code` (case-insensitive, spaces and dashes ignored)."""
    with engine.connect() as connection:
        return _workshop(find_row(connection, code), clock.utc_now())


@retried_when_busy
def open_workshop(engine: Engine, code: str, *, client: str) -> Workshop:
    """The workshop of `code` as typed by `client`: a wrong code counts against the client,
    who waits once too many were wrong (CODE_LIMIT)."""
    with writing(engine) as connection:
        counter = throttle.read(connection, CODE_LIMIT.kind, 0, client)
        now = clock.utc_now()
        refusal = throttle.refusal(CODE_LIMIT, counter, now)
        if refusal is None:
            try:
                row = find_row(connection, code)
            except WorkshopError as unknown:
                throttle.failed(connection, CODE_LIMIT, counter, now)
                refusal = unknown
            else:
                throttle.clear(connection, counter, only_if_zero=True)
                return _workshop(row, now)
    raise refusal


def published_workshops(engine: Engine) -> list[Workshop]:
    """Workshops whose organiser published the results (with at least MIN_PARTICIPANTS
    participants who voted), newest first."""
    query = (
        sa.select(workshops, _n_votes().label("n_participants"))
        .where(workshops.c.published, _n_votes() >= MIN_PARTICIPANTS)
        .order_by(workshops.c.created_at.desc(), workshops.c.workshop_id.desc())
    )
    now = clock.utc_now()
    with engine.connect() as connection:
        return [_workshop(row, now) for row in connection.execute(query)]


def _checked_fields(
    title: str,
    territory_id: str,
    actor_ids: Sequence[str],
    n_choices: int,
    closes_at: datetime | None,
    allowed_territories: Collection[str],
    allowed_actors: Collection[str],
) -> dict[str, object]:
    title = str(title).strip()
    if not title:
        raise WorkshopError("wsdb_title_missing")
    if len(title) > WORKSHOP_TITLE_CHARS:
        raise WorkshopError("wsdb_title_too_long", count=len(title), limit=WORKSHOP_TITLE_CHARS)
    refused = [character for character in TITLE_REFUSED if character in title]
    if refused:
        raise WorkshopError("wsdb_title_markup", characters=" ".join(refused))
    check_characters(title, "wsdb_title_character")
    if territory_id not in allowed_territories:
        raise WorkshopError("wsdb_unknown_territory", value=shown(territory_id))
    actors = list(dict.fromkeys(actor_ids))
    if not actors:
        raise WorkshopError("wsdb_no_actor")
    unknown = [actor for actor in actors if actor not in allowed_actors]
    if unknown:
        raise WorkshopError("wsdb_unknown_actor", value=shown(unknown[0]))
    if isinstance(n_choices, bool) or n_choices not in CHOICES_RANGE:
        raise WorkshopError("wsdb_bad_n_choices", value=shown(n_choices))
    if closes_at is not None:
        if closes_at.tzinfo is None:
            raise ValueError("closes_at must be timezone-aware")
        if closes_at <= clock.utc_now():
            raise WorkshopError("wsdb_closing_time_past")
    return {
        "title": title,
        "territory_id": territory_id,
        "actor_ids": actors,
        "n_choices": int(n_choices),
        "closes_at": closes_at,
    }


@retried_when_busy
def create_workshop(
    engine: Engine,
    *,
    title: str,
    territory_id: str,
    actor_ids: Sequence[str],
    n_choices: int,
    closes_at: datetime | None = None,
    allowed_territories: Collection[str],
    allowed_actors: Collection[str],
) -> tuple[Workshop, str]:
    """A new open workshop and its organiser key (shown once: only a salted hash is stored)."""
    fields = _checked_fields(
        title, territory_id, actor_ids, n_choices, closes_at, allowed_territories, allowed_actors
    )
    key = new_organiser_key()
    fields |= {
        "key_hash": hash_key(key),
        "published": False,
        "created_at": clock.utc_now(),
    }
    for _ in range(CODE_DRAWS):
        code = codes.new_code()
        try:
            with writing(engine) as connection:
                connection.execute(workshops.insert().values(code=code, **fields))
        except IntegrityError:  # the code is taken (unique constraint): draw another
            continue
        return get_workshop(engine, code), key
    raise RuntimeError(f"no free workshop code after {CODE_DRAWS} draws")


@retried_when_busy
def join(engine: Engine, code: str, *, client: str) -> str:
    """A new participant token for an open workshop (keep it to vote and to change the vote);
    refused once `client` has created WORKSHOP_JOINS_PER_BROWSER participants in it."""
    token = new_token()
    with writing(engine) as connection:
        row = find_row(connection, code, lock="share")
        require_open(row)
        counter = throttle.read(connection, JOIN_KIND, row.workshop_id, client)
        if counter.count >= WORKSHOP_JOINS_PER_BROWSER:
            raise WorkshopError("wsdb_join_cap", cap=WORKSHOP_JOINS_PER_BROWSER)
        throttle.add_one(connection, counter)
        connection.execute(
            participants.insert().values(
                workshop_id=row.workshop_id,
                token_hash=token_digest(token),
                joined_at=clock.utc_now(),
            )
        )
    return token
