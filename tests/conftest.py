"""Test set-up: make the project root importable (lib/, app)."""

import csv
import hashlib
import os
import shutil
import sys
from dataclasses import fields
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


def _is_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"true", "1", "yes"}


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """TEST_DATABASE_URL once checked to accept connections (`make postgres` starts one);
    without it the test is skipped, except under CI=true where it fails."""
    import sqlalchemy as sa

    from lib.workshop.db import database_url

    url = os.environ.get("TEST_DATABASE_URL", "")
    reason = "TEST_DATABASE_URL is not set (`make postgres` starts a test server)"
    if url:
        engine = sa.create_engine(
            database_url({"DATABASE_URL": url}), connect_args={"connect_timeout": 5}
        )
        try:
            with engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
            return url
        except sa.exc.OperationalError as error:
            reason = f"PostgreSQL at TEST_DATABASE_URL unreachable: {error}"
        finally:
            engine.dispose()
    if _is_ci():
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def nginx_installed() -> None:
    """Debian's nginx (`make nginx`, for scripts/run_proxy.py): without it the test is skipped,
    except under CI=true where it fails."""
    if shutil.which("nginx") is None:
        reason = "nginx is not installed (`make nginx` installs Debian's)"
        if _is_ci():
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)


def _fingerprint(dataset) -> dict[str, str]:
    """A digest of every table of `dataset`: columns, dtypes, index and values."""
    digests = {}
    for table in fields(dataset):
        frame = getattr(dataset, table.name)
        if isinstance(frame, pd.DataFrame):
            digest = hashlib.sha256(repr((list(frame.columns), list(frame.dtypes))).encode())
            digest.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
            digests[table.name] = digest.hexdigest()
    return digests


def _unchanged(dataset):
    """Yield `dataset`, then fail if a test changed one of its tables."""
    before = _fingerprint(dataset)
    yield dataset
    after = _fingerprint(dataset)
    changed = [name for name, digest in before.items() if after[name] != digest]
    assert not changed, f"a test changed the shared dataset's tables {changed}: copy them first"


@pytest.fixture(scope="session")
def dataset():
    """The embedded dataset, the very object the pages read (`lib.cached.embedded_dataset`):
    loaded once per test process, shared by every test, which must not change it (checked at
    the end of the session)."""
    from lib import cached  # imports Streamlit: only for the tests asking for this fixture

    yield from _unchanged(cached.embedded_dataset())


@pytest.fixture(scope="session")
def commune_dataset(dataset):
    """The embedded dataset plus the commune rows and withheld values, the object a commune's
    page reads (`lib.cached.with_communes`); shared and checked like `dataset`."""
    from lib import cached

    yield from _unchanged(cached.with_communes(dataset))


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
