"""The map of a change between two periods (lib/change_map.py): values read back from the data
files, missing periods and vintages, the diverging classes and the figure."""

from dataclasses import replace

import pandas as pd
import pytest

from lib import change_map, maps
from lib.change_map import PUOR, diverging_classes, legend_labels, start_options
from lib.classify import MISSING_COLOUR, assign_classes
from lib.filters import Filters
from lib.formatting import format_value
from lib.trends import MINUS

CHOMAGE = Filters(level="department", indicator="taux_chomage", change_from="2019-T4")


def values_at(dataset, indicator: str, period: str) -> pd.Series:
    rows = dataset.indicators
    rows = rows[rows["indicator_id"].eq(indicator) & rows["period"].eq(period)]
    return rows.set_index("territory_id")["value"]


def by_territory(result: change_map.ChangeMap) -> pd.DataFrame:
    return result.view.frame.set_index("territory_id")


def test_each_change_is_the_end_value_minus_the_start_value_of_the_data_files(dataset):
    result = change_map.change_map(dataset, CHOMAGE)
    assert (result.start, result.end) == ("2019-T4", "2023-T3")  # the default end: the latest
    frame = by_territory(result)
    compared = frame[frame["compared"]]
    assert len(compared) == 96  # metropolitan departments
    start, end = (values_at(dataset, "taux_chomage", p) for p in ("2019-T4", "2023-T3"))
    expected = (end - start).round(1).reindex(compared.index)
    assert expected.notna().all()
    pd.testing.assert_series_equal(compared["value"], expected, check_names=False)
    # outside the comparison (overseas departments): drawn grey, never 0
    assert frame.loc[~frame["compared"], "value"].isna().all()
    assert set(frame.loc[~frame["compared"], "value_text"]) == {"non disponible"}


def test_the_hover_and_the_table_give_the_start_and_end_values_and_the_change(dataset):
    result = change_map.change_map(dataset, CHOMAGE)
    start, end = (values_at(dataset, "taux_chomage", p)["DEP-29"] for p in ("2019-T4", "2023-T3"))
    change = round(end - start, 1)
    text = f"{change:+.1f}".replace("-", MINUS).replace(".", ",")
    judged = "plus fragile" if change > 0 else "moins fragile" if change < 0 else "stable"
    row = by_territory(result).loc["DEP-29"]
    assert row["value_text"] == f"{text} pt ({judged})"
    start_text, end_text = (format_value(v, "% de la population active", 1) for v in (start, end))
    assert row["detail"] == (f"T4 2019 : {start_text} → T3 2023 : {end_text} · Source : INSEE")
    table = result.table.set_index("Territoire")
    assert list(table.columns) == [
        "Valeur T4 2019",
        "Valeur T3 2023",
        "Évolution",
        "Source ou remarque",
    ]
    assert table.loc["Finistère"].tolist() == [
        start_text,
        end_text,
        row["value_text"],
        "Source : INSEE",
    ]
    # the most fragile-ward change first (a rise, unemployment being worse when higher)
    changes = by_territory(result).dropna(subset=["value"])["value"]
    first = by_territory(result).set_index("name").loc[table.index[0], "value"]
    assert first == changes.max()


def test_a_territory_without_the_start_period_is_missing_not_zero(dataset):
    rows = dataset.indicators
    gone = rows["territory_id"].eq("DEP-29") & rows["indicator_id"].eq("taux_chomage")
    gone &= rows["period"].eq("2019-T4")
    assert gone.sum() == 1
    result = change_map.change_map(replace(dataset, indicators=rows[~gone]), CHOMAGE)
    row = by_territory(result).loc["DEP-29"]
    assert pd.isna(row["value"]) and row["value_text"] == "non disponible"
    assert row["detail"].startswith("T4 2019 : non disponible → T3 2023 : ")
    assert result.view.covered == 95
    assert "Couverture : 95 territoires sur 96." in result.captions[1]


def test_values_of_two_vintages_are_never_compared(dataset):
    rows = dataset.indicators.copy()
    other = rows["territory_id"].eq("DEP-29") & rows["indicator_id"].eq("taux_chomage")
    rows.loc[other & rows["period"].eq("2023-T3"), "origin"] = "Mon import"
    result = change_map.change_map(replace(dataset, indicators=rows), CHOMAGE)
    row = by_territory(result).loc["DEP-29"]
    assert pd.isna(row["value"]) and row["value_text"] == "non disponible"
    assert row["detail"].endswith("· valeurs de deux millésimes différents : non comparées")
    assert by_territory(result).loc["DEP-22", "value"] == pytest.approx(
        round(
            values_at(dataset, "taux_chomage", "2023-T3")["DEP-22"]
            - values_at(dataset, "taux_chomage", "2019-T4")["DEP-22"],
            1,
        )
    )


def test_a_start_period_without_any_value_there_is_never_replaced_by_another(dataset):
    # taux_pauvrete has 2013 for departments; 2018 exists only for other concepts
    filters = Filters(level="department", indicator="taux_pauvrete", change_from="2018")
    result = change_map.change_map(dataset, filters)
    assert result.view.frame["value"].isna().all()
    assert result.legend == []
    # the hover says the start is missing and names only the end value's source
    start_text = by_territory(result).loc["DEP-29", "detail"]
    assert start_text.startswith("2018 : non disponible → 2021 : ")
    assert start_text.endswith(" · Source : INSEE-DGFiP-Cnaf-Cnav-CCMSA")


@pytest.mark.parametrize("worse", [True, False, None])
def test_the_classes_are_symmetric_around_zero_and_orange_is_the_more_fragile_side(worse):
    values = pd.Series([-1.2, -0.3, 0.0, 0.4, 2.0, None])  # classes 0.8 wide
    classes = diverging_classes(values, 1, worse)
    edges = classes.edges
    assert edges == tuple(-e for e in reversed(edges))  # mirrored around 0
    assert edges[0] <= -2.0 and edges[-1] >= 2.0  # the largest change, on either side
    assert classes.colours[2] == PUOR[2] == "#f7f7f7"  # the middle class holds 0
    assert assign_classes(pd.Series([0.0]), classes).tolist() == [2]
    more_fragile = classes.colours[-1] if worse is not False else classes.colours[0]
    assert more_fragile == "#e66101"  # orange, whatever the indicator
    assert set(classes.colours) == set(PUOR) and MISSING_COLOUR not in classes.colours
    # a value on a class boundary goes to the class nearer 0, on both sides alike
    bounds = assign_classes(pd.Series([-0.4, 0.4, -0.5, 0.5]), classes).tolist()
    assert bounds == [2, 2, 1, 3]
    assert legend_labels(classes, 1) == [
        f"de {MINUS}2,0 à {MINUS}1,3",
        f"de {MINUS}1,2 à {MINUS}0,5",
        f"de {MINUS}0,4 à +0,4",
        "de +0,5 à +1,2",
        "de +1,3 à +2,0",
    ]


def test_wide_classes_are_rounded_for_the_legend_and_in_english():
    classes = diverging_classes(pd.Series([3660.0, -120.0]), 0, False)
    assert legend_labels(classes, 0, "en") == [
        f"{MINUS}3,750 to {MINUS}2,251",
        f"{MINUS}2,250 to {MINUS}751",
        f"{MINUS}750 to +750",
        "+751 to +2,250",
        "+2,251 to +3,750",
    ]


def test_only_earlier_periods_can_start_a_change():
    periods = ["2021", "2013", "2019"]
    assert start_options(periods, "2021") == ["2013", "2019"]
    assert start_options(periods, "2013") == []
    assert start_options(["2023-T2", "2023-T3", "2022"], "2023-T3") == ["2022", "2023-T2"]


def test_the_figure_draws_the_change_with_its_diverging_legend(dataset):
    result = change_map.change_map(dataset, CHOMAGE.with_(lang="en"))
    figure = maps.view_map(result.view, "/departments.geojson", "en", legend=result.legend)
    values, missing = figure.data
    assert values.colorbar.title.text == "pts"
    assert list(values.colorbar.ticktext) == result.legend
    assert [colour for _, colour in values.colorscale][::2] == list(reversed(PUOR))
    assert len(values.locations) == 96 and len(missing.locations) == 5
    assert result.captions[0].startswith(
        "Local unemployment rate: change between Q4 2019 and Q3 2023 (value at Q3 2023 minus "
        "value at Q4 2019, in pts). Source: INSEE"
    )
    assert result.captions[1].startswith("Orange: more fragile (rise); purple: less fragile")
