"""The territory profile (views/profil.py), computed without Streamlit.

One region or department: its key figures (`figures`), its domain indices among the territories
of its level (`domains`), the priorities each actor perceives and their reading against the
indices (`perceived`), the known alliance practices (`alliances`), all read through one
`Lookups` (`territory`). The page model (`page`), its « En bref » block (`brief`), its charts
(`charts`) and the profiles of an EPCI or a commune (`local`, `local_trends`) build on them.

Rule: this `__init__` exports the region/department model that other features read (`__all__`
below: `from lib import profile; profile.lookups(dataset)`); every other name, and the page,
brief, charts and local modules, is imported from its submodule
(`from lib.profile import page as profile_page`).
"""

from lib.profile.alliances import alliance_places, alliance_table
from lib.profile.domains import (
    DomainProfile,
    LevelDomains,
    domain_profile,
    indexed_domains,
    level_domains,
    overall_text,
    top_domain_frame,
)
from lib.profile.figures import KeyFigures, download_table, key_figures, main_indicators
from lib.profile.perceived import (
    SCALE,
    PerceptionBlock,
    actors_shown,
    block_table,
    group_label,
    groups_by_actor,
    measure_label,
    perception_block,
    perception_territories,
    perception_value_text,
    reading,
    scope_label,
)
from lib.profile.territory import (
    Lookups,
    Scope,
    comparison_scope,
    has_profile,
    local_scope,
    lookups,
    profile_title,
    region_choices,
    territory_level,
)

__all__ = [
    "SCALE",
    "DomainProfile",
    "KeyFigures",
    "LevelDomains",
    "Lookups",
    "PerceptionBlock",
    "Scope",
    "actors_shown",
    "alliance_places",
    "alliance_table",
    "block_table",
    "comparison_scope",
    "domain_profile",
    "download_table",
    "group_label",
    "groups_by_actor",
    "has_profile",
    "indexed_domains",
    "key_figures",
    "level_domains",
    "local_scope",
    "lookups",
    "main_indicators",
    "measure_label",
    "overall_text",
    "perception_block",
    "perception_territories",
    "perception_value_text",
    "profile_title",
    "reading",
    "region_choices",
    "scope_label",
    "territory_level",
    "top_domain_frame",
]
