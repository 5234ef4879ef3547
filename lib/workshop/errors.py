"""The one error a refused workshop action raises, with its French message."""

from __future__ import annotations

from lib.i18n import DEFAULT_LANGUAGE, t

SHOWN_LENGTH = 40


class WorkshopError(Exception):
    """A refused action; `.message` is the French sentence shown as is to the user.

    `.key` and `.values` give the same message in another language: `error.text("en")`.
    """

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        self.message = t(key, DEFAULT_LANGUAGE, **values)
        super().__init__(self.message)

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.values)


def shown(value: object) -> str:
    """A user-supplied value as quoted in a message (cut to 40 characters)."""
    text = str(value)
    return text if len(text) <= SHOWN_LENGTH else text[: SHOWN_LENGTH - 1] + "…"
