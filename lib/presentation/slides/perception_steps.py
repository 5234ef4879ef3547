"""The perception steps: each actor's perceived priorities, published or from the room's
workshop, read against the territory's most fragile domains."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from lib import perception, profile
from lib.data import Dataset
from lib.filters import Filters
from lib.formatting import join_items
from lib.i18n import t
from lib.presentation.slides.content import PerceptionChart, Slide
from lib.presentation.slides.sources import sourced
from lib.presentation.story import workshop_rows
from lib.settings import MIN_PARTICIPANTS
from lib.vocabulary import NATIONAL
from lib.workshop.privacy import from_workshop


def _labels(look: profile.Lookups, domain_ids: Sequence[str]) -> str:
    return join_items((look.domains[d] for d in domain_ids), look.lang) or t("pres_none", look.lang)


@dataclass(frozen=True)
class ActorReadings:
    """Each actor's top perceived priorities (one question: the profile's default group) and,
    for a territory, how they meet its most fragile domains."""

    table: pd.DataFrame  # one row per actor with figures
    blocks: list[profile.PerceptionBlock]
    actor_ids: list[str]
    source_ids: list[str]


def actor_readings(
    look: profile.Lookups,
    groups: Mapping[str, list[perception.Group]],
    domains: profile.DomainProfile | None,
) -> ActorReadings:
    """`groups` as lib.profile.groups_by_actor gives them; `domains`: the territory's indices
    (None for France: no comparison)."""
    lang, missing = look.lang, t("not_available", look.lang)
    records, blocks, actor_ids, source_ids = [], [], [], []
    for actor_id, actor_groups in groups.items():
        chosen = perception.default_group(actor_groups)
        if chosen is None:
            continue
        group = actor_groups[chosen]
        block = profile.perception_block(look, group)
        perceived = perception.perceived_ranks(group.values(), group.measure)
        top = [
            d
            for d in block.frame["domain_id"]
            if perceived.get(d, perception.TOP + 1) <= perception.TOP
        ]
        record = {
            t("pres_col_actor", lang): look.actors.get(actor_id, actor_id),
            t("pres_col_figures", lang): f"{group.study} — {block.scope}",
            t("pres_col_perceived", lang): _labels(look, top) if top else missing,
        }
        if domains is not None:
            categories = profile.reading(look, domains, group).categories
            known = not categories.eq(perception.NOT_AVAILABLE).all()
            for column, category in (
                ("pres_col_shared", perception.SHARED),
                ("pres_col_blind", perception.BLIND_SPOT),
            ):
                chosen_ids = categories.index[categories.eq(category)]
                record[t(column, lang)] = _labels(look, chosen_ids) if known else missing
        records.append(record)
        blocks.append(block)
        actor_ids.append(actor_id)
        source_ids += [row["source_id"] for row in group.rows]
    return ActorReadings(pd.DataFrame(records), blocks, actor_ids, source_ids)


def _min_group(readings: ActorReadings, lang: str) -> tuple[str, ...]:
    """The note on a workshop's small profiles, when some figures shown are a workshop's."""
    if any(from_workshop(block.group.rows) for block in readings.blocks):
        return (t("ws_min_group_published", lang, minimum=MIN_PARTICIPANTS),)
    return ()


def perceptions_slide(dataset: Dataset, filters: Filters, caption: str) -> Slide:
    lang, territory = filters.lang, filters.territory
    look = profile.lookups(dataset, lang)
    perceptions = dataset.perceptions
    if territory is None:
        present = set(perceptions.loc[perceptions["territory_id"].eq(NATIONAL), "actor_id"])
        actors = list(filters.actors) or [a for a in look.actors if a in present]
        groups = perception.groups_by_actor(perceptions, actors, [NATIONAL])
        domains, title = None, t("pres_title_perceptions_france", lang)
        intro, notes = t("pres_perceptions_intro_france", lang), ()
    else:
        domains = profile.domain_profile(look, territory, filters.area, filters.method)
        actors = profile.actors_shown(look, territory, filters.actors)
        groups = profile.groups_by_actor(look, territory, actors)
        title = t("pres_title_perceptions", lang, name=look.name(territory))
        intro = t("pres_perceptions_intro", lang)
        notes = (t("profile_reading_method", lang, top=perception.TOP), *domains.notes)
    readings = actor_readings(look, groups, domains)
    found = not readings.table.empty
    sources = readings.source_ids + (domains.source_ids if domains is not None else [])
    return Slide(
        kind="perceptions",
        title=title,
        caption=caption,
        lines=(intro if found else t("pres_no_perception", lang), *_min_group(readings, lang)),
        **sourced(dataset, sources, lang),
        notes=notes,
        table=readings.table if found else None,
    )


def workshop_slide(dataset: Dataset, filters: Filters, caption: str) -> Slide:
    """The room's published results by actor profile, against the territory's indices."""
    lang, territory = filters.lang, filters.territory
    look = profile.lookups(dataset, lang)
    rows = workshop_rows(dataset, territory)
    actors = [a for a in look.actors if a in set(rows["actor_id"])]
    groups = perception.groups_by_actor(rows, actors, [territory])
    domains = profile.domain_profile(look, territory, filters.area, filters.method)
    readings = actor_readings(look, groups, domains)
    found = not readings.table.empty
    origins = join_items(sorted(set(rows["origin"].astype(str))), lang, long_items=True)
    orders = dict(zip(dataset.actors["actor_id"], dataset.actors["order"], strict=True))
    chart = PerceptionChart(
        tuple(readings.blocks),
        tuple(look.actors[a] for a in readings.actor_ids),
        tuple(int(orders[a]) for a in readings.actor_ids),
    )
    return Slide(
        kind="workshop",
        title=t("pres_title_workshop", lang, name=look.name(territory)),
        caption=caption,
        lines=(
            t("pres_workshop_intro", lang, origin=origins) if found else t("not_available", lang),
            *_min_group(readings, lang),
        ),
        **sourced(dataset, readings.source_ids + domains.source_ids, lang),
        notes=(t("profile_reading_method", lang, top=perception.TOP), *domains.notes),
        chart=chart if found else None,
        table=readings.table if found else None,
    )
