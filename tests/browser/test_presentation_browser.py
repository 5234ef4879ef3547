"""The presentation mode on a 1280 × 720 screen in a real headless browser: large type, no
sidebar or Streamlit chrome, stepping to the next slide, nothing fetched outside the app."""

import re

import pytest

pytestmark = pytest.mark.browser

SLIDES = "/?territory=REG-32&mode=presentation"
FONT_SIZE = "(selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)"


def wait_until_idle(page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )


@pytest.fixture
def screen(page):
    """The browser page (external requests aborted and counted) at 1280 × 720, a shared screen."""
    page.set_viewport_size({"width": 1280, "height": 720})
    return page


def test_slides_are_large_without_chrome_and_step_forward(screen, app_url):
    screen.goto(app_url + SLIDES)
    screen.wait_for_selector("svg.svg-map path", timeout=60_000)  # the national map drawn
    wait_until_idle(screen)
    assert re.search(r"/presentation\?", screen.url)  # any page with the mode opens the slides
    title = screen.locator("h1")
    assert title.inner_text() == "La France par région : Taux de chômage localisé (T3 2023)"
    assert screen.evaluate(FONT_SIZE, "h1") >= 32
    assert screen.evaluate(FONT_SIZE, "[data-testid='stMarkdownContainer'] li") >= 20
    assert screen.evaluate(FONT_SIZE, "[data-testid='stCaptionContainer'] p") >= 20  # source
    assert screen.get_by_text("Diapositive 1 / 6").is_visible()
    for chrome in ("stSidebar", "stHeader", "stToolbar", "stExpandSidebarButton"):
        assert not screen.locator(f"[data-testid='{chrome}']").is_visible(), chrome
    assert title.bounding_box()["width"] > 600  # full width

    screen.get_by_role("button", name="Suivante").click()
    screen.get_by_text("Diapositive 2 / 6").wait_for(timeout=60_000)
    assert title.inner_text() == "Hauts-de-France par département : Indice global de fragilité"
    screen.wait_for_url(re.compile(r"step=2"), timeout=60_000)  # a reload stays on the slide
    wait_until_idle(screen)
    assert screen.locator("svg.svg-map path").count() == 5  # the region's departments
    assert screen.external.blocked == []


def test_a_reload_stays_on_the_slide(screen, app_url):
    screen.goto(app_url + SLIDES + "&step=3")
    screen.get_by_text("Diapositive 3 / 6").wait_for(timeout=60_000)
    wait_until_idle(screen)
    assert screen.locator("h1").inner_text() == "Hauts-de-France : les domaines les plus fragiles"
    assert screen.external.blocked == []


TRENDS_STEP = 4
TRENDS_TITLE = "Hauts-de-France : ce qui s'aggrave, ce qui s'améliore"
SOURCE_BOTTOM = """() => { const line = [...document.querySelectorAll(
  '[data-testid="stCaptionContainer"]')].find(e => /^Sources? :/.test(e.innerText));
  return line ? line.getBoundingClientRect().bottom + window.scrollY : -1; }"""
# The caption under the slide's title (an h3): the box Streamlit lays it out in holds all of it,
# and nothing laid out after it paints over its last line
CAPTION_BOX = """() => { const caption = document.querySelector('.stApp h3');
  const box = caption.closest('[data-testid="stElementContainer"]');
  const r = caption.getBoundingClientRect();
  const under = document.elementFromPoint(r.left + 4, r.bottom - 3);
  return {text: caption.innerText, scroll: box.scrollHeight, client: box.clientHeight,
          bottom: r.bottom + window.scrollY, on_top: caption.contains(under)}; }"""


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_every_slide_fits_the_screen_down_to_its_source_line(page, app_url, width, height):
    """Every slide of the region's story, the trends slide (4, its chart drawn) included, its
    caption under the title entirely visible."""
    page.set_viewport_size({"width": width, "height": height})
    for step in range(1, 7):
        page.goto(f"{app_url}{SLIDES}&step={step}")
        page.get_by_text(f"Diapositive {step} / 6").wait_for(timeout=60_000)
        page.locator("[data-testid='stCaptionContainer']").first.wait_for(timeout=60_000)
        wait_until_idle(page)
        if step == TRENDS_STEP:
            assert page.locator("h1").inner_text() == TRENDS_TITLE
            page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
        page.wait_for_timeout(500)  # the chart's own layout pass
        bottom = page.evaluate(SOURCE_BOTTOM)
        assert 0 < bottom <= height, (step, bottom)
        caption = page.evaluate(CAPTION_BOX)
        assert caption["text"] and caption["scroll"] <= caption["client"], (step, caption)
        assert 0 < caption["bottom"] <= height and caption["on_top"], (step, caption)


def test_a_clickers_keys_step_through_the_slides(screen, app_url):
    screen.goto(app_url + SLIDES)
    screen.get_by_text("Diapositive 1 / 6").wait_for(timeout=60_000)
    wait_until_idle(screen)
    # a clicker types into the window that has the focus: the presenter's first click gives it
    screen.get_by_role("button", name=re.compile("Suivante")).wait_for(timeout=60_000)
    screen.locator("h1").click()
    for key, expected in (("ArrowRight", 2), ("PageDown", 3), (" ", 4), ("ArrowRight", 5)):
        screen.keyboard.press(key)
        screen.get_by_text(f"Diapositive {expected} / 6").wait_for(timeout=30_000)
        screen.wait_for_url(re.compile(rf"step={expected}"), timeout=30_000)
        if expected == TRENDS_STEP:  # the trends slide is stepped to and from like the others
            screen.get_by_role("heading", name=TRENDS_TITLE).wait_for(timeout=30_000)
    screen.keyboard.press("PageUp")
    screen.get_by_role("heading", name=TRENDS_TITLE).wait_for(timeout=30_000)
    screen.keyboard.press("Home")
    screen.get_by_text("Diapositive 1 / 6").wait_for(timeout=30_000)
    assert screen.external.blocked == []
