"""Shared filter state and its URL form (DESIGN.md URL scheme), without Streamlit.

`?level=region&territory=REG-53&actor=entreprises&domain=emploi,sante&indicator=...&method=base100`
(+ `year=2021` for an indicator's period, `change_from=2019` for the map of its change since that
period (up to `year`), `area=metro` or `area=all` for the territories compared, `lang=en`).
Without `area` (the default, "auto"), a comparison is among metropolitan territories, or among
all of France for an overseas territory (`comparison_area`).
Values are ids; unknown values are dropped and reported as French (or English) notices.
`indicator=` names a concept (`taux_pauvrete`); the former one-vintage ids of shared links
(`taux_pauvrete_2013`) still open the same view: concept and period (`INDICATOR_ALIASES`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from lib.formatting import join_items
from lib.i18n import LANGUAGES, t
from lib.indices import METHODS  # the index methods a link may name
from lib.safe_text import shortened
from lib.settings import PAGE_PARAM_CHARS

# epci: one region or department at a time; commune: one department at a time
LEVELS = ("region", "department", "epci", "commune")
LANGS = tuple(LANGUAGES)
AUTO = "auto"  # metropolitan France, or all of France for an overseas territory
AREAS = (AUTO, "metro", "all")  # the territories compared
# Parameters that belong to a mode or a page rather than to the shared filters (presentation
# mode and its slide, a workshop's join code and participant token, the Compare page's
# `compare=change`): kept in the URL as given, each page checks its own values.
PAGE_PARAMS = ("mode", "step", "code", "p", "compare")
# Former one-vintage indicator ids (links shared before indicators had periods) -> (concept,
# period).
INDICATOR_ALIASES = {
    "population_rp2021": ("population", "2021"),
    "part_65_plus_rp2021": ("part_65_plus", "2021"),
    "part_logements_vacants_rp2021": ("part_logements_vacants", "2021"),
    "taux_chomage_2023t3": ("taux_chomage", "2023-T3"),
    "taux_pauvrete_2021": ("taux_pauvrete", "2021"),
    "taux_pauvrete_2013": ("taux_pauvrete", "2013"),
    "rapport_interdecile_2013": ("rapport_interdecile", "2013"),
    "niveau_vie_median_2021": ("niveau_vie_median", "2021"),
    "niveau_vie_median_2013": ("niveau_vie_median", "2013"),
    "taux_pauvrete_moins_30_2013": ("taux_pauvrete_moins_30", "2013"),
    "taux_pauvrete_75_plus_2013": ("taux_pauvrete_75_plus", "2013"),
    "part_75_plus_2018": ("part_75_plus", "2018"),
    "indice_vieillissement_2018": ("indice_vieillissement", "2018"),
    "esperance_vie_femmes_2023": ("esperance_vie_femmes", "2023"),
    "esperance_vie_hommes_2023": ("esperance_vie_hommes", "2023"),
    "densite_generalistes_2023": ("densite_generalistes", "2023"),
    "densite_medecins_2023": ("densite_medecins", "2023"),
    "part_peu_diplomes_25_64_2019": ("part_peu_diplomes", "2019"),
    "part_diplomes_superieur_2022": ("part_diplomes_superieur", "2022"),
    "deploiement_ftth_2021t3": ("deploiement_ftth", "2021-T3"),
}
MAX_QUOTED_LENGTH = 60  # an ignored value is quoted in the notice up to this many characters


@dataclass(frozen=True)
class Filters:
    """What the user is looking at; shared by every page."""

    level: str = "region"
    territory: str | None = None
    actors: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    indicator: str | None = None
    period: str | None = None  # the indicator's period (None: the default of lib.indices)
    # the start of a change up to `period`: the map shows the change since it (None: values);
    # the Compare page ranks by the change since it in its « évolution » mode
    change_from: str | None = None
    method: str = "minmax"
    area: str = AUTO
    lang: str = "fr"

    def with_(self, **changes: object) -> Filters:
        return replace(self, **changes)


# The filters of the sidebar's "more filters" expander, drawn only while it is open (a first
# visit's page paints without their widgets); the order of the widgets.
MORE_FILTERS = ("period", "area", "method", "actors", "domains")


def changed_filters(filters: Filters, names: tuple[str, ...] = MORE_FILTERS) -> tuple[str, ...]:
    """The filters among `names` that are not at their default value."""
    default = Filters()
    return tuple(n for n in names if getattr(filters, n) != getattr(default, n))


@dataclass(frozen=True)
class Allowed:
    """Ids a URL may name."""

    territories: frozenset[str]
    actors: frozenset[str]
    domains: frozenset[str]
    indicators: frozenset[str]
    periods: frozenset[str] = frozenset()  # every period of the indicator values
    levels: tuple[str, ...] = LEVELS
    methods: tuple[str, ...] = METHODS
    areas: tuple[str, ...] = AREAS
    langs: tuple[str, ...] = LANGS


def comparison_area(area: str, overseas: bool) -> str:
    """The territories compared, "metro" or "all": `area` itself when chosen, else (AUTO)
    metropolitan France, or all of France when the territory concerned is `overseas`."""
    if area == AUTO:
        return "all" if overseas else "metro"
    if area not in AREAS:
        raise ValueError(f"unknown area {area!r}; expected one of {AREAS}")
    return area


def listed_area(area: str) -> str:
    """The territories whose data a page lists without comparing them (data coverage,
    downloads, the initiatives directory): metropolitan France when chosen, else all of France
    (AUTO restricts comparisons only)."""
    return "metro" if area == "metro" else "all"


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
        "level": ("level", allowed.levels),
        "territory": ("territory", allowed.territories),
        "indicator": ("indicator", allowed.indicators),
        "year": ("period", allowed.periods),
        "change_from": ("change_from", allowed.periods),
        "method": ("method", allowed.methods),
        "area": ("area", allowed.areas),
        "lang": ("lang", allowed.langs),
    }
    changes: dict[str, object] = {}
    for name, (attribute, options) in single.items():
        value = _first(params.get(name))
        if value is None:
            continue
        if name == "indicator" and value in INDICATOR_ALIASES:
            value, period = INDICATOR_ALIASES[value]
            changes.setdefault("period", period)
        if value in options:
            changes[attribute] = value
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
        if value is not None and len(value) <= PAGE_PARAM_CHARS
    }


# URL parameter -> filter attribute, for the one-value filters
URL_NAMES = {
    "level": "level",
    "territory": "territory",
    "indicator": "indicator",
    "year": "period",
    "change_from": "change_from",
    "method": "method",
    "area": "area",
    "lang": "lang",
}


def to_query(filters: Filters) -> dict[str, str]:
    """URL parameters for `filters`, leaving out the defaults (short, stable links)."""
    default = Filters()
    query: dict[str, str] = {}
    for name, attribute in URL_NAMES.items():
        value = getattr(filters, attribute)
        if value is not None and value != getattr(default, attribute):
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
    items = join_items(
        (f"{name}={shortened(value, MAX_QUOTED_LENGTH)}" for name, value in dropped), lang
    )
    return t("link_values_ignored", lang, items=items)
