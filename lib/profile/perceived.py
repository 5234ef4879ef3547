"""The priorities each actor perceives for a territory (its own figures, its region's, France's)
and their reading against its domain indices (perceived vs objective)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from lib import perception, vocabulary
from lib.data import in_language
from lib.formatting import format_number, format_value, is_missing, join_items, ordinal
from lib.i18n import t
from lib.profile.domains import DomainProfile
from lib.profile.territory import Lookups
from lib.rows import records
from lib.settings import MIN_PARTICIPANTS
from lib.vocabulary import NATIONAL
from lib.workshop.privacy import from_workshop


def perception_territories(look: Lookups, territory_id: str) -> list[str]:
    """Where the territory's perceived figures can come from: itself, its region (for a
    department, an EPCI or a commune), France."""
    parents = look.dataset.territory_index["parent_id"]
    region = vocabulary.ancestor(territory_id, "region", parents)
    return [territory_id, *([region] if region not in (None, territory_id) else []), NATIONAL]


def scope_label(look: Lookups, territory_id: str) -> str:
    """'chiffres nationaux' for France, else the territory's figures named."""
    if territory_id == NATIONAL:
        return t("profile_national_figures", look.lang)
    regional = vocabulary.is_level(territory_id, "region")
    key = "profile_regional_figures" if regional else "profile_local_figures"
    return t(key, look.lang, name=look.name(territory_id))


def year_text(year: object, year_note: object, lang: str = "fr") -> str:
    """'2015', '2011 · 2010-2011 (publication janvier 2011)', the note alone, or missing."""
    parts = [str(v) for v in (year, year_note) if not is_missing(v) and str(v)]
    return " · ".join(parts) if parts else t("not_available", lang)


def perception_value_text(value: float, measure: str, lang: str = "fr") -> str:
    """A perception figure as read: '61 %', '7,1 /10', '1er'."""
    if is_missing(value):
        return t("not_available", lang)
    if measure == "rank":
        return ordinal(int(value), lang)
    decimals = 0 if float(value).is_integer() else 1
    if measure == "share":
        return format_value(value, "%", decimals, lang)
    return f"{format_number(value, 1, lang)} /10"


@dataclass(frozen=True)
class PerceptionBlock:
    """One actor's figures for one (territory, study, question, measure), ready to show."""

    group: perception.Group
    scope: str  # "chiffres nationaux", "chiffres régionaux (Pays de la Loire)"
    frame: pd.DataFrame  # domain_id, label, value, value_text; top priority first
    caption: str  # study, measure, year, base n, source


def perception_block(look: Lookups, group: perception.Group) -> PerceptionBlock:
    """One group's figures with their study, year, sample size and source."""
    lang, measure = look.lang, group.measure
    # top priority first: the highest share or score, the smallest rank (stable for ties)
    rows = sorted(group.rows, key=lambda r: r["value"], reverse=measure != "rank")
    frame = pd.DataFrame(
        {
            "domain_id": [r["domain_id"] for r in rows],
            "label": [look.domains[r["domain_id"]] for r in rows],
            "value": [float(r["value"]) for r in rows],
            "value_text": [perception_value_text(r["value"], measure, lang) for r in rows],
        }
    )
    years = dict.fromkeys(
        year_text(r["year"], in_language(r, "year_note", lang), lang) for r in rows
    )
    bases = {r["base_n"] for r in rows if not is_missing(r["base_n"])}
    base = (
        t("profile_base_n", lang, n=format_number(bases.pop(), 0, lang))
        if len(bases) == 1
        else t("profile_base_unknown", lang)
    )
    sources = dict.fromkeys(look.sources[r["source_id"]] for r in rows)
    caption = t(
        "profile_perception_caption",
        lang,
        study=group.study,
        measure=t("profile_measure_" + measure, lang),
        year=join_items(years, lang, long_items=True),
        base=base,
        source=join_items(sources, lang, long_items=True),
    )
    if from_workshop(rows):  # a workshop's profiles: the small ones are left out
        caption += " · " + t("ws_min_group_published", lang, minimum=MIN_PARTICIPANTS)
    return PerceptionBlock(
        group=group,
        scope=scope_label(look, group.territory_id),
        frame=frame,
        caption=caption,
    )


SCALE = {"share": 100.0, "score": 10.0}  # top of the scale of each measure (rank: none)


def block_table(block: PerceptionBlock, lang: str = "fr") -> pd.DataFrame:
    """A group's figures as a small table, top priority first: the number for a share or a
    score (shown as an in-cell bar on SCALE), the rank in words for a rank."""
    values = block.frame["value_text" if block.group.measure == "rank" else "value"]
    return pd.DataFrame(
        {
            t("profile_domain", lang): block.frame["label"],
            measure_label(block.group.measure, lang): values,
        }
    )


def measure_label(measure: str, lang: str = "fr") -> str:
    """'Note sur 10', 'Part des répondants (%)', 'Rang (1 = priorité)'."""
    return t("profile_measure_" + measure, lang).capitalize()


def groups_by_actor(
    look: Lookups, territory_id: str, actors: Sequence[str]
) -> dict[str, list[perception.Group]]:
    """Each actor's groups of figures for the territory: its own, its region's, then national."""
    places = perception_territories(look, territory_id)
    return perception.group_rows(look.perceptions, actors, places)


def actors_shown(look: Lookups, territory_id: str, chosen: Sequence[str]) -> list[str]:
    """The chosen actors, or every actor with perceived figures for the territory."""
    if chosen:
        return list(chosen)
    places = set(perception_territories(look, territory_id))
    present = {row["actor_id"] for row in look.perceptions if row["territory_id"] in places}
    return [a for a in look.actors if a in present]


def group_label(look: Lookups, group: perception.Group) -> str:
    """How a group is offered in the picker: study, question, measure, scope, domains."""
    return t(
        "profile_group_option",
        look.lang,
        study=group.study,
        question=group.question,
        measure=t("profile_measure_" + group.measure, look.lang),
        scope=scope_label(look, group.territory_id),
        n=group.n_domains,
    )


@dataclass(frozen=True)
class Reading:
    """Perceived vs objective priorities of the territory for one actor's group."""

    table: pd.DataFrame  # display table, one row per domain of the vocabulary
    categories: pd.Series  # domain_id -> class id (lib.perception.CATEGORIES)
    notes: list[str]


def reading(look: Lookups, domains: DomainProfile, group: perception.Group) -> Reading:
    """Compare one group's perceived priorities with the territory's domain indices."""
    lang, measure, domain_ids = look.lang, group.measure, list(look.domains)
    result = perception.perceived_vs_objective(
        group.values(), measure, domains.indices(), domain_ids
    )
    rows = records(result)
    territory_ranks = domains.frame.set_index("domain_id")["rank_text"]
    table = pd.DataFrame(
        {
            t("profile_domain", lang): [look.domains[d] for d in domain_ids],
            t("profile_perceived", lang): [
                perception_value_text(r["perceived"], measure, lang) for r in rows
            ],
            t("profile_perceived_rank", lang): [
                _rank_text(r["perceived_rank"], lang) for r in rows
            ],
            t("profile_objective", lang): [format_number(r["objective"], 1, lang) for r in rows],
            t("profile_objective_rank", lang): [
                _domain_rank_text(r["objective_rank"], lang) for r in rows
            ],
            t("profile_territory_rank", lang): [territory_ranks[d] for d in domain_ids],
            t("profile_reading", lang): [t("profile_class_" + r["category"], lang) for r in rows],
        }
    )
    notes = [
        t("profile_reading_method", lang, top=perception.TOP),
        t("profile_ranks_note", lang, members=domains.scope.members.label(lang)),
    ]
    n_perceived = sum(not is_missing(r["perceived_rank"]) for r in rows)
    n_objective = sum(not is_missing(r["objective_rank"]) for r in rows)
    if min(n_perceived, n_objective) < perception.TOP:
        notes.append(t("profile_few_domains", lang, perceived=n_perceived, objective=n_objective))
    categories = pd.Series([r["category"] for r in rows], index=domain_ids, name="category")
    return Reading(table, categories, notes)


def _rank_text(value: object, lang: str) -> str:
    return t("not_available", lang) if is_missing(value) else ordinal(int(value), lang)


def _domain_rank_text(value: object, lang: str) -> str:
    """A domain's rank among the territory's domains: '2e domaine le plus fragile'."""
    if is_missing(value):
        return t("not_available", lang)
    return t("profile_domain_rank", lang, rank=ordinal(int(value), lang))
