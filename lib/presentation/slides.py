"""What each step of a story shows (views/presentation.py, the PPTX deck), without Streamlit.

`slide()` computes one step's title, lines, chart data and source line with the functions of the
pages it summarises (`lib.explore`, `lib.profile`, `lib.alliance_figures`): a slide never says
anything the pages do not. Missing figures read "non disponible".

Over 500 lines for one job: a builder per kind of step (`BUILDERS`, ~40 lines each) beside the
chart shapes they fill and the source line they share.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from lib import alliance_figures, explore, perception, profile, trends, vocabulary
from lib.data import Dataset
from lib.datasets import EMBEDDED_ORIGIN, VERIFICATION_LABELS
from lib.explore import OVERALL, MapView
from lib.filters import Filters
from lib.formatting import format_number, is_missing
from lib.i18n import t
from lib.indices import period_rows
from lib.presentation.story import workshop_rows
from lib.profile import local as local_profile
from lib.profile import local_trends
from lib.ranking import rank_text
from lib.settings import MIN_PARTICIPANTS
from lib.vocabulary import NATIONAL
from lib.workshop.privacy import from_workshop


@dataclass(frozen=True)
class MapChart:
    """A choropleth: `view` drawn with `filters` (national picture, map)."""

    view: MapView
    filters: Filters
    highlight: str | None  # the story's territory when the map shows it


@dataclass(frozen=True)
class DomainChart:
    """The profile's domain bars for some domains (`frame`: rows of DomainProfile.frame)."""

    frame: pd.DataFrame
    method: str
    level: str


@dataclass(frozen=True)
class AllianceChart:
    group: alliance_figures.ChartGroup


@dataclass(frozen=True)
class TrendChart:
    """One indicator of the territory over time (`lib.trends`), shown with its decimals."""

    trend: trends.Trend
    decimals: int

    def title(self, lang: str = "fr") -> str:
        """The indicator and its unit, above the chart."""
        return t("pres_trends_chart", lang, label=self.trend.label, unit=self.trend.unit)


@dataclass(frozen=True)
class PerceptionChart:
    """One bar series per actor: its figures for one question (the workshop's results)."""

    blocks: tuple[profile.PerceptionBlock, ...]
    actor_names: tuple[str, ...]
    actor_orders: tuple[int, ...]


@dataclass(frozen=True)
class Slide:
    """One step's content, ready to show or export."""

    kind: str
    title: str
    caption: str  # the presenter's words
    lines: tuple[str, ...]  # the figures, in sentences
    source_line: str  # "Source : publisher, title (year)"
    notes: tuple[str, ...] = ()  # method, coverage
    chart: MapChart | DomainChart | TrendChart | AllianceChart | PerceptionChart | None = None
    table: pd.DataFrame | None = None
    # every source in full, when `source_line` only names their publishers (too many to fit)
    source_detail: str = ""


SCREEN_LINES = 3  # lines a projected slide shows; the others go to the notes


@dataclass(frozen=True)
class OnScreen:
    """What a projector shows of a slide besides its title and chart: at most SCREEN_LINES
    lines, a table short enough to fit (or none), and the notes, which take what was left
    out."""

    lines: tuple[str, ...]
    table: pd.DataFrame | None
    notes: tuple[str, ...]


def on_screen(shown: Slide, lang: str = "fr") -> OnScreen:
    """A slide fits one screen: its first SCREEN_LINES lines; when a chart shows its figures
    (the room's results) the table goes to the notes, otherwise the table loses its "figures"
    column (which study, where). Whatever is left out opens the notes, in order. The PPTX
    keeps everything (`lib/presentation/story_deck.py`)."""
    lines, more = shown.lines[:SCREEN_LINES], shown.lines[SCREEN_LINES:]
    table, said = shown.table, ()
    if table is not None:
        records = table.astype(str).to_dict("records")
        figures = t("pres_col_figures", lang)
        if shown.chart is not None:
            table, said = None, tuple(" · ".join(record.values()) for record in records)
        elif figures in table.columns:
            first = table.columns[0]
            said = tuple(f"{record[first]} : {record[figures]}" for record in records)
            table = table.drop(columns=figures)
    detail = (shown.source_detail,) if shown.source_detail else ()
    return OnScreen(lines, table, (*more, *said, *shown.notes, *detail))


def slide(dataset: Dataset, kind: str, filters: Filters, caption: str = "") -> Slide:
    """What a step of `kind` shows with `filters` (language: `filters.lang`)."""
    return BUILDERS[kind](dataset, filters, caption)


SCREEN_SOURCES = 3  # sources cited in full on a slide; with more, their publishers


def sourced(dataset: Dataset, source_ids: Sequence[object], lang: str = "fr") -> dict[str, str]:
    """A slide's `source_line` and, with more than SCREEN_SOURCES sources, a line naming their
    publishers instead, saying how many are not (fully) verified; every source is then in
    `source_detail` (the notes and the PPTX notes), each with its status."""
    ids = list(dict.fromkeys(s for s in source_ids if isinstance(s, str)))
    full = source_line(dataset, ids, lang)
    if len(ids) <= SCREEN_SOURCES:
        return {"source_line": full}
    sources = dataset.sources.set_index("source_id").reindex(ids)
    origins = sources["origin"] if "origin" in sources else pd.Series(EMBEDDED_ORIGIN, ids)
    own = [i for i in ids if isinstance(origins[i], str) and origins[i] != EMBEDDED_ORIGIN]
    embedded = sources.loc[[i for i in ids if i not in own], "publisher"].dropna().astype(str)
    # a layer's own source (a workshop, a user's file) in full first, then the publishers
    publishers = ", ".join(
        [*(explore.source_label(dataset, i, lang) for i in own), *sorted(set(embedded))]
    )
    checks = sources["verification"] if "verification" in sources else pd.Series(dtype=object)
    unchecked = int(checks.isin(list(VERIFICATION_LABELS)).sum())
    key = "pres_sources_short_unchecked" if unchecked else "pres_sources_short"
    short = t(key, lang, publishers=publishers, n=len(ids), unchecked=unchecked)
    return {"source_line": short, "source_detail": full}


def source_line(dataset: Dataset, source_ids: Sequence[object], lang: str = "fr") -> str:
    """'Source : INSEE, Taux de chômage localisés (2024)'; several joined by ' ; '."""
    ids = list(dict.fromkeys(s for s in source_ids if isinstance(s, str)))
    if not ids:
        return t("pres_source", lang, sources=t("not_available", lang))
    labels = " ; ".join(explore.source_label(dataset, s, lang) for s in ids)
    return t("pres_sources" if len(ids) > 1 else "pres_source", lang, sources=labels)


def _reference_lines(dataset: Dataset, view: MapView, lang: str) -> list[str]:
    """The indicator's France reference value ('France entière : 7,3 %'), when it has one."""
    if explore.is_index(view.selection):
        return []
    meta = dataset.indicator_meta.set_index("indicator_id").loc[view.selection]
    reference = meta["reference_territory_id"]
    if is_missing(reference):
        return []
    rows = period_rows(dataset.indicators, {view.selection: view.period_id})
    rows = rows[rows["territory_id"].eq(reference)]
    value = rows["value"].iloc[0] if len(rows) else None
    own = dataset.own_decimals.get((reference, view.selection, str(view.period_id)))
    return [
        t(
            "pres_france_value",
            lang,
            name=vocabulary.territory_name(dataset, reference, lang),
            value=vocabulary.value_text(meta, value, lang, own),
        )
    ]


def _focus_lines(view: MapView, territory_id: str | None, lang: str) -> list[str]:
    """The territory's value and rank on the map among the territories compared, when the map
    shows it ('Hauts-de-France : 58,2 — 3e sur 13 régions métropolitaines')."""
    frame = view.frame.set_index("territory_id")
    if territory_id is None or territory_id not in frame.index:
        return []
    row = frame.loc[territory_id]
    if pd.isna(row["rank"]):
        outside = "compared" in frame and not row["compared"]
        value = f"{row['value_text']} ({row['detail']})" if outside else row["value_text"]
        return [t("pres_territory_value", lang, name=row["name"], value=value)]
    return [
        t(
            "pres_territory_rank",
            lang,
            name=row["name"],
            value=row["value_text"],
            rank=rank_text(row["rank"], view.comparison, lang),
        )
    ]


def _most_fragile_lines(view: MapView, lang: str) -> list[str]:
    """The territories ranked in the top 3 (ties included), most fragile first."""
    ranked = view.frame[view.frame["rank"].notna()]
    top = ranked[ranked["rank"] <= perception.TOP].sort_values(["rank", "name"])
    if top.empty:
        return []
    items = ", ".join(f"{r.name} ({r.value_text})" for r in top.itertuples())
    return [t("pres_most_fragile", lang, items=items)]


def _national(dataset: Dataset, filters: Filters, caption: str) -> Slide:
    lang = filters.lang
    home = explore.home_filters(dataset, filters)
    view = explore.filters_map_view(dataset, home)
    parents = dataset.territory_index["parent_id"]
    region = vocabulary.ancestor(filters.territory, "region", parents)
    lines = [
        *_reference_lines(dataset, view, lang),
        *_focus_lines(view, region, lang),
        *_most_fragile_lines(view, lang),
    ]
    return Slide(
        kind="national",
        title=t("pres_title_national", lang, label=view.label_with_period),
        caption=caption,
        lines=tuple(lines),
        **sourced(dataset, view.source_ids, lang),
        notes=tuple(explore.caption_lines(dataset, view, lang)[1:]),
        chart=MapChart(view, home, region),
    )


def _map(dataset: Dataset, filters: Filters, caption: str) -> Slide:
    """The map page's view of the filters (the default selection when theirs is not mapped
    there, as the app's filters do)."""
    lang, territory = filters.lang, filters.territory
    area = explore.territory_area(dataset, filters.area, territory)
    scope = explore.scope_territories(dataset, filters.level, territory, area)
    options = explore.selection_options(dataset, list(scope["territory_id"]))
    within = vocabulary.is_level(territory, "region") and filters.level == "department"
    if not options:
        label = t("not_available", lang)
        return Slide(
            kind="map",
            title=_map_title(dataset, territory, within, filters.level, label, lang),
            caption=caption,
            lines=(t("pres_no_map_selection", lang),),
            source_line=source_line(dataset, [], lang),
        )
    notes = []
    selection = filters.indicator
    if selection not in options:
        if selection is not None:
            label = explore.selection_label(dataset, selection, lang)
            notes.append(t("selection_unavailable", lang, label=label))
        selection = OVERALL if OVERALL in options else options[0]
    shown = filters.with_(indicator=selection)
    view = explore.filters_map_view(dataset, shown)
    missing = t("pres_territory_value", lang, name=view.label, value=t("not_available", lang))
    lines = [
        *([] if view.covered else [missing]),
        *_most_fragile_lines(view, lang),
        *_focus_lines(view, territory, lang),
        t("coverage", lang, covered=view.covered, shown=view.shown),
    ]
    return Slide(
        kind="map",
        title=_map_title(dataset, territory, within, filters.level, view.label_with_period, lang),
        caption=caption,
        lines=tuple(lines),
        **sourced(dataset, view.source_ids, lang),
        notes=(*notes, *explore.caption_lines(dataset, view, lang)[1:]),
        chart=MapChart(view, shown, territory if territory in set(scope["territory_id"]) else None),
    )


def _map_title(
    dataset: Dataset, territory: str | None, within: bool, level: str, label: str, lang: str
) -> str:
    if within:
        name = vocabulary.territory_name(dataset, territory, lang)
        return t("pres_title_map_within", lang, name=name, label=label)
    return t(f"pres_title_map_{level}", lang, label=label)


def _top_domains(dataset: Dataset, filters: Filters, caption: str) -> Slide:
    lang, territory = filters.lang, filters.territory
    look = profile.lookups(dataset, lang)
    domains = profile.domain_profile(look, territory, filters.area, filters.method)
    top = profile.top_domain_frame(domains)
    lines = [
        t(
            "pres_top_domain",
            lang,
            label=row.label,
            value=format_number(row.index, 1, lang),
            rank=row.rank_text,
            reference=t(
                f"profile_reference_value_{domains.method}",
                lang,
                value=format_number(row.reference, 1, lang),
            ),
        )
        for row in top.itertuples()
    ]
    if top.empty:
        lines.append(t("pres_no_domain_index", lang))
    else:
        lines.insert(0, profile.overall_text(domains, lang))
        lines.append(t("pres_top_ties", lang, n=domains.n_with_index, total=len(domains.frame)))
    return Slide(
        kind="top_domains",
        title=t("pres_title_top_domains", lang, name=look.name(territory)),
        caption=caption,
        lines=tuple(lines),
        **sourced(dataset, domains.source_ids, lang),
        notes=tuple(domains.notes),
        chart=None if top.empty else DomainChart(top, domains.method, domains.scope.level),
    )


def _trends(dataset: Dataset, filters: Filters, caption: str) -> Slide:
    """What worsens and what improves (the profile's summary, `lib.trends`): the largest change
    drawn, then the indicators of each side by name; their figures go to the notes."""
    lang, territory = filters.lang, filters.territory
    look = profile.lookups(dataset, lang)
    local = local_profile.has_local_profile(territory)
    model = (local_trends if local else trends).for_territory(look, territory)
    title = t("pres_title_trends", lang, name=look.name(territory))
    drawn = trends.leading(model)
    if drawn is None:
        return Slide("trends", title, caption, (t("trend_none", lang),), source_line(dataset, []))
    summaries = dict((*model.worse, *model.better))
    by_id = {tr.indicator_id: tr for tr in model.trends}
    separator = " ; " if lang == "fr" else "; "  # labels hold commas
    sides = [
        t(
            "pres_trends_side",
            lang,
            side=t(f"trend_summary_{side}", lang),
            labels=separator.join(by_id[i].label for i, _ in items),
        )
        if items
        else t(f"trend_summary_none_{side}", lang)
        for side, items in (("worse", model.worse), ("better", model.better))
    ]
    first = summaries.get(drawn.indicator_id, f"{drawn.label} : {drawn.sentence}")
    mentioned = [drawn, *(by_id[i] for i, _ in (*model.worse, *model.better))]
    return Slide(
        kind="trends",
        title=title,
        caption=caption,
        lines=(first, *sides),
        **sourced(
            dataset,
            [p.source_id for tr in mentioned for line in tr.lines for p in line.known],
            lang,
        ),
        notes=(
            *(text for _, text in (*model.worse, *model.better) if text != first),
            *([drawn.since_first] if drawn.since_first else []),
            t("pres_trends_note", lang, label=drawn.label),
            t("trend_summary_note", lang, n=trends.SUMMARY_SIZE),
        ),
        chart=TrendChart(drawn, int(look.meta[drawn.indicator_id]["decimals"])),
    )


def _labels(look: profile.Lookups, domain_ids: Sequence[str]) -> str:
    return ", ".join(look.domains[d] for d in domain_ids) or t("pres_none", look.lang)


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


def _perceptions(dataset: Dataset, filters: Filters, caption: str) -> Slide:
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


def _alliances(dataset: Dataset, filters: Filters, caption: str) -> Slide:
    """One chart of the Alliances page: the territory's (or its region's) own figures first,
    practice types first, else the national ones."""
    lang, territory = filters.lang, filters.territory
    look = profile.lookups(dataset, lang)
    places = [NATIONAL] if territory is None else profile.perception_territories(look, territory)
    alliances = dataset.alliances
    rows = alliance_figures.filter_alliances(
        alliances[alliances["territory_id"].isin(places)], filters.actors
    )
    groups = [
        g for found in alliance_figures.chart_groups(dataset, rows, lang).values() for g in found
    ]
    name = t("pres_france", lang) if territory is None else look.name(territory)
    title = t("pres_title_alliances", lang, name=name)
    if not groups:
        return Slide(
            "alliances",
            title,
            caption,
            (t("pres_no_alliance", lang),),
            source_line(dataset, [], lang),
        )
    group = min(groups, key=lambda g: (g.territory_id == NATIONAL, g.dimension != "practice"))
    about = " · ".join(
        [
            alliance_figures.dimension_label(group.dimension, lang),
            alliance_figures.scope_text(group, lang),
            t("alliances_study_year", lang, study=group.study, year=group.year_text),
            alliance_figures.base_text(group.base_n, lang),
        ]
    )
    note = alliance_figures.territory_note(dataset, rows, territory, lang)
    notes = alliance_figures.group_notes(group, lang)
    return Slide(
        kind="alliances",
        title=title,
        caption=caption,
        lines=(about, *([note] if note else [])),
        **sourced(dataset, group.source_ids, lang),
        notes=tuple(line.removeprefix("- ") for line in (notes or "").splitlines()),
        chart=AllianceChart(group),
    )


def _workshop(dataset: Dataset, filters: Filters, caption: str) -> Slide:
    """The room's published results by actor profile, against the territory's indices."""
    lang, territory = filters.lang, filters.territory
    look = profile.lookups(dataset, lang)
    rows = workshop_rows(dataset, territory)
    actors = [a for a in look.actors if a in set(rows["actor_id"])]
    groups = perception.groups_by_actor(rows, actors, [territory])
    domains = profile.domain_profile(look, territory, filters.area, filters.method)
    readings = actor_readings(look, groups, domains)
    found = not readings.table.empty
    origins = " ; ".join(sorted(set(rows["origin"].astype(str))))
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


BUILDERS = {
    "national": _national,
    "map": _map,
    "top_domains": _top_domains,
    "trends": _trends,
    "perceptions": _perceptions,
    "alliances": _alliances,
    "workshop": _workshop,
}
