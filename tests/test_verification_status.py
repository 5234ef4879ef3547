"""A researched series' verification status shows beside its source wherever it is cited."""

import pandas as pd
import pytest

from lib import profile
from lib.data import DATA_DIR
from lib.datasets import publisher_texts, source_texts
from lib.sources_page import sources_table


@pytest.fixture(scope="module")
def statuses():
    """source_id -> verification, read from the file itself."""
    table = pd.read_csv(DATA_DIR / "sources_series.csv", dtype=str, keep_default_na=False)
    return dict(zip(table["source_id"], table["verification"], strict=True))


SUFFIX = {"unverified": " — non vérifié", "partly_verified": " — vérification partielle"}


def test_every_source_text_says_its_status_unless_verified(dataset, statuses):
    publishers, texts = publisher_texts(dataset.sources), source_texts(dataset.sources)
    assert {"unverified", "partly_verified", "verified"} <= set(statuses.values())
    for source_id, status in statuses.items():
        if status in SUFFIX:
            assert publishers[source_id].endswith(SUFFIX[status])
            assert texts[source_id].endswith(SUFFIX[status])
        else:  # verified: nothing to flag
            assert "vérifi" not in publishers[source_id] + texts[source_id]
    # an embedded source not assessed by the research notes carries nothing
    assert publishers["insee-chomage-localise-2023t3"] == "INSEE"


def test_the_status_follows_the_language(dataset, statuses):
    unverified = next(s for s, status in statuses.items() if status == "unverified")
    assert publisher_texts(dataset.sources, "en")[unverified].endswith(" — unverified")


def test_the_profile_key_figures_cite_an_unverified_series_as_such(dataset, statuses):
    rows = dataset.indicators
    cited = rows[
        (rows["territory_id"] == "DEP-29") & (rows["indicator_id"] == "part_80_plus_vivant_seuls")
    ]
    assert set(statuses[s] for s in cited["source_id"]) == {"unverified"}
    look = profile.lookups(dataset, "fr")
    table = profile.key_figures(look, "DEP-29").table.set_index("Indicateur")
    assert table.loc["Part des 80 ans ou plus vivant seuls", "Source"] == "INSEE — non vérifié"


def test_the_sources_page_says_what_was_cross_checked(dataset, statuses):
    table = sources_table(dataset, "fr").set_index("Identifiant")
    notes = pd.read_csv(DATA_DIR / "sources_series.csv", dtype=str).set_index("source_id")
    for source_id, status in statuses.items():
        assert (
            table.loc[source_id, "Vérification"]
            == {
                "verified": "vérifié",
                "partly_verified": "vérification partielle",
                "unverified": "non vérifié",
            }[status]
        )
        assert (
            table.loc[source_id, "Ce qui a été vérifié, et contre quoi"]
            == notes.loc[source_id, "verification_note"]
        )
    assert pd.isna(table.loc["insee-chomage-localise-2023t3", "Vérification"])
