"""Hand-made workshop votes and workshops for the workshop tests, and one way to vote through
the storage API as a participant would."""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pandas as pd

from lib.workshop import service

CREATED = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
ORGANISER = "organiser-browser"  # the client (browser session) the organiser acts from


def new_token(engine, code) -> str:
    """A participant joining from a browser (a client) of their own."""
    return service.join(engine, code, client=secrets.token_hex(8))


def votes(*ballots: tuple[str, list[str], str]) -> pd.DataFrame:
    """A votes frame (as `votes_frame` returns it) from (actor_id, ranked domains, comment)."""
    rows = [
        {
            "vote_no": number,
            "actor_id": actor,
            "rank": rank,
            "domain_id": domain,
            "comment": comment or None,
            "submitted_at": pd.Timestamp(CREATED),
        }
        for number, (actor, domains, comment) in enumerate(ballots, start=1)
        for rank, domain in enumerate(domains, start=1)
    ]
    columns = ["vote_no", "actor_id", "rank", "domain_id", "comment", "submitted_at"]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class FakeWorkshop:
    """The fields of `lib.workshop.service.Workshop` the pure modules read."""

    workshop_id: int = 7
    code: str = "ABCD2345"
    title: str = "Bretagne 2026"
    territory_id: str = "REG-53"
    actor_ids: tuple[str, ...] = ("citoyens", "entreprises", "associations")
    n_choices: int = 3
    closes_at: datetime | None = None
    is_open: bool = True
    published: bool = True
    created_at: datetime = CREATED
    n_participants: int = 0


@cache
def domain_ids() -> frozenset[str]:
    """Every domain of the embedded vocabulary (data/domains.csv)."""
    path = Path(__file__).resolve().parents[1] / "data" / "domains.csv"
    return frozenset(pd.read_csv(path)["domain_id"])


def cast_vote(engine, code, actor, domains, comment="", token=None) -> str:
    """Join (unless `token` is given) and vote; returns the participant token."""
    token = token or new_token(engine, code)
    service.submit_vote(
        engine,
        code,
        token,
        actor_id=actor,
        domain_ids=domains,
        comment=comment,
        allowed_domains=domain_ids(),
    )
    return token
