"""The territory fact sheet as a PDF (fpdf2, A4, three pages, four for some): the profile's figures
with their years and sources, in French (default) or English.

In order: title and date of generation, a locator map, the key figures with their last change
(« Évolution », `lib.trends`), the first of them known at two periods or more drawn over time
(its territory, reference row and region; gaps are breaks), the domain indices against the
benchmark (bars and table), the perceived vs objective reading of the default actor and
question (as the profile page shows it first), the known alliance practices, every source.
Missing values read "non disponible", as on screen.

Fonts: DejaVu Sans regular and bold, read from matplotlib's own files (TrueType, Unicode: French
typography — ’ « » € and narrow no-break spaces — prints as written; fpdf2's core fonts are
Latin-1 only).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import matplotlib
import pandas as pd
from fpdf import FPDF, FontFace

from lib import perception, profile, static_charts, trends
from lib.data import Dataset
from lib.filters import AUTO
from lib.formatting import format_number, join_items
from lib.i18n import t
from lib.indices import DEFAULT_METHOD
from lib.profile.charts import reference_name
from lib.safe_text import shortened

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu"
TIME_ZONE = ZoneInfo("Europe/Paris")
MAP_SOURCE = "geo-admin-express"  # the boundaries of the locator map
MARGIN = 12  # mm
WIDTH = 210 - 2 * MARGIN  # mm between the margins
DPI = 200  # images are drawn at their printed size
MAP_SIZE = (60, 40)  # mm
BARS_SIZE = (100, 84)  # mm
TREND_SIZE = (110, 42)  # mm
IMAGE_FONT = 6  # points, text inside the images
MAX_CELL = 200  # characters of a table cell (a longer text is shortened: a row fits a page)
TEXT, TABLE, NOTE = 8.5, 6.5, 6  # points
BLUE, GREY = (0, 90, 150), (90, 90, 90)
NEXT_LINE = {"new_x": "LMARGIN", "new_y": "NEXT"}  # after a text block: the next line
HEADINGS = FontFace(emphasis="BOLD", fill_color=(235, 235, 235))


class _Sheet(FPDF):
    """A4 portrait with a footer naming the sheet and the page."""

    footer_text = ""

    def footer(self) -> None:
        self.set_y(-9)
        self.set_font(FONT, size=NOTE)
        self.set_text_color(*GREY)
        self.cell(0, 4, self.footer_text.replace("{page}", str(self.page_no())), align="C")


def pixels(size_mm: tuple[float, float]) -> tuple[int, int]:
    return round(size_mm[0] / 25.4 * DPI), round(size_mm[1] / 25.4 * DPI)


def new_sheet(title: str, lang: str, generated_at: datetime) -> _Sheet:
    pdf = _Sheet(format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
    pdf.set_title(title)
    pdf.set_author(t("app_title", lang))
    pdf.set_lang(lang)
    pdf.set_creation_date(generated_at)
    pdf.footer_text = " — ".join(
        [t("app_title", lang), title, t("exp_page", lang, page="{page}", pages="{nb}")]
    )
    pdf.add_page()
    return pdf


def heading(pdf: FPDF, text: str, room: float = 20) -> None:
    """A section title, on a new page unless `room` mm are left under it."""
    if pdf.will_page_break(room + 8):
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font(FONT, "B", 11)
    pdf.set_text_color(*BLUE)
    pdf.multi_cell(0, 6, text, align="L", **NEXT_LINE)
    pdf.set_text_color(0)


def note(pdf: FPDF, text: str, x: float = MARGIN, width: float = WIDTH) -> None:
    pdf.set_x(x)
    pdf.set_font(FONT, size=NOTE)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(width, 2.9, text, align="L", **NEXT_LINE)
    pdf.set_text_color(0)


def table(pdf: FPDF, frame: pd.DataFrame, widths: Sequence[float], **options) -> None:
    """`frame` as a table with a header row (texts as given, a long one shortened: a row must
    fit on a page)."""
    pdf.set_font(FONT, size=TABLE)
    with pdf.table(
        col_widths=tuple(widths),
        headings_style=HEADINGS,
        line_height=2.9,
        text_align="LEFT",
        borders_layout="HORIZONTAL_LINES",
        padding=(0.4, 0.8),
        **options,
    ) as grid:
        for record in [list(frame.columns), *frame.astype(str).to_numpy().tolist()]:
            row = grid.row()
            for value in record:
                row.cell(shortened(str(value), MAX_CELL))


def header(pdf: FPDF, title: str, lang: str, generated_at: datetime) -> None:
    pdf.set_font(FONT, "B", 17)
    pdf.multi_cell(0, 8, title, align="L", **NEXT_LINE)
    date = generated_at.strftime(t("exp_date_format", lang))
    sheet, app = t("exp_sheet", lang), t("app_title", lang)
    note(pdf, t("exp_generated", lang, sheet=sheet, app=app, date=date))


def _key_figures(
    pdf: FPDF, look: profile.Lookups, territory_id: str, model: trends.TerritoryTrends
) -> list[str]:
    """The locator map, the population and the key figures, each with its last change."""
    lang = look.lang
    figures = profile.key_figures(look, territory_id)
    heading(pdf, t("profile_key_figures", lang))
    top = pdf.get_y()
    image = static_charts.territory_map_png(
        look.dataset, territory_id, size=pixels(MAP_SIZE), dpi=DPI
    )
    name = look.name(territory_id)
    caption = t(f"exp_map_{profile.territory_level(territory_id)}", lang, name=name)
    pdf.image(image, x=MARGIN, y=top, w=MAP_SIZE[0], h=MAP_SIZE[1], alt_text=caption)
    right = MARGIN + MAP_SIZE[0] + 4
    pdf.set_xy(right, top + 2)
    pdf.set_font(FONT, size=TEXT)
    pdf.cell(0, 5, t("profile_population", lang))
    pdf.set_xy(right, top + 7)
    pdf.set_font(FONT, "B", 14)
    pdf.cell(0, 7, figures.population)
    pdf.set_y(top + 15)
    for text in (figures.population_note, caption, t("profile_key_figures_note", lang)):
        note(pdf, text, right, WIDTH - MAP_SIZE[0] - 4)
        pdf.ln(1)
    pdf.set_y(max(pdf.get_y(), top + MAP_SIZE[1]) + 2)
    table(pdf, trends.with_changes(figures, model, lang), (38, 26, 15, 30, 38, 39))
    return figures.source_ids


def trend_section(pdf: FPDF, look: profile.Lookups, model: trends.TerritoryTrends) -> list[str]:
    """The first key figure known at two periods or more over time (the unemployment rate
    when the territory has it), its last change and its sources beside the chart."""
    lang = look.lang
    if not model.charted:
        heading(pdf, t("trend_title", lang), room=0)
        note(pdf, t("trend_none", lang))
        return []
    shown = model.charted[0]
    heading(pdf, t("exp_trend_title", lang, label=shown.label), room=TREND_SIZE[1])
    top = pdf.get_y()
    image = static_charts.trend_png(
        shown, lang=lang, size=pixels(TREND_SIZE), dpi=DPI, font_size=IMAGE_FONT
    )
    name = look.name(model.territory_id)
    alt = t("trend_chart_alt", lang, label=shown.label, territory=name)
    pdf.image(image, x=MARGIN, y=top, w=TREND_SIZE[0], h=TREND_SIZE[1], alt_text=alt)
    right, width = MARGIN + TREND_SIZE[0] + 4, WIDTH - TREND_SIZE[0] - 4
    pdf.set_xy(right, top + 1)
    pdf.set_font(FONT, size=TEXT)
    words = " ".join(w for w in (shown.sentence + ".", shown.since_first) if w)
    pdf.multi_cell(width, 4, words, align="L", **NEXT_LINE)
    pdf.ln(1)
    for text in (t("exp_trend_note", lang), t("trend_sources", lang, sources=shown.sources)):
        note(pdf, text, right, width)
        pdf.ln(1)
    pdf.set_y(max(pdf.get_y(), top + TREND_SIZE[1]) + 1)
    return [point.source_id for line in shown.lines for point in line.known]


def _domain_table(domains: profile.DomainProfile, lang: str) -> pd.DataFrame:
    """Domains with an index: value, rank (the set in the heading) and benchmark."""
    frame = domains.frame[domains.frame["index"].notna()]
    return pd.DataFrame(
        {
            t("profile_domain", lang): frame["label"],
            t("exp_index", lang): [format_number(v, 1, lang) for v in frame["index"]],
            t("exp_rank", lang, members=domains.scope.members.label(lang)): frame["rank_short"],
            reference_name(domains.method, domains.scope.level, lang): [
                format_number(v, 1, lang) for v in frame["reference"]
            ],
        }
    )


def _domains(pdf: FPDF, look: profile.Lookups, domains: profile.DomainProfile) -> list[str]:
    lang = look.lang
    heading(pdf, t("profile_domains_title", lang), room=BARS_SIZE[1])
    if domains.n_with_index:
        pdf.set_font(FONT, size=TEXT)
        pdf.multi_cell(0, 4, profile.overall_text(domains, lang), align="L", **NEXT_LINE)
        pdf.ln(1)
    top = pdf.get_y()
    image = static_charts.domain_bars_png(
        domains.frame,
        domains.method,
        domains.scope.level,
        lang=lang,
        size=pixels(BARS_SIZE),
        dpi=DPI,
        font_size=IMAGE_FONT,
    )
    alt = t("profile_domains_title", lang)
    pdf.image(image, x=MARGIN, y=top, w=BARS_SIZE[0], h=BARS_SIZE[1], alt_text=alt)
    right, width = MARGIN + BARS_SIZE[0] + 3, WIDTH - BARS_SIZE[0] - 3
    if domains.n_with_index:
        table(pdf, _domain_table(domains, lang), (28, 11, 24, 19), width=width, align="RIGHT")
    else:
        note(pdf, t("profile_no_index", lang), right, width)
    missing = domains.frame.loc[domains.frame["index"].isna(), "label"]
    if len(missing):
        pdf.ln(1)
        text = t("exp_no_index_for", lang, domains=join_items(missing, lang, long_items=True))
        note(pdf, text, right, width)
    pdf.set_y(max(pdf.get_y(), top + BARS_SIZE[1]) + 1)
    note(pdf, " ".join(domains.notes))
    return domains.source_ids


def _default_group(
    look: profile.Lookups, territory_id: str, actors: Sequence[str]
) -> perception.Group | None:
    """The group the profile page shows first: the first actor with published figures, its
    first question with at least three domains."""
    shown = profile.actors_shown(look, territory_id, actors)
    groups = profile.groups_by_actor(look, territory_id, shown)
    actor = next((a for a in shown if groups[a]), None)
    if actor is None:
        return None
    return groups[actor][perception.default_group(groups[actor])]


def _reading(
    pdf: FPDF,
    look: profile.Lookups,
    territory_id: str,
    actors: Sequence[str],
    domains: profile.DomainProfile,
) -> list[str]:
    lang = look.lang
    if pdf.page == 1:
        pdf.add_page()
    heading(pdf, t("profile_reading_title", lang))
    group = _default_group(look, territory_id, actors)
    if group is None:
        note(pdf, t("profile_no_groups", lang))
        return []
    actor, label = look.actors[group.actor_id], profile.group_label(look, group)
    pdf.set_font(FONT, size=TEXT)
    pdf.multi_cell(
        0, 4, t("profile_reading_for", lang, actor=actor, group=label), align="L", **NEXT_LINE
    )
    pdf.ln(1)
    result = profile.reading(look, domains, group)
    table(pdf, result.table, (54, 17, 14, 17, 24, 36, 24))
    pdf.ln(1)
    note(pdf, " ".join(result.notes))
    note(pdf, profile.perception_block(look, group).caption)
    return [row["source_id"] for row in group.rows]


def _alliance_rows(
    look: profile.Lookups, territory_id: str, actors: Sequence[str]
) -> tuple[pd.DataFrame, list[str], int]:
    """The practice types and the territory's or its region's own figures, for the chosen
    actors, as the profile's table; their sources; how many other figures the profile lists."""
    alliances = look.dataset.alliances
    places = profile.perception_territories(look, territory_id)
    chosen = alliances["territory_id"].isin(places)
    if actors:
        chosen &= alliances["actor_id"].isin(actors)
    local = alliances["territory_id"].isin(places[:-1])  # without the national figures
    kept = alliances[chosen & (local | (alliances["dimension"] == "practice"))]
    narrowed = replace(look, dataset=replace(look.dataset, alliances=kept))
    table = profile.alliance_table(narrowed, territory_id, actors)
    return table, list(kept["source_id"]), int(chosen.sum()) - len(kept)


def _alliances(
    pdf: FPDF, look: profile.Lookups, territory_id: str, actors: Sequence[str]
) -> list[str]:
    lang = look.lang
    heading(pdf, t("profile_alliances_title", lang))
    rows, source_ids, others = _alliance_rows(look, territory_id, actors)
    note(pdf, t("exp_alliances_scope", lang))
    pdf.ln(1)
    if rows.empty:
        note(pdf, t("profile_no_alliances", lang))
    else:
        table(pdf, rows, (24, 40, 12, 40, 12, 30, 28))
    if others:
        pdf.ln(1)
        note(pdf, t("exp_alliances_more", lang, n=others))
    return source_ids


def sources_list(pdf: FPDF, lang: str, texts: Sequence[str]) -> None:
    """Every source (`texts`, each once) in two columns."""
    heading(pdf, t("exp_sources_title", lang))
    pdf.set_font(FONT, size=TABLE)
    with pdf.text_columns(ncols=2, gutter=4, text_align="LEFT", line_height=1.25) as columns:
        for text in dict.fromkeys(texts):
            with columns.paragraph(bottom_margin=0.8) as paragraph:
                paragraph.write(f"• {text}")


def territory_onepager_pdf(
    dataset: Dataset,
    territory_id: str,
    *,
    area: str = AUTO,
    method: str = DEFAULT_METHOD,
    lang: str = "fr",
    actors: Sequence[str] = (),
    generated_at: datetime | None = None,
) -> bytes:
    """The fact sheet of a region or department (`territory_id`), its indices computed among
    the territories of its level in `area` (`lib.filters.comparison_area`) with `method`, the
    perceptions and alliance figures of `actors` (all when empty), dated `generated_at` (now,
    Paris time, when None)."""
    look = profile.lookups(dataset, lang)
    title = profile.profile_title(look, territory_id)
    generated_at = generated_at or datetime.now(TIME_ZONE)
    pdf = new_sheet(title, lang, generated_at)
    header(pdf, title, lang, generated_at)
    domains = profile.domain_profile(look, territory_id, area, method)
    model = trends.for_territory(look, territory_id)
    sources = [
        *_key_figures(pdf, look, territory_id, model),
        *trend_section(pdf, look, model),
        *_domains(pdf, look, domains),
        *_reading(pdf, look, territory_id, actors, domains),
        *_alliances(pdf, look, territory_id, actors),
        MAP_SOURCE,
    ]
    sources_list(pdf, lang, [look.sources[source_id] for source_id in sources])
    return bytes(pdf.output())
