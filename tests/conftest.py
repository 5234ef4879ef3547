"""Test set-up: make the project root importable (lib/, app)."""

import csv
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="module")
def rows():
    """data/initiatives.csv as plain dicts (expectations computed from the file itself)."""
    with (ROOT / "data" / "initiatives.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def parents():
    """territory_id -> parent_id, read from data/territories.csv."""
    territories = pd.read_csv(ROOT / "data" / "territories.csv", dtype=str, keep_default_na=False)
    return dict(zip(territories["territory_id"], territories["parent_id"], strict=True))
