"""Votes sent against votes recorded, read from the workshop database at the end of a run."""

from __future__ import annotations

from dataclasses import dataclass

from bench.room.room import Phone
from lib.workshop import service


@dataclass(frozen=True)
class Tally:
    sent: int  # phones whose last ballot was sent
    recorded: int  # ... whose recorded vote is that ballot
    lost: int  # ... whose recorded vote is missing or an older ballot
    duplicated: int  # votes in the workshop that belong to no phone's token
    stored: int  # votes in the workshop


def tally(engine, workshop: service.Workshop, phones: list[Phone], labels) -> Tally:
    """Each phone's recorded vote (by its token) against the last ballot it sent, in labels
    (`labels.actors`, `labels.domains`: id -> label, as the page shows them)."""
    voters = [phone for phone in phones if phone.last_sent]
    recorded = attributable = 0
    for phone in phones:
        vote = service.current_vote(engine, workshop.code, phone.token) if phone.token else None
        if vote is None:
            continue
        attributable += 1
        shown = (labels.actors[vote["actor_id"]], *(labels.domains[d] for d in vote["domain_ids"]))
        recorded += shown == phone.last_sent
    total = service.votes_frame(engine, workshop.workshop_id)["vote_no"].nunique()
    return Tally(len(voters), recorded, len(voters) - recorded, total - attributable, total)
