"""A story as a PPTX deck (`deck`): a title slide, then one slide per shown step with its
title and source line as editable text, its chart as an image (lib.static_charts) and its
figures as bullets; the method notes as the presenter's notes."""

from __future__ import annotations

from collections.abc import Sequence

from lib import static_charts
from lib.formatting import join_items
from lib.i18n import t
from lib.presentation.deck import DeckSlide, build_deck
from lib.presentation.slides import Slide


def chart_png(slide: Slide, lang: str = "fr") -> bytes | None:
    """The slide's chart as a PNG image, or None (a table or no chart)."""
    chart = slide.chart
    if chart is None:
        return None
    if slide.kind in ("national", "map"):
        return static_charts.choropleth_png(chart.view, lang=lang, highlight=chart.highlight)
    if slide.kind == "top_domains":
        return static_charts.domain_bars_png(chart.frame, chart.method, chart.level, lang=lang)
    if slide.kind == "trends":
        return static_charts.trend_png(chart.trend, lang=lang, title=chart.title(lang))
    if slide.kind == "alliances":
        return static_charts.alliance_bars_png(chart.group, lang=lang)
    return None  # the workshop's bars: its figures are the slide's bullets


def bullets(slide: Slide, lang: str = "fr") -> tuple[str, ...]:
    """The presenter's caption, the slide's lines, then one line per table row."""
    rows = []
    if slide.table is not None:
        for record in slide.table.astype(str).to_dict("records"):
            (_, first), *others = record.items()
            figures = (t("label_value", lang, label=name, value=value) for name, value in others)
            rows.append(f"{first} — " + join_items(figures, lang, long_items=True))
    return tuple([*([slide.caption] if slide.caption else []), *slide.lines, *rows])


def deck_slide(slide: Slide, lang: str = "fr") -> DeckSlide:
    return DeckSlide(
        title=slide.title,
        image_png=chart_png(slide, lang),
        source_line=slide.source_line,
        notes="\n".join((*slide.notes, *([slide.source_detail] if slide.source_detail else []))),
        bullets=bullets(slide, lang),
    )


def story_deck(title: str, slides: Sequence[Slide], date: str, lang: str = "fr") -> bytes:
    """The .pptx bytes of a story's shown slides (`date`: shown under the title)."""
    return build_deck(
        [deck_slide(slide, lang) for slide in slides],
        title=title,
        subtitle=t("pres_deck_subtitle", lang, date=date),
    )
