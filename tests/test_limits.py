"""Limits declared once (lib/limits.py) and JSON read within bounds (lib/bounded_json.py)."""

import json

import pytest

from lib import bounded_json, limits


def test_every_limit_is_declared_once_as_a_constant_of_the_same_name():
    assert len(limits.LIMITS) >= 17
    for name, limit in limits.LIMITS.items():
        assert getattr(limits, name) == limit.value
        assert limit.unit and limit.doc
    with pytest.raises(ValueError, match="limit declared twice: UPLOAD_ROWS"):
        limits.declare("UPLOAD_ROWS", 1, "rows", "again")


def test_the_readme_table_has_one_row_per_limit():
    table = limits.limits_markdown().splitlines()
    assert table[0] == "| limit (`lib/limits.py`) | value | unit | bounds |"
    assert len(table) == 2 + len(limits.LIMITS)
    assert "| `UPLOAD_ROWS` | 50,000 | rows | data rows of an uploaded file |" in table
    assert "| `UPLOAD_BYTES` | 5 MiB | bytes | size of an uploaded file |" in table


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ('{"a": [1, {"b": []}]}', 4),
        ('["[[[[", "]]}}{{", "\\"[[[", "\\\\"]', 1),  # brackets and escaped quotes in strings
        ('{"a": "\\\\", "b": [[]]}', 3),  # an escaped backslash ends before the quote
        ("[" * 100_000, 100_000),
    ],
)
def test_nesting_depth_counts_brackets_outside_strings(text, depth):
    assert bounded_json.nesting_depth(text) == depth


def test_loads_refuses_deep_nesting_and_long_integers_and_reads_the_rest():
    with pytest.raises(bounded_json.TooDeepError) as error:
        bounded_json.loads("[" * 2000 + "]" * 2000, max_depth=8, max_digits=9)
    assert error.value.depth == 2000
    with pytest.raises(bounded_json.TooManyDigitsError):
        bounded_json.loads('{"version": -' + "9" * 5000 + "}", max_depth=8, max_digits=9)
    content = {"a": [1, -123456789, 2.5e300, "[["], "b": {"c": None}}
    assert bounded_json.loads(json.dumps(content), max_depth=8, max_digits=9) == content
