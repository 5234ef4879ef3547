"""The story being prepared (lib/presentation/preparing.py): the editor's table of steps and
back, the filters of the story's fact sheet, without Streamlit."""

import pandas as pd
import pytest

from lib.explore import allowed_values
from lib.presentation import preparing, story

STORY = story.Story(
    "Bretagne",
    (
        story.Step("national", {"indicator": "taux_chomage"}),
        story.Step("top_domains", {"territory": "REG-53", "method": "base100"}, "Les domaines"),
        story.Step("top_domains", {"territory": "DEP-29"}),
    ),
)


def test_the_editor_shows_one_row_per_step_in_the_chosen_language():
    frame = preparing.editor_frame(STORY)
    assert frame.to_dict("list") == {
        "Ordre": [1, 2, 3],
        "Vue": ["Vue nationale", "Domaines les plus fragiles", "Domaines les plus fragiles"],
        "Légende": ["", "Les domaines", ""],
        "Garder": [True, True, True],
    }
    assert list(preparing.editor_frame(STORY, "en").columns) == ["Order", "View", "Caption", "Keep"]


def test_the_edited_table_is_read_back_as_the_story_editor_wants_it():
    edited = preparing.editor_frame(STORY, "en")
    edited["Order"] = [3, 1, None]
    edited["Caption"] = ["France", "Les domaines", ""]
    edited["Keep"] = [True, True, False]
    rows = preparing.edited_rows(edited, "en")
    assert rows[:2] == [[3, "France", True], [1, "Les domaines", True]]
    assert pd.isna(rows[2][0]) and rows[2][1:] == ["", False]
    changed = story.edited_story(STORY, "Finistère", rows)
    assert [(s.kind, s.caption) for s in changed.steps] == [
        ("top_domains", "Les domaines"),
        ("national", "France"),
    ]


@pytest.fixture(scope="module")
def allowed(dataset):
    return allowed_values(dataset)


def test_the_fact_sheet_is_that_of_the_first_top_domains_step(allowed):
    chosen = preparing.sheet_filters(STORY, allowed, "en")
    assert (chosen.territory, chosen.method, chosen.lang) == ("REG-53", "base100", "en")
    national = story.Story("France", STORY.steps[:1])
    assert preparing.sheet_filters(national, allowed) is None
