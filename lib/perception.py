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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.formatting import is_missing
from lib.rows import records

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
    return group_rows(records(perceptions), actor_ids, territory_ids)


def group_rows(
    rows: Iterable[dict], actor_ids: Sequence[str], territory_ids: Sequence[str]
) -> dict[str, list[Group]]:
    """`groups_by_actor` over perception rows given as records (`lib.rows.records`)."""
    actors, priority = set(actor_ids), {territory: i for i, territory in enumerate(territory_ids)}
    grouped: dict[tuple, list[dict]] = {}
    for row in rows:
        if row["actor_id"] in actors and row["territory_id"] in priority:
            key = (row["actor_id"], *(row[c] for c in GROUP_KEY))
            grouped.setdefault(key, []).append(row)
    keys = sorted(grouped, key=lambda key: priority[key[1]])
    return {
        actor: [Group(*key, rows=tuple(grouped[key])) for key in keys if key[0] == actor]
        for actor in actor_ids
    }


def default_group(groups: Sequence[Group]) -> int | None:
    """Position of the first group with at least three domains, else 0; None when empty."""
    if not groups:
        return None
    return next((i for i, group in enumerate(groups) if group.n_domains >= TOP), 0)


def perceived_ranks(values: pd.Series, measure: str) -> pd.Series:
    """Perceived rank by domain (1 = top priority) of one group's values (domain_id -> value)."""
    return pd.Series(_perceived_ranks(values, measure), dtype="Int64")


def objective_ranks(indices: pd.Series) -> pd.Series:
    """Objective rank by domain (1 = most fragile) of a territory's domain indices."""
    return pd.Series(_objective_ranks(indices), dtype="Int64")


def classify(
    perceived_rank: pd.Series, objective_rank: pd.Series, domain_ids: Sequence[str]
) -> pd.Series:
    """The class of every domain of `domain_ids` (see the module docstring)."""
    classes = _classes(
        perceived_rank.dropna().to_dict(), objective_rank.dropna().to_dict(), domain_ids
    )
    return pd.Series(classes, index=list(domain_ids), dtype=object)


def perceived_vs_objective(
    perceived: pd.Series, measure: str, objective: pd.Series, domain_ids: Sequence[str]
) -> pd.DataFrame:
    """One row per domain of `domain_ids`: perceived value and rank, objective index and rank,
    class (columns: domain_id, perceived, perceived_rank, objective, objective_rank, category).

    `perceived`: one group's values by domain; `objective`: the territory's domain indices.
    """
    perceived_of, objective_of = _perceived_ranks(perceived, measure), _objective_ranks(objective)
    values, indices = perceived.to_dict(), objective.to_dict()
    nan = float("nan")
    return pd.DataFrame(
        {
            "domain_id": list(domain_ids),
            "perceived": [float(values.get(d, nan)) for d in domain_ids],
            "perceived_rank": pd.array([perceived_of.get(d) for d in domain_ids], dtype="Int64"),
            "objective": [float(indices.get(d, nan)) for d in domain_ids],
            "objective_rank": pd.array([objective_of.get(d) for d in domain_ids], dtype="Int64"),
            "category": _classes(perceived_of, objective_of, domain_ids),
        }
    )


# The rules on plain dicts (a reading is computed on every new profile: pandas operations on
# 16 values cost about a millisecond each).


def _perceived_ranks(values: pd.Series, measure: str) -> dict[str, int]:
    if values.index.duplicated().any():
        raise ValueError("one group must give at most one value per domain")
    known = {domain: float(v) for domain, v in values.items() if not is_missing(v)}
    if measure == "rank":
        return {domain: int(np.rint(v)) for domain, v in known.items()}
    return _ranks_highest_first(known)


def _objective_ranks(indices: pd.Series) -> dict[str, int]:
    """Ranks of the indices at the precision shown (one decimal, rounded as numpy does)."""
    shown = {d: float(np.round(v, 1)) for d, v in indices.items() if not is_missing(v)}
    return _ranks_highest_first(shown)


def _ranks_highest_first(values: dict[str, float]) -> dict[str, int]:
    """1 = the highest value; ties share the best rank (pandas' rank method "min")."""
    return {
        key: 1 + sum(other > value for other in values.values()) for key, value in values.items()
    }


def _classes(
    perceived_of: dict[str, int], objective_of: dict[str, int], domain_ids: Sequence[str]
) -> list[str]:
    def category(domain: str) -> str:
        perceived, objective = perceived_of.get(domain), objective_of.get(domain)
        if perceived is None or objective is None:
            return NOT_AVAILABLE
        top_perceived, top_objective = perceived <= TOP, objective <= TOP
        if top_perceived and top_objective:
            return SHARED
        if top_perceived:
            return PERCEIVED_ONLY
        return BLIND_SPOT if top_objective else NEITHER

    return [category(d) for d in domain_ids]
