"""The read model of the dataset's ids, in one place.

- `territory_ids`: the id scheme (prefix <-> level, order of levels, parent rule, parsing);
- `labels`: id -> label per language (domains, actors, practices, indicators) and territory
  names;
- `values`: an indicator's value as read, from its metadata.

Pages and lib modules read ids through here instead of re-deriving prefixes or choosing a
`label_<lang>` column themselves.
"""

from lib.vocabulary.labels import (
    KINDS,
    label,
    labels,
    place_name,
    territory_name,
    territory_names,
)
from lib.vocabulary.territory_ids import (
    FRANCE_SCOPES,
    LEVEL_NAMES,
    LEVELS,
    NATIONAL,
    Level,
    TerritoryIdError,
    all_parents,
    ancestor,
    code_of,
    department_code,
    department_of_commune,
    is_level,
    is_valid,
    level_of,
    make_id,
    parent_level,
    parse,
    prefix,
)
from lib.vocabulary.values import definition_text, shown_decimals, unit_text, value_text

__all__ = [
    "FRANCE_SCOPES",
    "KINDS",
    "LEVELS",
    "LEVEL_NAMES",
    "NATIONAL",
    "Level",
    "TerritoryIdError",
    "all_parents",
    "ancestor",
    "code_of",
    "definition_text",
    "department_code",
    "department_of_commune",
    "is_level",
    "is_valid",
    "label",
    "labels",
    "level_of",
    "make_id",
    "parent_level",
    "parse",
    "place_name",
    "prefix",
    "shown_decimals",
    "territory_name",
    "territory_names",
    "unit_text",
    "value_text",
]
