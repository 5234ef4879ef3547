"""What the workshop pages' forms read and show, without Streamlit: the closing time typed in the
organiser's time zone, a ballot's obvious mistakes in words (the storage checks everything again),
a vote summarised (typed text is made literal by `lib.safe_text.literal_markdown`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lib.formatting import join_items, ordinal
from lib.i18n import t

DEFAULT_TIMEZONE = "Europe/Paris"


def zone(name: str | None) -> ZoneInfo:
    """The browser's time zone when known and valid, else Europe/Paris."""
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def closing_datetime(day: date, hour: time, timezone: str | None) -> datetime:
    """The closing time typed by the organiser (in their time zone) as an aware UTC datetime."""
    return datetime.combine(day, hour, tzinfo=zone(timezone)).astimezone(UTC)


def local_text(moment: datetime, timezone: str | None) -> str:
    """'23/11/2026 18:00' in the given time zone."""
    return moment.astimezone(zone(timezone)).strftime("%d/%m/%Y %H:%M")


def ballot_problem(
    actor_id: str | None,
    choices: Sequence[str | None],
    domain_labels: Mapping[str, str],
    lang: str = "fr",
) -> str | None:
    """What is missing or repeated in a ballot, in words; None when it can be sent."""
    if actor_id is None:
        return t("ws_pick_profile", lang)
    if any(choice is None for choice in choices):
        return t("ws_missing_choice", lang, n=len(choices))
    repeated = [c for i, c in enumerate(choices) if c in choices[:i]]
    if repeated:
        return t("ws_repeated_choice", lang, domain=domain_labels.get(repeated[0], repeated[0]))
    return None


def vote_summary(
    vote: Mapping[str, object],
    actor_labels: Mapping[str, str],
    domain_labels: Mapping[str, str],
    lang: str = "fr",
) -> str:
    """'Citoyens — 1er Emploi…, 2e Santé…, 3e Logement'."""
    domains = join_items(
        (
            f"{ordinal(rank, lang)} {domain_labels.get(d, d)}"
            for rank, d in enumerate(vote["domain_ids"], start=1)
        ),
        lang,
    )
    return f"{actor_labels.get(vote['actor_id'], vote['actor_id'])} — {domains}"
