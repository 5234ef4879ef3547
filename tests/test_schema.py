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
    "indicator_id": "taux_chomage",
    "period": "2023-T3",
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
    # `decimals` (the source's precision of the value) is optional: empty = the indicator's
    assert list(checked.columns) == [*GOOD_ROW, "decimals"]
    assert checked["decimals"].isna().all()


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
            {"period": "T3 2023"},
            "fichier indicators.csv, ligne 3, colonne « period » : période illisible : une année (2021), un trimestre (2023-T3) ou une période (2016-2022) est attendu",
        ),
        (
            {"decimals": "1.5"},
            "fichier indicators.csv, ligne 3, colonne « decimals » : valeur « 1.5 » illisible : un nombre entier attendu",
        ),
        (
            {"decimals": "4"},
            "fichier indicators.csv, ligne 3, colonne « decimals » : valeur « 4 » trop grande",
        ),
        (
            {"value": "6.25", "decimals": "1"},
            "fichier indicators.csv, ligne 3, colonne « value » : la valeur a plus de décimales que la colonne « decimals » n'en indique",
        ),
        (
            {"period": "2022-2016"},
            "fichier indicators.csv, ligne 3, colonne « period » : période illisible : une année (2021), un trimestre (2023-T3) ou une période (2016-2022) est attendu",
        ),
    ],
)
def test_bad_values_are_located(change, expected):
    other = {**GOOD_ROW, "territory_id": "FR-HM", "value": "7.4"}
    assert _problems([other, {**GOOD_ROW, **change}]) == [expected]


def test_problems_read_in_english_when_english_is_chosen():
    rows = [GOOD_ROW, GOOD_ROW, {**GOOD_ROW, "period": "2023-Q9", "value": "six"}]
    with pytest.raises(DataValidationError) as caught:
        validate_indicator_rows(pd.DataFrame(rows, dtype=str), META, REFS, "x.csv")
    english = {(p.line, p.column, p.text("en")) for p in caught.value.problems}
    assert english == {
        (2, None, "duplicated row (same key: territory_id, indicator_id, period)"),
        (3, None, "duplicated row (same key: territory_id, indicator_id, period)"),
        (4, "value", "unreadable value \u201csix\u201d: a number expected"),
    }
    assert {p.text("fr") for p in caught.value.problems} == {
        "ligne en double (même clé : territory_id, indicator_id, period)",
        "valeur « six » illisible : un nombre attendu",
    }


def test_a_row_rule_reads_in_english():
    rows = [{**GOOD_ROW, "period": "2023-Q9"}]
    with pytest.raises(DataValidationError) as caught:
        validate_indicator_rows(pd.DataFrame(rows, dtype=str), META, REFS, "x.csv")
    assert [(p.column, p.text("en")) for p in caught.value.problems] == [
        (
            "period",
            "unreadable period: a year (2021), a quarter (2023-T3) or a period (2016-2022) is "
            "expected",
        )
    ]


def test_duplicated_key_and_missing_column():
    duplicated = _problems([GOOD_ROW, GOOD_ROW])
    assert duplicated[0].startswith(
        "fichier indicators.csv, ligne 2 : ligne en double (même clé : territory_id, indicator_id, period)"
    )
    assert validate_indicator_rows(
        pd.DataFrame([GOOD_ROW, {**GOOD_ROW, "period": "2023-T2"}], dtype=str), META, REFS, "x"
    )["period"].tolist() == ["2023-T3", "2023-T2"]
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


@pytest.mark.parametrize("name", ["sources.csv", "perceived_more.csv"])
def test_missing_file_is_reported(tmp_path, name):
    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir)
    (data_dir / name).unlink()
    with pytest.raises(
        DataValidationError, match=re.escape(f"fichier {name} : fichier introuvable")
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
        "fichier territories.csv, ligne 3, colonne « territory_id » : l'identifiant ne correspond pas au niveau (REG-, DEP-, EPCI-, COM-, FR)"
    ]


def _write_csv(path, rows):
    pd.DataFrame(rows).to_csv(path, index=False)


def test_companion_files_are_read_and_their_keys_checked_across_files(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir)
    _write_csv(
        data_dir / "sources_test.csv",
        [
            {
                "source_id": "serie-test",
                "title": "Série de test",
                "publisher": "INSEE",
                "year": "2024",
                "url_or_package": "https://example.org",
                "licence": "Licence Ouverte",
                "note": "",
                "verification": "verified",
                "verification_note": "comparée à une seconde source",
            }
        ],
    )
    meta = read_raw_csv(DATA_DIR / "indicator_meta.csv")
    new_meta = meta[meta["indicator_id"] == "taux_chomage"].assign(indicator_id="test_serie")
    new_meta.to_csv(data_dir / "indicator_meta_test.csv", index=False)
    row = {**GOOD_ROW, "indicator_id": "test_serie", "source_id": "serie-test"}
    _write_csv(
        data_dir / "indicators_test.csv",
        [row, {**GOOD_ROW, "period": "2016-2022", "source_id": "serie-test", "value": "5.5"}],
    )
    # commune files are not loaded with the dataset (on demand); EPCI files are
    _write_csv(data_dir / "indicators_test_communes.csv", [{**row, "territory_id": "COM-0"}])
    epci = "EPCI-242900314"
    _write_csv(data_dir / "indicators_test_epci.csv", [{**row, "territory_id": epci}])
    dataset = load_dataset(data_dir)
    assert "COM-0" not in set(dataset.indicators["territory_id"])
    epci_rows = dataset.indicators[dataset.indicators["territory_id"] == epci]
    assert "test_serie" in set(epci_rows["indicator_id"])
    sources = dataset.sources.set_index("source_id")
    assert sources.loc["serie-test", "verification"] == "verified"
    assert pd.isna(sources.loc["insee-chomage-localise-2023t3", "verification"])  # not assessed
    assert "test_serie" in set(dataset.indicator_meta["indicator_id"])
    rows = dataset.indicators[dataset.indicators["territory_id"] == "REG-53"]
    chomage = rows[rows["indicator_id"] == "taux_chomage"].set_index("period")["value"]
    assert chomage[["2023-T3", "2016-2022"]].to_dict() == {"2023-T3": 6.0, "2016-2022": 5.5}
    _write_csv(data_dir / "indicators_test.csv", [{**GOOD_ROW, "value": "6.1"}])
    with pytest.raises(DataValidationError) as caught:
        load_dataset(data_dir)
    problem = str(caught.value.problems[0])
    assert problem.startswith("fichier indicators.csv + indicators_rp2021.csv + ")
    assert "indicators_test.csv" in problem.split(" : ")[0]
    assert "2 lignes en double entre fichiers (par ex. REG-53 / taux_chomage / 2023-T3)" in problem


def test_an_indicator_id_defined_twice_across_metadata_files_is_refused(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir)
    meta = read_raw_csv(DATA_DIR / "indicator_meta.csv")
    meta.head(1).to_csv(data_dir / "indicator_meta_test.csv", index=False)
    with pytest.raises(DataValidationError, match="lignes en double entre fichiers"):
        load_dataset(data_dir)
