"""Small tables as rows of plain dicts."""

import math

import pandas as pd

from lib.rows import records


def test_records_keep_the_order_the_values_and_the_missing_cells():
    frame = pd.DataFrame({"a": ["x", "y", "z"], "b": [1.5, math.nan, 3.0]}, index=[9, 3, 7])
    rows = records(frame)
    assert [r["a"] for r in rows] == ["x", "y", "z"]
    assert rows[0] == {"a": "x", "b": 1.5} and math.isnan(rows[1]["b"])


def test_records_of_chosen_columns_only():
    frame = pd.DataFrame({"a": ["x"], "b": [1.0], "c": [True]})
    assert records(frame, ["c", "a"]) == [{"c": True, "a": "x"}]
    assert records(frame.head(0)) == []
