"""Initiatives on the map: one clickable point each, its hover text and the map's caption.

A point is inside its territory's polygon (shapely `point_on_surface`), overseas ones moved into
the maps' insets; points sharing a place are spread around it. National and unlocated
initiatives are listed, never placed.
"""

from __future__ import annotations

import functools
import math
import textwrap
from collections.abc import Iterable, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd

from lib import geo, vocabulary
from lib.data import Dataset
from lib.i18n import t
from lib.initiatives.texts import describe, source_summary

NOT_PLACED = ("france", "unlocated")
POINT_GAP_PX = 11  # distance between points sharing a place, in screen pixels
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
HOVER_WIDTH = 70  # characters per hover line
HOVER_DESCRIPTION = 140  # characters of description in the hover


def _points_of(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    """territory_id, true lon/lat (a point inside the polygon) and drawn lon/lat (insets)."""
    true = geo.representative_points(gdf).reset_index(drop=True)
    points = gpd.GeoDataFrame(
        true[["territory_id"]],
        geometry=gpd.points_from_xy(true["lon"], true["lat"]),
        crs=geo.WGS84,
    )
    drawn = geo.with_overseas_insets(points).geometry
    return pd.DataFrame(
        {
            "territory_id": true["territory_id"],
            "true_lon": true["lon"],
            "true_lat": true["lat"],
            "lon": drawn.x.to_numpy(),
            "lat": drawn.y.to_numpy(),
        }
    ).set_index("territory_id")


@functools.lru_cache(maxsize=4)
def _level_points(level: str) -> pd.DataFrame:
    return _points_of(geo.read_boundaries(level))


@functools.lru_cache(maxsize=128)
def _commune_points(department_id: str) -> pd.DataFrame:
    return _points_of(geo.read_communes(department_id))


def territory_points(territory_ids: Iterable[str]) -> pd.DataFrame:
    """A point inside each region, department or commune: true_lon/true_lat on the true
    geometry, lon/lat as drawn (overseas moved into their inset). Indexed by territory_id."""
    by_table: dict[tuple[str, str], list[str]] = {}
    for territory_id in dict.fromkeys(territory_ids):
        level = vocabulary.level_of(territory_id)
        if level in ("region", "department"):
            key = ("level", level)
        elif level == "commune":
            key = ("communes", vocabulary.department_of_commune(territory_id))
        else:
            raise ValueError(f"{territory_id!r} cannot be placed on the map")
        by_table.setdefault(key, []).append(territory_id)
    frames = [
        (_level_points(name) if kind == "level" else _commune_points(name)).loc[ids]
        for (kind, name), ids in by_table.items()
    ]
    columns = ["true_lon", "true_lat", "lon", "lat"]
    empty = pd.DataFrame(columns=columns).rename_axis("territory_id")
    return pd.concat(frames) if frames else empty


def spacing_degrees(zoom: float, pixels: float = POINT_GAP_PX) -> float:
    """Degrees of latitude-corrected longitude covering `pixels` at a map zoom (512 px tiles)."""
    return pixels * 360 / (512 * 2**zoom)


def spread(points: pd.DataFrame, spacing: float) -> pd.DataFrame:
    """Points sharing a place moved onto a sunflower spiral around it (the first stays),
    in initiative_id order: deterministic, and each point stays clickable."""
    points = points.sort_values("initiative_id")
    rank = points.groupby(["lon", "lat"], sort=False).cumcount().to_numpy()
    radius, angle = spacing * np.sqrt(rank), rank * GOLDEN_ANGLE
    lat = points["lat"].to_numpy(dtype=float)
    return points.assign(
        lon=points["lon"].to_numpy(dtype=float) + radius * np.cos(angle) / np.cos(np.radians(lat)),
        lat=lat + radius * np.sin(angle),
    )


def _wrap(text: str, limit: int | None = None) -> list[str]:
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return textwrap.wrap(text, HOVER_WIDTH, break_on_hyphens=False) or [""]


def points_frame(
    dataset: Dataset, frame: pd.DataFrame, lang: str = "fr", zoom: float = 4.3
) -> pd.DataFrame:
    """Map points of the initiatives of `frame` that have a place (national and unlocated
    ones are left out). Columns: initiative_id, name, hover_lines (plain text lines: place,
    actors, domains, type, year, short description, source), territory_id, true_lon/true_lat
    (inside the true territory), lon/lat (as drawn: insets, then spread at `zoom`)."""
    located = frame[~frame["placement_level"].isin(NOT_PLACED)]
    described = describe(dataset, located, lang)
    line = functools.partial(t, "ini_line", lang)
    label = {key: t(key, lang) for key in ("actors", "domains", "ini_col_practice", "source")}
    hover = [
        [
            *_wrap(text["place"]),
            *_wrap(line(label=label["actors"], value=text["actors"])),
            *_wrap(line(label=label["domains"], value=text["domains"])),
            *_wrap(line(label=label["ini_col_practice"], value=text["practice"])),
            line(label=t("year", lang), value=text["year"]),
            *_wrap(text["description"], HOVER_DESCRIPTION),
            *_wrap(line(label=label["source"], value=text["source"])),
        ]
        for text in described.to_dict("records")
    ]
    placed = pd.DataFrame(
        {
            "initiative_id": described["initiative_id"].tolist(),
            "name": described["name"].tolist(),
            "hover_lines": hover,
            "territory_id": located["territory_id"].tolist(),
        }
    )
    coordinates = territory_points(placed["territory_id"]).reset_index()
    placed = placed.merge(coordinates, on="territory_id", how="left")
    return spread(placed, spacing_degrees(zoom)).reset_index(drop=True)


def clicked_ids(points: Sequence[dict]) -> list[str]:
    """Initiative ids of the map points a user clicked (territories carry a location)."""
    return [
        p["customdata"]
        for p in points
        if "location" not in p and isinstance(p.get("customdata"), str)
    ]


def map_caption(dataset: Dataset, frame: pd.DataFrame, lang: str = "fr") -> str:
    """Caption under the map when the initiatives layer is on."""
    if frame.empty:
        return t("ini_none", lang)
    placed = int((~frame["placement_level"].isin(NOT_PLACED)).sum())
    return t(
        "ini_map_caption",
        lang,
        placed=placed,
        listed=len(frame) - placed,
        sources=source_summary(dataset, frame),
    )
