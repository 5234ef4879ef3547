r"""The territory-id scheme: which prefix names which level, the order of levels, the parent
rule, and parsing and building ids. Pure functions over strings (the parent links of a dataset
are passed in where needed).

An id carries its level because INSEE codes collide across levels (region 53 Bretagne,
department 53 Mayenne; overseas regions 01–06 and departments Ain…Alpes-Maritimes): `FR` (and
the France scopes `FR-HM`, `FR-METRO`), `REG-53`, `DEP-2A`, `EPCI-242900314` (a SIREN),
`COM-29019`. Adding a level is one line of `LEVELS`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    """A level of territories and the form of its ids."""

    name: str
    prefix: str  # what every id of the level starts with
    code: str  # regular expression of what follows the prefix
    width: int  # an all-digit INSEE code is zero-padded to this width ("1" -> "01")
    parent: str | None  # the level of its territories' parent_id (None: the top level)


# From the largest territories to the smallest.
LEVELS = (
    Level("france", "FR", r"(-HM|-METRO)?", 0, None),
    Level("region", "REG-", r"\d{2}", 2, "france"),
    Level("department", "DEP-", r"\d{2}|2A|2B|97\d", 2, "region"),
    # An intercommunality (SIREN); it may span several departments: `parent_id` is the one
    # with most of its population, `parent_ids` (territories table) lists all of them.
    Level("epci", "EPCI-", r"\d{9}", 9, "department"),
    Level("commune", "COM-", r"\d{5}|2[AB]\d{3}", 5, "department"),
)
LEVEL_NAMES = tuple(level.name for level in LEVELS)
FRANCE = "france"  # the level of France and its scopes, whose ids are their own codes
NATIONAL = "FR"  # France as a whole
FRANCE_SCOPES = ("FR", "FR-METRO", "FR-HM")  # France, metropolitan France, France but Mayotte
_BY_NAME = {level.name: level for level in LEVELS}


class TerritoryIdError(ValueError):
    """A string that is not a territory id of the scheme, or a level it does not know."""


def level_named(name: str) -> Level:
    """The level called `name`; TerritoryIdError for an unknown one."""
    if name not in _BY_NAME:
        raise TerritoryIdError(
            f"unknown territory level {name!r}: expected one of {', '.join(LEVEL_NAMES)}"
        )
    return _BY_NAME[name]


def prefix(level: str) -> str:
    """'region' -> 'REG-'."""
    return level_named(level).prefix


def level_of(territory_id: object) -> str | None:
    """The level whose prefix starts the id ('DEP-29' -> 'department'), else None (no check
    of the code: see `parse`)."""
    if not isinstance(territory_id, str):
        return None
    return next((lv.name for lv in LEVELS if territory_id.startswith(lv.prefix)), None)


def is_level(territory_id: object, level: str) -> bool:
    """Whether the id is one of `level` by its prefix."""
    return level_of(territory_id) == level


def parse(territory_id: object) -> tuple[str, str]:
    """(level, INSEE code) of a well-formed id: 'DEP-2A' -> ('department', '2A'); a France
    scope is its own code ('FR-HM' -> ('france', 'FR-HM')). TerritoryIdError otherwise."""
    level = level_of(territory_id)
    if level is None:
        prefixes = ", ".join(lv.prefix for lv in LEVELS)
        raise TerritoryIdError(
            f"unknown territory id {territory_id!r}: an id starts with one of {prefixes} "
            "(e.g. FR, REG-53, DEP-29, EPCI-242900314, COM-29019)"
        )
    spec = _BY_NAME[level]
    rest = str(territory_id)[len(spec.prefix) :]
    if not re.fullmatch(spec.code, rest):
        raise TerritoryIdError(
            f"invalid {level} id {territory_id!r}: {spec.prefix!r} must be followed by a code "
            f"matching {spec.code!r}"
        )
    return level, str(territory_id) if level == FRANCE else rest


def is_valid(territory_id: object, level: str | None = None) -> bool:
    """Whether `parse` accepts the id (and finds `level`, when given)."""
    try:
        found, _ = parse(territory_id)
    except TerritoryIdError:
        return False
    return level is None or found == level


def code_of(territory_id: str) -> str:
    """The INSEE code of an id ('COM-2A004' -> '2A004'), without checking its form; a France
    scope is its own code."""
    level = level_of(territory_id)
    if level is None:
        raise TerritoryIdError(f"unknown territory id {territory_id!r}")
    return territory_id if level == FRANCE else territory_id[len(prefix(level)) :]


def make_id(level: str, code: str) -> str:
    """The id of an INSEE code at a level ('department', ' 2a' -> 'DEP-2A'; 'region', '1' ->
    'REG-01'); at the France level the code is the id ('' -> 'FR'). The form is not checked."""
    spec = level_named(level)
    code = code.strip().upper()
    if spec.name == FRANCE:
        return code or NATIONAL
    return spec.prefix + (code.zfill(spec.width) if code.isdigit() else code)


def parent_level(level: str) -> str | None:
    """The level of the parent of a territory of `level` ('department' -> 'region')."""
    return level_named(level).parent


def all_parents(parent_id: object, parent_ids: object) -> list[str]:
    """Every parent of a territory from its territories row: the `parent_ids` list
    ("DEP-75;DEP-93", an EPCI across departments) when filled, else [parent_id] (or [])."""
    if isinstance(parent_ids, str) and parent_ids:
        return parent_ids.split(";")
    return [parent_id] if isinstance(parent_id, str) and parent_id else []


def department_code(commune_code: str) -> str:
    """The INSEE code of a commune's department: '29019' -> '29', '97101' -> '971' (overseas),
    '2A004' -> '2A'."""
    return commune_code[:3] if commune_code.startswith("97") else commune_code[:2]


def department_of_commune(commune_id: str) -> str:
    """A commune's department, read from its id: 'COM-29019' -> 'DEP-29', 'COM-97101' ->
    'DEP-971', 'COM-2A004' -> 'DEP-2A'."""
    if not is_level(commune_id, "commune"):
        raise TerritoryIdError(f"{commune_id!r} is not a commune id (COM-<INSEE code>)")
    return make_id("department", department_code(code_of(commune_id)))


def ancestor(territory_id: object, level: str, parents: Mapping[str, object]) -> str | None:
    """The territory itself when it is of `level`, else its nearest ancestor of `level`
    following `parents` (territory_id -> parent_id), else None (also for None): the region of
    a department or of a commune."""
    seen: set[str] = set()
    current: object = territory_id
    while isinstance(current, str) and current not in seen:
        if is_level(current, level):
            return current
        seen.add(current)
        current = parents.get(current)
    return None
