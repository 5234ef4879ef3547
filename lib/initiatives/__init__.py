"""Alliance initiatives: the directory, its filters, the map points and white spots (pure).

An initiative names where it acts by `territory_id` (`places`): a commune, a department, a
region, `FR` for national ones, or nothing when the documents name no place. `filtering` picks
the initiatives shown, `practices` labels their types, `texts` describes them (`describe`), from
which `directory` builds the page's table, cards and counts and `points` the map's points;
`relations` finds those of a territory and `spots` its white spots. The directory is not
exhaustive: every text built here says so where it matters.

This `__init__` exports what pages and other features call (`from lib import initiatives;
initiatives.describe(...)`).
"""

from lib.initiatives.directory import cards, directory_table, filters_text, region_counts
from lib.initiatives.filtering import filter_initiatives, for_filters, with_ids
from lib.initiatives.places import initiative_places
from lib.initiatives.points import clicked_ids, map_caption, points_frame, spacing_degrees
from lib.initiatives.practices import UNCLASSIFIED, practice_label, practice_options
from lib.initiatives.relations import local_relations, related_table, relations
from lib.initiatives.spots import spots_of, white_spots, white_spots_table
from lib.initiatives.texts import describe, source_summary

__all__ = [
    "UNCLASSIFIED",
    "cards",
    "clicked_ids",
    "describe",
    "directory_table",
    "filter_initiatives",
    "filters_text",
    "for_filters",
    "initiative_places",
    "local_relations",
    "map_caption",
    "points_frame",
    "practice_label",
    "practice_options",
    "region_counts",
    "related_table",
    "relations",
    "source_summary",
    "spacing_degrees",
    "spots_of",
    "white_spots",
    "white_spots_table",
    "with_ids",
]
