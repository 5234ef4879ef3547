"""One way for AppTest tests to open the app: query parameters, then the page asked for."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TIMEOUT = 60


def open_view(view: str | None = None, *, home_first: bool = False, **query) -> AppTest:
    """Run app.py with `query` in the URL and show `view` ("carte" → views/carte.py), or the
    home page when `view` is None; `home_first` runs the home page before switching (as a
    visitor arriving on "/" then clicking). Fails on any exception."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for name, value in query.items():
        at.query_params[name] = value
    if view is None or home_first:
        at.run()
        assert not at.exception, [e.message for e in at.exception]
    if view is not None:
        at.switch_page(f"views/{view}.py").run()
        assert not at.exception, [e.message for e in at.exception]
    return at
