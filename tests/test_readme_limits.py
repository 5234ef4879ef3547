"""The README's limits table is the registry's own (no number typed twice)."""

from pathlib import Path

from lib import limits

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_shows_every_declared_limit_as_the_registry_prints_it():
    assert limits.limits_markdown() in README.read_text(encoding="utf-8")
