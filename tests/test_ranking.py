"""One rank for one index (lib/ranking.py): ranks, their comparison set, how they read."""

import numpy as np
import pandas as pd
import pytest

from lib import ranking


def test_ranks_most_fragile_first_ties_and_missing():
    result = ranking.ranks(pd.Series([10.0, 30.0, 30.0, np.nan], index=list("ABCD")))
    assert result.tolist()[:3] == [3, 1, 1]
    assert result.isna().tolist() == [False, False, False, True]


@pytest.mark.parametrize(
    ("level", "area", "size", "fr", "en"),
    [
        ("region", "metro", 13, "13 régions métropolitaines", "13 metropolitan regions"),
        ("region", "all", 18, "18 régions de France", "18 regions of France"),
        (
            "department",
            "metro",
            96,
            "96 départements métropolitains",
            "96 metropolitan departments",
        ),
        ("department", "all", 101, "101 départements de France", "101 departments of France"),
    ],
)
def test_the_set_of_a_whole_level_reads_in_both_languages(level, area, size, fr, en):
    members = ranking.whole_level(level, area, size)
    assert (members.label("fr"), members.label("en")) == (fr, en)


def test_standing_gives_value_rank_and_the_text_with_its_set():
    values = pd.Series({"A": 40.0, "B": 75.5, "C": 75.5, "D": 12.0, "E": np.nan})
    members = ranking.whole_level("region", "metro", 13)
    third = ranking.standing(values, "A", members)
    assert (third.value, third.rank, third.text) == (40.0, 3, "3e sur 13 régions métropolitaines")
    tied = ranking.standing(values, "C", members, "en")
    assert (tied.rank, tied.text) == (1, "1st of 13 metropolitan regions")  # ties: "min"
    for missing in ("E", "Z"):  # no value, or outside the set
        found = ranking.standing(values, missing, members)
        assert np.isnan(found.value) and found.rank is None and found.text == "non disponible"


def test_short_text_leaves_the_set_to_its_heading():
    members = ranking.ComparisonSet("set_department_within", 4, "Bretagne")
    assert members.label() == "4 départements (Bretagne)"
    assert ranking.short_text(2, members) == "2e sur 4"
    assert ranking.short_text(pd.NA, members, "en") == "not available"
    assert ranking.rank_text(2, members, "en") == "2nd of 4 departments (Bretagne)"
