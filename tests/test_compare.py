"""lib.compare and lib.charts.compare: hand-computed distances, ranks, sensitivity; real data."""

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from lib import compare, explore
from lib.charts import compare as charts
from lib.export import safe_csv
from lib.indices import overall_index
from lib.labels.compare import LABELS

NA = np.nan


@pytest.fixture(scope="module")
def metro_regions(dataset):
    return compare.compared_territories(dataset, "region", "metro")


def long_table(rows: dict[str, dict[str, float]]) -> pd.DataFrame:
    """{territory: {domain: index}} -> territory_id, domain_id, index, n (NaN kept as rows)."""
    return pd.DataFrame(
        [
            {"territory_id": t, "domain_id": d, "index": v, "n": 0 if math.isnan(v) else 1}
            for t, values in rows.items()
            for d, v in values.items()
        ]
    )


def matrix(rows: dict[str, list[float]], domains=("a", "b", "c")) -> pd.DataFrame:
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(domains), dtype=float)


# --- territories compared -------------------------------------------------------------------


def test_commune_level_is_compared_by_department():
    assert compare.compared_level("region") == "region"
    assert compare.compared_level("department") == "department"
    assert compare.compared_level("commune") == "department"


def test_metro_area_drops_overseas_and_chosen_restricts(dataset, metro_regions):
    assert len(metro_regions) == 13
    assert not metro_regions["overseas"].any()
    assert len(compare.compared_territories(dataset, "region", "all")) == 18
    assert len(compare.compared_territories(dataset, "department", "all")) == 101
    chosen = compare.compared_territories(dataset, "region", "metro", ["REG-53", "REG-32"])
    assert sorted(chosen["territory_id"]) == ["REG-32", "REG-53"]


def test_territory_names_add_the_department_code(dataset):
    departments = compare.compared_territories(dataset, "department", "all", ["DEP-29"])
    assert compare.territory_names(departments, "department").to_dict() == {
        "DEP-29": "Finistère (29)"
    }
    regions = compare.compared_territories(dataset, "region", "all", ["REG-53"])
    assert compare.territory_names(regions, "region").to_dict() == {"REG-53": "Bretagne"}


def test_domains_with_index_skip_all_missing_domains_and_follow_the_order():
    table = long_table({"X": {"b": 1.0, "a": 2.0, "c": NA}, "Y": {"b": NA, "a": 3.0, "c": NA}})
    assert compare.domains_with_index(table, ["c", "b", "a"]) == ["b", "a"]


def test_shown_domains_follow_the_chosen_domains_that_have_an_index():
    assert compare.shown_domains(["a", "b", "c"], ()) == ["a", "b", "c"]
    assert compare.shown_domains(["a", "b", "c"], ("c", "a", "z")) == ["a", "c"]
    assert compare.shown_domains(["a", "b"], ("z",)) == []


def test_domain_labels(dataset):
    assert compare.domain_labels(dataset, ["logement", "emploi"], "en") == {
        "logement": "Housing",
        "emploi": "Employment, unemployment, job integration",
    }


# --- overall index with weights -------------------------------------------------------------


def test_weighted_overall_by_hand():
    m = matrix({"X": [80, 20, NA], "Y": [50, 60, 10]})
    result = compare.weighted_overall(m, {"a": 3, "b": 1, "c": 0})
    assert result["X"] == pytest.approx(65.0)  # (3*80 + 20) / 4; c has weight 0
    assert result["Y"] == pytest.approx(52.5)
    with_c = compare.weighted_overall(m, {"a": 1, "b": 1, "c": 2})
    assert math.isnan(with_c["X"])  # a weighted domain is missing: not available, never 0
    assert with_c["Y"] == pytest.approx((50 + 60 + 20) / 4)
    assert compare.weighted_overall(m, {"a": 0, "b": 0}).isna().all()
    assert compare.weighted_domains({"a": 3, "b": 0, "c": 0.5}) == 2


@pytest.mark.parametrize(
    "weights",
    [
        None,
        {"emploi": 3.0, "sante": 0.5, "logement": 0.0},
        {"emploi": 1.0, "pauvrete": 2.0, "education": 0.0, "vieillissement": 1.5},
    ],
)
def test_weighted_overall_equals_the_index_table(dataset, metro_regions, weights):
    ids = list(metro_regions["territory_id"])
    table = explore.index_table(dataset, ids, "minmax")
    available = compare.domains_with_index(table.domains, list(dataset.domains["domain_id"]))
    weights = weights or dict.fromkeys(available, 1.0)
    expected = overall_index(table.domains, weights, list(dataset.domains["domain_id"]))
    m = compare.domain_matrix(table.domains, ids, available)
    result = compare.weighted_overall(m, weights)
    pd.testing.assert_series_equal(
        result.reindex(expected["territory_id"]).reset_index(drop=True),
        expected["index"],
        check_names=False,
    )


def test_ranking_puts_the_most_fragile_first_missing_last_ties_by_name():
    m = matrix({"X": [10, 30], "Y": [40, NA], "Z": [20, 10], "W": [30, 10]}, ("a", "b"))
    names = pd.Series({"X": "Xanadu", "Y": "Ys", "Z": "Zèbre", "W": "Wallis"})
    ranked = compare.ranking(m, {"a": 1, "b": 1}, names)
    assert list(ranked["territory_id"]) == ["W", "X", "Z", "Y"]
    assert list(ranked["rank"].astype("Float64").fillna(-1)) == [1, 1, 3, -1]
    assert list(ranked["index"].iloc[:3]) == [20.0, 20.0, 15.0]


# --- rank changes and sensitivity -----------------------------------------------------------

THREE = {"X": {"a": 80, "b": 20}, "Y": {"a": 50, "b": 60}, "Z": {"a": 20, "b": 40}}


def test_rank_changes_by_hand():
    # equal weights: X 50, Y 55, Z 30 -> Y 1, X 2, Z 3
    # a = 3, b = 1:  X 65, Y 52.5, Z 25 -> X 1, Y 2, Z 3
    changes = compare.rank_changes(long_table(THREE), {"a": 1, "b": 1}, {"a": 3, "b": 1})
    assert changes.to_dict("list") == {
        "territory_id": ["X", "Y", "Z"],
        "rank_a": [2, 1, 3],
        "rank_b": [1, 2, 3],
        "change": [1, -1, 0],
    }


def test_rank_changes_keep_missing_ranks_missing():
    table = long_table({**THREE, "W": {"a": 90, "b": NA}})
    changes = compare.rank_changes(table, {"a": 1, "b": 1}, {"a": 1, "b": 0})
    row = changes.set_index("territory_id").loc["W"]
    assert pd.isna(row["rank_a"]) and row["rank_b"] == 1 and pd.isna(row["change"])
    # with b left out: W 90, X 80, Y 50, Z 20
    assert list(changes["territory_id"]) == ["W", "X", "Y", "Z"]


def test_weight_sensitivity_by_hand():
    table = long_table(
        {
            **THREE,
            "U": {"a": 5, "b": 99, "c": 1},
            "V": {"a": 10, "b": 10, "c": 1},
        }
    )
    # equal a, b:  Y 55, U 52, X 50, Z 30, V 10 -> ranks Y1 U2 X3 Z4 V5
    # a -> 0 (b):  U 99, Y 60, Z 40, X 20, V 10 -> U1 Y2 Z3 X4 V5: 4 territories move
    # b -> 0 (a):  X 80, Y 50, Z 20, V 10, U 5  -> X1 Y2 Z3 V4 U5: all 5 move
    # c has weight 0 already: nothing moves
    result = compare.weight_sensitivity(table, {"a": 1, "b": 1, "c": 0})
    assert result.to_dict("list") == {"domain_id": ["a", "b", "c"], "changed": [4, 5, 0]}


def test_weight_sensitivity_counts_a_rank_appearing_as_a_change():
    table = long_table({**THREE, "W": {"a": 90, "b": NA}})
    # a, b:       Y 55, X 50, Z 30, W missing -> Y1 X2 Z3 W–
    # b -> 0 (a): W 90, X 80, Y 50, Z 20       -> W1 X2 Y3 Z4: W appears, Y and Z move = 3
    # a -> 0 (b): Y 60, Z 40, X 20, W missing  -> Y1 Z2 X3 W–: X and Z move = 2
    result = compare.weight_sensitivity(table, {"a": 1, "b": 1})
    assert result.to_dict("list") == {"domain_id": ["a", "b"], "changed": [2, 3]}


def test_change_text():
    assert compare.change_text(2) == "▲ 2"
    assert compare.change_text(-1) == "▼ 1"
    assert compare.change_text(0) == "="
    assert compare.change_text(pd.NA) == "non disponible"
    assert compare.change_text(pd.NA, "en") == "not available"


# --- similar profiles -----------------------------------------------------------------------


def test_profile_distances_by_hand():
    m = matrix(
        {
            "T": [10, 20, 30],
            "B": [13, 24, 30],  # diffs 3, 4, 0 -> √(25 / 3)
            "C": [10, NA, 36],  # diffs 0, 6 on 2 shared domains -> √(36 / 2)
            "D": [NA, NA, 30],  # 1 shared domain: not available
            "E": [NA, NA, NA],  # none shared
        }
    )
    distances = compare.profile_distances(m, "T")
    assert list(distances["territory_id"]) == ["B", "C", "D", "E"]
    assert distances["distance"].iloc[0] == pytest.approx(math.sqrt(25 / 3))
    assert distances["distance"].iloc[1] == pytest.approx(math.sqrt(18))
    assert distances["distance"].iloc[2:].isna().all()
    assert list(distances["shared"]) == [3, 2, 1, 0]
    similar = compare.most_similar(m, "T")
    assert list(similar["territory_id"]) == ["B", "C"]  # D and E are not comparable


def test_ties_prefer_more_shared_domains_then_the_id():
    m = matrix(
        {
            "T": [0, 0, 0, 0],
            "Q": [5, 5, NA, NA],  # √(50 / 2) = 5 on 2 domains
            "R": [5, -5, 5, -5],  # √(100 / 4) = 5 on 4 domains
            "P": [5, 5, 5, 5],  # 5 on 4 domains
            "S": [1, 1, 1, 1],  # 1: nearest
        },
        ("a", "b", "c", "d"),
    )
    similar = compare.most_similar(m, "T", n=3)
    assert list(similar["territory_id"]) == ["S", "P", "R"]
    assert list(similar["distance"]) == pytest.approx([1.0, 5.0, 5.0])
    assert list(similar["shared"]) == [4, 4, 4]


def test_a_target_with_fewer_than_two_domains_has_no_similar_territory():
    m = matrix({"T": [10, NA, NA], "A": [10, 20, 30], "B": [11, 21, 31]})
    assert compare.most_similar(m, "T").empty


def test_similarity_status():
    ids = ["REG-32", "REG-53"]
    assert compare.similarity_status(None, "region", ids) == "compare_similar_no_territory"
    assert compare.similarity_status("DEP-29", "region", ids) == (
        "compare_similar_other_level_region"
    )
    assert compare.similarity_status("REG-53", "department", ["DEP-29"]) == (
        "compare_similar_other_level_department"
    )
    assert compare.similarity_status("REG-01", "region", ids) == "compare_similar_not_compared"
    assert compare.similarity_status("REG-53", "region", ids) == "ok"


# --- tables, export, provenance -------------------------------------------------------------


def test_tables_as_shown():
    names = pd.Series({"X": "Xanadu", "Y": "Ys", "Z": "Zèbre"})
    ranked = compare.ranking(matrix({"X": [80, 20], "Y": [NA, 60]}, ("a", "b")), {"a": 1}, names)
    shown = compare.ranks_table(ranked, 1, 16)
    assert shown.to_dict("list") == {
        "Territoire": ["Xanadu", "Ys"],
        "Indice global de fragilité": ["80,0", "non disponible"],
        "Rang (1 = plus fragile)": ["1", "–"],
        "Domaines pris en compte": ["1 sur 16", "1 sur 16"],
    }
    changes = compare.rank_changes(long_table(THREE), {"a": 1, "b": 1}, {"a": 3, "b": 1})
    assert compare.sensitivity_table(changes, names, "en").to_dict("list") == {
        "Territory": ["Xanadu", "Ys", "Zèbre"],
        "Rank, equal weights": ["2", "1", "3"],
        "Rank, chosen weights": ["1", "2", "3"],
        "Change": ["▲ 1", "▼ 1", "="],
    }
    similar = pd.DataFrame({"territory_id": ["Z"], "distance": [32.61], "shared": [8]})
    assert compare.similar_table(similar, names).to_dict("list") == {
        "Territoire": ["Zèbre"],
        "Distance (écart moyen)": ["32,6"],
        "Domaines en commun": [8],
    }


def test_ranks_export_has_numbers_weights_method_and_sources():
    m = matrix({"X": [80, 20], "Y": [50, 60]}, ("a", "b"))
    names = pd.Series({"X": "=Xanadu", "Y": "Ys"})
    weights = {"a": 3.0, "b": 1.0}
    ranked = compare.ranking(m, weights, names)
    export = compare.ranks_export(
        ranked, m, {"a": "Alpha", "b": "Bêta"}, weights, "Méthode : min-max", "INSEE (2023)"
    )
    assert list(export.columns) == [
        "territory_id",
        "Territoire",
        "Indice global de fragilité",
        "Rang (1 = plus fragile)",
        "Alpha",
        "Bêta",
        "Poids des domaines",
        "Méthode des indices",
        "Source",
    ]
    assert list(export["Indice global de fragilité"]) == [65.0, 52.5]
    assert list(export["Alpha"]) == [80.0, 50.0]
    assert export["Poids des domaines"].iloc[0] == "Alpha = 3, Bêta = 1"
    text = safe_csv(export, separator=";").decode("utf-8-sig")
    assert text.splitlines()[1] == (
        "X;'=Xanadu;65,0;1;80,0;20,0;Alpha = 3, Bêta = 1;Méthode : min-max;INSEE (2023)"
    )


def test_provenance_lists_the_scored_indicators_with_years_and_sources(dataset, metro_regions):
    ids = list(metro_regions["territory_id"])
    minmax = explore.index_table(dataset, ids, "minmax")
    employment = compare.provenance(dataset, minmax.scores, ["emploi"])
    assert employment.indicators == "Taux de chômage localisé (T3 2023)"
    assert employment.sources.startswith("INSEE, Taux de chômage localisés (BIT)")
    assert (employment.publishers, employment.years) == ("INSEE", "T3 2023")
    assert compare.provenance(dataset, minmax.scores, ["emploi"], "en").brief("minmax", "en") == (
        "Method: min-max 0–100 across the territories compared (default). "
        "Sources: INSEE; data Q3 2023."
    )
    line = employment.line("minmax", "en")
    assert line.startswith("Method: min-max 0–100")
    assert "Indicators used: Taux de chômage localisé (T3 2023)." in line
    # base 100: life expectancy has no national reference row, so no score and no source
    base100 = explore.index_table(dataset, ids, "base100")
    health = compare.provenance(dataset, base100.scores, ["sante"])
    assert (health.indicators, health.sources, health.years) == ("—", "non disponible", "—")
    ageing = compare.provenance(dataset, base100.scores, ["vieillissement"], "en")
    assert "Poverty rate of households aged 75 or over" not in ageing.indicators
    assert ageing.indicators.startswith("Share of people aged 65 or over (2021)")
    # poverty: 2021 covers the 13 metropolitan regions (the researched series), the latest that does
    poverty = compare.provenance(dataset, minmax.scores, ["pauvrete"])
    assert (poverty.indicators, poverty.years) == ("Taux de pauvreté (2021)", "2021")
    assert poverty.sources.startswith("INSEE, Revenus et patrimoine des ménages, édition 2024")


# --- charts and labels ----------------------------------------------------------------------


def test_heatmap_values_missing_cells_and_order():
    m = matrix({"Y": [50, NA], "X": [80, 20]}, ("a", "b"))
    figure = charts.heatmap(m, {"X": "Xanadu", "Y": "Ys"}, {"a": "Alpha", "b": "Bêta"}, "u")
    values, missing = figure.data
    assert list(values.y) == ["Ys", "Xanadu"]
    assert list(values.x) == ["Alpha", "Bêta"]
    assert [list(row) for row in values.z] == [[50, None], [80, 20]]
    assert [list(row) for row in missing.z] == [[None, 1], [None, None]]
    assert values.text[0][1] == "Ys<br>Bêta : non disponible"
    assert values.text[1][0] == "Xanadu<br>Alpha : 80,0"
    assert figure.layout.yaxis.autorange == "reversed"


def test_compare_figures_pass_plotly_validation():
    """They are built without validation (styled_figure): plotly must accept them as they are."""
    m = matrix({"Y": [50, NA], "X": [80, 20]}, ("a", "b"))
    labels = {"a": "Alpha", "b": "Bêta"}
    counts = pd.DataFrame({"domain_id": ["a", "b"], "changed": [4, 5]})
    for figure in (
        charts.heatmap(m, {"X": "Xanadu", "Y": "Ys"}, labels, "u"),
        charts.sensitivity_bars(counts, labels),
    ):
        plain = figure.to_dict()
        assert go.Figure(plain).to_dict() == plain


def test_sensitivity_bars():
    counts = pd.DataFrame({"domain_id": ["a", "b"], "changed": [4, 5]})
    figure = charts.sensitivity_bars(counts, {"a": "Alpha", "b": "Bêta"}, "en")
    assert list(figure.data[0].x) == [4, 5]
    assert list(figure.data[0].y) == ["Alpha", "Bêta"]
    assert list(figure.data[0].hovertext) == ["Alpha: 4", "Bêta: 5"]


def test_every_label_has_french_and_english():
    assert all(key.startswith("compare_") for key in LABELS)
    assert all(entry.get("fr") and entry.get("en") for entry in LABELS.values())
