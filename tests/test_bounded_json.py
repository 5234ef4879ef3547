"""JSON read within bounds (lib/bounded_json.py): nesting depth and integer digits."""

import json

import pytest

from lib import bounded_json


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
