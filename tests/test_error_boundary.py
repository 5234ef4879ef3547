"""An unexpected error on a page: a sentence with a reference, the details in the server log."""

import logging
import re
from unittest import mock

import pytest
from apptest_pages import APP, TIMEOUT
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.page_error_expected


def _failing_home(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if lang:
        at.query_params["lang"] = lang
    with mock.patch("lib.cached.home_map_html", side_effect=ValueError("secret detail /srv/x")):
        at.run()
    return at


def test_a_failing_page_shows_a_french_sentence_with_a_reference_and_no_traceback(caplog):
    with caplog.at_level(logging.ERROR, logger="territoires"):
        at = _failing_home()
    assert not at.exception
    [error] = [e.value for e in at.error]
    match = re.fullmatch(
        r"Une erreur inattendue s'est produite : cette vue n'a pas pu s'afficher\. Les autres "
        r"pages restent utilisables\. Si le problème persiste, signalez-le avec la référence "
        r"([0-9A-F]{8})\.",
        error,
    )
    assert match, error
    assert "secret detail" not in error
    [record] = [r for r in caplog.records if match.group(1) in r.getMessage()]
    assert record.exc_info[1].args == ("secret detail /srv/x",)  # the details are logged
    assert at.title[0].value == "Territoires fragiles & alliances"  # the page above the error stays


def test_the_sentence_follows_the_language():
    at = _failing_home("en")
    [error] = [e.value for e in at.error]
    assert error.startswith("An unexpected error occurred: this view could not be shown.")


def test_each_failure_gets_its_own_reference():
    first, second = (next(e.value for e in _failing_home().error) for _ in range(2))
    assert first[-10:-1] != second[-10:-1]
