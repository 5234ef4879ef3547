"""The fact sheet of an intercommunality (EPCI) or a commune as a PDF: the profile
(`lib.profile.local.LocalProfile`) on A4 pages with `lib.onepager`'s building blocks, in French
(default) or English.

In order: title and date of generation, population, key figures with their periods and sources
(and their last change, « Évolution », for an EPCI), domain indices and ranks among the peers,
the nesting table (commune -> EPCI -> department -> region -> France), an EPCI's first indicator
known at two periods over time, the initiatives and white spots (the first rows), every source
with its year and licence. Values read exactly as on the profile ("non disponible (secret
statistique)"), never 0.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from fpdf import FPDF

from lib import profile, trends, vocabulary
from lib.i18n import t
from lib.onepager import (
    FONT,
    TEXT,
    TIME_ZONE,
    WIDTH,
    header,
    heading,
    new_sheet,
    note,
    sources_list,
    table,
    trend_section,
)
from lib.profile import local_trends
from lib.profile.local import LocalProfile, domains_note

MAX_ROWS = 8  # rows of the initiatives and white spots tables (the rest: on the profile page)
LABEL_WIDTH = 56  # mm, the first column of the wide tables


def _even(first: float, n: int) -> list[float]:
    """Column widths: `first` mm, then the rest of the page shared by `n` columns."""
    return [first, *[(WIDTH - first) / n] * n]


def _with_changes(figures: pd.DataFrame, model: trends.TerritoryTrends, lang: str) -> pd.DataFrame:
    """The key figures with each indicator's last change ('non disponible' for one period)."""
    shorts = {tr.label: tr.short for tr in model.trends}
    missing = t("not_available", lang)
    changes = [shorts.get(label, missing) for label in figures[t("indicator", lang)]]
    out = figures.copy()
    out.insert(out.columns.get_loc(t("period", lang)) + 1, t("trend_column", lang), changes)
    return out


def _key_figures(pdf: FPDF, page: LocalProfile, model: trends.TerritoryTrends | None, lang: str):
    heading(pdf, t("profile_key_figures", lang))
    pdf.set_font(FONT, size=TEXT)
    pdf.cell(0, 5, t("profile_population", lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 14)
    pdf.cell(0, 7, page.population, new_x="LMARGIN", new_y="NEXT")
    if page.population_note:
        note(pdf, page.population_note)
    pdf.ln(2)
    if page.figures.empty:
        note(pdf, t("not_available", lang))
        return
    if model is None:
        table(pdf, page.figures, (64, 40, 22, 60))
    else:
        table(pdf, _with_changes(page.figures, model, lang), (50, 36, 20, 40, 40))


def _domains(pdf: FPDF, page: LocalProfile, method: str, lang: str) -> None:
    heading(pdf, t("profile_domains_title", lang))
    if page.n_domains:
        table(pdf, page.domains, (70, 30, 86))
    else:
        note(pdf, t("local_no_index", lang))
    pdf.ln(1)
    note(pdf, domains_note(page, method, lang))


def _nesting(pdf: FPDF, page: LocalProfile, lang: str) -> None:
    heading(pdf, t("local_nesting_title", lang))
    table(pdf, page.nesting, _even(LABEL_WIDTH, len(page.nesting.columns) - 1))
    pdf.ln(1)
    note(pdf, t("local_nesting_note", lang))


def _trend(pdf: FPDF, look: profile.Lookups, model: trends.TerritoryTrends | None) -> list[str]:
    """An EPCI's first indicator known at two periods over time; a commune: why none."""
    if model is not None:
        return trend_section(pdf, look, model)
    heading(pdf, t("trend_title", look.lang), room=0)
    note(pdf, t("trend_none_commune", look.lang))
    return []


def _first_rows(pdf: FPDF, title: str, frame: pd.DataFrame, empty: str, lang: str) -> None:
    """A short table: its first `MAX_ROWS` rows, how many more the profile page lists."""
    heading(pdf, title)
    if frame.empty:
        note(pdf, empty)
        return
    table(pdf, frame.head(MAX_ROWS), [WIDTH / len(frame.columns)] * len(frame.columns))
    if len(frame) > MAX_ROWS:
        pdf.ln(1)
        note(pdf, t("exp_rows_more", lang, n=len(frame) - MAX_ROWS))


def _source_texts(look: profile.Lookups, source_ids: list[str]) -> list[str]:
    """'publisher, title (year) — licence : …' of each source."""
    licences = look.dataset.sources.set_index("source_id")["licence"]
    return [
        t("exp_licence", look.lang, source=look.sources[s], licence=licences[s])
        for s in dict.fromkeys(source_ids)
    ]


def local_onepager_pdf(
    dataset,
    page: LocalProfile,
    *,
    method: str,
    lang: str = "fr",
    generated_at: datetime | None = None,
) -> bytes:
    """The fact sheet of the EPCI or commune of `page` (built with `method` from `dataset`, which
    holds the commune rows for a commune), dated `generated_at` (now, Paris time, when None)."""
    look = profile.lookups(dataset, lang)
    generated_at = generated_at or datetime.now(TIME_ZONE)
    pdf = new_sheet(page.title, lang, generated_at)
    header(pdf, page.title, lang, generated_at)
    epci = vocabulary.is_level(page.territory_id, "epci")
    model = local_trends.for_territory(look, page.territory_id) if epci else None
    _key_figures(pdf, page, model, lang)
    _domains(pdf, page, method, lang)
    _nesting(pdf, page, lang)
    trend_sources = _trend(pdf, look, model)
    _first_rows(
        pdf,
        t("local_initiatives_title", lang),
        page.initiatives,
        t("local_initiatives_none", lang),
        lang,
    )
    _first_rows(pdf, t("ini_white_spots_title", lang), page.white_spots, "", lang)
    note(pdf, t("local_white_spots_note", lang, members=page.compared))
    sources_list(pdf, lang, _source_texts(look, [*page.source_ids, *trend_sources]))
    return bytes(pdf.output())
