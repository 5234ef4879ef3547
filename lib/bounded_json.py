"""JSON read within bounds: the nesting depth is measured before parsing (a linear scan, no
recursion), integers are refused past a number of digits while parsing (Python's int() would
raise on 4,300 digits and spend quadratic time below)."""

from __future__ import annotations

import json
import re

_SPECIAL = re.compile(r'[\[\]{}"\\]')


class TooDeepError(ValueError):
    """Objects and lists nested deeper than allowed."""

    def __init__(self, depth: int) -> None:
        super().__init__(f"nested {depth} levels deep")
        self.depth = depth


class TooManyDigitsError(ValueError):
    """An integer longer than allowed."""


def nesting_depth(text: str) -> int:
    """The deepest nesting of objects and lists in a JSON text (brackets inside strings are
    not counted)."""
    depth = deepest = 0
    in_string = False
    escaped_at = -1
    for match in _SPECIAL.finditer(text):
        position, char = match.start(), match.group()
        if position == escaped_at:
            continue
        if in_string:
            if char == "\\":
                escaped_at = position + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def loads(text: str, max_depth: int, max_digits: int) -> object:
    """`json.loads(text)`, or TooDeepError / TooManyDigitsError / json.JSONDecodeError."""
    depth = nesting_depth(text)
    if depth > max_depth:
        raise TooDeepError(depth)

    def bounded_int(literal: str) -> int:
        if len(literal.lstrip("-")) > max_digits:
            raise TooManyDigitsError(f"integer of {len(literal.lstrip('-'))} digits")
        return int(literal)

    return json.loads(text, parse_int=bounded_int)
