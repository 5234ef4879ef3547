"""Perceived vs objective priorities of one territory, for one actor and one survey question.

A *group* is the figures of one actor for one (territory, study, question, measure): figures of
different groups are never ranked together (DESIGN.md).

- Perceived rank (1 = top priority): for `share` and `score`, a higher value ranks first and
  ties share the best rank; for `rank`, the study's own rank is kept.
- Objective rank (1 = most fragile): the territory's domain indices, higher = more fragile,
  compared at the precision shown (one decimal); ties share the best rank.
- A domain is in a side's top 3 when its rank is at most 3 (ties included, so a top 3 may hold
  more than three domains; with fewer than three domains, all of them).
- Classes: shared priority (top 3 on both sides), perceived only, blind spot (top 3 objective,
  not perceived), neither; "not available" whenever either side lacks the domain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from lib.indices import ranks

TOP = 3
SHARED = "shared"
PERCEIVED_ONLY = "perceived_only"
BLIND_SPOT = "blind_spot"
NEITHER = "neither"
NOT_AVAILABLE = "not_available"
CATEGORIES = (SHARED, PERCEIVED_ONLY, BLIND_SPOT, NEITHER, NOT_AVAILABLE)
GROUP_KEY = ("territory_id", "study", "question", "measure")


@dataclass(frozen=True)
class Group:
    """One actor's figures for one (territory, study, question, measure)."""

    actor_id: str
    territory_id: str
    study: str
    question: str
    measure: str
    rows: tuple[dict, ...]  # the perception rows, as records

    @property
    def n_domains(self) -> int:
        return len({row["domain_id"] for row in self.rows})

    def values(self) -> pd.Series:
        """domain_id -> value (a domain given twice stays twice: perceived_ranks refuses it)."""
        return pd.Series(
            [row["value"] for row in self.rows],
            index=[row["domain_id"] for row in self.rows],
            dtype=float,
        )


def perception_groups(
    perceptions: pd.DataFrame, actor_id: str, territory_ids: Sequence[str]
) -> list[Group]:
    """An actor's groups among `territory_ids`, in that order, then as they come in the data."""
    return groups_by_actor(perceptions, [actor_id], territory_ids)[actor_id]


def groups_by_actor(
    perceptions: pd.DataFrame, actor_ids: Sequence[str], territory_ids: Sequence[str]
) -> dict[str, list[Group]]:
    """`perception_groups` of several actors in one pass over the table."""
    mask = perceptions["actor_id"].isin(actor_ids) & perceptions["territory_id"].isin(territory_ids)
    grouped: dict[tuple, list[dict]] = {}
    for row in _records(perceptions[mask]):
        key = (row["actor_id"], *(row[c] for c in GROUP_KEY))
        grouped.setdefault(key, []).append(row)
    priority = {territory: i for i, territory in enumerate(territory_ids)}
    keys = sorted(grouped, key=lambda key: priority[key[1]])
    return {
        actor: [Group(*key, rows=tuple(grouped[key])) for key in keys if key[0] == actor]
        for actor in actor_ids
    }


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts (much faster than `to_dict("records")` on Arrow-backed columns)."""
    columns = {name: frame[name].tolist() for name in frame.columns}
    rows = zip(*columns.values(), strict=True)
    return [dict(zip(columns, values, strict=True)) for values in rows]


def default_group(groups: Sequence[Group]) -> int | None:
    """Position of the first group with at least three domains, else 0; None when empty."""
    if not groups:
        return None
    return next((i for i, group in enumerate(groups) if group.n_domains >= TOP), 0)


def perceived_ranks(values: pd.Series, measure: str) -> pd.Series:
    """Perceived rank by domain (1 = top priority) of one group's values (domain_id -> value)."""
    if values.index.duplicated().any():
        raise ValueError("one group must give at most one value per domain")
    values = values.dropna()
    if measure == "rank":
        return values.round().astype("Int64")
    return values.rank(ascending=False, method="min").astype("Int64")


def objective_ranks(indices: pd.Series) -> pd.Series:
    """Objective rank by domain (1 = most fragile) of a territory's domain indices."""
    return ranks(indices.dropna().round(1))


def classify(
    perceived_rank: pd.Series, objective_rank: pd.Series, domain_ids: Sequence[str]
) -> pd.Series:
    """The class of every domain of `domain_ids` (see the module docstring)."""

    def category(domain: str) -> str:
        perceived, objective = perceived_rank.get(domain), objective_rank.get(domain)
        if perceived is None or objective is None or pd.isna(perceived) or pd.isna(objective):
            return NOT_AVAILABLE
        top_perceived, top_objective = perceived <= TOP, objective <= TOP
        if top_perceived and top_objective:
            return SHARED
        if top_perceived:
            return PERCEIVED_ONLY
        return BLIND_SPOT if top_objective else NEITHER

    return pd.Series([category(d) for d in domain_ids], index=list(domain_ids), dtype=object)


def perceived_vs_objective(
    perceived: pd.Series, measure: str, objective: pd.Series, domain_ids: Sequence[str]
) -> pd.DataFrame:
    """One row per domain of `domain_ids`: perceived value and rank, objective index and rank,
    class (columns: domain_id, perceived, perceived_rank, objective, objective_rank, category).

    `perceived`: one group's values by domain; `objective`: the territory's domain indices.
    """
    perceived_rank = perceived_ranks(perceived, measure)
    objective_rank = objective_ranks(objective)
    domains = pd.Index(list(domain_ids), name="domain_id")
    table = pd.DataFrame(
        {
            "perceived": perceived.reindex(domains).astype(float),
            "perceived_rank": perceived_rank.reindex(domains).astype("Int64"),
            "objective": objective.reindex(domains).astype(float),
            "objective_rank": objective_rank.reindex(domains).astype("Int64"),
            "category": classify(perceived_rank, objective_rank, domains),
        },
        index=domains,
    )
    return table.reset_index()
