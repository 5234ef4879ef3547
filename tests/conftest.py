"""Test set-up: make the project root importable (lib/, app)."""

import sys
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _navigation_mode_as_in_a_server(monkeypatch):
    """Make AppTest rerun app.py like a server does, despite the pages/ folder.

    AppTest resets `PagesManager.uses_pages_directory` before every run; with a `pages/` folder
    it becomes True and a rerun then executes the current page file alone (legacy multipage
    path), skipping app.py. A running server sets it to False at the first `st.navigation`
    call and keeps it: do the same here.
    """
    original_init = PagesManager.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
