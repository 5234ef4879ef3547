"""Test set-up: make the project root importable (lib/, app)."""

import csv
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def no_hidden_page_error(request, caplog):
    """Pages turn an unexpected error into a sentence (lib.session.error_boundary): fail any
    test during which that happened, unless it is marked `page_error_expected`."""
    yield
    if request.node.get_closest_marker("page_error_expected"):
        return
    records = caplog.get_records("setup") + caplog.get_records("call")
    hidden = [r for r in records if r.name == "territoires" and r.exc_info]
    assert not hidden, [f"{r.getMessage()}: {r.exc_info[1]!r}" for r in hidden]


@pytest.fixture(scope="module")
def rows():
    """data/initiatives.csv as plain dicts (expectations computed from the file itself)."""
    with (ROOT / "data" / "initiatives.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def parents():
    """territory_id -> parent_id, read from data/territories.csv."""
    territories = pd.read_csv(ROOT / "data" / "territories.csv", dtype=str, keep_default_na=False)
    return dict(zip(territories["territory_id"], territories["parent_id"], strict=True))


@pytest.fixture
def workshop_engine(tmp_path, monkeypatch):
    """The app's workshop engine on a fresh SQLite file: WORKSHOP_DB_PATH is set before the
    cached engine is created; the workshop caches are emptied before and after the test."""
    from lib import cached  # imports Streamlit: only for the tests asking for this fixture

    def clear() -> None:
        for cached_function in (
            cached.workshop_engine,
            cached.published_workshop_stamp,
            cached.published_workshop_layers,
        ):
            cached_function.clear()

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    monkeypatch.setenv("WORKSHOP_DB_PATH", str(tmp_path / "ateliers.sqlite3"))
    clear()
    yield cached.workshop_engine()
    clear()
