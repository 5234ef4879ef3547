"""Writes that meet a busy storage: retried, then refused with a sentence, never a traceback.

Under load a write can wait past SQLite's busy timeout ("database is locked") or lose a
PostgreSQL connection or serialization race. Every write of the storage API runs in one
transaction that rolls back on error, so running it again is safe: a refused attempt changed
nothing. After `ATTEMPTS` tries the caller gets `WorkshopError("wsdb_busy")`, and the page keeps
what the person typed on screen to send again."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import OperationalError

from lib.settings import BUSY_RETRY_PAUSES
from lib.workshop.errors import WorkshopError

ATTEMPTS = len(BUSY_RETRY_PAUSES) + 1

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


def retried_when_busy(write: Callable[P, R]) -> Callable[P, R]:
    """`write` tried up to ATTEMPTS times while the storage is busy or unreachable."""

    @functools.wraps(write)
    def attempt(*args: P.args, **kwargs: P.kwargs) -> R:
        for pause in (*BUSY_RETRY_PAUSES, None):
            try:
                return write(*args, **kwargs)
            except OperationalError as error:
                log.warning("%s: storage busy: %s", write.__name__, error)
                if pause is None:
                    raise WorkshopError("wsdb_busy") from error
                time.sleep(pause)

    return attempt
