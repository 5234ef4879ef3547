"""No one singled out: the smallest group whose answers are shown beyond the room's totals (one
setting for every rule that needs it). With fewer, people in the room could tell who chose what.

Rule (results by actor profile, in the app and in every export): a profile is shown on its own
only when at least MIN_PARTICIPANTS participants answered as that profile; smaller profiles are
merged into one group, OTHER ("Autres profils"). The room's totals stay exact, so a merged group
smaller than the minimum could be recovered by subtracting the shown profiles from them: the
smallest shown profile then joins it too (again, until the group reaches the minimum or holds
every profile). Publishing needs at least MIN_PARTICIPANTS participants in all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from lib.settings import MIN_PARTICIPANTS

OTHER = "_other"  # the group of the profiles not shown on their own
# Published workshop results are perception rows whose origin (their layer's label) starts so:
# "atelier <title>, <date>, n=<participants>" (lib/workshop/layer.py), or "workshop…".
WORKSHOP_ORIGINS = ("atelier ", "workshop")


def profile_groups(counts: Mapping[str, int]) -> dict[str, str]:
    """Participants per actor profile -> the group each profile is shown in: itself, or OTHER
    (the module's rule; among equally small shown profiles, the first actor_id joins first)."""
    merged = {actor for actor, n in counts.items() if n < MIN_PARTICIPANTS}
    shown = sorted(set(counts) - merged, key=lambda actor: (counts[actor], actor))
    while merged and shown and sum(counts[actor] for actor in merged) < MIN_PARTICIPANTS:
        merged.add(shown.pop(0))
    return {actor: OTHER if actor in merged else actor for actor in counts}


def from_workshop(rows: Iterable[Mapping[str, object]]) -> bool:
    """Whether perception rows (records) all come from a published workshop's layer."""
    origins = [str(row.get("origin", "")) for row in rows]
    return bool(origins) and all(origin.startswith(WORKSHOP_ORIGINS) for origin in origins)
