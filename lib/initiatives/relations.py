"""The initiatives that concern a territory: its own, its parents', its children's and, for an
intercommunality or a commune, those of its intercommunality (national and unlocated ones are
not counted)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from lib import profile, vocabulary
from lib.data import Dataset
from lib.i18n import t
from lib.initiatives.filtering import with_ids
from lib.initiatives.places import Places, places
from lib.initiatives.texts import describe


def relations(dataset: Dataset, territory_id: str, known: Places | None = None) -> dict[str, str]:
    """initiative_id -> "territory", "parent" or "child" for the initiatives located in the
    territory, in its parent department or region, or in its children (national and unlocated
    ones are not counted). `known`: `initiative_places(dataset)` when already computed (the
    territory must be in it: regions and departments always are)."""
    frame = dataset.initiatives
    if known is None or territory_id not in known.name:
        known = places(dataset, [territory_id, *frame["territory_id"]])
    above = [i for i in known.chain(territory_id)[1:] if profile.has_profile(i)]
    found = {}
    for initiative_id, own in zip(frame["initiative_id"], frame["territory_id"], strict=True):
        if own == territory_id:
            found[initiative_id] = "territory"
        elif own in above:
            found[initiative_id] = "parent"
        elif territory_id in known.chain(own):
            found[initiative_id] = "child"
    return found


def local_relations(
    dataset: Dataset, territory_id: str, members: Mapping[str, str]
) -> dict[str, str]:
    """`relations` of an EPCI or a commune, with the initiatives of its intercommunality
    (`members`: commune_id -> epci_id): in a member commune of the EPCI ("child"), in another
    commune of the commune's EPCI ("nearby"). Initiatives carry a territory, no coordinates:
    "nearby" is the same intercommunality, not a distance."""
    found = relations(dataset, territory_id)
    epci = territory_id if vocabulary.is_level(territory_id, "epci") else members.get(territory_id)
    frame = dataset.initiatives
    for initiative_id, own in zip(frame["initiative_id"], frame["territory_id"], strict=True):
        if initiative_id not in found and epci and members.get(own) == epci:
            found[initiative_id] = "child" if epci == territory_id else "nearby"
    return found


def related_table(dataset: Dataset, related: Mapping[str, str], lang: str = "fr") -> pd.DataFrame:
    """The initiatives of `related` (initiative_id -> relation): name, place, how it relates
    to the territory, type of alliance, domains; the territory's own first."""
    order = {"territory": 0, "child": 1, "nearby": 2, "parent": 3}
    chosen = sorted(related, key=lambda i: order[related[i]])
    described = describe(dataset, with_ids(dataset, chosen), lang)
    return pd.DataFrame(
        {
            t("ini_col_name", lang): described["name"],
            t("ini_col_place", lang): described["place"],
            t("ini_col_relation", lang): [
                t(f"ini_relation_{related[i]}", lang) for i in described["initiative_id"]
            ],
            t("ini_col_practice", lang): described["practice"],
            t("domains", lang): described["domains"],
        }
    )
