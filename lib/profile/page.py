"""Everything the territory profile shows, computed once per territory and filters.

`build` gathers the « En bref » block (lib.profile.brief), the key figures (with each
indicator's last change), the trends over time and their summary, the domain indices with their
two charts, the perceived priorities by actor, the perceived figures published outside the
Observatoire, the known alliance practices, the white spots and the download tables, so that
`lib.cached` can keep the whole page and a rerun only draws it. The perceived vs objective
reading depends on two pickers of the page: `reading` computes it for one actor and group; the
trend charts are drawn on demand: `trend_charts` makes them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

from lib import explore, initiatives, perceived_more, perception, profile, trends
from lib.arrow_tables import arrow_table
from lib.charts.trends import trend_figure
from lib.filters import AUTO
from lib.formatting import join_items
from lib.i18n import t
from lib.profile import brief as profile_brief
from lib.profile import charts
from lib.safe_text import literal_markdown, literal_table

# How `build` computes a part that is the same for many profiles (every territory of a level, or
# every territory shown national figures): `compute_now`, or a cached version (lib.cached) that
# keeps it by key.
Share = Callable[[tuple, Callable[[], object]], object]


def compute_now(key: tuple, compute: Callable[[], object]) -> object:  # noqa: ARG001
    """Compute the part (no sharing)."""
    return compute()


GROUP_FIELDS = ("territory_id", "study", "question", "measure")  # a group's identity


@dataclass(frozen=True)
class ActorBlocks:
    """One actor's groups of perceived figures, each ready to show."""

    actor_id: str
    name: str
    blocks: list[tuple[profile.PerceptionBlock, pa.Table]]  # block and its table


@dataclass(frozen=True)
class OtherArea:
    """The other comparison a metropolitan territory's profile offers, one click away."""

    area: str  # the area filter the button sets: "all", or back to the default
    label_key: str  # the hint's and the button's label keys end with it: "all" or "metro"
    n_domains: int  # domain indices the territory would have there
    members: str  # the territories compared there: "18 régions de France"


@dataclass(frozen=True)
class ProfilePage:
    """The profile of one territory for some filters (see `build`)."""

    look: profile.Lookups
    territory_id: str
    title: str
    brief: profile_brief.Brief  # the « En bref » block at the top
    figures: profile.KeyFigures
    figures_table: pa.Table  # figures.table with the « Évolution » column (text made literal)
    trends: trends.TerritoryTrends  # the key figures' indicators over time
    domains: profile.DomainProfile
    bars: go.Figure
    radar: go.Figure | None  # None with fewer domain indices than a top 3
    groups: dict[str, list[perception.Group]]  # actor_id -> groups (perceived figures)
    perceptions: list[ActorBlocks]
    published: list[perceived_more.SurveyBlock]  # perceived figures outside the Observatoire
    alliances: pa.Table  # empty when no practice is known (st.table: text made literal)
    white_spots: pa.Table
    other_area: OtherArea | None  # the other comparison offered (none for overseas)
    download: Callable[[], pd.DataFrame]  # builds the CSV download (on click)
    download_series: Callable[[], pd.DataFrame]  # every period, long format (on click)


def build(
    look: profile.Lookups,
    territory_id: str,
    area: str,
    method: str,
    actors: Sequence[str],
    index_tables: explore.IndexTables = explore.index_table,
    share: Share = compute_now,
) -> ProfilePage:
    """The profile of `territory_id` (in the language of `look`, built by `profile.lookups`),
    compared within `area` with `method`, for the chosen `actors` (every actor with figures
    when none). The index table of the territories compared is the same for every territory of
    a level: `index_tables` may be a cached version, and `share` keeps such parts."""
    dataset, lang = look.dataset, look.lang
    figures = profile.key_figures(look, territory_id)
    over_time = share(
        ("trends", lang, territory_id), lambda: _trends(look, territory_id, figures, share)
    )
    scope = profile.comparison_scope(look, territory_id, area)
    level = _level_domains(look, scope, method, index_tables, share)
    domains = profile.domain_profile(look, territory_id, area, method, level=level)
    level = domains.scope.level
    shown_actors = profile.actors_shown(look, territory_id, actors)
    groups = profile.groups_by_actor(look, territory_id, shown_actors)
    perceptions = [
        ActorBlocks(actor_id, look.actors[actor_id], _blocks(look, actor_groups, share))
        for actor_id, actor_groups in groups.items()
    ]
    known = share(("initiative_places",), lambda: initiatives.initiative_places(dataset))
    spots = initiatives.spots_of(  # among the territories the domain indices compare
        dataset, domains.indices(), initiatives.relations(dataset, territory_id, known)
    )
    return ProfilePage(
        look=look,
        territory_id=territory_id,
        title=profile.profile_title(look, territory_id),
        brief=profile_brief.brief(look, domains, over_time, _first_blocks(perceptions, groups)),
        figures=figures,
        figures_table=arrow_table(literal_table(trends.with_changes(figures, over_time, lang))),
        trends=over_time,
        domains=domains,
        bars=charts.domain_bars(domains.frame, domains.method, level, lang),
        radar=(
            charts.domain_radar(domains.frame, domains.method, level, lang)
            if domains.n_with_index >= perception.TOP
            else None
        ),
        groups=groups,
        perceptions=perceptions,
        published=perceived_more.blocks_for(
            share(("perceived_more", lang), lambda: perceived_more.blocks_by_place(look)),
            profile.perception_territories(look, territory_id),
            actors,
        ),
        alliances=share(
            ("alliances", lang, tuple(actors), profile.alliance_places(look, territory_id)),
            lambda: arrow_table(literal_table(profile.alliance_table(look, territory_id, actors))),
        ),
        white_spots=arrow_table(literal_table(initiatives.white_spots_table(dataset, spots, lang))),
        other_area=_other_area(
            look, territory_id, scope, method, domains.n_with_index, index_tables, share
        ),
        download=partial(profile.download_table, look, figures, domains),
        download_series=partial(trends.long_table, look, over_time),
    )


def _trends(
    look: profile.Lookups, territory_id: str, figures: profile.KeyFigures, share: Share
) -> trends.TerritoryTrends:
    """The key figures' indicators over time (the series index is built once per dataset)."""
    index = share(
        ("series_index",), lambda: trends.series_index(look.dataset.indicators, look.places)
    )
    return trends.territory_trends(look, index, territory_id, figures.indicator_ids)


def trend_charts(page: ProfilePage) -> list[tuple[trends.Trend, go.Figure]]:
    """One chart per indicator with two periods or more (made when the page shows them)."""
    meta, lang = page.look.meta, page.look.lang
    return [
        (tr, trend_figure(tr, int(meta[tr.indicator_id]["decimals"]), lang))
        for tr in page.trends.charted
    ]


def _first_blocks(
    perceptions: list[ActorBlocks], groups: dict[str, list[perception.Group]]
) -> list[tuple[str, profile.PerceptionBlock]]:
    """Each actor with figures and the block of its first group (`perception.default_group`:
    the one the perceived vs objective reading opens with)."""
    return [
        (actor.name, actor.blocks[perception.default_group(groups[actor.actor_id])][0])
        for actor in perceptions
        if actor.blocks
    ]


def _level_domains(
    look: profile.Lookups,
    scope: profile.Scope,
    method: str,
    index_tables: explore.IndexTables,
    share: Share,
) -> profile.LevelDomains:
    """What every territory of the scope shares (its territories follow from its level and
    area, for one dataset version)."""
    return share(
        ("level_domains", look.lang, *scope.key, method),
        lambda: profile.level_domains(
            look, scope, method, index_tables(look.dataset, scope.territory_ids, method)
        ),
    )


def _other_area(
    look: profile.Lookups,
    territory_id: str,
    scope: profile.Scope,
    method: str,
    n_with_index: int,
    index_tables: explore.IndexTables,
    share: Share,
) -> OtherArea | None:
    """For a metropolitan territory compared among metropolitan France: all of France, with
    the domain indices it would have there. Compared among all of France: metropolitan France
    (the default), when it has more domain indices there. None for an overseas territory."""
    if scope.overseas:
        return None
    metro = scope.area == "metro"
    other = profile.comparison_scope(look, territory_id, "all" if metro else "metro")
    level = _level_domains(look, other, method, index_tables, share)
    n_other = profile.indexed_domains(level, territory_id)
    if not metro and n_other <= n_with_index:
        return None
    return OtherArea(
        area="all" if metro else AUTO,
        label_key="all" if metro else "metro",
        n_domains=n_other,
        members=other.members.label(look.lang),
    )


def _blocks(
    look: profile.Lookups, groups: list[perception.Group], share: Share
) -> list[tuple[profile.PerceptionBlock, pa.Table]]:
    """Each group's block and table (national groups are the same for every territory)."""

    def block_and_table(group: perception.Group) -> tuple[profile.PerceptionBlock, pa.Table]:
        block = profile.perception_block(look, group)
        return block, arrow_table(profile.block_table(block, look.lang))

    return [
        share(
            ("block", look.lang, group.actor_id, *(getattr(group, k) for k in GROUP_FIELDS)),
            lambda group=group: block_and_table(group),
        )
        for group in groups
    ]


def reading_actors(page: ProfilePage) -> list[str]:
    """Actors with at least one group of figures (offered in the reading's picker)."""
    return [actor_id for actor_id, groups in page.groups.items() if groups]


@dataclass(frozen=True)
class ShownReading:
    """The perceived vs objective reading of one group, ready to show."""

    table: pa.Table  # st.table: text made literal
    notes: str
    caption: str  # the group's study, measure, year, base and source


def reading(page: ProfilePage, actor_id: str, group_index: int) -> ShownReading:
    """Perceived vs objective priorities for one actor's group (index in `page.groups`)."""
    group = page.groups[actor_id][group_index]
    result = profile.reading(page.look, page.domains, group)
    return ShownReading(
        table=arrow_table(literal_table(result.table)),
        notes=" ".join(result.notes),
        caption=profile.perception_block(page.look, group).caption,
    )


def group_labels(page: ProfilePage, actor_id: str) -> list[str]:
    """The labels of an actor's groups, in `page.groups` order (the reading's picker)."""
    return [profile.group_label(page.look, group) for group in page.groups[actor_id]]


def sources_line(look: profile.Lookups, source_ids: Sequence[str]) -> str:
    """'Source : INSEE ; Eurostat' for a section, "non disponible" when it has none."""
    sources = join_items((look.sources[s] for s in source_ids), look.lang, long_items=True) or t(
        "not_available", look.lang
    )
    return t("profile_sources", look.lang, sources=sources)


def summary_list(items: Sequence[tuple[str, str]]) -> str:
    """What worsens (or improves), `(indicator_id, line)` pairs, as a markdown list whose lines
    read as written."""
    return "\n".join(f"- {literal_markdown(text)}" for _, text in items)


def trend_caption(trend: trends.Trend, lang: str) -> str:
    """The words under a trend chart: its last change, its change since its first period, its
    sources."""
    words = [
        trend.sentence + ".",
        trend.since_first,
        t("trend_sources", lang, sources=trend.sources),
    ]
    return " ".join(word for word in words if word)


def other_area_hint(page: ProfilePage) -> str:
    """What the other comparison offered would give (`page.other_area` is not None)."""
    other, domains = page.other_area, page.domains
    return t(
        f"profile_{other.label_key}_hint",
        page.look.lang,
        n=domains.n_with_index,
        m=other.n_domains,
        total=len(domains.frame),
        members=other.members,
    )


def block_heading(block: profile.PerceptionBlock) -> str:
    """'**question** — scope' over a group's perceived figures, the data shown as written."""
    return f"**{literal_markdown(block.group.question)}** — {literal_markdown(block.scope)}"
