"""The known alliance practices a profile shows, with their units, studies and sources."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lib.data import in_language
from lib.formatting import format_number, format_value, is_missing, ordinal
from lib.i18n import t
from lib.profile.perceived import perception_territories, scope_label, year_text
from lib.profile.territory import Lookups

ALLIANCE_UNIT_KEYS = {
    "points": "profile_unit_points",
    "years": "profile_unit_years",
    "months": "profile_unit_months",
}


def alliance_value_text(value: float, unit: str, lang: str = "fr") -> str:
    """An alliance figure with its unit: '37 %', '89 000', '8,5 points', '7 ans', '6 /10'."""
    if is_missing(value):
        return t("not_available", lang)
    decimals = 0 if float(value).is_integer() else 1
    if unit == "%":
        return format_value(value, "%", decimals, lang)
    if unit == "rank":
        return ordinal(int(value), lang)
    number = format_number(value, decimals, lang)
    if unit == "score /10":
        return f"{number} /10"
    if unit in ALLIANCE_UNIT_KEYS:
        return f"{number} {t(ALLIANCE_UNIT_KEYS[unit], lang)}"
    return number  # count


def alliance_places(look: Lookups, territory_id: str) -> tuple[str, ...]:
    """The places whose alliance figures the territory's profile shows (itself, its region,
    France: those with figures). Territories with the same places show the same table."""
    present = set(look.dataset.alliances["territory_id"])
    return tuple(p for p in perception_territories(look, territory_id) if p in present)


def alliance_table(look: Lookups, territory_id: str, actors: Sequence[str]) -> pd.DataFrame:
    """Known alliance practices for the chosen actors (every row when none is chosen): national
    figures, and the territory's or its region's when published; each with study, year, source."""
    lang = look.lang
    places = perception_territories(look, territory_id)
    alliances = look.dataset.alliances
    mask = alliances["territory_id"].isin(places)
    if actors:
        mask &= alliances["actor_id"].isin(actors)
    order = {a: i for i, a in enumerate(look.actors)}
    place_order = {p: i for i, p in enumerate(places)}
    records = sorted(
        alliances[mask].to_dict("records"),
        key=lambda r: (order.get(r["actor_id"], len(order)), place_order[r["territory_id"]]),
    )
    scopes = {p: scope_label(look, p) for p in places}
    return pd.DataFrame(
        {
            t("profile_actor", lang): (
                t("profile_no_actor", lang)
                if is_missing(r["actor_id"])
                else look.actors[r["actor_id"]]
            ),
            t("profile_category", lang): r["category"],
            t("value", lang): alliance_value_text(r["value"], r["unit"], lang),
            t("profile_study", lang): r["study"],
            t("year", lang): year_text(r["year"], in_language(r, "year_note", lang), lang),
            t("source", lang): look.publishers[r["source_id"]],
            t("profile_scope", lang): scopes[r["territory_id"]],
        }
        for r in records
    )
