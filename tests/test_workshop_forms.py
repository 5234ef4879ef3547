"""What the workshop pages' forms read and show (lib/workshop/forms.py)."""

from datetime import UTC, date, datetime, time

from lib.workshop import forms


def test_closing_time_is_read_in_the_organisers_time_zone():
    winter = forms.closing_datetime(date(2026, 11, 23), time(18, 0), "Europe/Paris")
    assert winter == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    summer = forms.closing_datetime(date(2026, 7, 1), time(18, 0), "Europe/Paris")
    assert summer == datetime(2026, 7, 1, 16, 0, tzinfo=UTC)
    reunion = forms.closing_datetime(date(2026, 11, 23), time(18, 0), "Indian/Reunion")
    assert reunion == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    unknown = forms.closing_datetime(date(2026, 11, 23), time(18, 0), "Mars/Olympus")
    assert unknown == winter  # an unknown zone falls back to Paris
    assert forms.local_text(winter, None) == "23/11/2026 18:00"


def test_ballot_problems_in_words():
    labels = {"emploi": "Emploi", "sante": "Santé"}
    assert forms.ballot_problem(None, ["emploi"], labels) == "Choisissez votre profil."
    assert forms.ballot_problem("citoyens", ["emploi", None], labels) == (
        "Choisissez un domaine à chaque rang (2 au total)."
    )
    assert forms.ballot_problem("citoyens", ["sante", "emploi", "sante"], labels) == (
        "« Santé » est choisi deux fois : choisissez des domaines différents."
    )
    assert forms.ballot_problem("citoyens", ["sante", "emploi"], labels) is None
