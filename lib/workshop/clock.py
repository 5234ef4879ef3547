"""The current time, timezone-aware UTC (one place, so tests can move it)."""

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)
