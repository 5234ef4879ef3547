"""The move from one-vintage indicator ids to concepts with periods changed no value: every row
of the former files (commit BEFORE) is in the new files, same territory, concept, period, value,
source and note."""

import io
import subprocess

import pandas as pd
import pytest

from lib.data import DATA_DIR
from lib.filters import INDICATOR_ALIASES

BEFORE = "884fc3b"  # the last commit with one-vintage ids (`year` column)
FILES = ("indicators.csv", "indicators_rp2021.csv", "indicators_rp2021_communes.csv")


def _before(path: str) -> pd.DataFrame:
    try:
        text = subprocess.run(
            ["git", "show", f"{BEFORE}:{path}"],
            cwd=DATA_DIR.parent,
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip(f"the git history holding {BEFORE} is not available")
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


@pytest.mark.parametrize("file", FILES)
def test_every_former_value_is_in_the_new_files(file):
    old = _before(f"data/{file}")
    new = pd.read_csv(DATA_DIR / file, dtype=str, keep_default_na=False)
    assert len(new) == len(old)
    concept = {old_id: pair[0] for old_id, pair in INDICATOR_ALIASES.items()}
    expected = old.assign(indicator_id=old["indicator_id"].map(concept)).rename(
        columns={"year": "period"}
    )
    assert expected["indicator_id"].notna().all()  # every former id has an alias
    merged = expected.merge(
        new, on=["territory_id", "indicator_id", "period"], how="left", suffixes=("", "_new")
    )
    assert merged["value_new"].notna().all()
    assert (merged["value"].astype(float) == merged["value_new"].astype(float)).all()
    assert (merged["source_id"] == merged["source_id_new"]).all()
    assert (merged["note"] == merged["note_new"]).all()


def test_aliases_give_each_former_id_its_former_period():
    old = _before("data/indicator_meta.csv")
    pairs = zip(old["concept_id"], old["year"], strict=True)
    aliases = dict(zip(old["indicator_id"], pairs, strict=True))
    assert aliases == INDICATOR_ALIASES
