"""What the organiser's live dashboard says about a workshop, without Streamlit: its status,
whether (and under which name) its results are published, the domains picked at least once."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lib.i18n import t
from lib.safe_text import literal_markdown
from lib.settings import MIN_PARTICIPANTS
from lib.workshop import forms, results
from lib.workshop.layer import layer_label
from lib.workshop.privacy import OTHER
from lib.workshop.workshops import Workshop


def status_text(workshop: Workshop, timezone: str | None, lang: str = "fr") -> str:
    """Open (until when, in the organiser's time zone) or closed."""
    if not workshop.is_open:
        return t("ws_status_closed", lang)
    if workshop.closes_at is None:
        return t("ws_status_open", lang)
    return t("ws_status_open_until", lang, date=forms.local_text(workshop.closes_at, timezone))


def publication_notes(workshop: Workshop, votes: pd.DataFrame, lang: str = "fr") -> list[str]:
    """The captions under the status (markdown, the title made literal): published or not, how
    many participants publishing still needs, and a warning when no profile would be shown."""
    n = results.n_participants(votes)
    if workshop.published:
        label = literal_markdown(layer_label(workshop.title, workshop.created_at, n))
        notes = [t("ws_published_yes", lang, label=label)]
    else:
        notes = [t("ws_published_no", lang)]
        if n < MIN_PARTICIPANTS:
            missing = MIN_PARTICIPANTS - n
            notes.append(t("ws_publish_missing", lang, minimum=MIN_PARTICIPANTS, missing=missing))
    if n >= MIN_PARTICIPANTS and set(results.grouped_votes(votes)["actor_id"]) == {OTHER}:
        notes.append(t("ws_publish_no_profile", lang, minimum=MIN_PARTICIPANTS))
    return notes


def picked_domains(votes: pd.DataFrame, domain_ids: Sequence[str]) -> pd.DataFrame:
    """`results.domain_votes` without the domains nobody picked (the bars of the chart)."""
    chart = results.domain_votes(votes, domain_ids)
    return chart[chart["n_picked"] > 0]
