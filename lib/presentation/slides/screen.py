"""What a projector shows of a slide: a few lines, a table that fits, the rest in the notes."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.i18n import t
from lib.presentation.slides.content import Slide

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
            said = tuple(
                t("label_value", lang, label=record[first], value=record[figures])
                for record in records
            )
            table = table.drop(columns=figures)
    detail = (shown.source_detail,) if shown.source_detail else ()
    return OnScreen(lines, table, (*more, *said, *shown.notes, *detail))
