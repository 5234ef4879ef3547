"""What the map pages show, computed without Streamlit: one indicator or index over territories.

`selections` names what can be mapped (an indicator id, `index` for the overall index,
`index-<domain_id>` for one domain's index), `scope` which territories are shown and compared,
`index_tables` computes the indices, `map_views` one selection over a scope (`MapView`),
`captions` the lines and table under a map, `drill` the map's drill-down steps.

This `__init__` exports what pages and other features call (`from lib import explore;
explore.filters_map_view(...)`).
"""

from lib.explore.captions import caption_lines, note_lines, source_label, sources_text, view_table
from lib.explore.drill import drill_state
from lib.explore.index_tables import IndexTable, IndexTables, index_table
from lib.explore.map_views import MapView, filters_map_view, map_filters, map_view
from lib.explore.scope import scope_parent, scope_territories, territories_at, territory_area
from lib.explore.selections import (
    HOME_INDICATOR,
    OVERALL,
    Labels,
    allowed_values,
    home_filters,
    home_selection,
    indicator_options,
    is_index,
    labels,
    period_options,
    selection_label,
    selection_options,
    territory_choices,
)

__all__ = [
    "HOME_INDICATOR",
    "OVERALL",
    "IndexTable",
    "IndexTables",
    "Labels",
    "MapView",
    "allowed_values",
    "caption_lines",
    "drill_state",
    "filters_map_view",
    "home_filters",
    "home_selection",
    "index_table",
    "indicator_options",
    "is_index",
    "labels",
    "map_filters",
    "map_view",
    "note_lines",
    "period_options",
    "scope_parent",
    "scope_territories",
    "selection_label",
    "selection_options",
    "source_label",
    "sources_text",
    "territories_at",
    "territory_area",
    "territory_choices",
    "view_table",
]
