"""Periods: parsing, order, time position and labels."""

import pytest

from lib.periods import chronological, is_period, latest, period_label, position, sort_key


@pytest.mark.parametrize("text", ["2021", "2023-T3", "2016-2022"])
def test_valid_periods(text):
    assert is_period(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " 2021",
        "21",
        "2023-T5",
        "2023-T0",
        "2023T3",
        "2022-2016",
        "2021-2021",
        "1850",
        None,
        2021,
    ],
)
def test_invalid_periods(text):
    assert not is_period(text)


def test_positions_are_mid_period_and_a_span_sits_in_its_last_year():
    assert position("2021") == 2021.5
    assert position("2023-T1") == 2023.125
    assert position("2023-T3") == 2023.625
    assert position("2016-2022") == 2022.5


def test_chronological_order_and_latest():
    periods = ["2023-T3", "2013", "2016-2022", "2022", "2023-T1", "2021"]
    assert chronological(periods) == ["2013", "2021", "2022", "2016-2022", "2023-T1", "2023-T3"]
    assert latest(periods) == "2023-T3"
    assert latest([]) is None
    assert sort_key("2014-T1") < sort_key("2014-T2") < sort_key("2015")


def test_invalid_period_raises():
    with pytest.raises(ValueError, match="not a period"):
        position("T3 2023")


def test_labels_per_language():
    assert period_label("2023-T3", "fr") == "T3 2023"
    assert period_label("2023-T3", "en") == "Q3 2023"
    assert period_label("2016-2022", "en") == "2016-2022"
    assert period_label("2021", "fr") == "2021"
