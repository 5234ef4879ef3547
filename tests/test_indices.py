"""Indices on a small hand-computed example (values chosen so every figure is checkable by hand)."""

import numpy as np
import pandas as pd
import pytest

from lib.indices import (
    display_period,
    domain_indices,
    eligible_indicators,
    excluded_for_coverage,
    indicator_scores,
    overall_index,
    weighted_mean,
)

TERRITORIES = ["A", "B", "C"]

META = pd.DataFrame(
    {
        "indicator_id": ["i1", "i2", "i3", "pop"],
        "role": ["fragility", "fragility", "fragility", "context"],
        "domain_id": ["d1", "d2", "d1", None],
        "higher_is_worse": pd.array([True, False, True, pd.NA], dtype="boolean"),
        "reference_territory_id": ["FR", "FR", None, "FR"],
    }
)


def _values(rows):
    return pd.DataFrame(rows, columns=["territory_id", "indicator_id", "period", "value"])


VALUES = _values(
    [
        ("A", "i1", "2021", 10.0), ("B", "i1", "2021", 20.0), ("C", "i1", "2021", 5.0),
        ("FR", "i1", "2021", 10.0),
        ("A", "i1", "2013", 3.0), ("B", "i1", "2013", 4.0), ("C", "i1", "2013", 5.0),
        ("A", "i1", "2023-T3", 9.0), ("B", "i1", "2023-T3", 8.0), ("FR", "i1", "2023-T3", 1.0),
        ("A", "i2", "2023", 80.0), ("B", "i2", "2023", 72.0), ("C", "i2", "2023", 88.0),
        ("FR", "i2", "2023", 80.0),
        ("A", "i3", "2020", 1.0), ("B", "i3", "2020", 2.0),
        ("A", "pop", "2021", 100.0), ("B", "pop", "2021", 200.0), ("C", "pop", "2021", 300.0),
    ]
)  # fmt: skip
PERIODS = {"i1": "2021", "i2": "2023"}


def _by_territory(frame, column="score"):
    return frame.set_index("territory_id")[column].to_dict()


def test_per_concept_the_latest_period_covering_every_territory():
    result = eligible_indicators(VALUES, META, TERRITORIES)
    assert result.eligible == ["i1", "i2"]
    assert result.periods == PERIODS  # i1: 2023-T3 lacks C, 2021 is newer than 2013
    coverage = result.coverage.set_index(["indicator_id", "period"])
    assert coverage["reason"].to_dict() == {
        ("i1", "2013"): "période plus récente retenue",
        ("i1", "2021"): "",
        ("i1", "2023-T3"): "couverture incomplète",
        ("i2", "2023"): "",
        ("i3", "2020"): "couverture incomplète",  # C is missing
    }
    assert coverage["covered"].to_dict() == {
        ("i1", "2013"): 3,
        ("i1", "2021"): 3,
        ("i1", "2023-T3"): 2,
        ("i2", "2023"): 3,
        ("i3", "2020"): 2,
    }
    assert "pop" not in set(result.coverage["indicator_id"])  # context never enters an index
    assert excluded_for_coverage(result.coverage) == 1  # i3 (i1 is used, with another period)


def test_an_older_period_is_used_when_only_it_covers_the_territories():
    newer = _values([("A", "i1", "2021", 1.0), ("A", "i1", "2013", 2.0), ("B", "i1", "2013", 3.0)])
    result = eligible_indicators(newer, META, ["A", "B"])
    assert result.periods == {"i1": "2013"}
    assert eligible_indicators(newer, META, ["A"]).periods == {"i1": "2021"}


def test_an_indicator_without_values_has_one_uncovered_row():
    result = eligible_indicators(VALUES[VALUES["indicator_id"] != "i3"], META, TERRITORIES)
    row = result.coverage[result.coverage["indicator_id"] == "i3"].iloc[0]
    assert (pd.isna(row["period"]), row["covered"], row["reason"]) == (
        True,
        0,
        "couverture incomplète",
    )


def test_display_period_wanted_else_most_covered_then_latest():
    assert display_period(VALUES, "i1", TERRITORIES) == "2021"
    assert display_period(VALUES, "i1", TERRITORIES, "2023-T3") == "2023-T3"
    assert display_period(VALUES, "i1", TERRITORIES, "1999") == "2021"  # no value then
    assert display_period(VALUES, "i1", ["A", "B"]) == "2023-T3"  # all three cover A, B
    assert display_period(VALUES, "i1", ["Z"]) is None


def test_minmax_scores_are_oriented():
    scores = indicator_scores(VALUES, META, TERRITORIES, PERIODS, method="minmax")
    i1 = _by_territory(scores[scores.indicator_id == "i1"])
    i2 = _by_territory(scores[scores.indicator_id == "i2"])
    assert i1 == pytest.approx({"A": 100 * 5 / 15, "B": 100.0, "C": 0.0})
    # i2: higher is better, so the lowest value (B = 72) is the most fragile
    assert i2 == pytest.approx({"A": 50.0, "B": 100.0, "C": 0.0})
    assert "FR" not in set(scores.territory_id)


def test_base100_uses_reference_row_and_mirrors_when_higher_is_better():
    periods = {**PERIODS, "i3": "2020"}
    scores = indicator_scores(VALUES, META, TERRITORIES, periods, method="base100")
    i1 = _by_territory(scores[scores.indicator_id == "i1"])
    i2 = _by_territory(scores[scores.indicator_id == "i2"])
    assert i1 == pytest.approx({"A": 100.0, "B": 200.0, "C": 50.0})
    assert i2 == pytest.approx({"A": 100.0, "B": 110.0, "C": 90.0})
    # no reference row: the base-100 score is missing, never 0
    i3 = scores[scores.indicator_id == "i3"]["score"]
    assert i3.isna().all()
    assert set(scores.loc[scores.indicator_id == "i1", "period"]) == {"2021"}


def test_base100_reference_is_the_same_period():
    # FR has a 2023-T3 value (1.0) but none for 2013: the 2013 scores are not available
    older = indicator_scores(VALUES, META, TERRITORIES, {"i1": "2013"}, method="base100")
    assert older["score"].isna().all() and older["value"].tolist() == [3.0, 4.0, 5.0]
    quarter = indicator_scores(VALUES, META, ["A", "B"], {"i1": "2023-T3"}, method="base100")
    assert _by_territory(quarter) == pytest.approx({"A": 900.0, "B": 800.0})


def test_minmax_without_spread_is_missing_not_zero():
    flat = _values([("A", "i1", "2021", 5.0), ("B", "i1", "2021", 5.0)])
    scores = indicator_scores(flat, META, ["A", "B"], {"i1": "2021"}, method="minmax")
    assert scores["score"].isna().all()


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown method"):
        indicator_scores(VALUES, META, TERRITORIES, {"i1": "2021"}, method="zscore")


def test_domain_and_overall_indices():
    scores = indicator_scores(VALUES, META, TERRITORIES, PERIODS, method="minmax")
    domains = domain_indices(scores, META)
    d1 = domains[domains.domain_id == "d1"].set_index("territory_id")["index"].to_dict()
    assert d1 == pytest.approx({"A": 100 * 5 / 15, "B": 100.0, "C": 0.0})
    equal = overall_index(domains, {"d1": 1, "d2": 1}, all_domains=["d1", "d2", "d3"])
    assert _by_territory(equal, "index") == pytest.approx(
        {"A": (100 * 5 / 15 + 50) / 2, "B": 100.0, "C": 0.0}
    )
    assert set(equal["n_domains"]) == {2} and set(equal["n_total"]) == {3}
    weighted = overall_index(domains, {"d1": 3, "d2": 1}, all_domains=["d1", "d2"])
    assert _by_territory(weighted, "index")["A"] == pytest.approx((3 * 100 * 5 / 15 + 50) / 4)
    only_d2 = overall_index(domains, {"d1": 0, "d2": 1}, all_domains=["d1", "d2"])
    assert _by_territory(only_d2, "index") == pytest.approx({"A": 50.0, "B": 100.0, "C": 0.0})


def test_domain_mean_ignores_missing_scores_and_stays_missing_when_all_are():
    scores = pd.DataFrame(
        {
            "territory_id": ["A", "A", "B", "B"],
            "indicator_id": ["i1", "i3", "i1", "i3"],
            "value": [1.0, 1.0, 1.0, 1.0],
            "score": [40.0, np.nan, np.nan, np.nan],
        }
    )
    domains = domain_indices(scores, META).set_index("territory_id")
    assert domains.loc["A", "index"] == 40.0 and domains.loc["A", "n"] == 1
    assert np.isnan(domains.loc["B", "index"]) and domains.loc["B", "n"] == 0


def test_overall_index_is_missing_when_a_weighted_domain_is_missing():
    domains = pd.DataFrame(
        {
            "territory_id": ["A", "A", "B"],
            "domain_id": ["d1", "d2", "d1"],
            "index": [10.0, 30.0, 50.0],
            "n": [1, 1, 1],
        }
    )
    result = _by_territory(overall_index(domains, {"d1": 1, "d2": 1}, ["d1", "d2"]), "index")
    assert result["A"] == 20.0
    assert np.isnan(result["B"])


def test_weighted_mean_does_not_depend_on_the_column_order():
    """One value for one index: the same rows and weights give the same float whatever the
    order and the unweighted columns of the matrix (the overall index of every page)."""
    rng = np.random.default_rng(7)
    values = rng.uniform(0, 100, size=(50, 5))
    weights = {"a": 1.0, "b": 0.5, "c": 1.0, "d": 2.5, "e": 0.0}
    first = weighted_mean(values, list("abcde"), weights)
    order = [4, 2, 0, 3, 1]
    second = weighted_mean(values[:, order], [list("abcde")[i] for i in order], weights)
    assert np.array_equal(first, second)  # bit for bit, not approximately
    extra = weighted_mean(np.column_stack([values, values[:, 0]]), [*"abcde", "z"], weights)
    assert np.array_equal(first, extra)
    assert first[0] == pytest.approx(
        (values[0, 0] + 0.5 * values[0, 1] + values[0, 2] + 2.5 * values[0, 3]) / 5.0
    )


def test_weighted_mean_is_missing_with_a_missing_weighted_column_or_no_weight():
    values = np.array([[10.0, np.nan], [10.0, 20.0]])
    assert np.isnan(weighted_mean(values, ["a", "b"], {"a": 1, "b": 1})[0])
    assert weighted_mean(values, ["a", "b"], {"a": 1, "b": 0})[0] == 10.0
    assert np.isnan(weighted_mean(values, ["a", "b"], {"a": 0, "b": -1})).all()
