"""The organiser page's desk: what its sections draw with (dataset, filters, language, workshop
database, the browser's time zone) and the session entries they share."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from sqlalchemy.engine import Engine

from lib import cached, profile
from lib.data import Dataset
from lib.filters import Filters
from lib.session import current_dataset, current_filters, set_page_param
from lib.vocabulary import is_level

CREATED_KEY = "ws_created"  # the workshop just created: code, title and, until hidden, its key
PILOT_KEY = "ws_pilot"  # (code, key) of the workshop being run, once its key was checked
FLASH_KEY = "ws_flash"  # outcome of the last organiser action: (kind, message)


@dataclass(frozen=True)
class Desk:
    dataset: Dataset
    filters: Filters
    engine: Engine
    look: profile.Lookups
    territory_names: dict[
        str, str
    ]  # regions, departments and, picked by a search, an EPCI or a commune
    timezone: str | None

    @property
    def lang(self) -> str:
        return self.filters.lang

    @classmethod
    def open(cls) -> Desk:
        """The desk of this run."""
        dataset = current_dataset()
        filters = current_filters(dataset)
        return cls(
            dataset=dataset,
            filters=filters,
            engine=cached.workshop_engine(),
            look=cached.profile_lookups(dataset, filters.lang),
            territory_names=cached.territory_options(dataset, filters.lang, filters.territory),
            timezone=st.context.timezone,
        )

    def objective_domains(self, territory_id: str) -> profile.DomainProfile:
        """The domain indices the room is read against: among the territory's level (a region,
        a department) or its peers (an EPCI, a commune: `profile.local_scope`)."""
        area, method = self.filters.area, self.filters.method
        commune = is_level(territory_id, "commune")
        scoped = cached.with_communes(self.dataset) if commune else self.dataset
        scoped_look = cached.profile_lookups(scoped, self.lang)
        scope = profile.comparison_scope(scoped_look, territory_id, area)
        table = cached.index_table(scoped, tuple(scope.territory_ids), method)
        return profile.domain_profile(scoped_look, territory_id, area, method, table)


def forget() -> None:
    """Stop running this workshop on this page (the key is dropped from the session)."""
    for name in (PILOT_KEY, CREATED_KEY, "ws_pilot_key"):
        st.session_state.pop(name, None)
    set_page_param("code", None)
