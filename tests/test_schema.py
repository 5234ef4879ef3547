"""Validation at load: a broken file fails loudly, naming the file, the line and the column."""

import re
import shutil

import pandas as pd
import pytest

from lib.data import DATA_DIR, load_dataset, read_raw_csv, validate_indicator_rows
from lib.schema import DataValidationError, validate_table

META = read_raw_csv(DATA_DIR / "indicator_meta.csv")
REFS = {
    "territories": {"FR", "FR-HM", "REG-53", "DEP-53"},
    "sources": {"insee-chomage-localise-2023t3"},
    "indicators": set(META["indicator_id"]),
    "france_scopes": {"FR", "FR-METRO", "FR-HM"},
}
GOOD_ROW = {
    "territory_id": "REG-53",
    "indicator_id": "taux_chomage_2023t3",
    "year": "2023-T3",
    "value": "6.0",
    "source_id": "insee-chomage-localise-2023t3",
    "note": "",
}


def _problems(rows, file="indicators.csv"):
    raw = pd.DataFrame(rows, dtype=str)
    with pytest.raises(DataValidationError) as caught:
        validate_indicator_rows(raw, META, REFS, file)
    return [str(p) for p in caught.value.problems]


def test_a_valid_row_passes_and_is_typed():
    meta = validate_table(
        "indicator_meta", META, {"domains": _domains(), "france_scopes": REFS["france_scopes"]}
    )
    checked = validate_indicator_rows(pd.DataFrame([GOOD_ROW], dtype=str), meta, REFS, "x.csv")
    assert checked["value"].tolist() == [6.0]
    assert list(checked.columns) == list(GOOD_ROW)


def _domains():
    return set(read_raw_csv(DATA_DIR / "domains.csv")["domain_id"])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"value": "six"},
            "fichier indicators.csv, ligne 3, colonne « value » : valeur « six » illisible : un nombre attendu",
        ),
        (
            {"value": "120"},
            "fichier indicators.csv, ligne 3, colonne « value » : un pourcentage doit être compris entre 0 et 100",
        ),
        (
            {"source_id": "inconnue"},
            "fichier indicators.csv, ligne 3, colonne « source_id » : valeur inconnue « inconnue »",
        ),
        (
            {"territory_id": "53"},
            "fichier indicators.csv, ligne 3, colonne « territory_id » : valeur inconnue « 53 »",
        ),
        ({"value": ""}, "fichier indicators.csv, ligne 3, colonne « value » : valeur manquante"),
        (
            {"year": "2022-T3"},
            "fichier indicators.csv, ligne 3, colonne « year » : une seule année par indicateur : l'année doit être celle de indicator_meta",
        ),
    ],
)
def test_bad_values_are_located(change, expected):
    other = {**GOOD_ROW, "territory_id": "FR-HM", "value": "7.4"}
    assert _problems([other, {**GOOD_ROW, **change}]) == [expected]


def test_duplicated_key_and_missing_column():
    duplicated = _problems([GOOD_ROW, GOOD_ROW])
    assert duplicated[0].startswith(
        "fichier indicators.csv, ligne 2 : ligne en double (même clé : territory_id, indicator_id)"
    )
    missing = _problems([{k: v for k, v in GOOD_ROW.items() if k != "source_id"}])
    assert missing == [
        "fichier indicators.csv, colonne « source_id » : colonne obligatoire absente"
    ]


def test_a_broken_embedded_file_stops_the_load_with_its_name(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir)
    indicators = (data_dir / "indicators.csv").read_text(encoding="utf-8").splitlines()
    header, first = indicators[0], indicators[1].split(",")
    first[3] = "abc"
    (data_dir / "indicators.csv").write_text(
        "\n".join([header, ",".join(first), *indicators[2:]]), encoding="utf-8"
    )
    with pytest.raises(DataValidationError) as caught:
        load_dataset(data_dir)
    assert str(caught.value.problems[0]).startswith(
        "fichier indicators.csv, ligne 2, colonne « value » : valeur « abc »"
    )


def test_missing_file_is_reported(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir)
    (data_dir / "sources.csv").unlink()
    with pytest.raises(
        DataValidationError, match=re.escape("fichier sources.csv : fichier introuvable")
    ):
        load_dataset(data_dir)


def test_territory_id_must_match_its_level():
    raw = pd.DataFrame(
        [
            {
                "territory_id": "FR",
                "level": "france",
                "code": "",
                "name": "France",
                "parent_id": "",
                "overseas": "false",
            },
            {
                "territory_id": "DEP-53",
                "level": "region",
                "code": "53",
                "name": "Mayenne",
                "parent_id": "FR",
                "overseas": "non",
            },
        ]
    )
    with pytest.raises(DataValidationError) as caught:
        validate_table("territories", raw, {"territories": {"FR", "DEP-53"}})
    assert [str(p) for p in caught.value.problems] == [
        "fichier territories.csv, ligne 3, colonne « overseas » : valeur « non » illisible : vrai/faux (true/false) attendu"
    ]
    raw.loc[1, "overseas"] = "false"
    with pytest.raises(DataValidationError) as caught:
        validate_table("territories", raw, {"territories": {"FR", "DEP-53"}})
    assert [str(p) for p in caught.value.problems] == [
        "fichier territories.csv, ligne 3, colonne « territory_id » : l'identifiant ne correspond pas au niveau (REG-, DEP-, COM-, FR)"
    ]
