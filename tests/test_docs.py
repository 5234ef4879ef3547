"""The README's tables are the registries' own (datasette's test_docs habit: no number typed twice)."""

from pathlib import Path

import pytest

from lib import settings

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize("table", [settings.settings_markdown(), settings.variables_markdown()])
def test_the_readme_shows_each_registry_table_once_exactly_as_printed(table):
    readme = README.read_text(encoding="utf-8")
    header = table.splitlines()[0]
    assert readme.count(header) == 1  # no second, stale copy of the table
    assert table in readme
    after = readme.split(table, 1)[1]
    assert after.startswith("\n") and not after[1:].startswith("|")  # no extra row below
