"""Number formatting (French typography, missing in words) and classed legends."""

import numpy as np
import pandas as pd
import pytest

from lib.classify import PALETTE, assign_classes, quantile_classes
from lib.formatting import NARROW_NBSP, format_number, format_value
from lib.maps import class_labels


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "lang", "expected"),
    [
        (7.4, "% de la population active", 1, "fr", f"7,4{NARROW_NBSP}% de la population active"),
        (7.4, "%", 1, "en", "7.4%"),
        (23240, "€ par an et par UC", 0, "fr", f"23{NARROW_NBSP}240 € par an et par UC"),
        (12317279, "habitants", 0, "en", "12,317,279 habitants"),
        (np.nan, "%", 1, "fr", "non disponible"),
        (None, "%", 1, "en", "not available"),
        (pd.NA, "%", 1, "fr", "non disponible"),
    ],
)
def test_format_value(value, unit, decimals, lang, expected):
    assert format_value(value, unit, decimals, lang) == expected


def test_format_number_rounds():
    assert format_number(0.05, 1) == "0,1"
    assert format_number(-1234.5, 0, "en") == "-1,234"


def test_quantile_classes_and_assignment():
    values = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, np.nan])
    classes = quantile_classes(values, k=5)
    assert classes.edges == pytest.approx((1.0, 2.0, 3.0, 4.0, 5.0, 6.0))
    assert classes.colours == PALETTE
    assigned = assign_classes(values, classes)
    assert assigned.tolist()[:6] == [0, 1, 2, 3, 4, 4]  # the maximum falls in the last class
    assert assigned.isna().tolist()[6]
    assert class_labels(classes, 0)[0] == "1 – 2"


def test_edges_rounded_to_the_values_precision_leave_no_class_between_two_values():
    # whole-number rates (a commune file published to the unit): the raw quantiles 8.6 and 9
    # would make a class '9 – 9' holding no value; rounded, that class disappears
    rates = pd.Series([6, 7, 8, 9, 9, 9, 9, 10, 11, 11, 12, 13, 13, 25], dtype=float)
    assert 8.6 in [round(e, 1) for e in quantile_classes(rates).edges]
    classes = quantile_classes(rates, decimals=0)
    assert classes.edges == (6.0, 9.0, 11.0, 12.0, 25.0)
    assert class_labels(classes, 0) == ["6 – 9", "9 – 11", "11 – 12", "12 – 25"]
    assert assign_classes(rates, classes).value_counts().sort_index().tolist() == [3, 5, 2, 4]


def test_few_distinct_values_give_fewer_classes_keeping_both_palette_ends():
    classes = quantile_classes(pd.Series([1.0, 1.0, 1.0, 9.0]), k=5)
    assert classes.edges == pytest.approx((1.0, 4.2, 9.0))  # 80th percentile: 1 + 0.4 × 8
    assert classes.colours == (PALETTE[0], PALETTE[-1])
    single = quantile_classes(pd.Series([3.0, 3.0]))
    assert single.count == 1
    assert assign_classes(pd.Series([3.0]), single).tolist() == [0]
    assert quantile_classes(pd.Series([np.nan])).count == 0
