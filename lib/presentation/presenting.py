"""Streamlit side of the presentation mode: `?mode=presentation` in the URL, the fixed
full-screen style, the button that opens it, the session's story and its current slide (kept
in the URL as `step`, so a reload stays on the slide).

One of the three lib/ modules allowed to import Streamlit (ruff's banned-api in pyproject.toml;
also lib/cached.py and lib/session.py): it builds the mode's page, style and buttons."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from lib.data import Dataset
from lib.i18n import t
from lib.presentation.story import Story, default_story
from lib.session import page_param, set_page_param

MODE = "presentation"
PAGE = "views/presentation.py"
PAGE_PATH = "presentation"
STORY_KEY = "pres_story"
KEYS_CONTAINER = "pres_keys"  # the hidden buttons of a clicker's other keys
# A clicker sends arrows, PageDown/PageUp or space; Home goes back to the first slide. The
# arrows are the visible buttons' own shortcuts; these are hidden buttons.
NEXT_KEYS, PREVIOUS_KEYS, FIRST_KEYS = ("PageDown", "Space"), ("PageUp",), ("Home",)

# Fixed style (no user data): no Streamlit chrome, full width, black on white, slide titles
# >= 32 px and body text >= 20 px on a 1280 × 720 screen; maps not clickable (no navigation).
# Streamlit pulls a heading's next element up by 1rem (a negative margin matching its own
# heading padding): with the headings' padding removed here, that margin would let the next
# element cover the bottom of the caption under the title, so it is removed too.
STYLE = """<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stStatusWidget"],
[data-testid="stElementToolbar"], .modebar-container { display: none !important; }
.stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {
  background: #ffffff !important; color: #000000 !important; }
[data-testid="stMainBlockContainer"] {
  max-width: none !important; padding: 0.25rem 2.5rem 2rem 2.5rem !important; }
.stApp h1 { font-size: 40px !important; line-height: 1.2 !important; color: #000000 !important;
  padding: 0 !important; }
.stApp h2 { font-size: 32px !important; color: #000000 !important; }
.stApp h3 { font-size: 26px !important; line-height: 1.4 !important; color: #000000 !important;
  padding: 0 !important; }
[data-testid="stHeading"] [data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.5rem !important; }
.stApp td, .stApp th { padding: 0.25rem 0.5rem !important; }
.stApp p, .stApp li, .stApp td, .stApp th, .stApp label, .stApp summary,
.svg-map-legend { font-size: 22px !important; color: #000000 !important; line-height: 1.4; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  font-size: 20px !important; color: #1a1a1a !important; opacity: 1 !important; }
.stApp button { border: 2px solid #000000 !important; }
.stApp button p { font-size: 22px !important; font-weight: 600; }
svg.svg-map { max-height: 46vh !important; }
.st-key-pres_keys { display: none !important; }
svg.svg-map a { pointer-events: none; }
</style>"""


def presenting() -> bool:
    """Whether the URL asks for the presentation mode."""
    return page_param("mode") == MODE


def enter(page: StreamlitPage) -> None:
    """The presentation's fixed style; any other page asked with the mode opens the slides."""
    st.html(STYLE)
    if page.url_path != PAGE_PATH:
        st.switch_page(PAGE)


def start() -> None:
    """Open the presentation on the default story of the current territory, first slide."""
    st.session_state.pop(STORY_KEY, None)
    set_page_param("mode", MODE)
    set_page_param("step", None)
    st.switch_page(PAGE)


def open_button(lang: str, key: str) -> None:
    """The "Mode présentation" button of a page."""
    if st.button(
        t("pres_open", lang), help=t("pres_open_help", lang), icon=":material/slideshow:", key=key
    ):
        start()


def leave(territory: str | None) -> None:
    """Back to the app: the territory's profile, or the home page."""
    set_page_param("mode", None)
    set_page_param("step", None)
    st.switch_page("views/profil.py" if territory else "views/accueil.py")


def current_story(dataset: Dataset, territory: str | None, lang: str) -> Story:
    """The story loaded or edited in this session, else the territory's default story."""
    story = st.session_state.get(STORY_KEY)
    return story if story is not None else default_story(dataset, territory, lang)


def use_story(story: Story | None) -> None:
    """Show `story` (None: the default story) from its first slide."""
    if story is None:
        st.session_state.pop(STORY_KEY, None)
    else:
        st.session_state[STORY_KEY] = story
    set_page_param("step", None)


def current_index(n_slides: int) -> int:
    """The slide shown (0-based) from the URL's `step` (1-based), kept within the story."""
    try:
        number = int(page_param("step") or 1)
    except ValueError:
        number = 1
    return min(max(number, 1), n_slides) - 1


def clicker_keys(index: int, n_slides: int) -> list[tuple[str, int, str]]:
    """(widget key, slide index, key) of the hidden buttons for slide `index`: only the moves
    that exist (no next on the last slide)."""
    moves = [
        *((index + 1, key) for key in NEXT_KEYS if index + 1 < n_slides),
        *((index - 1, key) for key in PREVIOUS_KEYS if index > 0),
        *((0, key) for key in FIRST_KEYS if index > 0),
    ]
    return [(f"pres_key_{key}", target, key) for target, key in moves]


def go_to(index: int) -> None:
    """Show slide `index` (0-based)."""
    set_page_param("step", str(index + 1))
