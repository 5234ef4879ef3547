"""The only module that uses Streamlit caching: wraps the pure functions of lib/.

`cache_resource` returns the same object to every session (no copy): callers must never mutate
what those functions return. A `Dataset` is hashed by its `version` (the embedded data, plus a
fingerprint of each session layer), so a session's uploads are never served to another session.

One of the three lib/ modules allowed to import Streamlit (ruff's banned-api in pyproject.toml;
also lib/session.py and lib/presentation/presenting.py): caching across sessions is `st.cache_*`.
Over 500 lines for that reason: every cache of the app is here (a project rule), each a short
wrapper of a lib/ function; what they compute lives, tested without Streamlit, in the modules
they wrap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib import (
    alliance_figures,
    alliance_page,
    compare_change,
    compare_change_page,
    compare_page,
    explore,
    geo,
    maps,
    profile,
    sources_page,
    svgmap,
    territory_search,
    trends,
    vocabulary,
)
from lib import change_map as change_maps
from lib.charts import sources as charts_sources
from lib.data import (
    Dataset,
    epci_members,
    load_commune_indicators,
    load_commune_population,
    load_commune_withheld,
    load_dataset,
)
from lib.datasets import Layer, with_commune_rows, with_origin
from lib.filters import Allowed, Filters
from lib.i18n import t
from lib.presentation import slides
from lib.profile import local as local_profile
from lib.profile import local_trends as local_trends_lib
from lib.profile import page as profile_page_model
from lib.settings import WORKSHOP_STAMP_TTL
from lib.workshop import layer as workshop_layer
from lib.workshop import service as workshop_service
from lib.workshop import stamps as workshop_stamps

BY_VERSION = {Dataset: lambda dataset: dataset.version}


@st.cache_resource(show_spinner=False)
def embedded_dataset() -> Dataset:
    """The validated embedded dataset (raises DataValidationError when a file is broken)."""
    return with_origin(load_dataset())


@st.cache_resource(show_spinner=False)
def map_geojson(level: str) -> str:
    """URL of the boundaries of a level (overseas insets), served by Streamlit's static
    serving: the browser fetches them once instead of receiving them in every figure."""
    return geo.publish_geojson(
        f"{level}s", lambda: geo.with_overseas_insets(geo.read_boundaries(level))
    )


@st.cache_resource(show_spinner=False, max_entries=128)
def commune_geojson(department_id: str) -> str:
    """URL of one department's communes as GeoJSON (< 400 KiB; overseas in their inset)."""
    return geo.publish_geojson(
        f"communes-{department_id}",
        lambda: geo.with_overseas_insets(geo.read_communes(department_id)),
    )


@st.cache_resource(show_spinner=False, max_entries=128)
def epci_commune_layer(epci_id: str) -> tuple[str, dict]:
    """URL of one EPCI's communes as GeoJSON, read from its departments' communes, and the map
    view fitting them."""
    shapes = geo.epci_communes(embedded_dataset(), epci_id)
    url = geo.publish_geojson(f"communes-{epci_id}", lambda: shapes)
    return url, maps.fit_view(shapes.total_bounds)


@st.cache_resource(show_spinner=False, max_entries=128)
def epci_geojson(within: str, territory_ids: tuple[str, ...]) -> str:
    """URL of the EPCIs of one region or department (`territory_ids`) as GeoJSON (drawn where
    they are: EPCI ids carry no overseas inset)."""
    boundaries = _display_boundaries("epci")
    return geo.publish_geojson(
        f"epci-{within}", lambda: boundaries[boundaries["territory_id"].isin(territory_ids)]
    )


@st.cache_resource(show_spinner=False)
def _display_boundaries(level: str):
    return geo.with_overseas_insets(geo.read_boundaries(level))


def home_map_html(dataset: Dataset, filters: Filters) -> str:
    """The home page's static SVG map and legend (each region links to its profile), kept
    once for every territory whose area resolves alike (the links replace the territory)."""
    area = explore.territory_area(dataset, filters.area, filters.territory)
    return _home_map_html(dataset, filters.with_(territory=None), area)


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=128)
def _home_map_html(dataset: Dataset, filters: Filters, area: str) -> str:
    view = map_view(dataset, filters.with_(area=area))
    links = svgmap.profile_links(filters, view.frame["territory_id"])
    return svgmap.map_markdown(view, _display_boundaries("region"), links, filters.lang)


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=128)
def slide_map_html(dataset: Dataset, filters: Filters) -> str:
    """A presentation slide's static SVG map (regions or departments) and legend, no links."""
    boundaries = _display_boundaries(filters.level)
    return svgmap.map_markdown(map_view(dataset, filters), boundaries, {}, filters.lang)


@st.cache_data(show_spinner=False, max_entries=256)
def fit_territories(boundary_level: str, territory_ids: tuple[str, ...]) -> dict:
    """Map centre and zoom fitting these regions or departments as drawn (insets included)."""
    frame = _display_boundaries(boundary_level)
    return maps.fit_view(frame[frame["territory_id"].isin(territory_ids)].total_bounds)


def map_view(dataset: Dataset, filters: Filters) -> explore.MapView:
    """The filters' indicator or index over their scope (lib.explore.filters_map_view), kept
    once for every filters showing the same map (lib.explore.map_filters)."""
    return _map_view(dataset, explore.map_filters(dataset, filters))


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def _map_view(dataset: Dataset, filters: Filters) -> explore.MapView:
    return explore.filters_map_view(dataset, filters)


def map_captions(dataset: Dataset, filters: Filters) -> list[str]:
    """The lines under the filters' map (lib.explore.caption_lines)."""
    return _map_captions(dataset, explore.map_filters(dataset, filters))


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def _map_captions(dataset: Dataset, filters: Filters) -> list[str]:
    return explore.caption_lines(dataset, _map_view(dataset, filters), filters.lang)


def map_table(dataset: Dataset, filters: Filters) -> pd.DataFrame:
    """The table alternative of the filters' map (lib.explore.view_table)."""
    return _map_table(dataset, explore.map_filters(dataset, filters))


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def _map_table(dataset: Dataset, filters: Filters) -> pd.DataFrame:
    return explore.view_table(_map_view(dataset, filters), filters.lang)


def change_map(dataset: Dataset, filters: Filters) -> change_maps.ChangeMap:
    """The map of the filters' indicator's change since `filters.change_from` (lib.change_map),
    from the cached map views of its two periods."""
    shown = explore.map_filters(dataset, filters).with_(change_from=filters.change_from)
    return _change_map(dataset, shown)


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=128)
def _change_map(dataset: Dataset, filters: Filters) -> change_maps.ChangeMap:
    return change_maps.change_map(
        dataset, filters, lambda d, f: _map_view(d, explore.map_filters(d, f))
    )


def home_table_html(dataset: Dataset, filters: Filters) -> str:
    """The home map's table alternative as escaped plain HTML (lib.svgmap.table_html)."""
    return _home_table_html(dataset, explore.map_filters(dataset, filters))


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=64)
def _home_table_html(dataset: Dataset, filters: Filters) -> str:
    return svgmap.table_html(_map_table(dataset, filters), t("table_alternative", filters.lang))


@st.cache_resource(show_spinner=False)
def _commune_rows() -> tuple[pd.DataFrame, pd.DataFrame]:
    embedded = embedded_dataset()
    return load_commune_indicators(embedded), load_commune_withheld(embedded)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=32)
def with_communes(dataset: Dataset) -> Dataset:
    """`dataset` plus the commune-level indicator rows and withheld values (loaded once, on
    first use)."""
    return with_commune_rows(dataset, *_commune_rows())


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def index_table(
    dataset: Dataset, territory_ids: tuple[str, ...], method: str
) -> explore.IndexTable:
    """Scores, domain indices and overall index of a set of territories (equal weights)."""
    return explore.index_table(dataset, list(territory_ids), method)


def _cached_index_table(
    dataset: Dataset, territory_ids: Sequence[str], method: str
) -> explore.IndexTable:
    """`index_table` with a list of ids (the form lib functions call it with)."""
    return index_table(dataset, tuple(territory_ids), method)


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def selection_options(dataset: Dataset, territory_ids: tuple[str, ...]) -> list[str]:
    """What can be mapped over these territories (see lib.explore.selection_options)."""
    return explore.selection_options(dataset, list(territory_ids))


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def period_options(
    dataset: Dataset, indicator_id: str, territory_ids: tuple[str, ...]
) -> list[str]:
    """Periods of an indicator over these territories (see lib.explore.period_options)."""
    return explore.period_options(dataset, indicator_id, list(territory_ids))


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=8)
def allowed_values(dataset: Dataset) -> Allowed:
    """The ids a URL may name (see lib.explore.allowed_values): ~50 ms over 36,000 territories,
    once per dataset version instead of on every new session's first run."""
    return explore.allowed_values(dataset)


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=8)
def territory_choices(dataset: Dataset, lang: str) -> dict[str, str]:
    """Regions then departments as shown in the territory picker."""
    return explore.territory_choices(dataset, lang)


def territory_options(dataset: Dataset, lang: str, chosen: str | None) -> dict[str, str]:
    """The picker's regions and departments, plus `chosen` when it is an EPCI or a commune
    (picked by a search or a link: offered as it is, "Saint-Denis (93)")."""
    return territory_search.picker_options(dataset, territory_choices(dataset, lang), chosen, lang)


def home_filters(dataset: Dataset, filters: Filters) -> Filters:
    """The home map's filters (see lib.explore.home_filters)."""
    return explore.home_filters(dataset, filters, _home_selection)


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=128)
def _home_selection(dataset: Dataset, area: str, indicator: str | None) -> str:
    return explore.home_selection(dataset, area, indicator)


@st.cache_resource(show_spinner=False)
def _epci_members() -> dict[str, str]:
    return epci_members(embedded_dataset())


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def local_profile_page(
    dataset: Dataset, territory_id: str, method: str, lang: str
) -> local_profile.LocalProfile:
    """The profile of an EPCI or a commune (lib.profile.local), the commune rows loaded for a
    commune's."""
    return local_profile.build(
        local_dataset(dataset, territory_id),
        _epci_members(),
        territory_id,
        method,
        lang,
        _cached_index_table,
    )


def local_dataset(dataset: Dataset, territory_id: str) -> Dataset:
    """The dataset an EPCI's or a commune's profile reads (the commune rows for a commune)."""
    return with_communes(dataset) if vocabulary.is_level(territory_id, "commune") else dataset


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def local_trends(dataset: Dataset, territory_id: str, lang: str) -> list[tuple]:
    """(trend, figure) of an EPCI's or a commune's indicators known at two periods or more
    (lib.profile.local_trends; the EPCIs' series index is built once per dataset version)."""
    if vocabulary.is_level(territory_id, "epci"):
        index = _epci_series(dataset)
    else:
        index = local_trends_lib.series(with_communes(dataset), commune_id=territory_id)
    return local_trends_lib.charted(profile_lookups(dataset, lang), index, territory_id)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=8)
def _epci_series(dataset: Dataset) -> trends.SeriesIndex:
    return local_trends_lib.series(dataset)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=8)
def search_index(dataset: Dataset, lang: str) -> territory_search.SearchIndex:
    """Every region, department, EPCI and commune, ready to search (built once per dataset
    version and language)."""
    return territory_search.search_index(dataset, lang, _commune_population())


@st.cache_resource(show_spinner=False)
def _commune_population() -> dict[str, float]:
    return load_commune_population()


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=8)
def labels(dataset: Dataset, lang: str) -> explore.Labels:
    """Names shown by the filter widgets (see lib.explore.labels)."""
    return explore.labels(dataset, lang)


@st.cache_resource(show_spinner=False)
def workshop_engine():
    """The workshop database engine, created once per process (schema created on first use;
    DATABASE_URL, else the SQLite file at WORKSHOP_DB_PATH)."""
    return workshop_service.engine_from_env()


@st.cache_data(show_spinner=False, ttl=WORKSHOP_STAMP_TTL)
def published_workshop_stamp() -> workshop_stamps.Stamp:
    """What identifies the published workshops' current results (lib.workshop.stamps)."""
    return workshop_stamps.published_stamp(workshop_engine())


@st.cache_resource(show_spinner=False, max_entries=4)
def published_workshop_layers(stamp: workshop_stamps.Stamp) -> list[Layer]:
    """The published workshops' layers, rebuilt only when their stamp changes."""
    dataset = embedded_dataset()
    actor_labels = vocabulary.labels(dataset, "actor", "fr")  # stored with the rows, in French
    return workshop_layer.published_layers(
        workshop_engine(), stamp, actor_labels, list(dataset.domains["domain_id"])
    )


@st.cache_data(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def slide(dataset: Dataset, kind: str, filters: Filters, caption: str) -> slides.Slide:
    """What one step of a story shows (see lib.presentation.slides.slide)."""
    return slides.slide(dataset, kind, filters, caption)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=32)
def coverage_view(dataset: Dataset, level: str, area: str, lang: str) -> sources_page.CoverageView:
    """The sources page's coverage section (lib.sources_page)."""
    return sources_page.coverage_view(dataset, level, area, lang)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=32)
def coverage_heatmap(dataset: Dataset, level: str, area: str, lang: str) -> go.Figure:
    """The indicator × territory coverage chart (lib.charts.sources)."""
    return charts_sources.coverage_heatmap(
        dataset, coverage_view(dataset, level, area, lang).matrix, lang
    )


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=16)
def sources_table(dataset: Dataset, lang: str) -> pd.DataFrame:
    """Every source with its link and licence (lib.sources_page)."""
    return sources_page.sources_table(dataset, lang)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=16)
def indicator_meta_table(dataset: Dataset, lang: str) -> pd.DataFrame:
    """Every indicator's metadata, reference and sources (lib.sources_page)."""
    return sources_page.indicator_meta_table(dataset, lang)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=64)
def alliances_page(
    dataset: Dataset, actors: tuple[str, ...], practices: tuple[str, ...], lang: str
) -> alliance_page.AlliancesPage:
    """The Alliances page for these actors and practices (lib.alliance_page)."""
    return alliance_page.build(dataset, actors, practices, lang)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def alliance_charts(
    dataset: Dataset, actors: tuple[str, ...], practices: tuple[str, ...], lang: str, dimension: str
) -> list[go.Figure]:
    """The figures of one dimension of the Alliances page."""
    return alliance_page.charts(alliances_page(dataset, actors, practices, lang), dimension, lang)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def alliance_territory_note(
    dataset: Dataset,
    actors: tuple[str, ...],
    practices: tuple[str, ...],
    territory: str | None,
    lang: str,
) -> str | None:
    """Whether the chosen territory's region has figures of its own among those shown."""
    rows = alliances_page(dataset, actors, practices, lang).rows
    return alliance_figures.territory_note(dataset, rows, territory, lang)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=64)
def compare_selection(
    dataset: Dataset, level: str, area: str, chosen: tuple[str, ...], method: str, lang: str
) -> compare_page.Selection:
    """The compared territories and their indices (lib.compare_page)."""
    return compare_page.selection(dataset, level, area, chosen, method, lang)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=64)
def compare_results(
    dataset: Dataset,
    level: str,
    area: str,
    chosen: tuple[str, ...],
    method: str,
    domains: tuple[str, ...],
    weights: tuple[tuple[str, float], ...],
    lang: str,
) -> compare_page.Results:
    """The comparison page's tables and charts for these filters and weights."""
    selected = compare_selection(dataset, level, area, chosen, method, lang)
    return compare_page.results(dataset, domains, dict(weights), method, selected, lang)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def compare_similar(
    dataset: Dataset,
    level: str,
    area: str,
    chosen: tuple[str, ...],
    method: str,
    shown: tuple[str, ...],
    territory: str | None,
    lang: str,
) -> compare_page.Similar:
    """The compared territories closest to `territory` on the `shown` domains."""
    selected = compare_selection(dataset, level, area, chosen, method, lang)
    return compare_page.similar(dataset, selected, shown, territory, lang)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=64)
def compare_change_choices(
    dataset: Dataset, level: str, area: str, chosen: tuple[str, ...], method: str, lang: str
) -> compare_change.Choices:
    """The indicators the compared territories can be ranked by change of (lib.compare_change)."""
    selected = compare_selection(dataset, level, area, chosen, method, lang)
    return compare_change.choices(dataset, selected.ids)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=128)
def compare_change_view(
    dataset: Dataset,
    level: str,
    area: str,
    chosen: tuple[str, ...],
    method: str,
    concept: str,
    periods: compare_change.Periods,
    lang: str,
) -> compare_change_page.ChangeView:
    """The compared territories ranked by their change of `concept` (lib.compare_change_page)."""
    selected = compare_selection(dataset, level, area, chosen, method, lang)
    return compare_change_page.view(dataset, selected, concept, periods, lang)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=64)
def profile_page(
    dataset: Dataset,
    territory_id: str,
    area: str,
    method: str,
    actors: tuple[str, ...],
    lang: str,
) -> profile_page_model.ProfilePage:
    """Everything a territory's profile shows (lib.profile.page)."""
    look = profile_lookups(dataset, lang)
    return profile_page_model.build(
        look,
        territory_id,
        area,
        method,
        actors,
        _cached_index_table,
        lambda key, compute: _shared_part(dataset.version, repr(key), compute),
    )


@st.cache_resource(show_spinner=False, max_entries=2048)
def _shared_part(version: str, key: str, _compute: Callable[[], object]) -> object:  # noqa: ARG001
    """A part of a page that many views share (e.g. what every territory of a level has in
    common), computed once per dataset version and key (its repr: one string is quick to
    hash; `_compute` is not hashed)."""
    return _compute()


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=64)
def profile_trend_charts(
    dataset: Dataset,  # noqa: ARG001
    territory_id: str,  # noqa: ARG001
    lang: str,  # noqa: ARG001
    _page: profile_page_model.ProfilePage,
) -> list[tuple[trends.Trend, go.Figure]]:
    """The profile's trend charts, made when they are shown (the same for every filter: kept by
    territory and language; `_page`, that territory's profile in that language, is not hashed)."""
    return profile_page_model.trend_charts(_page)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=256)
def profile_reading(
    dataset: Dataset,
    territory_id: str,
    area: str,
    method: str,
    actors: tuple[str, ...],
    lang: str,
    actor_id: str,
    group_index: int,
) -> profile_page_model.ShownReading:
    """The profile's perceived vs objective reading for one actor's group."""
    page = profile_page(dataset, territory_id, area, method, actors, lang)
    return profile_page_model.reading(page, actor_id, group_index)


@st.cache_resource(show_spinner=False, hash_funcs=BY_VERSION, max_entries=16)
def profile_lookups(dataset: Dataset, lang: str) -> profile.Lookups:
    """What the profile functions read, in `lang` (lib.profile)."""
    return profile.lookups(dataset, lang)
