"""Votes: one per participant (upsert on (workshop, participant)), ranked domains, comment."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, Row

from lib.settings import WORKSHOP_COMMENT_CHARS
from lib.workshop import clock
from lib.workshop.busy import retried_when_busy
from lib.workshop.db import insert, participants, vote_choices, votes, writing
from lib.workshop.errors import WorkshopError, shown
from lib.workshop.keys import token_digest
from lib.workshop.text_checks import check_characters
from lib.workshop.workshops import find_row, require_open

FRAME_COLUMNS = ["vote_no", "actor_id", "rank", "domain_id", "comment", "submitted_at"]


def _participant_id(connection: Connection, workshop: Row, token: str) -> int:
    participant_id = connection.scalar(
        sa.select(participants.c.participant_id).where(
            participants.c.token_hash == token_digest(token),
            participants.c.workshop_id == workshop.workshop_id,
        )
    )
    if participant_id is None:
        raise WorkshopError("wsdb_unknown_participant")
    return participant_id


def _checked_domains(
    domain_ids: Sequence[str], expected: int, allowed_domains: Collection[str]
) -> list[str]:
    if isinstance(domain_ids, str):
        raise TypeError("domain_ids must be a sequence of domain ids, not one string")
    chosen = list(domain_ids)
    for domain_id in chosen:
        if domain_id not in allowed_domains:
            raise WorkshopError("wsdb_unknown_domain", value=shown(domain_id))
    for rank, domain_id in enumerate(chosen):
        if domain_id in chosen[:rank]:
            raise WorkshopError("wsdb_repeated_domain", value=shown(domain_id))
    if len(chosen) != expected:
        raise WorkshopError("wsdb_wrong_count", expected=expected, count=len(chosen))
    return chosen


def _checked_comment(comment: str | None) -> str | None:
    """The comment stripped; None when empty."""
    text = (comment or "").strip()
    if len(text) > WORKSHOP_COMMENT_CHARS:
        raise WorkshopError("wsdb_comment_too_long", count=len(text), limit=WORKSHOP_COMMENT_CHARS)
    check_characters(text, "wsdb_comment_character", multiline=True)
    return text or None


@retried_when_busy
def submit_vote(
    engine: Engine,
    code: str,
    token: str,
    *,
    actor_id: str,
    domain_ids: Sequence[str],
    comment: str | None,
    allowed_domains: Collection[str],
) -> None:
    """Record (or replace) the participant's vote: `domain_ids` in rank order (rank 1 first).

    Everything is checked before the first write, in one transaction with the upsert, so a
    refused vote changes nothing. The workshop row is share-locked on PostgreSQL: a vote and
    the organiser closing the workshop cannot interleave.
    """
    with writing(engine) as connection:
        workshop = find_row(connection, code, lock="share")
        participant_id = _participant_id(connection, workshop, token)
        require_open(workshop)
        if actor_id not in workshop.actor_ids:
            raise WorkshopError("wsdb_actor_not_offered", value=shown(actor_id))
        chosen = _checked_domains(domain_ids, workshop.n_choices, allowed_domains)
        text = _checked_comment(comment)
        now = clock.utc_now()
        statement = insert(connection, votes).values(
            workshop_id=workshop.workshop_id,
            participant_id=participant_id,
            actor_id=actor_id,
            comment=text,
            first_submitted_at=now,
            submitted_at=now,
        )
        upsert = statement.on_conflict_do_update(
            index_elements=[votes.c.workshop_id, votes.c.participant_id],
            set_={
                "actor_id": statement.excluded.actor_id,
                "comment": statement.excluded.comment,
                "submitted_at": statement.excluded.submitted_at,
            },
        ).returning(votes.c.vote_id)
        vote_id = connection.execute(upsert).scalar_one()
        connection.execute(vote_choices.delete().where(vote_choices.c.vote_id == vote_id))
        connection.execute(
            vote_choices.insert(),
            [
                {"vote_id": vote_id, "rank": rank, "domain_id": domain_id}
                for rank, domain_id in enumerate(chosen, start=1)
            ],
        )


def current_vote(engine: Engine, code: str, token: str) -> dict | None:
    """The participant's vote (actor_id, domain_ids in rank order, comment or None,
    submitted_at), or None before the first vote."""
    with engine.connect() as connection:
        workshop = find_row(connection, code)
        participant_id = _participant_id(connection, workshop, token)
        vote = connection.execute(
            sa.select(votes).where(votes.c.participant_id == participant_id)
        ).first()
        if vote is None:
            return None
        domain_ids = connection.scalars(
            sa.select(vote_choices.c.domain_id)
            .where(vote_choices.c.vote_id == vote.vote_id)
            .order_by(vote_choices.c.rank)
        )
        return {
            "actor_id": vote.actor_id,
            "domain_ids": tuple(domain_ids),
            "comment": vote.comment,
            "submitted_at": vote.submitted_at,
        }


def votes_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """The workshop's votes in long format, one row per (vote, chosen domain).

    vote_no numbers the votes 1.. in order of first submission (a replaced vote keeps its
    number); no participant identity is in it. Comment is None when there is none.
    """
    query = (
        sa.select(
            votes.c.vote_id,
            votes.c.actor_id,
            vote_choices.c.rank,
            vote_choices.c.domain_id,
            votes.c.comment,
            votes.c.submitted_at,
        )
        .join(vote_choices, vote_choices.c.vote_id == votes.c.vote_id)
        .where(votes.c.workshop_id == workshop_id)
        .order_by(votes.c.first_submitted_at, votes.c.vote_id, vote_choices.c.rank)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    frame = pd.DataFrame(rows, columns=["vote_id", *FRAME_COLUMNS[1:]])
    frame["vote_no"] = frame.groupby("vote_id", sort=False).ngroup() + 1
    frame["submitted_at"] = pd.to_datetime(frame["submitted_at"], utc=True)
    return frame.astype({"vote_no": "int64", "rank": "int64"})[FRAME_COLUMNS]
