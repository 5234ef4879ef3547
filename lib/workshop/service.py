"""The workshop storage API, one import for pages and other modules."""

from lib.workshop.codes import format_code
from lib.workshop.db import engine_from_env
from lib.workshop.errors import WorkshopError
from lib.workshop.organiser import (
    check_organiser_key,
    close_workshop,
    delete_workshop,
    reopen_workshop,
    set_published,
)
from lib.workshop.votes import current_vote, submit_vote, votes_frame
from lib.workshop.workshops import (
    Workshop,
    create_workshop,
    get_workshop,
    join,
    open_workshop,
    published_workshops,
)

__all__ = [
    "Workshop",
    "WorkshopError",
    "check_organiser_key",
    "close_workshop",
    "create_workshop",
    "current_vote",
    "delete_workshop",
    "engine_from_env",
    "format_code",
    "get_workshop",
    "join",
    "open_workshop",
    "published_workshops",
    "reopen_workshop",
    "set_published",
    "submit_vote",
    "votes_frame",
]
