"""The story being prepared (views/presentation.py, below the slides), without Streamlit: the
editor's table of steps and back, and the filters of the story's fact sheet."""

from __future__ import annotations

import pandas as pd

from lib.filters import Allowed, Filters
from lib.i18n import t
from lib.presentation.story import Story, step_filters

EDITED = ("order", "caption", "keep")  # the editor's columns read back, as `edited_story` wants


def editor_frame(story: Story, lang: str = "fr") -> pd.DataFrame:
    """One row per step: its order, kind (in words), caption, and a kept tick."""
    return pd.DataFrame(
        {
            t("pres_col_order", lang): range(1, len(story.steps) + 1),
            t("pres_col_kind", lang): [t("pres_kind_" + s.kind, lang) for s in story.steps],
            t("pres_col_caption", lang): [s.caption for s in story.steps],
            t("pres_col_keep", lang): True,
        }
    )


def edited_rows(edited: pd.DataFrame, lang: str = "fr") -> list[list]:
    """The (order, caption, keep) rows of the editor's table, as `story.edited_story` reads
    them."""
    return edited[[t(f"pres_col_{c}", lang) for c in EDITED]].to_numpy().tolist()


def sheet_filters(story: Story, allowed: Allowed, lang: str = "fr") -> Filters | None:
    """The filters of the story's fact sheet: those of its first "top domains" step; None
    without one."""
    step = next((s for s in story.steps if s.kind == "top_domains"), None)
    return None if step is None else step_filters(step, allowed, lang)
