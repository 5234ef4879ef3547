"""Workshop storage tests run against both backends: SQLite (a file in tmp_path) and the
PostgreSQL at TEST_DATABASE_URL (`make postgres` starts one), each test in a fresh schema.

Without a reachable PostgreSQL its tests are skipped, except under CI=true where they fail
(`postgres_url`, tests/conftest.py).
"""

from __future__ import annotations

import csv
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib.workshop import clock
from lib.workshop.db import database_url, engine_from_env, metadata
from lib.workshop.service import create_workshop

DATA = Path(__file__).resolve().parents[2] / "data"


def _ids(name: str, column: str) -> frozenset[str]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return frozenset(row[column] for row in csv.DictReader(handle))


@dataclass(frozen=True)
class Vocabulary:
    """The ids the app allows, read from data/ (as the pages pass them to the storage)."""

    territories: frozenset[str]
    actors: frozenset[str]
    domains: frozenset[str]


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return Vocabulary(
        _ids("territories.csv", "territory_id"),
        _ids("actors.csv", "actor_id"),
        _ids("domains.csv", "domain_id"),
    )


@dataclass
class Backend:
    """One database for one test: its name, the environment that opens it, an open engine."""

    name: str
    env: dict[str, str]
    engine: Engine

    def new_engine(self) -> Engine:
        """Another engine on the same database (an app restart, or another replica)."""
        return engine_from_env(self.env)

    def snapshot(self, skip: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
        """Every row of every workshop table but `skip`, in primary-key order."""
        with self.engine.connect() as connection:
            return {
                table.name: connection.execute(
                    sa.select(table).order_by(*table.primary_key.columns)
                ).all()
                for table in metadata.sorted_tables
                if table.name not in skip
            }

    def count(self, table: str) -> int:
        with self.engine.connect() as connection:
            return connection.scalar(sa.select(sa.func.count()).select_from(metadata.tables[table]))


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path):
    """A fresh, empty workshop database on each backend."""
    if request.param == "sqlite":
        env = {"WORKSHOP_DB_PATH": str(tmp_path / "ateliers.sqlite3")}
        yield Backend("sqlite", env, engine_from_env(env))
        return
    url = database_url({"DATABASE_URL": request.getfixturevalue("postgres_url")})
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    with admin.begin() as connection:
        connection.execute(sa.text(f"CREATE SCHEMA {schema}"))
    scoped = url.update_query_dict({"options": f"-csearch_path={schema}"})
    env = {"DATABASE_URL": scoped.render_as_string(hide_password=False)}
    engine = engine_from_env(env)
    yield Backend("postgresql", env, engine)
    engine.dispose()
    with admin.begin() as connection:
        connection.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def workshop(backend, vocabulary):
    """An open workshop: Bretagne, three actor profiles, 3 domains to choose; (Workshop, key)."""
    return create_workshop(
        backend.engine,
        title="Atelier Bretagne",
        territory_id="REG-53",
        actor_ids=["citoyens", "entreprises", "associations"],
        n_choices=3,
        allowed_territories=vocabulary.territories,
        allowed_actors=vocabulary.actors,
    )


@pytest.fixture
def another_workshop(backend, vocabulary):
    """Makes one more open workshop (Bretagne, citizens only) on `engine`, by default the
    backend's: (Workshop, key)."""

    def create(title: str = "Autre atelier", engine: Engine | None = None):
        return create_workshop(
            engine or backend.engine,
            title=title,
            territory_id="REG-53",
            actor_ids=["citoyens"],
            n_choices=3,
            allowed_territories=vocabulary.territories,
            allowed_actors=vocabulary.actors,
        )

    return create


class Clock:
    """The workshop clock, frozen at `now` and moved by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def frozen_clock(monkeypatch) -> Clock:
    frozen = Clock(clock.utc_now())
    monkeypatch.setattr(clock, "utc_now", lambda: frozen.now)
    return frozen
