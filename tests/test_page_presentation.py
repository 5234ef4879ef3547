"""Presentation mode (AppTest): no sidebar, stepping through the slides with the step in the URL,
a saved story loaded back, a malformed story file refused in French."""

import io
import json

import pytest
from apptest_pages import open_view
from download_capture import capture_downloads, served
from hostile import shown_markdown
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from lib.explore import allowed_values
from lib.presentation import slides, story
from lib.safe_text import literal_markdown

REGION = "REG-32"


@pytest.fixture(scope="module")
def expected_titles(dataset) -> list[str]:
    """The slide titles of the region's default story, as the page escapes them."""
    allowed = allowed_values(dataset)
    steps = story.default_story(dataset, REGION).steps
    return [
        literal_markdown(slides.slide(dataset, s.kind, story.step_filters(s, allowed)).title)
        for s in steps
    ]


def presentation(**query) -> AppTest:
    return open_view("presentation", mode="presentation", territory=REGION, **query)


def slide_title(at: AppTest) -> str:
    (title,) = at.title
    return title.value


def slide_number(at: AppTest) -> str:
    return next(shown_markdown(m.value) for m in at.markdown if m.value.startswith("Diapositive"))


def sidebar_widgets(at: AppTest) -> int:
    sidebar = at.sidebar
    return sum(
        len(getattr(sidebar, kind)) for kind in ("selectbox", "radio", "multiselect", "button")
    )


def test_the_presentation_has_no_sidebar_and_shows_the_first_slide(expected_titles):
    at = presentation()
    assert sidebar_widgets(at) == 0
    assert sidebar_widgets(open_view("profil", territory=REGION)) > 0  # the app's filters
    assert slide_title(at) == expected_titles[0]
    assert slide_number(at) == "Diapositive 1 / 6"
    assert at.caption[0].value.startswith(r"Source \: INSEE")
    assert at.query_params["mode"] == "presentation"


def test_next_and_previous_change_the_slide_and_the_url(expected_titles):
    at = presentation()
    at.button(key="pres_next").click().run()
    assert slide_title(at) == expected_titles[1]
    assert at.query_params["step"] == "2"
    at.button(key="pres_next").click().run()
    assert slide_title(at) == expected_titles[2]
    assert slide_number(at) == "Diapositive 3 / 6"
    at.button(key="pres_previous").click().run()
    assert slide_title(at) == expected_titles[1]
    assert at.query_params["step"] == "2"
    assert at.button(key="pres_previous").disabled is False


def test_the_step_in_the_url_reopens_that_slide(expected_titles):
    at = presentation(step="6")
    assert slide_title(at) == expected_titles[5]
    assert at.button(key="pres_next").disabled
    assert slide_title(presentation(step="99")) == expected_titles[5]  # kept within the story
    assert slide_title(presentation(step="x")) == expected_titles[0]


def test_the_mode_on_any_page_opens_the_slides(expected_titles):
    at = open_view("profil", mode="presentation", territory=REGION)
    assert slide_title(at) == expected_titles[0]
    assert sidebar_widgets(at) == 0


def test_the_home_button_opens_the_presentation_and_quit_goes_back(expected_titles):
    at = open_view(territory=REGION)
    at.button(key="home_presentation").click().run()
    assert slide_title(at) == expected_titles[0]
    assert at.query_params["mode"] == "presentation"
    at.button(key="pres_quit").click().run()
    assert "mode" not in at.query_params
    assert shown_markdown(at.title[0].value) == "Hauts-de-France — région"  # the profile
    assert sidebar_widgets(at) > 0


def test_a_saved_story_uploaded_reloads_the_same_views(dataset, expected_titles):
    saved = story.default_story(dataset, REGION)
    reordered = story.edited_story(
        saved, "Webinaire", [(2, "", True), (None, "", False), (1, "Les domaines", True)] + [
            (None, "", False)] * 3,
    )  # fmt: skip
    at = presentation()
    upload = at.file_uploader(key="pres_upload")
    upload.set_value(("histoire.json", story.story_to_json(reordered).encode(), "application/json"))
    at.run()
    assert not at.error
    assert at.success[0].value == "Histoire « Webinaire » chargée : 2 étapes."
    (title,) = [w for w in at.text_input if w.key.startswith("pres_title_")]
    assert title.value == "Webinaire"
    assert slide_number(at) == "Diapositive 1 / 2"
    assert slide_title(at) == expected_titles[2]
    assert at.subheader[0].value == "Les domaines"
    at.button(key="pres_next").click().run()
    assert slide_title(at) == expected_titles[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'{"format": "territoires-fragiles-histoire",\n',
            "Fichier d'histoire illisible : ce n'est pas du JSON valide (ligne 2).",
        ),
        (
            b"[" * 2000 + b"]" * 2000,
            "Fichier d'histoire illisible : objets ou listes imbriqués sur 2000 niveaux "
            "(maximum 8).",
        ),
    ],
)
def test_a_malformed_story_file_gives_the_french_message(expected_titles, content, message):
    at = presentation()
    upload = at.file_uploader(key="pres_upload")
    upload.set_value(("histoire.json", content, "x"))
    at.run()
    assert not at.exception
    assert [shown_markdown(e.value) for e in at.error] == [message]
    assert slide_title(at) == expected_titles[0]  # the story shown did not change


def test_the_story_and_its_deck_are_downloaded_from_the_page(dataset, monkeypatch):
    files = capture_downloads(monkeypatch)
    at = presentation()
    saved = served(files, at.download_button(key="pres_download_story"))
    assert story.story_from_json(saved, allowed_values(dataset)) == story.default_story(
        dataset, REGION
    )
    deck_button = at.download_button(key="pres_download_deck")
    assert deck_button.label.endswith("(PPTX)")
    assert deck_button.proto.deferred_file_id  # made on click, not on every rerun
    deck = Presentation(io.BytesIO(served(files, deck_button)))
    assert len(deck.slides) == 1 + 6


def test_the_trends_slide_shows_its_chart_and_three_lines(dataset):
    allowed = allowed_values(dataset)
    step = story.default_story(dataset, REGION).steps[3]
    content = slides.slide(dataset, "trends", story.step_filters(step, allowed), step.caption)
    at = presentation(step="4")
    assert slide_title(at) == literal_markdown(content.title)
    assert (
        shown_markdown(slide_title(at)) == "Hauts-de-France : ce qui s'aggrave, ce qui s'améliore"
    )
    (chart,) = at.get("plotly_chart")
    figure = json.loads(chart.proto.spec)
    assert figure["layout"]["title"]["text"] == content.chart.title()
    assert [trace["name"] for trace in figure["data"]] == [
        line.name for line in content.chart.trend.lines
    ]
    shown = "\n".join(shown_markdown(m.value) for m in at.markdown)
    for line in content.lines:
        assert f"- {line}" in shown


def test_an_epci_story_is_presented_with_its_local_fact_sheet(dataset, monkeypatch):
    files = capture_downloads(monkeypatch)
    at = open_view("presentation", mode="presentation", territory="EPCI-242900314")
    assert slide_title(at) == literal_markdown(
        slides.slide(
            dataset,
            "national",
            story.step_filters(
                story.default_story(dataset, "EPCI-242900314").steps[0], allowed_values(dataset)
            ),
        ).title
    )
    for _ in range(3):
        at.button(key="pres_next").click().run()
        assert not at.exception
    assert slide_title(at) == literal_markdown("Brest Métropole : pratiques d'alliance")
    assert [d.key for d in at.download_button] == [
        "pres_download_story",
        "pres_download_pdf",
        "pres_download_deck",
    ]
    button = at.download_button(key="pres_download_pdf")
    assert button.proto.deferred_file_id  # made on click (lib/local_sheet.py)
    pages = PdfReader(io.BytesIO(served(files, button))).pages
    text = "\n".join(page.extract_text() for page in pages)
    assert text.startswith("Brest Métropole — intercommunalité (Finistère)")
    assert "Le territoire dans ses échelons" in text
