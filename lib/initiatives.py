"""Alliance initiatives: filters, places on the map, directory texts and white spots (pure).

An initiative names where it acts by `territory_id`: a commune (also the town an
intercommunality is named after), a department (an intercommunality without a main town), a
region, `FR` for national ones, or nothing when the documents name no place. Map points are a
point inside that territory's polygon (shapely `point_on_surface`), overseas ones moved into the
maps' insets; national and unlocated initiatives are listed, never placed. The directory is not
exhaustive: every text built here says so where it matters.
"""

from __future__ import annotations

import functools
import math
import textwrap
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from lib import explore, geo, profile, vocabulary
from lib.data import Dataset, column_in_language
from lib.datasets import source_texts
from lib.filters import AUTO, Filters, listed_area
from lib.formatting import format_number, is_missing, join_items
from lib.i18n import t
from lib.indices import DEFAULT_METHOD

SEPARATOR = ";"
UNCLASSIFIED = "unclassified"  # practice filter option: initiatives without a type
NOT_PLACED = ("france", "unlocated")
POINT_GAP_PX = 11  # distance between points sharing a place, in screen pixels
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
HOVER_WIDTH = 70  # characters per hover line
HOVER_DESCRIPTION = 140  # characters of description in the hover
WHITE_SPOT_DOMAINS = 3


def split_ids(value: object) -> list[str]:
    """'a;b' -> ['a', 'b']; a missing cell -> []."""
    return [v for v in value.split(SEPARATOR) if v] if isinstance(value, str) else []


def _fold(text: object) -> str:
    """Lower case without accents, for searching ("Barœul" matches "baroeul")."""
    decomposed = unicodedata.normalize("NFKD", str(text).replace("œ", "oe").replace("Œ", "Oe"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Places:
    """Names, parents, levels of the territories some initiatives need (theirs and every
    territory above the communes), as dicts: one pass over the 35,000-row territories table
    per call keeps the pages fast."""

    parent: dict[str, str]
    name: dict[str, str]
    level: dict[str, str]
    overseas: dict[str, bool]

    def chain(self, territory_id: object) -> list[str]:
        """The territory and its ancestors, nearest first (commune, department, region, FR)."""
        ids: list[str] = []
        while (
            isinstance(territory_id, str) and territory_id in self.name and territory_id not in ids
        ):
            ids.append(territory_id)
            territory_id = self.parent.get(territory_id)
        return ids


def places(dataset: Dataset, territory_ids: Iterable[object]) -> Places:
    """`Places` of these territories and of every France scope, region and department (the
    ancestors of any territory; communes and EPCIs are never parents)."""
    index = dataset.territory_index
    local = {i for i in territory_ids if vocabulary.level_of(i) in ("commune", "epci")}
    known = sorted(i for i in local if i in index.index)
    rows = pd.concat([dataset.upper_territories, index.loc[known].reset_index()], ignore_index=True)
    ids = rows["territory_id"].tolist()
    return Places(
        parent={
            i: p for i, p in zip(ids, rows["parent_id"].tolist(), strict=True) if isinstance(p, str)
        },
        name=dict(zip(ids, rows["name"].tolist(), strict=True)),
        level=dict(zip(ids, rows["level"].tolist(), strict=True)),
        overseas=dict(zip(ids, rows["overseas"].astype(bool).tolist(), strict=True)),
    )


def _chains(dataset: Dataset, frame: pd.DataFrame) -> tuple[Places, list[list[str]]]:
    """The places of the frame's territories, and each row's territory chain."""
    known = places(dataset, frame["territory_id"])
    return known, [known.chain(i) for i in frame["territory_id"]]


def _any_of(values: pd.Series, wanted: Iterable[str]) -> pd.Series:
    wanted = set(wanted)
    return values.map(lambda cell: bool(wanted.intersection(split_ids(cell))))


def filter_initiatives(
    dataset: Dataset,
    territory: str | None = None,
    actors: Sequence[str] = (),
    domains: Sequence[str] = (),
    practices: Sequence[str] = (),
    area: str = "all",
    search: str = "",
) -> pd.DataFrame:
    """Initiatives matching every filter given, sorted by name.

    territory: the territory and its children (a region's departments and communes);
    actors / domains: an initiative involving ANY of them; practices: practice ids, or
    UNCLASSIFIED for initiatives without a type; area: `lib.filters.listed_area` (only "metro"
    leaves out overseas places: a directory compares nothing);
    search: part of the name, of the place as the document writes it, or of a territory name
    (town, department, region), ignoring case and accents.
    """
    frame = dataset.initiatives
    known, chain_list = _chains(dataset, frame)
    chains = pd.Series(chain_list, index=frame.index)
    keep = pd.Series(True, index=frame.index)
    if territory:
        keep &= chains.map(lambda ids: territory in ids)
    if actors:
        keep &= _any_of(frame["actor_ids"], actors)
    if domains:
        keep &= _any_of(frame["domain_ids"], domains)
    if practices:
        unclassified = frame["practice_id"].isna() & (UNCLASSIFIED in practices)
        keep &= frame["practice_id"].isin(practices) | unclassified
    if listed_area(area) == "metro":
        keep &= ~chains.map(lambda ids: bool(ids) and known.overseas[ids[0]])
    if search.strip():
        haystack = [
            _fold(
                " ".join([name, label if isinstance(label, str) else "", *map(known.name.get, ids)])
            )
            for name, label, ids in zip(
                frame["name"], frame["territory_label"], chains, strict=True
            )
        ]
        keep &= pd.Series([_fold(search.strip()) in h for h in haystack], index=frame.index)
    shown = frame[keep]
    return shown.iloc[shown["name"].map(_fold).argsort(kind="stable")]


def for_filters(
    dataset: Dataset, filters: Filters, practices: Sequence[str] = (), search: str = ""
) -> pd.DataFrame:
    """The initiatives the shared filters select (territory, actors, domains, area)."""
    return filter_initiatives(
        dataset,
        filters.territory,
        filters.actors,
        filters.domains,
        practices,
        filters.area,
        search,
    )


def with_ids(dataset: Dataset, initiative_ids: Sequence[str]) -> pd.DataFrame:
    """The initiatives of these ids, in that order (unknown ids are ignored)."""
    frame = dataset.initiatives.set_index("initiative_id", drop=False)
    return frame.loc[[i for i in initiative_ids if i in frame.index]].reset_index(drop=True)


def clicked_ids(points: Sequence[dict]) -> list[str]:
    """Initiative ids of the map points a user clicked (territories carry a location)."""
    return [
        p["customdata"]
        for p in points
        if "location" not in p and isinstance(p.get("customdata"), str)
    ]


def practice_options(dataset: Dataset) -> list[str]:
    """Practice ids in the list's order, then UNCLASSIFIED."""
    return [*dataset.practices["practice_id"], UNCLASSIFIED]


def practice_labels(dataset: Dataset, lang: str) -> dict[str, str]:
    """Practice id -> label, flagging types outside the Observatoire's typology
    ('Dialogue territorial (hors typologie de l'Observatoire)'); UNCLASSIFIED -> 'non classé'."""
    practices = dataset.practices
    inside = dict(zip(practices["practice_id"], practices["observatoire_typology"], strict=True))
    outside = t("ini_outside_typology", lang)
    return {
        **{
            p: label if inside[p] else f"{label} ({outside})"
            for p, label in vocabulary.labels(dataset, "practice", lang).items()
        },
        UNCLASSIFIED: t("ini_unclassified", lang),
    }


def practice_label(dataset: Dataset, practice_id: object, lang: str) -> str:
    """The label of one practice id (no type -> 'non classé')."""
    labels = practice_labels(dataset, lang)
    return (
        labels.get(practice_id, labels[UNCLASSIFIED])
        if isinstance(practice_id, str)
        else labels[UNCLASSIFIED]
    )


def _list_text(ids: list[str], labels: dict[str, str], lang: str) -> str:
    return join_items((labels[i] for i in ids), lang) or t("ini_not_stated", lang)


def _domains_text(domain_ids: object, free_tags: object, labels: dict[str, str], lang: str):
    listed = [labels[d] for d in split_ids(domain_ids)]
    free = split_ids(free_tags)
    if free:
        listed.append(t("ini_free_tags", lang, tags=join_items(free, lang)))
    return join_items(listed, lang, long_items=True) or t("ini_not_stated", lang)


def _place_text(row, known: Places, lang: str) -> str:
    level, territory_id = row.placement_level, row.territory_id
    if level == "france":
        return t("ini_national", lang)
    if level == "unlocated":
        return t("ini_unlocated", lang)
    name = known.name[territory_id]
    if level.startswith("epci") and isinstance(row.territory_label, str):
        return t("ini_placed_on", lang, label=row.territory_label, name=name)
    return name


def _sentence(text: str) -> str:
    """'type d'alliance : …' -> 'Type d'alliance : ….'"""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def _profile_id(ids: list[str]) -> str | None:
    """The nearest department or region of a territory chain (what the profile page shows)."""
    return next((i for i in ids if profile.has_profile(i)), None)


def _region_id(ids: list[str]) -> str | None:
    return next((i for i in ids if vocabulary.is_level(i, "region")), None)


NOTES = ("note", "practice_note")  # shown under an initiative, in this order


def describe(dataset: Dataset, frame: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """Readable texts of initiatives (unescaped; missing values in words).

    Columns: initiative_id, name, place, placement_level, region_id, region_name, profile_id
    (nearest department or region), profile_name, actors, domains, practice, year,
    description, source, quote, note (the note and the partnership type's note, in `lang`).
    The directory, cards and counts are built from it (describe once per page run).
    """
    known, chains = _chains(dataset, frame)
    actors = vocabulary.labels(dataset, "actor", lang)
    domains = vocabulary.labels(dataset, "domain", lang)
    sources = source_texts(dataset.sources, lang)
    practices = practice_labels(dataset, lang)
    frame = frame.assign(**{c: column_in_language(frame, c, lang) for c in NOTES})
    rows = []
    for row, ids in zip(frame.itertuples(index=False), chains, strict=True):
        notes = [getattr(row, c) for c in NOTES]
        rows.append(
            {
                "initiative_id": row.initiative_id,
                "name": row.name,
                "place": _place_text(row, known, lang),
                "placement_level": row.placement_level,
                "region_id": _region_id(ids),
                "region_name": known.name.get(_region_id(ids) or "", ""),
                "profile_id": _profile_id(ids),
                "profile_name": known.name.get(_profile_id(ids) or "", ""),
                "actors": _list_text(split_ids(row.actor_ids), actors, lang),
                "domains": _domains_text(row.domain_ids, row.free_tags, domains, lang),
                "practice": practices.get(row.practice_id, practices[UNCLASSIFIED]),
                "year": t("not_available", lang) if is_missing(row.year) else str(row.year),
                "description": row.description,
                "source": sources[row.source_id],
                "quote": row.quote,
                "note": " ".join(_sentence(n) for n in notes if not is_missing(n)),
            }
        )
    return pd.DataFrame(rows, columns=_DESCRIBED)


_DESCRIBED = [
    "initiative_id",
    "name",
    "place",
    "placement_level",
    "region_id",
    "region_name",
    "profile_id",
    "profile_name",
    "actors",
    "domains",
    "practice",
    "year",
    "description",
    "source",
    "quote",
    "note",
]


def directory_table(described: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """The directory (`describe` output) as a table; also the CSV download: it carries the
    source of each row."""
    columns = {
        "name": t("ini_col_name", lang),
        "place": t("ini_col_place", lang),
        "actors": t("actors", lang),
        "domains": t("domains", lang),
        "practice": t("ini_col_practice", lang),
        "year": t("year", lang),
        "description": t("ini_col_description", lang),
        "source": t("source", lang),
        "quote": t("ini_col_quote", lang),
        "note": t("ini_col_note", lang),
        "initiative_id": t("ini_col_id", lang),
    }
    return described[list(columns)].rename(columns=columns).reset_index(drop=True)


@dataclass(frozen=True)
class Card:
    """One initiative as a card: plain text (Streamlit shows any HTML in it as text)."""

    initiative_id: str
    title: str
    lines: list[str]  # "Lieu : …", "Acteurs : …"...
    description: str
    quote: str
    note: str
    profile_id: str | None  # department or region whose profile the card links to
    profile_label: str


def cards(described: pd.DataFrame, lang: str = "fr") -> list[Card]:
    """Cards of the directory (`describe` output), in its order."""
    result = []
    for row in described.itertuples(index=False):
        fields = [
            ("ini_col_place", row.place),
            ("actors", row.actors),
            ("domains", row.domains),
            ("ini_col_practice", row.practice),
            ("year", row.year),
            ("source", row.source),
        ]
        result.append(
            Card(
                initiative_id=row.initiative_id,
                title=row.name,
                lines=[t("ini_line", lang, label=t(k, lang), value=v) for k, v in fields],
                description=row.description,
                quote=t("ini_line", lang, label=t("ini_col_quote", lang), value=row.quote),
                note=t("ini_line", lang, label=t("ini_col_note", lang), value=row.note),
                profile_id=row.profile_id if isinstance(row.profile_id, str) else None,
                profile_label=t("ini_open_profile", lang, name=row.profile_name)
                if isinstance(row.profile_id, str)
                else "",
            )
        )
    return result


def region_counts(described: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """How many initiatives (`describe` output) per region (most first), then national and
    unlocated ones."""
    keys = [
        name or t("ini_national" if level == "france" else "ini_unlocated", lang)
        for name, level in zip(described["region_name"], described["placement_level"], strict=True)
    ]
    counts = pd.Series(keys, dtype=object).value_counts()
    located = set(described["region_name"]) - {""}
    order = sorted(counts.index, key=lambda k: (k not in located, -counts[k], k))
    return pd.DataFrame(
        {t("ini_region", lang): order, t("ini_n", lang): [int(counts[k]) for k in order]}
    )


def source_summary(dataset: Dataset, frame: pd.DataFrame) -> str:
    """Publishers and years of the sources of `frame` ('Le RAMEAU… (2020) ; …')."""
    sources = dataset.sources[dataset.sources["source_id"].isin(frame["source_id"])]
    years = sources.groupby("publisher", sort=True)["year"].agg(lambda y: ", ".join(sorted(set(y))))
    return " ; ".join(f"{publisher} ({year})" for publisher, year in years.items())


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


def filters_text(dataset: Dataset, filters: Filters, lang: str = "fr") -> str:
    """Which shared filters the directory applies, in words."""
    territory = (
        t(
            "ini_territory_and_children",
            lang,
            name=places(dataset, [filters.territory]).name[filters.territory],
        )
        if filters.territory
        else t("all_france", lang)
    )
    actors = vocabulary.labels(dataset, "actor", lang)
    domains = vocabulary.labels(dataset, "domain", lang)
    return t(
        "ini_filters_applied",
        lang,
        territory=territory,
        actors=join_items((actors[a] for a in filters.actors), lang) or t("ini_all", lang),
        domains=join_items((domains[d] for d in filters.domains), lang) or t("ini_all", lang),
    )


# --- Map points -------------------------------------------------------------------------------


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


# --- Profile: initiatives of a territory and white spots --------------------------------------


def initiative_places(dataset: Dataset) -> Places:
    """`Places` of every initiative's territory (and every territory above the communes)."""
    return places(dataset, dataset.initiatives["territory_id"])


def relations(dataset: Dataset, territory_id: str, known: Places | None = None) -> dict[str, str]:
    """initiative_id -> "territory", "parent" or "child" for the initiatives located in the
    territory, in its parent department or region, or in its children (national and unlocated
    ones are not counted). `known`: `initiative_places(dataset)` when already computed (the
    territory must be in it: regions and departments always are)."""
    frame = dataset.initiatives
    if known is None or territory_id not in known.name:
        known = places(dataset, [territory_id, *frame["territory_id"]])
    above = [i for i in known.chain(territory_id)[1:] if profile.has_profile(i)]
    found = {}
    for initiative_id, own in zip(frame["initiative_id"], frame["territory_id"], strict=True):
        if own == territory_id:
            found[initiative_id] = "territory"
        elif own in above:
            found[initiative_id] = "parent"
        elif territory_id in known.chain(own):
            found[initiative_id] = "child"
    return found


def local_relations(
    dataset: Dataset, territory_id: str, members: Mapping[str, str]
) -> dict[str, str]:
    """`relations` of an EPCI or a commune, with the initiatives of its intercommunality
    (`members`: commune_id -> epci_id): in a member commune of the EPCI ("child"), in another
    commune of the commune's EPCI ("nearby"). Initiatives carry a territory, no coordinates:
    "nearby" is the same intercommunality, not a distance."""
    found = relations(dataset, territory_id)
    epci = territory_id if vocabulary.is_level(territory_id, "epci") else members.get(territory_id)
    frame = dataset.initiatives
    for initiative_id, own in zip(frame["initiative_id"], frame["territory_id"], strict=True):
        if initiative_id not in found and epci and members.get(own) == epci:
            found[initiative_id] = "child" if epci == territory_id else "nearby"
    return found


def related_table(dataset: Dataset, related: Mapping[str, str], lang: str = "fr") -> pd.DataFrame:
    """The initiatives of `related` (initiative_id -> relation): name, place, how it relates
    to the territory, type of alliance, domains; the territory's own first."""
    order = {"territory": 0, "child": 1, "nearby": 2, "parent": 3}
    chosen = sorted(related, key=lambda i: order[related[i]])
    described = describe(dataset, with_ids(dataset, chosen), lang)
    return pd.DataFrame(
        {
            t("ini_col_name", lang): described["name"],
            t("ini_col_place", lang): described["place"],
            t("ini_col_relation", lang): [
                t(f"ini_relation_{related[i]}", lang) for i in described["initiative_id"]
            ],
            t("ini_col_practice", lang): described["practice"],
            t("domains", lang): described["domains"],
        }
    )


def white_spots(
    dataset: Dataset,
    territory_id: str,
    area: str = AUTO,
    method: str = DEFAULT_METHOD,
) -> pd.DataFrame:
    """The territory's 3 most fragile domains (domain indices among the territories of its
    level) and how many known initiatives touch each, then the domains without an index: see
    `spots_of`."""
    index = dataset.territory_index
    level = index.at[territory_id, "level"] if territory_id in index.index else None
    if level not in {"region", "department"}:
        raise ValueError(f"white spots need a region or a department, not {territory_id!r}")
    scope = explore.scope_territories(
        dataset, level, None, explore.territory_area(dataset, area, territory_id)
    )
    if territory_id not in set(scope["territory_id"]):
        scope = explore.scope_territories(dataset, level, None, "all")
    table = explore.index_table(dataset, list(scope["territory_id"]), method)
    rows = table.domains[table.domains["territory_id"] == territory_id]
    indices = dict(zip(rows["domain_id"], rows["index"], strict=True))
    return spots_of(dataset, indices, relations(dataset, territory_id))


def spots_of(
    dataset: Dataset, indices: Mapping[str, float], related: Iterable[str]
) -> pd.DataFrame:
    """White spots of a territory from its domain indices (domain_id -> index, NaN or absent
    when not available) and the ids of the initiatives that touch it (`relations`).

    Columns: domain_id, index (NaN = not available), rank (1 = most fragile, NA without an
    index), initiatives (count), initiative_ids (";"-separated), status: "white_spot" (a top
    domain without known initiative), "covered", or "not_available" (no index). The top 3 is
    by index, ties in the domains' order. The directory is not exhaustive: a white spot is an
    absence of *known* initiative.
    """
    domain_ids = dataset.domains["domain_id"].tolist()
    indexed = [d for d in domain_ids if not is_missing(indices.get(d))]
    top = sorted(indexed, key=lambda d: -indices[d])[:WHITE_SPOT_DOMAINS]  # stable: ties in order
    missing = [d for d in domain_ids if d not in indexed]
    related = set(related)
    frame = dataset.initiatives
    tagged = [
        (initiative_id, set(split_ids(domains)))
        for initiative_id, domains in zip(frame["initiative_id"], frame["domain_ids"], strict=True)
        if initiative_id in related
    ]
    matching = [[i for i, domains in tagged if d in domains] for d in [*top, *missing]]
    return pd.DataFrame(
        {
            "domain_id": [*top, *missing],
            "index": [*(float(indices[d]) for d in top), *[float("nan")] * len(missing)],
            "rank": pd.array([*range(1, len(top) + 1), *[pd.NA] * len(missing)], dtype="Int64"),
            "initiatives": [len(ids) for ids in matching],
            "initiative_ids": [SEPARATOR.join(ids) for ids in matching],
            "status": [
                *("covered" if ids else "white_spot" for ids in matching[: len(top)]),
                *["not_available"] * len(missing),
            ],
        }
    )


def white_spots_table(dataset: Dataset, spots: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """`white_spots` as a readable table (missing values in words, initiatives by name)."""
    domains = vocabulary.labels(dataset, "domain", lang)
    names = dict(
        zip(dataset.initiatives["initiative_id"], dataset.initiatives["name"], strict=True)
    )
    status = {
        "white_spot": lambda _n: t("ini_ws_white_spot", lang),
        "covered": lambda n: t("ini_ws_covered", lang, n=n),
        "not_available": lambda _n: t("not_available", lang),
    }
    return pd.DataFrame(
        {
            t("ini_ws_domain", lang): spots["domain_id"].map(domains),
            t("ini_ws_index", lang): [format_number(v, 1, lang) for v in spots["index"]],
            t("ini_ws_rank", lang): spots["rank"].astype("string").fillna("–"),
            t("ini_ws_status", lang): [
                status[s](n) for s, n in zip(spots["status"], spots["initiatives"], strict=True)
            ],
            t("ini_ws_known", lang): [
                join_items((names[i] for i in split_ids(ids)), lang) or "—"
                for ids in spots["initiative_ids"]
            ],
        }
    )
