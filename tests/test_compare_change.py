"""Territories ranked by the change of an indicator (lib.compare_change, lib.compare_change_page):
expected values computed here from the data files."""

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from data_files import DATA, changes, metro_departments, wide_values

from lib import compare, compare_change, compare_change_page, compare_page
from lib.change_map import PUOR
from lib.filters import Allowed, Filters, parse_query, to_query
from lib.trends import MINUS, judged


@pytest.fixture(scope="module")
def files():
    """Metropolitan departments, read from the data files (not through lib)."""
    return {"names": metro_departments()}


def expected_changes(files, concept: str, start: str, end: str, decimals: int) -> pd.Series:
    """territory_id -> end − start rounded, for the metropolitan departments with both."""
    return changes(wide_values(concept, files["names"]), start, end, decimals)


def department_ranking(dataset, concept, start, end, rows=None):
    names = compare.territory_names(
        compare.compared_territories(dataset, "department", "metro"), "department"
    )
    meta = dataset.indicator_meta.set_index("indicator_id").loc[concept]
    if rows is None:
        rows = compare_change.oriented_rows(dataset, list(names.index), concept)
    return compare_change.ranking(
        rows, names, start, end, int(meta["decimals"]), bool(meta["higher_is_worse"])
    )


def test_unemployment_ranks_departments_by_their_change_as_in_the_files(dataset, files):
    expected = expected_changes(files, "taux_chomage", "2022-T1", "2023-T3", 1)
    assert (expected > 0).any() and (expected < 0).any()  # both sides exist for this pair
    frame = department_ranking(dataset, "taux_chomage", "2022-T1", "2023-T3")
    assert frame["reason"].isna().all() and len(frame) == len(files["names"]) == 96
    got = frame.set_index("territory_id")["change"]
    assert got.to_dict() == pytest.approx(expected.to_dict())
    # a higher rate is more fragile: rank 1 = the largest rise, ties share it
    top = set(expected.index[expected == expected.max()])
    assert set(frame.loc[frame["worse_rank"] == 1, "territory_id"]) == top
    assert frame["territory_id"].iloc[0] in top
    bottom = set(expected.index[expected == expected.min()])
    assert set(frame.loc[frame["better_rank"] == 1, "territory_id"]) == bottom
    assert frame["worse_rank"].is_monotonic_increasing
    assert set(frame.loc[frame["change"] > 0, "fragility"]) == {"worse"}
    assert set(frame.loc[frame["change"] < 0, "fragility"]) == {"better"}


def test_a_higher_is_better_indicator_ranks_a_fall_as_a_degradation(dataset, files):
    meta = dataset.indicator_meta.set_index("indicator_id").loc["niveau_vie_median"]
    assert not meta["higher_is_worse"]
    expected = expected_changes(files, "niveau_vie_median", "2013", "2021", int(meta["decimals"]))
    frame = department_ranking(dataset, "niveau_vie_median", "2013", "2021")
    ranked = frame[frame["reason"].isna()]
    assert set(ranked["territory_id"]) == set(expected.index)
    # the smallest rise of the median standard of living is the most degraded
    weakest = set(expected.index[expected == expected.min()])
    assert set(ranked.loc[ranked["worse_rank"] == 1, "territory_id"]) == weakest
    strongest = set(expected.index[expected == expected.max()])
    assert set(ranked.loc[ranked["better_rank"] == 1, "territory_id"]) == strongest
    # a rise is less fragile for this indicator
    assert set(ranked.loc[ranked["change"] > 0, "fragility"]) == {"better"}


def test_a_missing_period_or_another_vintage_is_listed_apart_never_ranked(dataset, files):
    names = compare.territory_names(
        compare.compared_territories(dataset, "department", "metro"), "department"
    )
    rows = compare_change.oriented_rows(dataset, list(names.index), "taux_chomage")
    no_start = rows["territory_id"].eq("DEP-29") & rows["period"].eq("2014-T1")
    no_end = rows["territory_id"].eq("DEP-93") & rows["period"].eq("2023-T3")
    other = rows["territory_id"].eq("DEP-59") & rows["period"].eq("2023-T3")
    rows = rows[~no_start & ~no_end].copy()
    rows.loc[other, "origin"] = "Mon import"
    frame = department_ranking(dataset, "taux_chomage", "2014-T1", "2023-T3", rows)
    unranked = frame[frame["reason"].notna()].set_index("territory_id")
    assert unranked["reason"].to_dict() == {
        "DEP-29": "missing_start",
        "DEP-93": "missing_end",
        "DEP-59": "vintage",
    }
    assert unranked[["start", "end", "change"]].isna().all().all()  # never 0
    assert unranked["worse_rank"].isna().all() and unranked["better_rank"].isna().all()
    assert list(frame["territory_id"].iloc[-3:].sort_values()) == ["DEP-29", "DEP-59", "DEP-93"]
    expected = expected_changes(files, "taux_chomage", "2014-T1", "2023-T3", 1)
    ranked = frame[frame["reason"].isna()]
    assert len(ranked) == 93
    assert ranked["worse_rank"].max() <= 93
    assert ranked.set_index("territory_id")["change"].to_dict() == pytest.approx(
        expected.drop(["DEP-29", "DEP-59", "DEP-93"]).to_dict()
    )


def test_changes_that_round_to_zero_are_stable_and_ties_share_a_rank():
    names = pd.Series(["A", "B", "C", "D"], index=["T-A", "T-B", "T-C", "T-D"])
    rows = pd.DataFrame(
        {
            "territory_id": ["T-A", "T-A", "T-B", "T-B", "T-C", "T-C", "T-D", "T-D"],
            "period": ["2020", "2021"] * 4,
            "value": [10.0, 10.04, 10.0, 9.96, 10.0, 10.5, 8.0, 8.5],
            "origin": "embedded",
        }
    )
    frame = compare_change.ranking(rows, names, "2020", "2021", 1, True).set_index("name")
    assert frame["change"].to_dict() == pytest.approx({"A": 0.0, "B": 0.0, "C": 0.5, "D": 0.5})
    assert frame["fragility"].to_dict() == {"A": None, "B": None, "C": "worse", "D": "worse"}
    assert frame["worse_rank"].to_dict() == {"A": 3, "B": 3, "C": 1, "D": 1}
    assert frame["better_rank"].to_dict() == {"A": 1, "B": 1, "C": 3, "D": 3}
    assert list(frame.index) == ["C", "D", "A", "B"]  # ties by name
    # the same judgement as the profile's last change
    assert judged(0.0, True) == ("stable", None)
    assert judged(0.5, False) == ("up", "better")


def test_default_periods_are_the_first_and_last_quarters_of_the_files(dataset, files):
    quarters = sorted(wide_values("taux_chomage", files["names"]).columns)
    ids = list(files["names"])
    choices = compare_change.choices(dataset, ids)
    assert choices.defaults["taux_chomage"] == (quarters[0], quarters[-1])
    assert choices.periods["taux_chomage"] == quarters
    assert "population" not in choices.indicators  # no direction: cannot degrade
    assert choices.indicator(None) == "taux_chomage"
    assert choices.indicator("niveau_vie_median") == "niveau_vie_median"


def test_periods_asked_for_are_kept_when_the_indicator_has_them():
    available = ["2013", "2019", "2021"]
    kept = compare_change.chosen_periods(available, ("2013", "2021"), "2019", None)
    assert (kept.start, kept.end, kept.dropped, kept.ordered) == ("2019", "2021", (), True)
    other = compare_change.chosen_periods(available, ("2013", "2021"), "2014-T1", "2019")
    assert (other.start, other.end, other.dropped) == ("2013", "2019", ("2014-T1",))
    backwards = compare_change.chosen_periods(available, ("2013", "2021"), "2021", "2013")
    assert not backwards.ordered


def test_the_periods_not_used_are_said_in_the_language_chosen():
    available = ["2013", "2019", "2021"]
    kept = compare_change.chosen_periods(available, ("2013", "2021"), "2019", None)
    assert compare_change_page.dropped_note(kept, "fr") == ""
    other = compare_change.chosen_periods(available, ("2013", "2021"), "2014-T1", "2020")
    assert compare_change_page.dropped_note(other, "fr") == (
        "Période non disponible pour cet indicateur ici : T1 2014, 2020. "
        "La période par défaut est utilisée."
    )
    assert compare_change_page.dropped_note(other, "en") == (
        "Period not available for this indicator here: Q1 2014, 2020. The default period is used."
    )
    backwards = compare_change.chosen_periods(
        ["2022-T1", "2023-T3"], ("2022-T1", "2023-T3"), "2023-T3", "2022-T1"
    )
    assert compare_change_page.unordered_note(backwards, "fr") == (
        "La période de début (T3 2023) doit précéder la période de fin (T1 2022) : "
        "choisissez d'autres périodes."
    )


def test_the_url_keeps_the_start_period_of_a_change():
    allowed = Allowed(
        territories=frozenset(),
        actors=frozenset(),
        domains=frozenset(),
        indicators=frozenset({"taux_chomage"}),
        periods=frozenset({"2014-T1", "2023-T3"}),
    )
    query = {"indicator": "taux_chomage", "year": "2023-T3", "change_from": "2014-T1"}
    parsed = parse_query(query, allowed)
    assert parsed.filters == Filters(
        indicator="taux_chomage", period="2023-T3", change_from="2014-T1"
    )
    assert to_query(parsed.filters) == query
    wrong = parse_query({"change_from": "1850"}, allowed)
    assert (wrong.filters.change_from, wrong.dropped) == (None, [("change_from", "1850")])


@pytest.fixture(scope="module")
def unemployment_view(dataset):
    selected = compare_page.selection(dataset, "department", "metro", (), "minmax", "fr")
    periods = compare_change.Periods("2022-T1", "2023-T3")
    return compare_change_page.view(dataset, selected, "taux_chomage", periods, "fr")


def test_the_view_shows_the_most_degraded_with_points_and_words(files, unemployment_view):
    expected = expected_changes(files, "taux_chomage", "2022-T1", "2023-T3", 1)
    worse = unemployment_view.worse
    assert list(worse.columns) == [
        "Rang (1 = plus dégradé)",
        "Territoire",
        "Valeur T1 2022",
        "Valeur T3 2023",
        "Évolution",
        "Lecture",
    ]
    first = worse.iloc[0]
    largest = expected.max()
    assert files["names"][expected.idxmax()] in set(worse.loc[worse.iloc[:, 0] == 1, "Territoire"])
    assert first["Évolution"] == f"+{largest:.1f} pt".replace(".", ",")
    assert set(worse["Lecture"]) == {"plus fragile"}
    assert len(worse) == min(compare_change_page.TOP, int((expected > 0).sum()))
    better = unemployment_view.better
    assert better.iloc[0]["Évolution"] == f"{MINUS}{-expected.min():.1f} pt".replace(".", ",")
    assert set(better["Lecture"]) == {"moins fragile"}
    assert len(unemployment_view.ranked) == 96
    stable = unemployment_view.ranked[unemployment_view.ranked["Lecture"].eq("stable")]
    assert len(stable) == int((expected == 0).sum())
    assert set(stable["Évolution"]) <= {"0,0 pt"}
    assert unemployment_view.unavailable.empty
    assert "en points de pourcentage" in unemployment_view.note


def test_the_export_holds_start_end_and_change_as_numbers(files, unemployment_view):
    export = unemployment_view.export
    for column in ("Valeur de début", "Valeur de fin", "Évolution (pt)"):
        assert pd.api.types.is_float_dtype(export[column]), column
    expected = expected_changes(files, "taux_chomage", "2022-T1", "2023-T3", 1)
    by_id = export.set_index("territory_id")
    assert by_id["Évolution (pt)"].to_dict() == pytest.approx(expected.to_dict())
    assert set(by_id["Période de début"]) == {"2022-T1"} and set(by_id["Période de fin"]) == {
        "2023-T3"
    }
    assert by_id["Source"].iloc[0].startswith("INSEE, Taux de chômage localisés")


def test_the_chart_colours_the_fragile_side_red_whatever_the_direction(dataset):
    selected = compare_page.selection(dataset, "department", "metro", (), "minmax", "en")
    periods = compare_change.Periods("2013", "2021")
    view = compare_change_page.view(dataset, selected, "niveau_vie_median", periods, "en")
    figure = go.Figure(json.loads(view.chart.to_json()))  # validated by plotly
    bar = figure.data[0]
    x, colour = np.array(bar.x), np.array(bar.marker.color)
    assert (np.sign(colour) == -np.sign(x)).all()  # a rise of the standard of living: less fragile
    assert bar.marker.cmin == -bar.marker.cmax  # centred on 0
    assert bar.marker.colorscale[-1][1] == PUOR[0]  # the top of the scale (more fragile): orange
    meta = pd.read_csv(DATA / "indicator_meta.csv").set_index("indicator_id")
    unit = meta.loc["niveau_vie_median", "unit_en"]
    assert figure.layout.xaxis.title.text == f"Change ({unit})"
    assert [text.lstrip("+" + MINUS).replace(",", "") for text in bar.text] == [
        str(abs(round(v))) for v in bar.x
    ]  # the change beside each bar, without its unit (on the axis)
    assert view.worse.columns[0] == "Rank (1 = worsened the most)"
    assert "a fall means more fragile" in view.note


@pytest.mark.parametrize("level", ["region", "department"])
def test_every_rankable_indicator_ranks_or_lists_apart_every_territory(dataset, level):
    selected = compare_page.selection(dataset, level, "metro", (), "minmax", "fr")
    choices = compare_change.choices(dataset, selected.ids)
    assert len(choices.indicators) >= 10
    for concept in choices.indicators:
        start, end = choices.defaults[concept]
        view = compare_change_page.view(
            dataset, selected, concept, compare_change.Periods(start, end), "fr"
        )
        assert len(view.ranked) + len(view.unavailable) == len(selected.ids), concept
        changes = view.export.filter(like="Évolution").iloc[:, 0]
        assert changes.isna().sum() == len(view.unavailable), concept
        assert all(r.startswith("non disponible") for r in view.unavailable.iloc[:, 1]), concept
