"""Shared filter state and its URL form (DESIGN.md URL scheme), without Streamlit.

`?level=region&territory=REG-53&actor=entreprises&domain=emploi,sante&indicator=...&method=base100`
(+ `area=metro` for metropolitan France only, `lang=en`).
Values are ids; unknown values are dropped and reported as French (or English) notices.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from lib.safe_text import shortened

LEVELS = ("region", "department", "commune")  # commune: one department at a time
METHODS = ("minmax", "base100")
LANGS = ("fr", "en")
AREAS = ("all", "metro")  # all of France, or metropolitan France only
# Parameters that belong to a mode or a page rather than to the shared filters (presentation
# mode and its slide, a workshop's join code and participant token): kept in the URL as given,
# each page checks its own values.
PAGE_PARAMS = ("mode", "step", "code", "p")
MAX_PAGE_PARAM_LENGTH = 64
MAX_QUOTED_LENGTH = 60  # an ignored value is quoted in the notice up to this many characters


@dataclass(frozen=True)
class Filters:
    """What the user is looking at; shared by every page."""

    level: str = "region"
    territory: str | None = None
    actors: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    indicator: str | None = None
    method: str = "minmax"
    area: str = "all"
    lang: str = "fr"

    def with_(self, **changes: object) -> Filters:
        return replace(self, **changes)


@dataclass(frozen=True)
class Allowed:
    """Ids a URL may name."""

    territories: frozenset[str]
    actors: frozenset[str]
    domains: frozenset[str]
    indicators: frozenset[str]
    levels: tuple[str, ...] = LEVELS
    methods: tuple[str, ...] = METHODS
    areas: tuple[str, ...] = AREAS
    langs: tuple[str, ...] = LANGS


@dataclass
class Parsed:
    filters: Filters
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (parameter, value)


def _first(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        value = value[-1] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _many(value: str | list[str] | None) -> list[str]:
    values = value if isinstance(value, list) else [value] if value else []
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def parse_query(params: Mapping[str, str | list[str]], allowed: Allowed) -> Parsed:
    """Filters from URL parameters; unknown values are dropped and listed."""
    parsed = Parsed(Filters())
    single = {
        "level": allowed.levels,
        "territory": allowed.territories,
        "indicator": allowed.indicators,
        "method": allowed.methods,
        "area": allowed.areas,
        "lang": allowed.langs,
    }
    changes: dict[str, object] = {}
    for name, options in single.items():
        value = _first(params.get(name))
        if value is None:
            continue
        if value in options:
            changes[name] = value
        else:
            parsed.dropped.append((name, value))
    for name, attribute, options in (
        ("actor", "actors", allowed.actors),
        ("domain", "domains", allowed.domains),
    ):
        values = _many(params.get(name))
        kept = tuple(dict.fromkeys(v for v in values if v in options))
        parsed.dropped += [(name, v) for v in values if v not in options]
        if kept:
            changes[attribute] = kept
    parsed.filters = Filters().with_(**changes)
    return parsed


def parse_page_params(params: Mapping[str, str | list[str]]) -> dict[str, str]:
    """The page parameters of a URL (names in PAGE_PARAMS; over-long values are ignored)."""
    kept = {name: _first(params.get(name)) for name in PAGE_PARAMS}
    return {
        name: value
        for name, value in kept.items()
        if value is not None and len(value) <= MAX_PAGE_PARAM_LENGTH
    }


def to_query(filters: Filters) -> dict[str, str]:
    """URL parameters for `filters`, leaving out the defaults (short, stable links)."""
    default = Filters()
    query: dict[str, str] = {}
    for name in ("level", "territory", "indicator", "method", "area", "lang"):
        value = getattr(filters, name)
        if value is not None and value != getattr(default, name):
            query[name] = value
    if filters.actors:
        query["actor"] = ",".join(filters.actors)
    if filters.domains:
        query["domain"] = ",".join(filters.domains)
    return query


def dropped_notice(dropped: list[tuple[str, str]], lang: str = "fr") -> str | None:
    """One sentence listing the URL values that were ignored (each quoted as given, shortened),
    or None. Plain text: the page shows it literally (`lib.safe_text`)."""
    if not dropped:
        return None
    items = ", ".join(f"{name}={shortened(value, MAX_QUOTED_LENGTH)}" for name, value in dropped)
    if lang == "en":
        return f"Unknown values in the link were ignored: {items}."
    return f"Valeurs inconnues du lien ignorées : {items}."
