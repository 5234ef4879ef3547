"""A workshop's results, computed from its votes without Streamlit.

`votes` is one row per chosen domain (columns vote_no, actor_id, rank, domain_id, comment,
submitted_at; rank 1 = the participant's first choice), as `votes_frame` returns it.

Rule (one, documented in the app): a domain's weight in the room is the **share of
participants who picked it** (100 × pickers / participants). The room's priorities rank domains
by that share, ties sharing the best rank, and its top 3 follows `lib.perception` (rank ≤ 3, ties
included). The mean rank (1 = first choice, among those who picked the domain) is shown beside it
and breaks no tie. The same share, computed per actor profile (small profiles merged:
`grouped_votes`), is what a published workshop adds to the perceptions (`lib.workshop.layer`), so
the room and the explore pages read alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

from lib import perception
from lib.vocabulary import NATIONAL
from lib.workshop.privacy import profile_groups

MEASURE = "share"


def n_participants(votes: pd.DataFrame) -> int:
    """How many participants have voted."""
    return int(votes["vote_no"].nunique())


def _tally(rows: list[tuple[int, str, int]]) -> tuple[int, Counter, Counter]:
    """Participants, pickers per domain and sum of ranks per domain of (vote_no, domain_id,
    rank) rows, a domain counted once per vote (plain Python: a room's votes are few and
    pandas' per-call overhead would dominate)."""
    first_rank: dict[tuple[int, str], int] = {}
    for vote_no, domain_id, rank in rows:
        first_rank.setdefault((vote_no, domain_id), rank)
    picked, rank_total = Counter(), Counter()
    for (_, domain_id), rank in first_rank.items():
        picked[domain_id] += 1
        rank_total[domain_id] += rank
    return len({vote_no for vote_no, _, _ in rows}), picked, rank_total


def _rows(votes: pd.DataFrame) -> list[tuple[int, str, int]]:
    columns = (votes[c].tolist() for c in ("vote_no", "domain_id", "rank"))
    return list(zip(*columns, strict=True))


def _shares(n: int, picked: Counter, domain_ids: Sequence[str]) -> pd.Series:
    values = [100.0 * picked[d] / n if n else float("nan") for d in domain_ids]
    return pd.Series(values, index=pd.Index(list(domain_ids), name="domain_id"), dtype=float)


def domain_votes(votes: pd.DataFrame, domain_ids: Sequence[str]) -> pd.DataFrame:
    """One row per domain of `domain_ids` (in that order): n_picked, share (% of participants;
    missing when nobody voted), mean_rank (missing when nobody picked it) and priority_rank
    (1 = picked by the largest share; missing when nobody voted)."""
    n, picked, rank_total = _tally(_rows(votes))
    share = _shares(n, picked, domain_ids)
    return pd.DataFrame(
        {
            "domain_id": list(domain_ids),
            "n_picked": [picked[d] for d in domain_ids],
            "share": share.to_numpy(),
            "mean_rank": [
                rank_total[d] / picked[d] if picked[d] else float("nan") for d in domain_ids
            ],
            "priority_rank": perception.perceived_ranks(share, MEASURE).reindex(share.index).array,
        }
    )


def grouped_votes(votes: pd.DataFrame) -> pd.DataFrame:
    """`votes` with each actor_id replaced by the group its profile is shown in (itself, or
    `privacy.OTHER`: see `lib.workshop.privacy`); the room's totals do not change."""
    per_vote = votes.drop_duplicates("vote_no")
    groups = profile_groups(per_vote["actor_id"].value_counts().to_dict())
    return votes.assign(actor_id=votes["actor_id"].map(groups))


def shares_by_actor(votes: pd.DataFrame, domain_ids: Sequence[str]) -> pd.DataFrame:
    """One row per (actor with participants, domain of `domain_ids`): n_picked, n_participants
    and share (% of that actor's participants who picked the domain; 0 when none did)."""
    by_actor: dict[str, list[tuple[int, str, int]]] = {}
    for actor_id, row in zip(votes["actor_id"].tolist(), _rows(votes), strict=True):
        by_actor.setdefault(actor_id, []).append(row)
    records = []
    for actor_id in sorted(by_actor):
        n, picked, _ = _tally(by_actor[actor_id])
        records += [(actor_id, d, picked[d], n, 100.0 * picked[d] / n) for d in domain_ids]
    columns = ["actor_id", "domain_id", "n_picked", "n_participants", "share"]
    return pd.DataFrame(records, columns=columns)


def top_domains(votes: pd.DataFrame, domain_ids: Sequence[str]) -> list[str]:
    """The room's top domains (priority rank ≤ 3, ties included), highest share first."""
    table = domain_votes(votes, domain_ids)
    top = table[table["priority_rank"] <= perception.TOP]
    return list(top.sort_values("priority_rank", kind="stable")["domain_id"])


def room_group(
    votes: pd.DataFrame, domain_ids: Sequence[str], territory_id: str, study: str, question: str
) -> perception.Group:
    """The room's shares as one perception group of the workshop's territory (every domain of
    `domain_ids`, 0 when nobody picked it; no rows before the first vote), ready for
    `lib.perception.perceived_vs_objective` or `lib.profile.reading`."""
    table = domain_votes(votes, domain_ids).dropna(subset=["share"])
    rows = tuple(
        {"domain_id": domain_id, "value": share}
        for domain_id, share in zip(table["domain_id"], table["share"], strict=True)
    )
    return perception.Group("", territory_id, study, question, MEASURE, rows)


def national_groups(
    perceptions: pd.DataFrame, actor_ids: Sequence[str]
) -> dict[str, perception.Group]:
    """For each actor with national figures (territory FR): its default group (the first with
    at least three domains, as the profile page picks it)."""
    groups = perception.groups_by_actor(perceptions, actor_ids, [NATIONAL])
    chosen = {actor: perception.default_group(found) for actor, found in groups.items()}
    return {actor: groups[actor][i] for actor, i in chosen.items() if i is not None}
