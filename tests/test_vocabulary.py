"""lib.vocabulary: the territory-id scheme, labels per language, indicator values as read."""

from dataclasses import replace

import pandas as pd
import pytest

from lib import vocabulary
from lib.vocabulary import TerritoryIdError

# --- territory ids ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "code", "territory_id"),
    [
        ("france", "FR", "FR"),
        ("france", "FR-HM", "FR-HM"),
        ("region", "53", "REG-53"),
        ("region", "01", "REG-01"),
        ("department", "29", "DEP-29"),
        ("department", "2A", "DEP-2A"),
        ("department", "974", "DEP-974"),
        ("commune", "29019", "COM-29019"),
        ("commune", "2B033", "COM-2B033"),
    ],
)
def test_every_level_round_trips_between_id_and_code(level, code, territory_id):
    assert vocabulary.make_id(level, code) == territory_id
    assert vocabulary.parse(territory_id) == (level, code)
    assert vocabulary.level_of(territory_id) == level
    assert vocabulary.code_of(territory_id) == code
    assert territory_id.startswith(vocabulary.prefix(level))


def test_every_level_of_the_scheme_has_a_distinct_prefix_and_a_known_parent_level():
    prefixes = [level.prefix for level in vocabulary.LEVELS]
    assert len(set(prefixes)) == len(prefixes)
    assert vocabulary.LEVEL_NAMES == ("france", "region", "department", "epci", "commune")
    for level in vocabulary.LEVELS[1:]:
        assert level.parent in vocabulary.LEVEL_NAMES[: vocabulary.LEVEL_NAMES.index(level.name)]
    assert vocabulary.parent_level("france") is None


def test_make_id_cleans_and_pads_typed_codes_as_an_upload_gives_them():
    assert vocabulary.make_id("region", "1") == "REG-01"
    assert vocabulary.make_id("department", " 2a ") == "DEP-2A"
    assert vocabulary.make_id("commune", "1001") == "COM-01001"
    assert vocabulary.make_id("france", "") == "FR"


def test_the_parent_of_a_department_is_its_region(dataset, parents):
    assert vocabulary.parent_level("department") == "region"
    assert vocabulary.parent_level("commune") == "department"
    assert vocabulary.parent_level("region") == "france"
    assert vocabulary.ancestor("DEP-29", "region", parents) == "REG-53"
    assert vocabulary.ancestor("COM-29019", "region", parents) == "REG-53"
    assert vocabulary.ancestor("COM-29019", "department", parents) == "DEP-29"
    assert vocabulary.ancestor("REG-53", "region", parents) == "REG-53"  # itself
    assert vocabulary.ancestor("FR", "region", parents) is None  # nothing above France
    # the dataset's parent_id column works as the mapping too
    index = dataset.territory_index["parent_id"]
    assert vocabulary.ancestor("DEP-971", "region", index) == "REG-01"


def test_a_communes_department_is_read_from_its_code():
    assert vocabulary.department_code("29019") == "29"
    assert vocabulary.department_code("97411") == "974"
    assert vocabulary.department_of_commune("COM-29019") == "DEP-29"
    assert vocabulary.department_of_commune("COM-97101") == "DEP-971"
    assert vocabulary.department_of_commune("COM-2A004") == "DEP-2A"
    with pytest.raises(TerritoryIdError, match="'DEP-29' is not a commune id"):
        vocabulary.department_of_commune("DEP-29")


def test_every_territory_of_the_dataset_is_a_well_formed_id_with_a_parent_of_the_parent_level(
    dataset,
):
    for row in dataset.territories.itertuples():
        assert vocabulary.parse(row.territory_id) == (row.level, row.code)
        expected = vocabulary.parent_level(row.level)
        if expected is None or row.level == "region":
            # France scopes have no parent; every region's is France itself
            assert pd.isna(row.parent_id) or row.parent_id == vocabulary.NATIONAL
        else:
            assert vocabulary.level_of(row.parent_id) == expected, row.territory_id


@pytest.mark.parametrize("bad", ["XYZ-12", "reg-53", "53", "", None, 53])
def test_an_unknown_prefix_is_rejected_with_a_clear_error(bad):
    assert vocabulary.level_of(bad) is None
    assert not vocabulary.is_valid(bad)
    with pytest.raises(
        TerritoryIdError, match=r"unknown territory id .*FR, REG-, DEP-, EPCI-, COM-"
    ):
        vocabulary.parse(bad)


@pytest.mark.parametrize("bad", ["REG-5", "DEP-9", "DEP-2C", "DEP-98X", "COM-2901", "FR-XX"])
def test_a_malformed_code_is_rejected_naming_its_level(bad):
    level = vocabulary.level_of(bad)
    assert not vocabulary.is_valid(bad)
    with pytest.raises(TerritoryIdError, match=f"invalid {level} id '{bad}'"):
        vocabulary.parse(bad)


def test_is_valid_checks_the_level_when_asked():
    assert vocabulary.is_valid("DEP-29", "department")
    assert not vocabulary.is_valid("REG-53", "department")
    assert vocabulary.is_level("REG-53", "region")
    assert not vocabulary.is_level(None, "region")


def test_an_unknown_level_is_rejected_with_a_clear_error():
    with pytest.raises(TerritoryIdError, match="unknown territory level 'canton': expected one"):
        vocabulary.make_id("canton", "2901")
    with pytest.raises(TerritoryIdError, match="unknown territory level"):
        vocabulary.parent_level("canton")


# --- labels -------------------------------------------------------------------------------


def test_labels_of_every_kind_in_both_languages(dataset):
    assert vocabulary.label(dataset, "domain", "sante", "fr") == "Santé, accès aux soins"
    assert vocabulary.label(dataset, "domain", "sante", "en") == "Health, access to care"
    assert vocabulary.label(dataset, "actor", "citoyens", "en") == "Citizens"
    assert vocabulary.label(dataset, "practice", "mecenat", "fr") == "Mécénat"
    assert vocabulary.label(dataset, "indicator", "population", "en") == "Population (census)"
    domains = vocabulary.labels(dataset, "domain", "fr")
    assert list(domains) == list(dataset.domains["domain_id"])  # the vocabulary's order


def test_an_english_label_falls_back_to_french_when_missing(dataset):
    actors = dataset.actors.copy()
    actors.loc[actors["actor_id"] == "citoyens", "label_en"] = ""
    actors.loc[actors["actor_id"] == "entreprises", "label_en"] = None
    changed = replace(dataset, actors=actors)
    english = vocabulary.labels(changed, "actor", "en")
    assert english["citoyens"] == "Citoyens"
    assert english["entreprises"] == "Entreprises"
    assert english["associations"] == "Associations"
    without_column = replace(dataset, practices=dataset.practices.drop(columns="label_en"))
    assert vocabulary.label(without_column, "practice", "mecenat", "en") == "Mécénat"
    assert vocabulary.label(dataset, "domain", "sante", "de") == "Santé, accès aux soins"


def test_an_unknown_kind_or_id_is_an_error(dataset):
    with pytest.raises(ValueError, match="unknown kind 'region': expected one of domain"):
        vocabulary.labels(dataset, "region", "fr")
    with pytest.raises(KeyError):
        vocabulary.label(dataset, "domain", "no_such_domain", "fr")


def test_place_names_are_the_same_in_every_language_and_national_scopes_are_translated(dataset):
    assert vocabulary.territory_name(dataset, "DEP-29") == "Finistère"
    assert vocabulary.territory_name(dataset, "DEP-29", "en") == "Finistère"
    ids = ["REG-53", "DEP-53", "FR-HM", "FR-METRO", "FR"]
    assert vocabulary.territory_names(dataset, ids) == {
        "REG-53": "Bretagne",
        "DEP-53": "Mayenne",
        "FR-HM": "France hors Mayotte",
        "FR-METRO": "France métropolitaine",
        "FR": "France",
    }
    assert vocabulary.territory_names(dataset, ids, "en") == {
        "REG-53": "Bretagne",
        "DEP-53": "Mayenne",
        "FR-HM": "France excluding Mayotte",
        "FR-METRO": "Metropolitan France",
        "FR": "France",
    }
    assert vocabulary.territory_name(dataset, "FR-HM", "en") == "France excluding Mayotte"


# --- values -------------------------------------------------------------------------------


def test_a_value_reads_with_its_indicators_unit_and_decimals(dataset):
    meta = dataset.indicator_meta.set_index("indicator_id")
    assert vocabulary.value_text(meta.loc["part_65_plus"], 21.456, "fr") == "21,5\u202f%"
    assert vocabulary.value_text(meta.loc["part_65_plus"], 21.456, "en") == "21.5%"
    assert vocabulary.value_text(meta.loc["population"], 1234567, "fr") == (
        "1\u202f234\u202f567 habitants"
    )
    assert vocabulary.value_text({"unit": "%", "decimals": 1}, None, "fr") == "non disponible"


def test_a_value_reads_with_the_unit_of_its_language(dataset):
    meta = dataset.indicator_meta.set_index("indicator_id")
    assert vocabulary.value_text(meta.loc["population"], 5995298, "en") == "5,995,298 inhabitants"
    assert vocabulary.value_text(meta.loc["taux_chomage"], 7.43, "en") == (
        "7.4% of the labour force"
    )
    assert vocabulary.value_text(meta.loc["taux_chomage"], 7.43, "fr") == (
        "7,4\u202f% de la population active"
    )
    assert vocabulary.definition_text(meta.loc["esperance_vie_femmes"], "en") == (
        "Life expectancy at birth of women (2023 values possibly provisional)."
    )


def test_an_uploaded_indicator_without_english_metadata_reads_its_french_texts():
    meta = {"unit": "lits", "unit_en": None, "decimals": 0, "definition_fr": "Lits."}
    assert vocabulary.value_text(meta, 12, "en") == "12 lits"
    assert vocabulary.definition_text({**meta, "definition_en": float("nan")}, "en") == "Lits."
    assert vocabulary.unit_text({"unit": "lits", "decimals": 0}, "en") == "lits"


def test_every_embedded_indicator_has_an_english_unit_and_definition(dataset):
    meta = dataset.indicator_meta
    for column in ("unit_en", "definition_en"):
        missing = meta.loc[meta[column].isna() | meta[column].eq(""), "indicator_id"].tolist()
        assert not missing, f"{column} missing for {missing}"


def test_every_parent_of_a_territory_is_read_from_its_row():
    assert vocabulary.all_parents("DEP-75", "DEP-75;DEP-93") == ["DEP-75", "DEP-93"]
    assert vocabulary.all_parents("DEP-29", "") == ["DEP-29"]
    assert vocabulary.all_parents("DEP-29", float("nan")) == ["DEP-29"]
    assert vocabulary.all_parents(None, None) == []
