"""Registers the published workshops as a layer provider (imported by lib/session.py).

Per rerun of any page: one cached lookup of the published workshops' stamp (queried at most
every `cached.WORKSHOP_STAMP_TTL_S` seconds per process) and the layers cached by that stamp. A
database failure must not break the explore pages: it is logged and no workshop layer is shown.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from sqlalchemy.exc import SQLAlchemyError

from lib import cached
from lib.datasets import Layer, register_provider

log = logging.getLogger(__name__)


@register_provider
def published_workshop_layers(_state: Mapping[str, object]) -> list[Layer]:
    """Every published workshop's results (the same for every session)."""
    try:
        return cached.published_workshop_layers(cached.published_workshop_stamp())
    except SQLAlchemyError:
        log.exception("workshop database unavailable: no workshop layer shown")
        return []
