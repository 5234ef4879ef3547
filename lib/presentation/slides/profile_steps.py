"""The profile steps: a territory's most fragile domains and what worsens or improves there."""

from __future__ import annotations

from lib import profile, trends
from lib.data import Dataset
from lib.filters import Filters
from lib.formatting import format_number, join_items
from lib.i18n import t
from lib.presentation.slides.content import DomainChart, Slide, TrendChart
from lib.presentation.slides.sources import source_line, sourced
from lib.profile import local as local_profile
from lib.profile import local_trends


def top_domains_slide(dataset: Dataset, filters: Filters, caption: str) -> Slide:
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


def trends_slide(dataset: Dataset, filters: Filters, caption: str) -> Slide:
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
    sides = [
        t(
            "pres_trends_side",
            lang,
            side=t(f"trend_summary_{side}", lang),
            labels=join_items((by_id[i].label for i, _ in items), lang, long_items=True),
        )
        if items
        else t(f"trend_summary_none_{side}", lang)
        for side, items in (("worse", model.worse), ("better", model.better))
    ]
    first = summaries.get(
        drawn.indicator_id, t("label_value", lang, label=drawn.label, value=drawn.sentence)
    )
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
