"""The territory profile (lib/profile/): hand-computed and data-derived expectations."""

import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib import perception, profile, ranking
from lib.export import safe_csv
from lib.formatting import NARROW_NBSP as NB
from lib.formatting import ordinal
from lib.periods import sort_key
from lib.profile import alliances, charts, perceived

NA = "non disponible"


@pytest.fixture(scope="module")
def look(dataset):
    return profile.lookups(dataset, "fr")


@pytest.fixture(scope="module")
def look_en(dataset):
    return profile.lookups(dataset, "en")


def value_of(dataset, territory_id, indicator_id):
    rows = dataset.indicators[
        (dataset.indicators["territory_id"] == territory_id)
        & (dataset.indicators["indicator_id"] == indicator_id)
    ]
    return float(rows.set_index("period")["value"][max(rows["period"], key=sort_key)])  # latest


# --- helpers ---------------------------------------------------------------------------------


def test_territory_level_from_the_prefixed_id():
    assert profile.territory_level("REG-53") == "region"
    assert profile.territory_level("DEP-53") == "department"
    with pytest.raises(ValueError):
        profile.territory_level("FR")


@pytest.mark.parametrize(
    ("rank", "fr", "en"),
    [
        (1, "1er", "1st"),
        (2, "2e", "2nd"),
        (3, "3e", "3rd"),
        (4, "4e", "4th"),
        (11, "11e", "11th"),
        (12, "12e", "12th"),
        (13, "13e", "13th"),
        (21, "21e", "21st"),
        (22, "22e", "22nd"),
        (101, "101e", "101st"),
        (111, "111e", "111th"),
    ],
)
def test_ordinals(rank, fr, en):
    assert ordinal(rank, "fr") == fr
    assert ordinal(rank, "en") == en


def test_titles_name_the_level_and_the_parent_region(look, look_en):
    assert profile.profile_title(look, "REG-32") == "Hauts-de-France — région"
    assert profile.profile_title(look, "DEP-29") == "Finistère (29) — département, région Bretagne"
    assert (
        profile.profile_title(look_en, "DEP-29") == "Finistère (29) — department, Bretagne region"
    )


def test_region_choices_are_the_18_regions_alphabetically_ignoring_accents(look):
    names = [name for _, name in profile.region_choices(look)]
    assert len(names) == 18
    assert names[:3] == ["Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne"]
    assert names.index("Île-de-France") == names.index("Hauts-de-France") + 1


# --- 1. key figures -------------------------------------------------------------------------


def test_key_figures_of_a_region_with_unit_year_benchmark_and_source(look):
    figures = profile.key_figures(look, "REG-32")
    assert figures.population == f"5{NB}995{NB}298 habitants"
    assert "INSEE, Recensement de la population 2021" in figures.population_note
    table = figures.table.set_index("Indicateur")
    unemployment = table.loc["Taux de chômage localisé"]
    assert unemployment["Valeur"] == f"9,2{NB}% de la population active"
    assert unemployment["Période"] == "T3 2023"
    assert unemployment["Repère"] == f"7,4{NB}% de la population active (France hors Mayotte)"
    assert unemployment["Source"] == "INSEE"
    # the latest period known for the region (2021, from the researched series), shown once
    poverty = table.loc["Taux de pauvreté"]
    assert (poverty["Période"], poverty["Valeur"]) == ("2021", f"18,0{NB}% des personnes")
    assert poverty["Repère"] == f"14,9{NB}% des personnes (France métropolitaine)"  # same period
    guadeloupe = profile.key_figures(look, "REG-01").table.set_index("Indicateur")
    # 2019: the benchmark is the France row of the same period, never another period's
    assert (
        guadeloupe.loc["Taux de pauvreté", "Repère"]
        == f"14,5{NB}% des personnes (France métropolitaine)"
    )
    assert list(table.index).count("Taux de pauvreté") == 1
    # GP density is known for overseas regions only: missing here, in words, never 0
    doctors = table.loc["Densité de médecins généralistes"]
    assert (doctors["Valeur"], doctors["Source"]) == (NA, NA)
    assert doctors["Repère"] == "147 pour 100 000 habitants (France)"
    assert "insee-chomage-localise-2023t3" in figures.source_ids


def test_key_figures_list_one_period_per_indicator_known_at_the_level(look):
    for territory_id in ("REG-32", "DEP-29"):
        ids = [i for i, _ in profile.main_indicators(look, territory_id)]
        assert len(ids) == len(set(ids))
        assert "population" not in ids  # context, shown apart
    # the latest period known for the territory: 2021 in Finistère and Hauts-de-France, 2019 in
    # Guadeloupe (no 2021 regional rate in the data)
    assert ("taux_pauvrete", "2021") in profile.main_indicators(look, "DEP-29")
    assert ("taux_pauvrete", "2021") in profile.main_indicators(look, "REG-32")
    assert ("taux_pauvrete", "2019") in profile.main_indicators(look, "REG-01")
    # no region has an interdecile ratio: left out at the region level, kept for departments
    assert "rapport_interdecile" not in dict(profile.main_indicators(look, "REG-32"))
    assert "rapport_interdecile" in dict(profile.main_indicators(look, "DEP-29"))


def test_key_figures_of_a_department(look):
    table = profile.key_figures(look, "DEP-29").table.set_index("Indicateur")
    assert table.loc["Taux de chômage localisé", "Valeur"] == f"6,3{NB}% de la population active"
    poverty = table.loc["Taux de pauvreté"]
    assert (poverty["Valeur"], poverty["Période"]) == (f"10,8{NB}% des personnes", "2021")
    assert poverty["Repère"] == f"14,9{NB}% des personnes (France métropolitaine)"


# --- 2. domain indices ------------------------------------------------------------------------


def test_comparison_scope_follows_the_area_except_for_overseas(look):
    metro = profile.comparison_scope(look, "REG-32", "metro")
    assert (len(metro.territory_ids), metro.area, metro.area_changed) == (13, "metro", False)
    overseas = profile.comparison_scope(look, "REG-04", "metro")
    assert (len(overseas.territory_ids), overseas.area, overseas.area_changed) == (18, "all", True)
    assert len(profile.comparison_scope(look, "DEP-29", "all").territory_ids) == 101


@pytest.mark.parametrize(
    ("territory", "n", "area", "members"),
    [
        ("REG-32", 13, "metro", "13 régions métropolitaines"),
        ("DEP-93", 96, "metro", "96 départements métropolitains"),
        ("REG-04", 18, "all", "18 régions de France"),
        ("DEP-976", 101, "all", "101 départements de France"),
    ],
)
def test_by_default_metropolitan_territories_are_compared_among_themselves(
    look, territory, n, area, members
):
    """The default area ("auto"): a metropolitan territory among the metropolitan territories
    of its level, an overseas one among all of them; no "option does not apply" note."""
    scope = profile.comparison_scope(look, territory, "auto")
    assert (len(scope.territory_ids), scope.area, scope.area_changed) == (n, area, False)
    assert scope.members.label() == members


def test_minmax_domain_index_rank_and_median_from_the_raw_values(look, dataset):
    ids = profile.comparison_scope(look, "REG-53", "metro").territory_ids
    rates = pd.Series({i: value_of(dataset, i, "taux_chomage") for i in ids})
    scores = 100 * (rates - rates.min()) / (rates.max() - rates.min())
    domains = profile.domain_profile(look, "REG-53", "metro", "minmax")
    emploi = domains.frame.set_index("domain_id").loc["emploi"]
    assert emploi["index"] == pytest.approx(scores["REG-53"])
    assert emploi["reference"] == pytest.approx(scores.median())
    rank = int((scores > scores["REG-53"]).sum()) + 1
    assert emploi["rank_text"] == f"{ordinal(rank)} sur 13 régions métropolitaines"
    assert emploi["rank_short"] == f"{ordinal(rank)} sur 13"
    assert emploi["years"] == "T3 2023" and emploi["sources"] == "INSEE"
    assert emploi["indicators"] == "Taux de chômage localisé (T3 2023)"


def test_base100_index_is_hand_computed_and_missing_without_reference(look):
    domains = profile.domain_profile(look, "REG-32", "all", "base100").frame.set_index("domain_id")
    # vieillissement: 75+ share 7.9 vs France 9.2, ageing index 68.0 vs France 80.7
    expected = (100 * (1 + (7.9 - 9.2) / 9.2) + 100 * (1 + (68.0 - 80.7) / 80.7)) / 2
    assert domains.loc["vieillissement", "index"] == pytest.approx(expected)
    assert domains.loc["vieillissement", "reference"] == 100.0
    # life expectancy has no France reference row: the health index is not available
    sante = domains.loc["sante"]
    assert math.isnan(sante["index"]) and sante["rank_text"] == NA and sante["sources"] == ""
    # renewable electricity covers the 13 metropolitan regions only: no index among all 18
    assert math.isnan(domains.loc["transition_energetique", "reference"])


def test_domain_profile_covers_the_whole_vocabulary_and_explains_its_method(look, dataset):
    domains = profile.domain_profile(look, "REG-32", "all", "minmax")
    assert list(domains.frame["domain_id"]) == list(dataset.domains["domain_id"])
    notes = " ".join(domains.notes)
    assert "entre les 18 régions de France" in notes
    assert "médiane des territoires comparés" in notes
    assert "écarté(s) faute de couverture complète" in notes
    overseas = " ".join(profile.domain_profile(look, "REG-04", "metro", "minmax").notes)
    assert "Territoire d'outre-mer" in overseas


# --- 3. perceived priorities ------------------------------------------------------------------


def test_where_perceived_figures_come_from_and_how_they_are_labelled(look):
    assert profile.perception_territories(look, "DEP-44") == ["DEP-44", "REG-52", "FR"]
    assert profile.perception_territories(look, "REG-32") == ["REG-32", "FR"]
    assert profile.scope_label(look, "FR") == "chiffres nationaux"
    assert profile.scope_label(look, "REG-52") == "chiffres régionaux (Pays de la Loire)"


def test_actors_shown_are_the_chosen_ones_or_those_with_figures(look):
    assert profile.actors_shown(look, "REG-32", ()) == ["citoyens", "entreprises", "associations"]
    assert profile.actors_shown(look, "REG-32", ("collectivites",)) == ["collectivites"]


def test_a_region_s_own_figures_come_before_the_national_ones(look):
    groups = profile.groups_by_actor(look, "REG-52", ["citoyens"])["citoyens"]
    assert groups[0].territory_id == "REG-52" and groups[0].study == "PHARE-Pays de la Loire"
    assert {g.territory_id for g in groups[1:]} == {"FR"}


def test_perception_block_with_year_base_and_source(look):
    groups = profile.groups_by_actor(look, "REG-32", ["citoyens"])["citoyens"]
    phare = profile.perception_block(look, groups[perception.default_group(groups)])
    assert phare.scope == "chiffres nationaux"
    assert list(phare.frame["value_text"][:2]) == ["7,1 /10", "6,6 /10"]
    assert phare.frame["domain_id"].iloc[0] == "emploi"
    assert "2015 · taille d'échantillon non publiée" in phare.caption
    assert "Source : Plateforme de capitalisation impacts-fondations" in phare.caption
    impact = next(g for g in groups if g.study == "IMPACT-Citoyens")
    assert f"base : 2{NB}400 répondants" in profile.perception_block(look, impact).caption
    ranked = profile.perception_block(look, next(g for g in groups if g.measure == "rank"))
    assert profile.block_table(ranked).iloc[0].tolist() == [
        "Emploi, chômage, insertion professionnelle",
        "1er",
    ]


@pytest.mark.parametrize(
    ("year", "note", "text"),
    [
        (2015, None, "2015"),
        (2011, "2010-2011", "2011 · 2010-2011"),
        (pd.NA, "2016 ?", "2016 ?"),
        (None, math.nan, NA),
    ],
)
def test_year_text(year, note, text):
    assert perceived.year_text(year, note) == text


@pytest.mark.parametrize(
    ("value", "measure", "text"),
    [
        (61.0, "share", f"61{NB}%"),
        (7.1, "score", "7,1 /10"),
        (6.0, "score", "6,0 /10"),
        (2.0, "rank", "2e"),
        (math.nan, "share", NA),
    ],
)
def test_perception_value_text(value, measure, text):
    assert profile.perception_value_text(value, measure) == text


# --- 4. perceived vs objective ---------------------------------------------------------------


def test_reading_table_classes_and_few_domains_note(look, dataset):
    frame = pd.DataFrame({"domain_id": list(look.domains), "index": math.nan})
    frame.loc[frame["domain_id"] == "emploi", "index"] = 80.0
    frame.loc[frame["domain_id"] == "sante", "index"] = 90.0
    frame["rank_text"] = NA
    frame.loc[frame["domain_id"] == "emploi", "rank_text"] = "2e sur 13 régions métropolitaines"
    scope = profile.comparison_scope(look, "REG-32", "auto")
    overall = ranking.standing(pd.Series(dtype=float), "REG-32", scope.members)
    domains = profile.DomainProfile(frame, "minmax", scope, [], [], overall, 0)
    rows = tuple({"domain_id": d, "value": v} for d, v in (("emploi", 40.0), ("securite", 60.0)))
    group = perception.Group("citoyens", "FR", "S", "Q", "share", rows)
    reading = profile.reading(look, domains, group)
    table = reading.table.set_index("Domaine")
    assert len(table) == len(dataset.domains)
    emploi = table.loc["Emploi, chômage, insertion professionnelle"]
    assert emploi.tolist() == [
        f"40{NB}%",
        "2e",
        "80,0",
        "2e domaine le plus fragile",  # among the territory's domains...
        "2e sur 13 régions métropolitaines",  # ...not its rank among territories
        "priorité partagée",
    ]
    assert list(table.columns)[3:5] == [
        "Rang parmi ses domaines",
        "Rang du territoire (1 = le plus fragile)",
    ]
    assert table.loc["Santé, accès aux soins", "Lecture"] == "non disponible"  # not asked
    assert table.loc["Sécurité", "Lecture"] == "non disponible"  # no index
    assert reading.categories["emploi"] == perception.SHARED
    assert "parmi les 13 régions métropolitaines pour chaque domaine" in reading.notes[1]
    assert "Peu de domaines renseignés (2 côté perception, 2 côté objectif)" in reading.notes[2]


# --- 5. alliances -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (37.0, "%", f"37{NB}%"),
        (89000.0, "count", f"89{NB}000"),
        (8.5, "points", "8,5 points"),
        (7.0, "years", "7 ans"),
        (18.0, "months", "18 mois"),
        (6.0, "score /10", "6 /10"),
    ],
)
def test_alliance_value_text(value, unit, text):
    assert alliances.alliance_value_text(value, unit) == text


def test_alliances_of_the_chosen_actors_regional_rows_first(look, dataset):
    table = profile.alliance_table(look, "DEP-44", ("entreprises",))
    alliances = dataset.alliances
    expected = alliances[
        (alliances["actor_id"] == "entreprises") & alliances["territory_id"].isin(["REG-52", "FR"])
    ]
    assert len(table) == len(expected)
    assert set(table["Acteur"]) == {"Entreprises"}
    assert table["Portée"].iloc[0] == "chiffres régionaux (Pays de la Loire)"
    assert table["Portée"].iloc[-1] == "chiffres nationaux"
    assert (table["Source"] != "").all() and (table["Année"] != "").all()


def test_without_chosen_actor_every_known_alliance_row_is_listed(look, dataset):
    table = profile.alliance_table(look, "REG-32", ())
    national = dataset.alliances[dataset.alliances["territory_id"] == "FR"]
    assert len(table) == len(national)
    assert set(table["Portée"]) == {"chiffres nationaux"}
    assert table["Acteur"].iloc[-1] == "plusieurs profils"  # rows without one actor come last


# --- download -------------------------------------------------------------------------------


def test_download_table_has_a_source_and_a_period_on_every_row(look):
    figures = profile.key_figures(look, "REG-53")
    domains = profile.domain_profile(look, "REG-53", "metro", "minmax")
    table = profile.download_table(look, figures, domains)
    assert len(table) == len(figures.table) + len(domains.frame)
    assert table.notna().all().all() and (table != "").all().all()
    emploi = table.set_index("Indicateur").loc[
        "Indice « Emploi, chômage, insertion professionnelle »"
    ]
    assert emploi["Source"] == "INSEE" and emploi["Repère"].startswith("médiane")
    header = "Indicateur;Valeur;Période;Repère;Source\n".encode("utf-8-sig")
    assert safe_csv(table, separator=";").startswith(header)


# --- charts (lib/profile/charts.py) ------------------------------------------------------------


def chart_frame(index_a: float = 80.0) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "domain_id": ["a", "b", "c"],
            "label": ["A", "B", "C"],
            "index": [index_a, math.nan, 20.0],
            "rank_text": ["1er sur 2 régions", NA, "2e sur 2 régions"],
            "rank_short": ["1er sur 2", NA, "2e sur 2"],
            "reference": [50.0, math.nan, 30.0],
            "indicators": ["i1 (2021)", "", "i2 (2013)"],
            "sources": ["INSEE", "", "INSEE"],
        }
    )


def test_domain_bars_minmax_values_ranks_median_ticks_and_missing_words():
    figure = charts.domain_bars(chart_frame(), "minmax", "region").to_plotly_json()
    bars, values, missing, median = figure["data"]
    assert (bars["x"], bars["y"]) == ([80.0, 20.0], ["A", "C"])
    assert [row[0] for row in bars["customdata"]] == ["1er sur 2 régions", "2e sur 2 régions"]
    assert values["text"] == ["80,0 · 1er sur 2", "20,0 · 2e sur 2"]
    assert values["x"] == [104.0, 104.0]  # a column right of the 0–100 axis
    assert (missing["y"], missing["text"]) == (["B"], [NA])
    assert (median["x"], median["name"]) == ([50.0, 30.0], "Médiane (Régions)")
    layout = figure["layout"]
    assert layout["yaxis"]["categoryarray"] == ["C", "B", "A"]  # first domain on top
    assert layout["xaxis"]["range"] == [0, pytest.approx(142.0)]
    assert layout["height"] == 130 + 26 * 3 and "shapes" not in layout


def test_domain_bars_base100_draw_the_france_line():
    frame = chart_frame(index_a=130.0).assign(reference=[100.0, math.nan, 100.0])
    figure = charts.domain_bars(frame, "base100", "region", "en").to_plotly_json()
    shape = figure["layout"]["shapes"][0]
    assert (shape["x0"], shape["x1"], shape["yref"]) == (100, 100, "paper")
    assert figure["data"][3]["name"] == "100 = France"
    assert figure["data"][1]["text"][0] == "130.0 · 1er sur 2"
    assert figure["layout"]["xaxis"]["range"][1] == pytest.approx(130 * 1.42)


def test_domain_radar_closes_both_shapes():
    figure = charts.domain_radar(chart_frame(), "minmax", "department").to_plotly_json()
    territory, reference = figure["data"]
    assert (territory["r"], territory["theta"]) == ([80.0, 20.0, 80.0], ["A", "C", "A"])
    assert (reference["r"], reference["name"]) == ([50.0, 30.0, 50.0], "Médiane (Départements)")


@pytest.mark.parametrize("method", ["minmax", "base100"])
@pytest.mark.parametrize("chart", [charts.domain_bars, charts.domain_radar])
def test_profile_figures_pass_plotly_validation(chart, method):
    """They are built without validation (styled_figure): plotly must accept them as they are."""
    figure = chart(chart_frame(), method, "region").to_dict()
    assert go.Figure(figure).to_dict() == figure
    with pytest.raises(ValueError, match="Invalid property"):  # what validation would catch
        go.Figure({**figure, "layout": {**figure["layout"], "heigth": 3}})


def test_base100_lists_only_the_indicators_that_entered_the_index(look):
    sante = profile.domain_profile(look, "DEP-29", "metro", "base100").frame.set_index("domain_id")
    sante = sante.loc["sante"]
    # GP and doctor densities have a France row; life expectancy has none and is left out
    assert sante["indicators"] == (
        "Densité de médecins généralistes (2023), Densité de médecins (toutes spécialités) (2023)"
    )
    assert sante["sources"] == "DREES (RPPS) / INSEE"


def test_territories_with_the_same_alliance_places_show_the_same_alliance_table(look):
    assert profile.alliance_places(look, "REG-53") == ("FR",)
    assert profile.alliance_places(look, "REG-52") == ("REG-52", "FR")
    assert profile.alliance_places(look, "DEP-44") == ("REG-52", "FR")  # its region's figures
    brittany = profile.alliance_table(look, "REG-53", ())
    assert brittany.equals(profile.alliance_table(look, "REG-24", ()))
    assert len(profile.alliance_table(look, "REG-52", ())) > len(brittany)
