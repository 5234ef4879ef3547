"""Indices on a small hand-computed example (values chosen so every figure is checkable by hand)."""

import numpy as np
import pandas as pd
import pytest

from lib.indices import (
    domain_indices,
    eligible_indicators,
    indicator_scores,
    overall_index,
    ranks,
)

TERRITORIES = ["A", "B", "C"]

META = pd.DataFrame(
    {
        "indicator_id": ["i1", "i2", "i3", "i1_old", "pop"],
        "concept_id": ["c1", "c2", "c3", "c1", "population"],
        "role": ["fragility", "fragility", "fragility", "fragility", "context"],
        "domain_id": ["d1", "d2", "d1", "d1", None],
        "higher_is_worse": pd.array([True, False, True, True, pd.NA], dtype="boolean"),
        "year": ["2021", "2023", "2020", "2013", "2021"],
        "reference_territory_id": ["FR", "FR", None, None, "FR"],
    }
)


def _values(rows):
    return pd.DataFrame(rows, columns=["territory_id", "indicator_id", "value"])


VALUES = _values(
    [
        ("A", "i1", 10.0), ("B", "i1", 20.0), ("C", "i1", 5.0), ("FR", "i1", 10.0),
        ("A", "i2", 80.0), ("B", "i2", 72.0), ("C", "i2", 88.0), ("FR", "i2", 80.0),
        ("A", "i3", 1.0), ("B", "i3", 2.0),
        ("A", "i1_old", 3.0), ("B", "i1_old", 4.0), ("C", "i1_old", 5.0),
        ("A", "pop", 100.0), ("B", "pop", 200.0), ("C", "pop", 300.0),
    ]
)  # fmt: skip


def _by_territory(frame, column="score"):
    return frame.set_index("territory_id")[column].to_dict()


def test_coverage_rule_and_latest_vintage():
    result = eligible_indicators(VALUES, META, TERRITORIES)
    assert result.eligible == ["i1", "i2"]
    reasons = result.coverage.set_index("indicator_id")["reason"].to_dict()
    assert reasons["i3"] == "couverture incomplète"  # C is missing
    assert reasons["i1_old"] == "millésime plus récent retenu"
    assert "pop" not in reasons  # context indicators never enter an index
    covered = result.coverage.set_index("indicator_id")["covered"].to_dict()
    assert covered == {"i1": 3, "i2": 3, "i3": 2, "i1_old": 3}


def test_minmax_scores_are_oriented():
    scores = indicator_scores(VALUES, META, TERRITORIES, ["i1", "i2"], method="minmax")
    i1 = _by_territory(scores[scores.indicator_id == "i1"])
    i2 = _by_territory(scores[scores.indicator_id == "i2"])
    assert i1 == pytest.approx({"A": 100 * 5 / 15, "B": 100.0, "C": 0.0})
    # i2: higher is better, so the lowest value (B = 72) is the most fragile
    assert i2 == pytest.approx({"A": 50.0, "B": 100.0, "C": 0.0})
    assert "FR" not in set(scores.territory_id)


def test_base100_uses_reference_row_and_mirrors_when_higher_is_better():
    scores = indicator_scores(VALUES, META, TERRITORIES, ["i1", "i2", "i3"], method="base100")
    i1 = _by_territory(scores[scores.indicator_id == "i1"])
    i2 = _by_territory(scores[scores.indicator_id == "i2"])
    assert i1 == pytest.approx({"A": 100.0, "B": 200.0, "C": 50.0})
    assert i2 == pytest.approx({"A": 100.0, "B": 110.0, "C": 90.0})
    # no reference row: the base-100 score is missing, never 0
    i3 = scores[scores.indicator_id == "i3"]["score"]
    assert i3.isna().all()


def test_minmax_without_spread_is_missing_not_zero():
    flat = _values([("A", "i1", 5.0), ("B", "i1", 5.0)])
    scores = indicator_scores(flat, META, ["A", "B"], ["i1"], method="minmax")
    assert scores["score"].isna().all()


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown method"):
        indicator_scores(VALUES, META, TERRITORIES, ["i1"], method="zscore")


def test_domain_and_overall_indices():
    scores = indicator_scores(VALUES, META, TERRITORIES, ["i1", "i2"], method="minmax")
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


def test_ranks_most_fragile_first_ties_and_missing():
    result = ranks(pd.Series([10.0, 30.0, 30.0, np.nan], index=list("ABCD")))
    assert result.tolist()[:3] == [3, 1, 1]
    assert result.isna().tolist() == [False, False, False, True]
