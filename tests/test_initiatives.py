"""Alliance initiatives (lib/initiatives/, the initiatives table and its import script)."""

import importlib.util
import math
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
import shapely

from lib import explore, geo, maps
from lib import initiatives as ini
from lib.data import DATA_DIR, read_raw_csv
from lib.datasets import Layer, combine
from lib.schema import DataValidationError, validate_table

ROOT = Path(__file__).resolve().parents[1]
RESEARCH_CSV = ROOT.parent / "shared" / "data" / "initiatives" / "initiatives.csv"
PLACED_LEVELS = {"commune", "epci_commune", "epci_department", "department", "region"}


def ancestors(parents, territory_id):
    found = []
    while territory_id:
        found.append(territory_id)
        territory_id = parents[territory_id]
    return found


def injected(dataset, **changes):
    """The dataset plus one uploaded initiative (a layer, as an upload would add it)."""
    base = dataset.initiatives.set_index("initiative_id").loc["maison-super-local-roubaix"]
    row = {**base.to_dict(), "initiative_id": "injected", **changes}
    return combine(dataset, [Layer("test", "test", {"initiatives": pd.DataFrame([row])})])


# --- The table -------------------------------------------------------------------------------


def test_the_embedded_table_is_loaded_whole_and_sourced(dataset, rows):
    assert len(dataset.initiatives) == len(rows) == 28
    assert dataset.initiatives["initiative_id"].is_unique
    sources = set(dataset.sources["source_id"])
    assert set(dataset.initiatives["source_id"]) <= sources
    assert all(s.startswith("ini-") for s in dataset.initiatives["source_id"])
    assert dataset.initiatives["quote"].str.len().gt(10).all()


def test_the_committed_csv_is_the_import_of_the_research_file():
    if not RESEARCH_CSV.exists():
        pytest.skip("research folder not present")
    spec = importlib.util.spec_from_file_location(
        "importer", ROOT / "scripts/import_initiatives.py"
    )
    importer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(importer)
    initiatives, sources = importer.build(importer.read_csv(RESEARCH_CSV))
    committed = read_raw_csv(DATA_DIR / "initiatives.csv")
    pd.testing.assert_frame_equal(initiatives, committed)
    embedded = read_raw_csv(DATA_DIR / "sources.csv").set_index("source_id")
    assert embedded.loc[sources["source_id"]].reset_index().equals(sources)


def test_sources_csv_keeps_lf_line_endings():
    assert b"\r" not in (DATA_DIR / "sources.csv").read_bytes()


def test_domain_tags_are_mapped_and_the_rest_kept_as_free_tags(dataset):
    table = dataset.initiatives.set_index("initiative_id")
    assert table.loc["masques-du-nord", "domain_ids"] == "developpement_economique;sante"
    assert table.loc["sublimeurs", "free_tags"] == "alimentation"
    assert table.loc["squad-emploi", "domain_ids"] == "emploi;jeunesse"  # young people's insertion
    assert table.loc["fonds-odd17", "free_tags"] == "gouvernance"
    assert pd.isna(table.loc["fonds-odd17", "domain_ids"])


def test_uncertainties_stay_visible(dataset):
    table = dataset.initiatives.set_index("initiative_id")
    assert "lecture non confirmée" in table.loc["masques-du-nord", "practice_note"]
    assert "non classé" in table.loc["rev3", "practice_note"]
    assert "probable, non certain" in table.loc["masques-du-nord", "note"]


def _raw(**changes):
    raw = read_raw_csv(DATA_DIR / "initiatives.csv").head(3).copy()
    for column, value in changes.items():
        raw.loc[1, column] = value
    return raw


@pytest.mark.parametrize(
    ("change", "column", "message"),
    [
        ({"actor_ids": "entreprises;martiens"}, "actor_ids", "identifiant inconnu dans la liste"),
        ({"domain_ids": "sante;"}, "domain_ids", "identifiant inconnu dans la liste"),
        ({"source_id": "nowhere"}, "source_id", "valeur inconnue « nowhere »"),
        ({"practice_id": "amitie"}, "practice_id", "valeur inconnue « amitie »"),
        ({"territory_id": "COM-99999"}, "territory_id", "valeur inconnue « COM-99999 »"),
        ({"territory_id": "FR"}, "territory_id", "niveau de placement"),  # row 1: a region
        ({"initiative_id": "planet-rse"}, "initiative_id", "valeur en double"),
    ],
)
def test_broken_rows_are_reported_with_line_and_column(dataset, change, column, message):
    with pytest.raises(DataValidationError) as error:
        validate_table("initiatives", _raw(**change), dataset.refs(), file="initiatives.csv")
    problems = [p for p in error.value.problems if p.column == column]
    assert problems and message in problems[-1].text("fr")
    assert problems[-1].line == 3


# --- Filters and directory -------------------------------------------------------------------


def test_every_initiative_appears_in_the_directory(dataset, rows):
    described = ini.describe(dataset, ini.filter_initiatives(dataset))
    table = ini.directory_table(described)
    assert sorted(table["Identifiant"]) == sorted(r["initiative_id"] for r in rows)
    assert len(ini.cards(described)) == len(rows)
    assert table["Source"].str.len().gt(0).all()


def test_actor_and_domain_filters_return_exactly_the_matching_rows(dataset, rows):
    expected = {
        r["initiative_id"]
        for r in rows
        if "entreprises" in r["actor_ids"].split(";") and "emploi" in r["domain_ids"].split(";")
    }
    shown = ini.filter_initiatives(dataset, actors=["entreprises"], domains=["emploi"])
    assert set(shown["initiative_id"]) == expected and expected


def test_any_of_several_actors(dataset, rows):
    wanted = {"citoyens", "fondations"}
    expected = {r["initiative_id"] for r in rows if wanted & set(r["actor_ids"].split(";"))}
    shown = ini.filter_initiatives(dataset, actors=sorted(wanted))
    assert set(shown["initiative_id"]) == expected and len(expected) >= 2


@pytest.mark.parametrize("territory", ["REG-32", "DEP-59", "REG-11", "DEP-44"])
def test_territory_filter_keeps_the_territory_and_its_children(dataset, rows, parents, territory):
    expected = {
        r["initiative_id"]
        for r in rows
        if r["territory_id"] and territory in ancestors(parents, r["territory_id"])
    }
    shown = ini.filter_initiatives(dataset, territory=territory)
    assert set(shown["initiative_id"]) == expected and expected


def test_practice_filter_with_unclassified(dataset, rows):
    expected = {r["initiative_id"] for r in rows if r["practice_id"] in {"", "mecenat"}}
    shown = ini.filter_initiatives(dataset, practices=["mecenat", ini.UNCLASSIFIED])
    assert set(shown["initiative_id"]) == expected


def test_search_by_name_or_town_ignores_case_and_accents(dataset):
    by_town = ini.filter_initiatives(dataset, search="roubaix")
    assert list(by_town["initiative_id"]) == ["maison-super-local-roubaix"]
    by_region = ini.filter_initiatives(dataset, search="ile-de-france")
    assert set(by_region["territory_id"]) == {"DEP-94"}
    by_name = ini.filter_initiatives(dataset, search="SQUAD")
    assert list(by_name["initiative_id"]) == ["squad-emploi"]


def test_metropolitan_area_leaves_out_overseas_places(dataset):
    data = injected(dataset, territory_id="COM-97411", territory_label="Saint-Denis")
    assert "injected" in set(ini.filter_initiatives(data)["initiative_id"])
    assert "injected" not in set(ini.filter_initiatives(data, area="metro")["initiative_id"])


def test_counts_per_region(dataset, rows, parents):
    counts = ini.region_counts(ini.describe(dataset, ini.filter_initiatives(dataset)))
    shown = dict(zip(counts["Région"], counts["Initiatives"], strict=True))
    in_hdf = sum(
        1 for r in rows if r["territory_id"] and "REG-32" in ancestors(parents, r["territory_id"])
    )
    assert shown["Hauts-de-France"] == in_hdf
    assert shown["National (France entière)"] == sum(r["territory_id"] == "FR" for r in rows)
    assert shown["Non localisé (la source ne dit pas où)"] == sum(
        not r["territory_id"] for r in rows
    )
    assert sum(shown.values()) == len(rows)
    assert list(counts["Région"])[-2:] == [
        "National (France entière)",
        "Non localisé (la source ne dit pas où)",
    ]


def test_practice_outside_the_observatoire_typology_is_flagged(dataset):
    assert ini.practice_label(dataset, "dialogue_territorial", "fr") == (
        "Dialogue territorial (hors typologie de l'Observatoire)"
    )
    assert ini.practice_label(dataset, "mecenat", "fr") == "Mécénat"
    assert ini.practice_label(dataset, None, "en") == "not classified"


def test_missing_year_reads_not_available_and_the_notes_read_in_the_chosen_language(dataset):
    shown = ini.with_ids(dataset, ["rev3"])
    french = ini.describe(dataset, shown, "fr")
    assert french["year"].tolist() == ["non disponible"]
    assert french["note"].iloc[0] == (
        "Acteurs publics non nommés (« milieux politiques »). Pas d'année de lancement (tribune "
        "écrite pendant le confinement de 2020). Type d'alliance : non classé (aucun type ne "
        "convient ou texte trop mince)."
    )
    # the same two notes in English (data/notes_en.csv), not the researchers' working note
    assert ini.describe(dataset, shown, "en")["note"].iloc[0] == (
        "Public actors not named (“milieux politiques”: political circles). No launch year "
        "(opinion piece written during the 2020 lockdown). Partnership type: unclassified (no "
        "type fits, or the text is too thin)."
    )


def test_cards_link_to_the_nearest_department_or_region(dataset):
    described = ini.describe(dataset, ini.filter_initiatives(dataset))
    cards = {c.initiative_id: c for c in ini.cards(described)}
    assert cards["maison-super-local-roubaix"].profile_id == "DEP-59"
    assert cards["maison-super-local-roubaix"].profile_label == "Profil de Nord"
    assert cards["vitawin"].profile_id == "DEP-94"
    assert cards["cd2e"].profile_id == "REG-32"
    assert cards["fonds-odd17"].profile_id is None
    assert cards["planet-rse"].profile_id is None


# --- Map points ------------------------------------------------------------------------------


def _true_geometry(territory_id):
    if territory_id.startswith("COM-"):
        code = territory_id[4:]
        gdf = geo.read_communes("DEP-" + (code[:3] if code.startswith("97") else code[:2]))
    else:
        gdf = geo.read_boundaries("region" if territory_id.startswith("REG-") else "department")
    return gdf.set_index("territory_id").loc[territory_id, "geometry"]


def test_placed_initiatives_fall_inside_their_territory(dataset, rows):
    points = ini.points_frame(dataset, ini.filter_initiatives(dataset))
    expected = {r["initiative_id"] for r in rows if r["placement_level"] in PLACED_LEVELS}
    assert set(points["initiative_id"]) == expected  # national and unlocated: listed, not placed
    for point in points.itertuples():
        inside = shapely.Point(point.true_lon, point.true_lat)
        assert _true_geometry(point.territory_id).contains(inside), point.initiative_id


def test_overseas_points_follow_the_inset_transform(dataset):
    data = injected(dataset, territory_id="COM-97411", territory_label="Saint-Denis")
    points = ini.points_frame(data, ini.with_ids(data, ["injected"])).iloc[0]
    assert _true_geometry("COM-97411").contains(shapely.Point(points.true_lon, points.true_lat))
    drawn = geo.with_overseas_insets(geo.read_boundaries("department")).set_index("territory_id")
    assert drawn.loc["DEP-974", "geometry"].contains(shapely.Point(points.lon, points.lat))
    assert points.lon < -5  # in the inset column west of Brittany, not in the Indian Ocean


def test_points_sharing_a_place_are_spread_deterministically(dataset):
    frame = ini.filter_initiatives(dataset, territory="REG-32")
    zoom = 6.0
    points = ini.points_frame(dataset, frame, zoom=zoom)
    again = ini.points_frame(dataset, frame.iloc[::-1], zoom=zoom)
    pd.testing.assert_frame_equal(points, again)
    assert not points.duplicated(["lon", "lat"]).any()
    spacing = ini.spacing_degrees(zoom)
    for _, group in points.groupby("territory_id"):
        centre = group.iloc[0]  # first by initiative_id stays on the place
        assert (centre.lon, centre.lat) == (centre.true_lon, centre.true_lat)
        stretch = 1 / math.cos(math.radians(centre.lat))
        for k, point in enumerate(group.itertuples()):
            lat_shift = abs(point.lat - point.true_lat)
            lon_shift = abs(point.lon - point.true_lon) / stretch
            assert math.hypot(lat_shift, lon_shift) == pytest.approx(spacing * math.sqrt(k))


def test_spacing_shrinks_when_zooming_in():
    assert ini.spacing_degrees(5) == pytest.approx(ini.spacing_degrees(4) / 2)
    assert ini.spacing_degrees(4.3) < 0.5


def test_hover_text_is_escaped(dataset):
    data = injected(
        dataset,
        name="<script>alert(1)</script>",
        description="Une <b>description</b> & plus",
    )
    points = ini.points_frame(data, ini.with_ids(data, ["injected"]))
    halo, dots = maps.initiatives_layer(points)
    text = dots["hovertext"][0]
    assert "<script>" not in text and "<b>description" not in text
    assert text.startswith("<b>&lt;script&gt;alert(1)&lt;/script&gt;</b><br>Roubaix<br>")
    assert "Une &lt;b&gt;description&lt;/b&gt; &amp; plus" in text
    assert "Source : Réseau Alliances (Hauts-de-France)" in text
    assert dots["customdata"] == ["injected"]
    assert halo["hoverinfo"] == "skip"


def test_no_point_no_trace(dataset):
    points = ini.points_frame(dataset, ini.with_ids(dataset, ["fonds-odd17"]))
    assert points.empty and maps.initiatives_layer(points) == []


def test_clicked_points_name_initiatives_not_territories():
    points = [{"location": "REG-32", "customdata": ["x"]}, {"customdata": "cd2e", "lon": 2.0}]
    assert ini.clicked_ids(points) == ["cd2e"]


# --- Profile helpers -------------------------------------------------------------------------


def test_relations_of_a_department(dataset, rows, parents):
    found = ini.relations(dataset, "DEP-59")
    expected = {}
    for r in rows:
        chain = ancestors(parents, r["territory_id"]) if r["territory_id"] else []
        if r["territory_id"] == "REG-32":
            expected[r["initiative_id"]] = "parent"
        elif "DEP-59" in chain:
            expected[r["initiative_id"]] = "child"
    assert found == expected


@pytest.mark.parametrize("territory", ["DEP-59", "REG-32", "REG-94", "DEP-974"])
def test_relations_with_the_shared_places_are_the_same(dataset, territory):
    shared = ini.initiative_places(dataset)
    assert ini.relations(dataset, territory, shared) == ini.relations(dataset, territory)


@pytest.mark.parametrize(("territory", "area"), [("REG-11", "metro"), ("DEP-59", "metro")])
def test_white_spots(dataset, rows, parents, territory, area):
    spots = ini.white_spots(dataset, territory, area, "minmax")
    scope = explore.scope_territories(
        dataset, "region" if territory.startswith("REG") else "department", None, area
    )
    table = explore.index_table(dataset, list(scope["territory_id"]), "minmax").domains
    indices = table[table["territory_id"] == territory].dropna(subset=["index"])
    top = indices.nlargest(3, "index")
    assert list(spots["domain_id"][: len(top)]) == list(top["domain_id"])
    region = next(a for a in ancestors(parents, territory) if a.startswith("REG-"))
    known = set()
    for r in rows:
        chain = ancestors(parents, r["territory_id"]) if r["territory_id"] else []
        if territory in chain or r["territory_id"] == region:
            known |= set(filter(None, r["domain_ids"].split(";")))
    for spot in spots.itertuples():
        if spot.domain_id in set(indices["domain_id"]):
            assert spot.status == ("covered" if spot.domain_id in known else "white_spot")
        else:
            assert spot.status == "not_available" and math.isnan(spot.index)
    assert set(spots["status"]) >= {"white_spot", "not_available"}
    assert len(spots) == 3 + 16 - len(indices)


def test_white_spots_table_reads_missing_as_not_available(dataset):
    spots = ini.white_spots(dataset, "REG-11", "metro")
    table = ini.white_spots_table(dataset, spots, "fr")
    missing = table[table["Constat"] == "non disponible"]
    assert (missing["Indice de domaine"] == "non disponible").all() and len(missing)
    assert "Angle blanc : aucune initiative connue" in set(table["Constat"])


def test_white_spots_need_a_region_or_a_department(dataset):
    with pytest.raises(ValueError, match="region or a department"):
        ini.white_spots(dataset, "COM-59512")


def test_dataset_without_initiatives_still_works(dataset):
    empty = replace(dataset, initiatives=dataset.initiatives.head(0))
    assert ini.filter_initiatives(empty).empty
    assert ini.points_frame(empty, empty.initiatives).empty
    assert ini.map_caption(empty, empty.initiatives).startswith("Aucune initiative connue")
