"""A fresh workshop database for one bench run: a temporary SQLite file, or a new schema of a
PostgreSQL database (dropped afterwards). Yields the environment the app reads it from."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from lib.workshop.db import database_url


@contextmanager
def scratch_database(postgres_url: str | None = None) -> Iterator[dict[str, str]]:
    """{"WORKSHOP_DB_PATH": ...} for a new SQLite file, or {"DATABASE_URL": ...} naming a new
    schema (search_path) at `postgres_url`."""
    if not postgres_url:
        with tempfile.TemporaryDirectory() as folder:
            yield {"WORKSHOP_DB_PATH": str(Path(folder) / "bench.sqlite3")}
        return
    base = database_url({"DATABASE_URL": postgres_url})
    admin = sa.create_engine(base)
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    try:
        with admin.begin() as connection:
            connection.execute(sa.text(f"CREATE SCHEMA {schema}"))
        scoped = base.update_query_dict({"options": f"-csearch_path={schema}"})
        try:
            yield {"DATABASE_URL": scoped.render_as_string(hide_password=False)}
        finally:
            with admin.begin() as connection:
                connection.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
    finally:
        admin.dispose()
