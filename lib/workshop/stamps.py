"""One cheap query telling whether the published workshops' results changed (a cache key).

Read-only, over the storage's tables (`lib.workshop.db`): for each published workshop, its id,
its number of votes and its latest submission time. Publishing, unpublishing, deleting, a new
vote or a replaced vote each change the stamp.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib.workshop.db import votes, workshops

Stamp = tuple[tuple[int, int, str], ...]


def published_stamp(engine: Engine) -> Stamp:
    """((workshop_id, n_votes, latest submission as text), …) of the published workshops."""
    query = (
        sa.select(
            workshops.c.workshop_id,
            sa.func.count(votes.c.vote_id),
            sa.func.max(votes.c.submitted_at),
        )
        .select_from(workshops.outerjoin(votes, votes.c.workshop_id == workshops.c.workshop_id))
        .where(workshops.c.published)
        .group_by(workshops.c.workshop_id)
        .order_by(workshops.c.workshop_id)
    )
    with engine.connect() as connection:
        return tuple((int(i), int(n), str(latest)) for i, n, latest in connection.execute(query))
