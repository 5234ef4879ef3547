"""Test set-up: make the project root importable (lib/, app)."""

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def navigation_mode_as_in_a_server() -> None:
    """Make AppTest rerun app.py like a server does, despite the pages/ folder.

    AppTest resets `PagesManager.uses_pages_directory` before every run; with a `pages/` folder
    it becomes True and a rerun then executes the current page file alone (legacy multipage
    path), skipping app.py. A running server sets it to False at the first `st.navigation`
    call and keeps it: do the same here (idempotent).
    """
    if getattr(PagesManager.__init__, "_keeps_navigation_mode", False):
        return
    original_init = PagesManager.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    init._keeps_navigation_mode = True
    PagesManager.__init__ = init


navigation_mode_as_in_a_server()
