"""Perceived figures published outside the Observatoire: the import
(scripts/import_perceived_more.py), the loader's checks, and the profile's blocks (model).

Tests marked "research" read the research file back (`<repo>/../shared/data/observatoire/
perceived_more.csv`, or PERCEIVED_MORE_RESEARCH_FILE) and are skipped when it is absent.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pandas as pd
import pytest
from hostile import shown_table
from test_series_import import load_script

from lib import perceived_more, profile
from lib.data import DATA_DIR, read_raw_csv
from lib.datasets import with_origin
from lib.formatting import NARROW_NBSP as NB
from lib.profile import page as profile_page
from lib.schema import DataValidationError, validate_table
from lib.sources_page import sources_table

ROOT = Path(__file__).resolve().parents[1]
RESEARCH = Path(
    os.environ.get(
        "PERCEIVED_MORE_RESEARCH_FILE",
        ROOT.parent / "shared" / "data" / "observatoire" / "perceived_more.csv",
    )
)
research = pytest.mark.skipif(not RESEARCH.is_file(), reason="research file not present")
RESEARCH_COLUMNS = [
    "figure_id",
    "programme",
    "study",
    "year",
    "territory",
    "actor",
    "domain",
    "indicator",
    "value",
    "unit",
    "base",
    "source_url",
    "quote",
]
BDT = "Hors Observatoire – Baromètre des Territoires (Elabe / Institut Montaigne)"
AMIF = "Hors Observatoire – Baromètre AMIF / Journal du Dimanche des maires d'Île-de-France"
HDF_2019 = "https://www.institutmontaigne.org/blog/barometre-des-territoires-2019-hauts-de-france"
INVERSE_FR = "item inversé : une part élevée signale une fragilité plus faible"


@pytest.fixture(scope="module")
def importer():
    return load_script("import_perceived_more")


@pytest.fixture(scope="module")
def committed() -> pd.DataFrame:
    return read_raw_csv(DATA_DIR / "perceived_more.csv").set_index("figure_id")


@pytest.fixture(scope="module")
def committed_sources() -> pd.DataFrame:
    return read_raw_csv(DATA_DIR / "sources_perceived_more.csv").set_index("source_id")


def research_row(figure_id: str, **changes: str) -> dict[str, str]:
    """A research-file row (Baromètre des Territoires 2019, Hauts-de-France) with changes."""
    row = {
        "figure_id": figure_id,
        "programme": BDT,
        "study": "Baromètre des Territoires 2019 « La France en morceaux »",
        "year": "2019 (publié le 19/02/2019)",
        "territory": "Hauts-de-France",
        "actor": "citoyens",
        "domain": "emploi",
        "indicator": "Sentiment qu'il est difficile de trouver un emploi",
        "value": "61",
        "unit": "%",
        "base": "800 habitants de la région",
        "source_url": HDF_2019,
        "quote": "61 %",
    }
    return {**row, **changes}


@pytest.fixture(scope="module")
def small_import(importer, tmp_path_factory):
    """The import of a small research file holding one case of each rule."""
    rows = [
        research_row("PER-011"),
        research_row("PER-001", programme="PHARE", actor="citoyens; associations; entreprises"),
        research_row("PER-900", territory="Atlantide"),
        research_row(
            "PER-019",
            territory="Auvergne-Rhône-Alpes",
            domain="securite",
            indicator="Se sentent en sécurité dans leur quartier (indicateur inverse)",
            value="70",
            source_url="https://example.org/aura",
        ),
        research_row(
            "PER-136",
            programme="Hors Observatoire – Insee, enquête Cadre de vie et sécurité (CVS)",
            territory="Guyane",
            value="30 (« plus de »)",
            year="non précisé (victimation 2013-2014 ; publié en janv. 2017)",
            source_url="http://example.org/cvs",
        ),
        research_row("PER-030", value="plus d'un sur deux", unit="texte", domain=""),
        research_row("PER-035", value="1", unit="rang", year="2015 (déduit, voir base)"),
        research_row(
            "PER-095",
            programme=AMIF,
            territory="Île-de-France",
            actor="maires (communes de plus de 10 000 habitants)",
            value="68,3",
            year="2011",
            source_url="http://example.org/amif",
        ),
    ]
    path = tmp_path_factory.mktemp("research") / "perceived_more.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, RESEARCH_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return importer.build(path, DATA_DIR)


# --- The import ----------------------------------------------------------------------------------


def test_one_row_per_mapped_figure_and_unmapped_rows_reported(importer, small_import):
    rows = small_import.rows.set_index("figure_id")
    assert list(rows.index) == ["PER-011", "PER-019", "PER-136", "PER-030", "PER-035", "PER-095"]
    assert list(small_import.rows.columns) == importer.ROW_COLUMNS
    assert rows.loc["PER-011", ["territory_id", "actor_id", "domain_id", "value"]].tolist() == [
        "REG-32",
        "citoyens",
        "emploi",
        "61",
    ]
    skipped = small_import.skipped.set_index("figure_id")["reason"]
    assert skipped.to_dict() == {
        "PER-001": "programme de l'Observatoire (PHARE) : pas une perception publiée hors "
        "Observatoire",
        "PER-900": "territoire « Atlantide » sans identifiant (ni France ni une région)",
    }
    report = importer.report_markdown(small_import)
    assert "Lignes lues : 8 ; importées : 6 (`perceived_more.csv`) ; écartées : 2" in report
    assert "| PER-900 | Atlantide | territoire « Atlantide » sans identifiant" in report


def test_values_years_actors_and_inverse_items_as_published(small_import):
    rows = small_import.rows.set_index("figure_id")
    cells = ["value", "value_qualifier", "value_text", "unit"]
    assert rows.loc["PER-136", cells].tolist() == ["30", "plus de", "30 (« plus de »)", "%"]
    assert rows.loc["PER-030", cells].tolist() == ["", "", "plus d'un sur deux", "text"]
    assert rows.loc["PER-035", cells].tolist() == ["1", "", "1", "rank"]
    assert rows.loc["PER-095", cells].tolist() == ["68.3", "", "68,3", "%"]
    # a clean year only when the notes do not flag it; the text is always kept
    assert rows.loc["PER-011", ["year", "year_text"]].tolist() == [
        "2019",
        "2019 (publié le 19/02/2019)",
    ]
    assert rows.loc["PER-035", ["year", "year_text"]].tolist() == ["", "2015 (déduit, voir base)"]
    assert rows.loc["PER-136", "year"] == ""
    assert rows.loc["PER-095", ["actor_id", "actor_label"]].tolist() == [
        "collectivites",
        "maires (communes de plus de 10 000 habitants)",
    ]
    assert rows["inverse"].to_dict() == {
        "PER-011": "false",
        "PER-019": "true",
        "PER-136": "false",
        "PER-030": "false",
        "PER-035": "false",
        "PER-095": "false",
    }
    assert rows.loc["PER-030", "domain_id"] == ""  # no domain fits: kept empty
    assert "chiffre de PACA, jamais de la Corse" in rows.loc["PER-035", "note"]


def test_each_page_read_is_one_unverified_source(small_import):
    sources = small_import.sources.set_index("url_or_package")
    assert len(sources) == 4
    assert set(sources["verification"]) == {"unverified"}
    hdf = sources.loc[HDF_2019]
    assert hdf["source_id"] == "hors-obs-per-011"
    assert (hdf["publisher"], hdf["year"]) == ("Elabe / Institut Montaigne", "2019")
    assert hdf["note"] == "Page lue : www.institutmontaigne.org (site de l'éditeur de l'enquête)."
    assert hdf["verification_note"].startswith("Non vérifié : source unique")
    # the CVS page states its publication year only
    assert sources.loc["http://example.org/cvs", "year"] == "2017"
    assert sources.loc["http://example.org/amif", "note"] == (
        "Page lue : example.org (page d'un tiers relayant l'enquête, pas le site de son éditeur)."
    )
    assert set(small_import.rows["source_id"]) == set(sources["source_id"])


def test_an_inverse_item_missing_from_the_notes_list_stops_the_import(importer, tmp_path):
    path = tmp_path / "perceived_more.csv"
    row = research_row("PER-500", indicator="Se sentent en sécurité (indicateur inverse)")
    pd.DataFrame([row], columns=RESEARCH_COLUMNS).to_csv(path, index=False)
    with pytest.raises(ValueError, match=re.escape("inverse items differ from the notes")):
        importer.build(path, DATA_DIR)


def test_an_unreadable_value_stops_the_import(importer):
    with pytest.raises(ValueError, match="value not read"):
        importer.parse_value("30 (« environ »)", "%")
    with pytest.raises(ValueError, match="a rank is a whole number"):
        importer.parse_value("1,5", "rank")


# --- The committed files -------------------------------------------------------------------------


def test_committed_rows_keep_the_published_values(committed, committed_sources):
    assert len(committed) == 139 and "PER-001" not in committed.index
    assert committed.loc["PER-011", ["territory_id", "value", "unit", "source_id"]].tolist() == [
        "REG-32",
        "61",
        "%",
        "hors-obs-per-011",
    ]
    assert committed.loc["PER-072", "value"] == "22.3"
    assert committed.loc["PER-091", ["value", "value_qualifier"]].tolist() == ["34", "près de"]
    assert set(committed.loc[committed["unit"] == "text", "value"]) == {""}
    assert (
        set(committed.loc[committed["inverse"] == "true"].index)
        == load_script("perceived_more_catalog").INVERSE
    )
    assert set(committed_sources["verification"]) == {"unverified"}
    assert set(committed["source_id"]) == set(committed_sources.index)
    assert b"\r" not in (DATA_DIR / "perceived_more.csv").read_bytes()


def test_no_item_reaches_five_regions_so_no_perceived_map(importer, committed):
    candidates = importer.map_candidates(committed.reset_index())
    best = candidates.iloc[0]
    assert (best["regions"], best["year_text"]) == (4, "2021 (publié le 16/11/2021)")
    assert best["item"].startswith("Se sentent en sécurité dans leur quartier")
    report = (DATA_DIR / "perceived_more_import_report.md").read_text(encoding="utf-8")
    assert "Aucun item n'atteint 5 régions (au plus 4) : pas de carte perçue." in report


@research
def test_committed_files_are_the_import_of_the_research_file(
    importer, committed, committed_sources
):
    result = importer.build(RESEARCH, DATA_DIR)
    pd.testing.assert_frame_equal(result.rows.set_index("figure_id"), committed)
    pd.testing.assert_frame_equal(result.sources.set_index("source_id"), committed_sources)
    report = (DATA_DIR / "perceived_more_import_report.md").read_text(encoding="utf-8")
    assert importer.report_markdown(result) == report


@research
def test_every_research_figure_outside_the_observatoire_is_imported_as_published(committed):
    raw = pd.read_csv(RESEARCH, dtype=str, keep_default_na=False).set_index("figure_id")
    outside = raw[raw["programme"].str.startswith("Hors Observatoire – ")]
    assert list(outside.index) == list(committed.index)
    for column, published in (("item", "indicator"), ("value_text", "value"), ("base", "base")):
        assert committed[column].equals(outside[published].rename(column))
    assert committed["year_text"].equals(outside["year"].rename("year_text"))


# --- The loader ----------------------------------------------------------------------------------


def problems(raw: pd.DataFrame, dataset) -> list[str]:
    with pytest.raises(DataValidationError) as caught:
        validate_table("perceived_more", raw, dataset.refs(), file="perceived_more.csv")
    return [str(p) for p in caught.value.problems]


def test_the_loader_keeps_the_table_apart_and_typed(dataset):
    rows = dataset.perceived_more.set_index("figure_id")
    assert rows.loc["PER-011", "value"] == 61.0 and bool(rows.loc["PER-019", "inverse"])
    assert pd.isna(rows.loc["PER-030", "value"]) and pd.isna(rows.loc["PER-002", "year"])
    # never merged with the Observatoire's perceptions (which no source of this table feeds)
    assert not set(dataset.perceptions["source_id"]) & set(rows["source_id"])
    assert len(dataset.perceptions) == len(read_raw_csv(DATA_DIR / "perceptions.csv"))


def test_the_loader_says_what_is_wrong_with_a_row(dataset):
    def first_rows() -> pd.DataFrame:
        return read_raw_csv(DATA_DIR / "perceived_more.csv").head(3)

    unknown = first_rows()
    unknown.loc[1, "territory_id"] = "REG-99"
    assert problems(unknown, dataset) == [
        "fichier perceived_more.csv, ligne 3, colonne « territory_id » : valeur inconnue « REG-99 »"
    ]
    unreadable = first_rows()
    unreadable.loc[0, ["value", "inverse"]] = ["trente", "peut-être"]
    assert problems(unreadable, dataset) == [
        "fichier perceived_more.csv, ligne 2, colonne « inverse » : valeur « peut-être » "
        "illisible : vrai/faux (true/false) attendu",
        "fichier perceived_more.csv, ligne 2, colonne « value » : valeur « trente » illisible "
        ": un nombre attendu",
    ]
    out_of_unit = first_rows()
    out_of_unit.loc[0, "value"] = "120"
    out_of_unit.loc[2, ["unit", "value", "value_qualifier"]] = ["rank", "2.5", "plus de"]
    fits = "valeur incompatible avec l'unité (part : nombre de 0 à 100 ; rang : entier ≥ 1 ; "
    assert problems(out_of_unit, dataset) == [
        f"fichier perceived_more.csv, ligne 2, colonne « value » : {fits}texte : pas de nombre)",
        f"fichier perceived_more.csv, ligne 4, colonne « value » : {fits}texte : pas de nombre)",
        "fichier perceived_more.csv, ligne 4, colonne « value_qualifier » : « plus de » ou "
        "« près de » ne qualifie qu'une part en %",
    ]


# --- What the profile shows (model) --------------------------------------------------------------


def row(dataset, figure_id: str) -> dict:
    frame = dataset.perceived_more
    return frame[frame["figure_id"] == figure_id].to_dict("records")[0]


def test_values_read_as_published_in_both_languages(dataset):
    text = perceived_more.value_text
    assert text(row(dataset, "PER-011")) == f"61{NB}%"
    assert text(row(dataset, "PER-011"), "en") == "61%"
    assert text(row(dataset, "PER-072")) == f"22,3{NB}%"
    assert text(row(dataset, "PER-136")) == f"plus de 30{NB}%"
    assert text(row(dataset, "PER-136"), "en") == "more than 30%"
    assert text(row(dataset, "PER-091"), "en") == "nearly 34%"
    assert text(row(dataset, "PER-035")) == "1er rang"
    assert text(row(dataset, "PER-036"), "en") == "ranked 2nd"
    assert text(row(dataset, "PER-030")) == "plus d'un sur deux"
    assert text(row(dataset, "PER-030"), "en") == "more than one in two"  # data/notes_en.csv
    assert text({**row(dataset, "PER-011"), "value": float("nan")}) == "non disponible"


def test_inverse_items_and_caveats_are_flagged(dataset):
    assert perceived_more.note_text(row(dataset, "PER-011")) == ""
    assert perceived_more.note_text(row(dataset, "PER-019")) == INVERSE_FR
    assert perceived_more.note_text(row(dataset, "PER-019"), "en") == (
        "inverse item: a high share signals a lower fragility"
    )
    hdf_safe = perceived_more.note_text(row(dataset, "PER-048"))
    assert hdf_safe.startswith(INVERSE_FR + " · CNews écrit que 57 %")


@pytest.fixture(scope="module")
def look(dataset):
    return profile.lookups(dataset, "fr")


def blocks_table(block) -> pd.DataFrame:
    return shown_table(block.table.to_pandas())


def test_a_region_shows_its_surveys_then_the_national_ones(look):
    page = profile_page.build(look, "REG-32", "auto", "minmax", ())
    labels = [block.label for block in page.published]
    assert labels[0] == (
        "Baromètre des Territoires — Elabe / Institut Montaigne · chiffres régionaux "
        "(Hauts-de-France) (6 chiffre(s))"
    )
    assert [b.place_id for b in page.published] == ["REG-32"] + ["FR"] * 5
    assert all("France (chiffres nationaux)" in label for label in labels[1:])
    first = blocks_table(page.published[0]).iloc[0]
    assert first["Item (formulation publiée)"] == (
        "Sentiment qu'il est de plus en plus difficile de trouver un emploi là où l'on vit"
    )
    assert (first["Valeur"], first["Acteur"]) == (f"61{NB}%", "Citoyens")
    assert first["Année (telle que publiée)"] == "2019 (publié le 19/02/2019)"
    assert first["Base"].startswith("800 habitants de la région")
    assert first["Source"] == (
        "[Elabe / Institut Montaigne, Baromètre des Territoires 2019 « La France en morceaux »]"
        f"({HDF_2019}) — non vérifié"
    )


def test_a_region_s_survey_reads_in_english_but_its_published_wording(dataset):
    page = profile_page.build(profile.lookups(dataset, "en"), "REG-32", "auto", "minmax", ())
    first = blocks_table(page.published[0]).iloc[0]
    assert first["Item (published wording)"] == (
        "Sentiment qu'il est de plus en plus difficile de trouver un emploi là où l'on vit"
    )
    assert first["Year (as published)"] == "2019 (published on 19 February 2019)"
    assert first["Base"].startswith("800 inhabitants of the region")


def test_a_department_shows_its_region_s_figures_marked_as_such(look):
    page = profile_page.build(look, "DEP-59", "auto", "minmax", ())
    assert [b.place_id for b in page.published] == ["REG-32"] + ["FR"] * 5
    assert "chiffres régionaux (Hauts-de-France)" in page.published[0].label


def test_the_actor_filter_applies_and_mayors_keep_their_published_group(look):
    assert profile_page.build(look, "REG-32", "auto", "minmax", ("entreprises",)).published == []
    page = profile_page.build(look, "REG-11", "auto", "minmax", ("collectivites",))
    assert [b.label for b in page.published] == [
        "Baromètre des maires d'Île-de-France — AMIF / Journal du Dimanche · chiffres "
        "régionaux (Île-de-France) (14 chiffre(s))"
    ]
    actors = blocks_table(page.published[0])["Acteur"]
    assert set(actors) == {
        "Collectivités et élus locaux (maires)",
        "Collectivités et élus locaux (maires) — maires (communes de plus de 10 000 habitants)",
    }


def test_blocks_are_built_once_per_dataset_and_looked_up_per_territory(look):
    shared: dict[tuple, object] = {}

    def share(key, compute):
        if key not in shared:
            shared[key] = compute()
        return shared[key]

    first = profile_page.build(look, "REG-32", "auto", "minmax", (), share=share)
    second = profile_page.build(look, "DEP-59", "auto", "minmax", (), share=share)
    assert ("perceived_more", "fr") in shared
    assert first.published[0] is second.published[0]  # the same block object, not rebuilt


def test_the_sources_page_lists_the_new_sources_with_their_status(dataset, committed_sources):
    table = sources_table(dataset, "fr").set_index("Identifiant")
    hdf = table.loc["hors-obs-per-011"]
    assert hdf["Vérification"] == "non vérifié"
    assert (
        hdf["Ce qui a été vérifié, et contre quoi"]
        == committed_sources.loc["hors-obs-per-011", "verification_note"]
    )
    assert hdf["Lien"] == HDF_2019
    assert hdf["Lignes de perceptions hors Observatoire"] == 3
    assert hdf["Lignes de perceptions"] == 0
    english = sources_table(dataset, "en").set_index("Id")
    assert english.loc["hors-obs-per-011", "Verification"] == "unverified"
    assert english.loc["hors-obs-per-011", "Perception rows outside the Observatoire"] == 3


def test_every_label_of_the_block_is_translated():
    from lib.labels.perceived_more import LABELS

    same_word = {"published_col_base", "published_col_source"}  # "Base", "Source"
    for key, entry in LABELS.items():
        assert entry["fr"] and entry["en"], key
        assert (entry["fr"] == entry["en"]) == (key in same_word), key


def test_a_source_replaced_by_a_layer_is_never_linked(dataset):
    from lib.datasets import Layer, combine

    source = dataset.sources[dataset.sources["source_id"] == "hors-obs-per-011"]
    hostile = source.assign(url_or_package="https://attacker.invalid/x")
    layer = Layer("x", "données importées : X", {"sources": hostile})
    for base in (dataset, with_origin(dataset)):
        look = profile.lookups(combine(base, [layer]))
        sources = blocks_table(
            profile_page.build(look, "REG-32", "auto", "minmax", ()).published[0]
        )["Source"]
        assert sources.iloc[0] == (  # 2019, the replaced source: text only
            "Elabe / Institut Montaigne, Baromètre des Territoires 2019 « La France en morceaux » "
            "— non vérifié"
        )
        assert sources.iloc[3].startswith(
            "[Elabe / Institut Montaigne, Baromètre des Territoires 2021"
        )
