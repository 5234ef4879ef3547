"""Données & sources page (AppTest): coverage counts, sources, method, downloads as computed."""

import io
import json

import pandas as pd
from apptest_pages import open_view
from download_capture import capture_downloads, served
from hostile import shown_markdown
from streamlit.testing.v1 import AppTest

from lib.sources_page import source_labels


def sources_page(**query) -> AppTest:
    return open_view("sources", **query)


def table(at: AppTest, first_column: str) -> pd.DataFrame:
    """The shown dataframe whose first column is `first_column`."""
    return next(d.value for d in at.dataframe if d.value.columns[0] == first_column)


def download(at: AppTest, files: dict, name: str, separator: str = ",") -> pd.DataFrame:
    text = served(files, at.download_button(key=f"sources_download_{name}")).decode("utf-8-sig")
    decimal = "," if separator == ";" else "."  # French Excel: decimal comma with ";"
    return pd.read_csv(io.StringIO(text), sep=separator, decimal=decimal)


def test_region_coverage_counts(dataset):
    at = sources_page()
    assert at.title[0].value == "Données & sources"
    coverage = table(at, "Indicateur").set_index("Indicateur")
    assert coverage.loc["Taux de chômage localisé", "Couverture"] == "17 / 18"
    assert coverage.loc["Taux de chômage localisé", "Non disponible pour"] == "Mayotte"
    regions = dataset.territories.loc[dataset.territories["level"] == "region", "territory_id"]
    shown = dataset.indicators[dataset.indicators["territory_id"].isin(regions)]
    # each indicator is counted for its best-covered period (the one shown)
    covered = shown.groupby(["indicator_id", "period"])["territory_id"].nunique()
    covered = covered.groupby(level="indicator_id").max()
    meta = dataset.indicator_meta.set_index("label_fr")
    for label, count in coverage["Couverture"].items():
        expected = covered.get(meta.loc[label, "indicator_id"], 0)
        assert count == f"{expected} / 18", label
    (heatmap,) = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    row = heatmap["y"].index("Taux de chômage localisé (T3 2023 : 17 / 18)")
    assert sum(heatmap["z"][row]) == 17
    captions = " ".join(shown_markdown(c.value) for c in at.caption)
    assert "Domaines et profils d'acteurs : liste de travail du projet" in captions


def test_commune_level_shows_department_coverage():
    at = sources_page(level="commune", territory="DEP-29")
    coverage = table(at, "Indicateur").set_index("Indicateur")
    assert coverage.loc["Taux de chômage localisé", "Couverture"] == "100 / 101"
    assert any(
        "la couverture est montrée pour les départements" in shown_markdown(c.value)
        for c in at.caption
    )


def test_sources_table_with_links_and_counts(dataset):
    at = sources_page()
    sources = table(at, "Identifiant").set_index("Identifiant")
    assert len(sources) == len(dataset.sources)
    counts = dataset.indicators["source_id"].value_counts()
    assert (
        sources.loc["insee-chomage-localise-2023t3", "Lignes d'indicateurs"]
        == (counts["insee-chomage-localise-2023t3"])
    )
    assert sources.loc["obs-007", "Lignes d'alliances"] == (
        (dataset.alliances["source_id"] == "obs-007").sum()
    )
    assert sources.loc["obs-007", "Lien"].startswith("https://www.lerameau.fr/")
    element = next(d for d in at.dataframe if d.value.columns[0] == "Identifiant")
    assert '"Lien"' in element.proto.columns and "link" in element.proto.columns


def test_method_and_indicator_metadata():
    at = sources_page()
    method = " ".join(shown_markdown(m.value) for m in at.markdown)
    assert "Par défaut, min-max 0–100" in method
    assert "Base 100 = France" in method
    assert "« n domaines sur N »" in method
    assert "ne vaut jamais 0" in method
    meta = next(d.value for d in at.dataframe if "Sens" in d.value.columns).set_index("Identifiant")
    assert meta.loc["taux_chomage", "Sens"] == "plus = plus fragile"
    assert meta.loc["esperance_vie_hommes", "Sens"] == "moins = plus fragile"
    assert meta.loc["taux_chomage", "Ligne de référence (base 100)"] == (
        "France hors Mayotte = 7,4\u202f% de la population active (T3 2023)"
    )


def test_indicator_download_of_a_regions_departments(dataset, monkeypatch):
    files = capture_downloads(monkeypatch)
    at = sources_page(level="department", territory="REG-53")
    at.radio(key="sources_separator").set_value(";").run()
    brittany = ["DEP-22", "DEP-29", "DEP-35", "DEP-56"]
    expected = dataset.indicators[dataset.indicators["territory_id"].isin(brittany)]
    button = at.download_button(key="sources_download_indicateurs")
    assert shown_markdown(button.proto.label) == (
        f"Indicateurs — départements de Bretagne ({len(expected)} lignes)"
    )
    back = download(at, files, "indicateurs", ";")
    assert len(back) == len(expected)
    assert set(back["territory_id"]) == set(brittany)
    merged = back.merge(expected, on=["territory_id", "indicator_id", "period"])
    assert len(merged) == len(expected)
    assert (merged["Valeur"] == merged["value"]).all()
    assert (merged["Source"] == merged["source_id"].map(source_labels(dataset))).all()
    assert merged["Licence"].notna().all()


def test_perception_and_alliance_downloads_follow_actor_and_domain(dataset, monkeypatch):
    files = capture_downloads(monkeypatch)
    at = sources_page(actor="citoyens", domain="emploi,sante")
    perceptions = dataset.perceptions
    expected = perceptions[
        (perceptions["actor_id"] == "citoyens") & perceptions["domain_id"].isin(["emploi", "sante"])
    ]
    back = download(at, files, "perceptions")
    assert sorted(back["perception_id"]) == sorted(expected["perception_id"])
    assert back["Source"].notna().all()
    alliances = download(at, files, "alliances")
    citizens = dataset.alliances[dataset.alliances["actor_id"] == "citoyens"]
    assert sorted(alliances["Identifiant"]) == sorted(citizens["alliance_id"])


def test_unknown_url_values_are_reported():
    at = sources_page(level="planet", domain="lune")
    assert "Valeurs inconnues du lien ignorées : level=planet, domain=lune." in [
        shown_markdown(w.value) for w in at.warning
    ]
    assert table(at, "Indicateur")["Couverture"].str.endswith("/ 18").all()


def test_english():
    at = sources_page(lang="en")
    assert at.title[0].value == "Data & sources"
    coverage = table(at, "Indicator").set_index("Indicator")
    assert coverage.loc["Local unemployment rate", "Coverage"] == "17 / 18"
    assert any("Definitions are written in French." in shown_markdown(c.value) for c in at.caption)
    button = at.download_button(key="sources_download_indicateurs")
    assert shown_markdown(button.proto.label).startswith("Indicators — all regions (")
