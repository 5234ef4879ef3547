"""The one error a refused workshop action raises, with its French message."""

from __future__ import annotations

from lib.i18n import KeyedError

SHOWN_LENGTH = 40


class WorkshopError(KeyedError):
    """A refused action; `.message` is the French sentence shown as is to the user,
    `error.text("en")` the same message in English."""


def shown(value: object) -> str:
    """A user-supplied value as quoted in a message (cut to 40 characters)."""
    text = str(value)
    return text if len(text) <= SHOWN_LENGTH else text[: SHOWN_LENGTH - 1] + "…"
