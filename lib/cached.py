"""The only module that uses Streamlit caching: wraps the pure loaders of lib/.

`cache_resource` returns the same object to every session (no copy): callers must never mutate
what these functions return. Workshop results and session uploads are never cached here.
"""

from __future__ import annotations

import streamlit as st

from lib import explore, geo
from lib.data import Dataset, load_dataset


@st.cache_resource(show_spinner=False)
def dataset() -> Dataset:
    """The validated embedded dataset (raises DataValidationError when a file is broken)."""
    return load_dataset()


@st.cache_resource(show_spinner=False)
def map_geojson(level: str) -> dict:
    """Boundaries of a level with overseas insets, as GeoJSON for plotly (read-only)."""
    return geo.to_geojson(geo.with_overseas_insets(geo.read_boundaries(level)))


@st.cache_data(show_spinner=False)
def indicator_view(indicator_id: str, level: str, lang: str) -> explore.IndicatorView:
    """One indicator across a level (values, ranks, classes, sources)."""
    return explore.indicator_view(dataset(), indicator_id, level, lang)
