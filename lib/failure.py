"""Unexpected errors: each gets a short reference, its details go to the server log only."""

from __future__ import annotations

import logging
import secrets

LOGGER = logging.getLogger("territoires")


def log_unexpected(error: BaseException) -> str:
    """Log `error` with its traceback under a new reference and return that reference (shown to
    the user, who can quote it; the traceback and server paths never reach the page)."""
    reference = secrets.token_hex(4).upper()
    LOGGER.error("unexpected error, reference %s", reference, exc_info=error)
    return reference
