"""Every label key is read somewhere by the code (no dead label).

A key counts as read when the code holds it as a string literal, or when a key is built from a
literal prefix ending in "_" (`f"method_{method}"`, `"level_" + level`): such a prefix covers
every key that starts with it, so a dead key under a built prefix goes unnoticed (the check
never cries wolf)."""

import ast
from pathlib import Path

from lib.i18n import LABELS

ROOT = Path(__file__).resolve().parents[1]


def code_strings(sources: list[str]) -> tuple[set[str], set[str]]:
    """The string literals of `sources`, and the literal prefixes ("..._") of keys built at run
    time."""
    literals, prefixes = set(), set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and first.value.endswith("_"):
                    prefixes.add(first.value)
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
                and node.left.value.endswith("_")
            ):
                prefixes.add(node.left.value)
    return literals, prefixes


def unread_keys(keys: list[str], sources: list[str]) -> list[str]:
    literals, prefixes = code_strings(sources)
    return [k for k in keys if k not in literals and not k.startswith(tuple(prefixes))]


def test_the_check_tells_read_keys_from_dead_ones():
    sources = ['t("page_map", lang)', 't(f"method_{method}", lang)', 't("level_" + level, lang)']
    keys = ["page_map", "method_minmax", "level_region", "page_gone", "methods_all"]
    assert unread_keys(keys, sources) == ["page_gone", "methods_all"]


def test_every_label_key_is_read_by_the_code():
    paths = [*ROOT.glob("lib/**/*.py"), *ROOT.glob("views/**/*.py"), ROOT / "app.py"]
    sources = [p.read_text(encoding="utf-8") for p in paths if "labels" not in p.parts]
    assert unread_keys(list(LABELS), sources) == []
