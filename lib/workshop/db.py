"""Workshop database: schema, engine (SQLite file by default, PostgreSQL via DATABASE_URL).

Schema changes: `SCHEMA_VERSION` is stored in `schema_version`; `create_schema` creates missing
tables (idempotent), brings an older database up to date with the steps of `MIGRATIONS` (keyed
by the version each leads to, run in order in the same transaction) and refuses a database
written by a newer version of the app.

Version 2: wrong organiser keys are counted per (workshop, client) in `client_counters` (with
joins and wrong join codes) instead of per workshop; the old per-workshop lockout columns are
dropped, which lifts any lockout a version-1 database holds.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from lib.settings import DATABASE_URL_ENV, SQLITE_BUSY_TIMEOUT, WORKSHOP_DB_PATH_ENV

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = ROOT / "data_local" / "ateliers.sqlite3"
SCHEMA_VERSION = 2
SCHEMA_LOCK_ID = 7_404_181  # PostgreSQL advisory lock: one replica creates the schema at a time
_WRITE = "workshop_write"

metadata = sa.MetaData(
    naming_convention={
        "pk": "pk_%(table_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "ix": "ix_%(table_name)s_%(column_0_name)s",
    }
)


class UTCDateTime(sa.TypeDecorator):
    """A timezone-aware UTC datetime on both backends (SQLite stores it naive, in UTC)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("workshop datetimes must be timezone-aware")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, _dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _workshop_fk() -> sa.ForeignKey:
    return sa.ForeignKey("workshops.workshop_id", ondelete="CASCADE")


schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("version", sa.Integer, nullable=False),
)
workshops = sa.Table(
    "workshops",
    metadata,
    sa.Column("workshop_id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(8), nullable=False, unique=True),
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("territory_id", sa.String(40), nullable=False),
    sa.Column("actor_ids", sa.JSON, nullable=False),
    sa.Column("n_choices", sa.SmallInteger, nullable=False),
    sa.Column("closes_at", UTCDateTime),  # planned closing time, set at creation
    sa.Column("closed_at", UTCDateTime),  # closed by the organiser
    sa.Column("published", sa.Boolean, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("key_hash", sa.String(200), nullable=False),
    sa.CheckConstraint("n_choices BETWEEN 3 AND 5", name="n_choices"),
)
participants = sa.Table(
    "participants",
    metadata,
    sa.Column("participant_id", sa.Integer, primary_key=True),
    sa.Column("workshop_id", sa.Integer, _workshop_fk(), nullable=False, index=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("joined_at", UTCDateTime, nullable=False),
)
votes = sa.Table(
    "votes",
    metadata,
    sa.Column("vote_id", sa.Integer, primary_key=True),
    sa.Column("workshop_id", sa.Integer, _workshop_fk(), nullable=False),
    sa.Column(
        "participant_id",
        sa.Integer,
        sa.ForeignKey("participants.participant_id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("actor_id", sa.String(40), nullable=False),
    sa.Column("comment", sa.String(280)),
    sa.Column("first_submitted_at", UTCDateTime, nullable=False),
    sa.Column("submitted_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("workshop_id", "participant_id"),
)
vote_choices = sa.Table(
    "vote_choices",
    metadata,
    sa.Column(
        "vote_id",
        sa.Integer,
        sa.ForeignKey("votes.vote_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("rank", sa.SmallInteger, primary_key=True),
    sa.Column("domain_id", sa.String(40), nullable=False),
    sa.UniqueConstraint("vote_id", "domain_id"),
)

client_counters = sa.Table(  # what one client (a browser session, hashed) did: see throttle.py
    "client_counters",
    metadata,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("scope", sa.Integer, primary_key=True, autoincrement=False),  # workshop_id or 0
    sa.Column("client_hash", sa.String(64), primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Column("locked_until", UTCDateTime),
)
_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def insert(connection: Connection, table: sa.Table):
    """The dialect's INSERT for `table` (it has `on_conflict_do_update` on both backends)."""
    return _INSERTS[connection.dialect.name](table)


def _drop_workshop_lockout(connection: Connection) -> None:
    for column in ("failed_key_attempts", "key_locked_until"):
        connection.exec_driver_sql(f"ALTER TABLE workshops DROP COLUMN {column}")


MIGRATIONS = {2: _drop_workshop_lockout}


def database_url(env: Mapping[str, str] = os.environ) -> sa.URL:
    """DATABASE_URL when set (postgres:// and postgresql:// use psycopg), else the SQLite file
    at WORKSHOP_DB_PATH (default data_local/ateliers.sqlite3 under the project root; its
    folder is created)."""
    url = env.get(DATABASE_URL_ENV, "").strip()
    if url:
        return sa.make_url(re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", url))
    path = Path(env.get(WORKSHOP_DB_PATH_ENV) or DEFAULT_DB_PATH)
    path.parent.mkdir(parents=True, exist_ok=True)
    return sa.URL.create("sqlite+pysqlite", database=str(path))


def engine_from_env(env: Mapping[str, str] = os.environ) -> Engine:
    """An engine on `database_url(env)` with the schema created (idempotent)."""
    url = database_url(env)
    if url.get_backend_name() == "sqlite":
        engine = sa.create_engine(url)
        _configure_sqlite(engine)
    else:
        engine = sa.create_engine(url, pool_pre_ping=True)
    create_schema(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    """WAL and busy_timeout on every connection; SQLAlchemy emits BEGIN (IMMEDIATE for writes)."""

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # the driver no longer emits BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writes = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction, committed on exit, rolled back on an exception.

    On SQLite it starts with BEGIN IMMEDIATE: writers queue on busy_timeout instead of failing
    with "database is locked" when a read-then-write transaction meets a concurrent writer.
    """
    with engine.connect() as connection:
        connection.execution_options(**{_WRITE: True})
        with connection.begin():
            yield connection


def create_schema(engine: Engine) -> None:
    """Create missing tables and the schema_version row, migrate an older database; refuse a
    newer one."""
    with writing(engine) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(SCHEMA_LOCK_ID)))
        metadata.create_all(connection)
        stored = connection.scalar(sa.select(schema_version.c.version))
        if stored is None:
            connection.execute(schema_version.insert().values(id=1, version=SCHEMA_VERSION))
        elif stored > SCHEMA_VERSION:
            raise RuntimeError(
                f"workshop database schema version {stored}, this app knows {SCHEMA_VERSION}: "
                "use the app version that wrote it"
            )
        elif stored < SCHEMA_VERSION:
            for version in range(stored + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[version](connection)
            connection.execute(schema_version.update().values(version=SCHEMA_VERSION))
