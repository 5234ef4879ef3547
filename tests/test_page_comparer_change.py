"""Compare page, « évolution » mode (AppTest, widgets by key): departments ranked by their
change of unemployment, the expected territories computed here from the data files."""

import data_files
import pandas as pd
import pytest
from apptest_pages import open_view
from data_files import metro_departments, wide_values
from hostile import shown_markdown


@pytest.fixture(scope="module")
def unemployment():
    """Metropolitan departments' unemployment by quarter (rows: "Name (code)"), from the files."""
    names = metro_departments()
    return wide_values("taux_chomage", names).rename(index=names)


def changes(unemployment, start: str, end: str) -> pd.Series:
    return data_files.changes(unemployment, start, end, 1)


def table(at, key: str) -> pd.DataFrame:
    """The table shown in the container of that key."""
    [found] = at.container(key).dataframe
    return found.value


def test_a_link_opens_the_ranking_of_departments_by_change(unemployment):
    at = open_view(
        "comparer",
        level="department",
        compare="change",
        indicator="taux_chomage",
        change_from="2022-T1",
        year="2023-T3",
    )
    assert at.radio(key="compare_mode").value == "change"
    assert at.selectbox(key="compare_trend_start").value == "2022-T1"
    assert at.selectbox(key="compare_trend_end").value == "2023-T3"
    subheaders = [s.value for s in at.subheader]
    assert "Les territoires qui se sont le plus dégradés" in subheaders
    assert "Les territoires qui se sont le plus améliorés" in subheaders
    expected = changes(unemployment, "2022-T1", "2023-T3")
    worse = table(at, "compare_trend_worse")
    assert worse.iloc[0]["Territoire"] in set(expected.index[expected == expected.max()])
    assert worse.iloc[0]["Rang (1 = plus dégradé)"] == 1
    better = table(at, "compare_trend_better")
    assert better.iloc[0]["Territoire"] in set(expected.index[expected == expected.min()])
    full = table(at, "compare_trend_all")
    assert len(full) == len(expected) == 96
    assert (full["Lecture"] == "stable").sum() == (expected == 0).sum()
    assert at.query_params["change_from"] == "2022-T1"


def test_switching_to_change_by_key_uses_the_default_quarters_and_keeps_them_in_the_url(
    unemployment,
):
    at = open_view("comparer", level="department")
    at.radio(key="compare_mode").set_value("change").run()
    assert not at.exception
    quarters = sorted(unemployment.columns)
    assert at.selectbox(key="compare_trend_indicator").value == "taux_chomage"
    assert at.selectbox(key="compare_trend_start").value == quarters[0]
    assert at.selectbox(key="compare_trend_end").value == quarters[-1]
    expected = changes(unemployment, quarters[0], quarters[-1])
    if (expected > 0).any():
        assert table(at, "compare_trend_worse").iloc[0]["Territoire"] in set(
            expected.index[expected == expected.max()]
        )
    else:  # every department is less fragile over the whole series: said, not invented
        assert [i.value for i in at.info] == [
            "Aucun territoire n'est plus fragile en T3 2023 qu'en T1 2014."
        ]
    most_improved = table(at, "compare_trend_better").iloc[0]["Territoire"]
    assert most_improved in set(expected.index[expected == expected.min()])
    at.selectbox(key="compare_trend_start").set_value("2022-T1").run()
    params = dict(at.query_params)
    assert params["compare"] == "change"
    assert (params["change_from"], params["year"]) == ("2022-T1", quarters[-1])
    # the URL reopens the same view
    reopened = open_view("comparer", **params)
    assert reopened.selectbox(key="compare_trend_start").value == "2022-T1"
    assert table(reopened, "compare_trend_worse").equals(table(at, "compare_trend_worse"))


def test_a_start_not_before_the_end_or_not_the_indicators_is_said_and_the_default_used(
    unemployment,
):
    backwards = open_view(
        "comparer",
        compare="change",
        indicator="taux_chomage",
        change_from="2023-T3",
        year="2022-T1",
    )
    # the shared filters refuse it (lib.session.settle_filters), the page starts at its default
    assert "La période de départ T3 2023 ne précède pas la période T1 2022 : elle est ignorée." in [
        shown_markdown(i.value) for i in backwards.info
    ]
    first = sorted(unemployment.columns)[0]
    assert backwards.selectbox(key="compare_trend_start").value == first
    assert backwards.selectbox(key="compare_trend_end").value == "2022-T1"
    assert "change_from" not in backwards.query_params
    other = open_view("comparer", compare="change", indicator="taux_chomage", change_from="2013")
    assert (
        "La période de départ 2013 n'est pas disponible pour « Taux de chômage localisé » ici : "
        "elle est ignorée." in [shown_markdown(i.value) for i in other.info]
    )
    assert other.selectbox(key="compare_trend_start").value == first


def test_the_change_mode_reads_in_english():
    at = open_view("comparer", compare="change", lang="en")
    assert at.radio(key="compare_mode").value == "change"
    subheaders = [s.value for s in at.subheader]
    assert "The territories that improved the most" in subheaders
    assert table(at, "compare_trend_better").columns[0] == "Rank (1 = improved the most)"


def test_departments_without_a_period_are_listed_apart_as_not_available():
    names = metro_departments()
    wide = wide_values("part_population_zone_inondable", names)
    periods = sorted(wide.columns)
    missing = wide.reindex(list(names))[periods[-1]].isna()
    assert missing.any()  # the files lack this indicator's last period for some departments
    at = open_view(
        "comparer", level="department", compare="change", indicator="part_population_zone_inondable"
    )
    assert (
        at.selectbox(key="compare_trend_start").value,
        at.selectbox(key="compare_trend_end").value,
    ) == (
        periods[0],
        periods[-1],
    )
    unavailable = table(at, "compare_trend_missing")
    assert sorted(unavailable["Territoire"]) == sorted(names[i] for i in missing[missing].index)
    assert set(unavailable["Raison"]) == {f"non disponible : aucune valeur en {periods[-1]}"}
    ranked = table(at, "compare_trend_all")
    assert not set(ranked["Territoire"]) & set(unavailable["Territoire"])  # never ranked
    assert f"Non disponible ({len(unavailable)} territoires, non classés)" in [
        s.value for s in at.subheader
    ]
