"""Perceived vs objective classification (lib/perception.py) on hand-made inputs."""

import math

import pandas as pd
import pytest

from lib.perception import (
    BLIND_SPOT,
    NEITHER,
    NOT_AVAILABLE,
    PERCEIVED_ONLY,
    SHARED,
    Group,
    classify,
    default_group,
    groups_by_actor,
    objective_ranks,
    perceived_ranks,
    perceived_vs_objective,
    perception_groups,
)

DOMAINS = ["a", "b", "c", "d", "e", "f", "g"]


def test_perceived_ranks_high_share_or_score_first_and_ties_share_the_best_rank():
    values = pd.Series({"a": 40.0, "b": 55.0, "c": 55.0, "d": 30.0, "e": math.nan})
    assert perceived_ranks(values, "share").to_dict() == {"a": 3, "b": 1, "c": 1, "d": 4}
    assert perceived_ranks(values, "score").to_dict() == {"a": 3, "b": 1, "c": 1, "d": 4}


def test_perceived_ranks_keep_the_study_rank_for_a_rank_measure():
    # the study's own rank, not a re-ranking of the listed domains (5 stays 5)
    values = pd.Series({"a": 1.0, "b": 5.0})
    assert perceived_ranks(values, "rank").to_dict() == {"a": 1, "b": 5}


def test_a_group_giving_a_domain_twice_is_refused():
    with pytest.raises(ValueError, match="at most one value per domain"):
        perceived_ranks(pd.Series([50.0, 40.0], index=["a", "a"]), "share")


def test_objective_ranks_most_fragile_first_missing_left_out():
    indices = pd.Series({"a": 20.0, "b": 80.0, "c": math.nan, "d": 80.0, "e": 50.0})
    assert objective_ranks(indices).to_dict() == {"a": 4, "b": 1, "d": 1, "e": 3}


def test_classify_each_case_by_hand():
    perceived = pd.Series({"a": 1, "b": 2, "c": 5, "d": 6, "f": 3}, dtype="Int64")
    objective = pd.Series({"a": 2, "b": 7, "c": 1, "d": 4, "e": 1}, dtype="Int64")
    classes = classify(perceived, objective, ["a", "b", "c", "d", "e", "f", "g"])
    assert classes.to_dict() == {
        "a": SHARED,  # top 3 on both sides
        "b": PERCEIVED_ONLY,
        "c": BLIND_SPOT,  # top 3 objective, perceived but not in the top 3
        "d": NEITHER,
        "e": NOT_AVAILABLE,  # top objective but no perceived figure: never a blind spot
        "f": NOT_AVAILABLE,  # top perceived but no objective index
        "g": NOT_AVAILABLE,  # nothing on either side
    }


def test_perceived_vs_objective_with_a_tie_at_the_third_place():
    # perceived: b 60, a 50, c 40, d 40 -> ranks 1, 2, 3, 3: four domains in the top 3
    perceived = pd.Series({"a": 50.0, "b": 60.0, "c": 40.0, "d": 40.0, "e": 10.0})
    # objective: e 90, d 70, f 60, a 10, b 5 -> ranks 1, 2, 3, 4, 5 (c has no index)
    objective = pd.Series({"a": 10.0, "b": 5.0, "c": math.nan, "d": 70.0, "e": 90.0, "f": 60.0})
    table = perceived_vs_objective(perceived, "share", objective, DOMAINS)
    assert list(table["domain_id"]) == DOMAINS
    assert table.set_index("domain_id")["category"].to_dict() == {
        "a": PERCEIVED_ONLY,
        "b": PERCEIVED_ONLY,
        "c": NOT_AVAILABLE,
        "d": SHARED,
        "e": BLIND_SPOT,
        "f": NOT_AVAILABLE,  # fragile but not asked in the survey
        "g": NOT_AVAILABLE,
    }
    assert table.set_index("domain_id")["perceived_rank"].dropna().to_dict() == {
        "a": 2,
        "b": 1,
        "c": 3,
        "d": 3,
        "e": 5,
    }
    assert table["objective_rank"].isna().tolist() == [
        False,
        False,
        True,
        False,
        False,
        False,
        True,
    ]


def test_fewer_than_three_domains_on_each_side_are_all_in_the_top_3():
    perceived = pd.Series({"a": 6.5, "b": 7.0})  # two scores only
    objective = pd.Series({"a": 30.0, "c": 50.0})
    table = perceived_vs_objective(perceived, "score", objective, ["a", "b", "c"])
    assert table["category"].tolist() == [SHARED, NOT_AVAILABLE, NOT_AVAILABLE]


def test_a_rank_measure_with_few_domains_is_not_promoted_into_the_top_3():
    perceived = pd.Series({"a": 1.0, "b": 5.0})
    objective = pd.Series({"a": 10.0, "b": 90.0})
    table = perceived_vs_objective(perceived, "rank", objective, ["a", "b"])
    assert table["category"].tolist() == [SHARED, BLIND_SPOT]


def test_no_perception_at_all_makes_every_domain_not_available():
    objective = pd.Series({"a": 90.0, "b": 80.0})
    table = perceived_vs_objective(pd.Series(dtype=float), "share", objective, ["a", "b"])
    assert table["category"].tolist() == [NOT_AVAILABLE, NOT_AVAILABLE]


def _row(pid, territory, actor, domain, study, question, measure, value):
    return {
        "perception_id": pid,
        "territory_id": territory,
        "actor_id": actor,
        "domain_id": domain,
        "study": study,
        "question": question,
        "measure": measure,
        "value": value,
    }


PERCEPTIONS = pd.DataFrame(
    [
        _row("P1", "FR", "citoyens", "a", "S1", "Q1", "score", 7.0),
        _row("P2", "FR", "citoyens", "b", "S1", "Q1", "score", 6.0),
        _row("P3", "FR", "citoyens", "a", "S1", "Q1", "share", 40.0),  # other measure
        _row("P4", "REG-52", "citoyens", "a", "S2", "Q1", "share", 40.0),
        _row("P5", "FR", "citoyens", "c", "S1", "Q1", "score", 5.0),
        _row("P6", "FR", "entreprises", "a", "S1", "Q1", "score", 8.0),
        _row("P7", "REG-11", "citoyens", "a", "S3", "Q1", "share", 10.0),  # another region
    ]
)


def test_groups_never_mix_territories_studies_questions_or_measures():
    groups = perception_groups(PERCEPTIONS, "citoyens", ["REG-52", "FR"])
    keys = [(g.territory_id, g.study, g.question, g.measure) for g in groups]
    # the territory's own figures first, then national ones in the data's order
    assert keys == [
        ("REG-52", "S2", "Q1", "share"),
        ("FR", "S1", "Q1", "score"),
        ("FR", "S1", "Q1", "share"),
    ]
    assert [g.n_domains for g in groups] == [1, 3, 1]
    assert groups[1].values().to_dict() == {"a": 7.0, "b": 6.0, "c": 5.0}
    assert default_group(groups) == 1  # the first group with at least 3 domains


def test_groups_by_actor_in_one_pass_and_defaults():
    groups = groups_by_actor(PERCEPTIONS, ["citoyens", "entreprises", "associations"], ["FR"])
    assert [len(groups[a]) for a in ("citoyens", "entreprises", "associations")] == [2, 1, 0]
    assert default_group(groups["entreprises"]) == 0  # none has 3 domains: the first
    assert default_group(groups["associations"]) is None


def test_group_values_keep_duplicates_for_the_ranking_to_refuse():
    rows = (_row("P1", "FR", "x", "a", "S", "Q", "share", 1.0),) * 2
    group = Group("x", "FR", "S", "Q", "share", rows)
    assert group.n_domains == 1
    with pytest.raises(ValueError):
        perceived_ranks(group.values(), "share")
