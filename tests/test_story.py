"""Stories of the presentation mode (lib/presentation/story.py) and what their slides show (lib/presentation/slides/)."""

import json
from dataclasses import replace

import pandas as pd
import pytest

from lib import cached, explore, perception, profile, trends
from lib.data import epci_members
from lib.datasets import Layer, combine
from lib.explore import allowed_values
from lib.formatting import ordinal
from lib.presentation import slides, story
from lib.profile import local as local_profile
from lib.profile import local_trends

REGION = "REG-32"  # Hauts-de-France
KINDS_OF_A_TERRITORY = ["national", "map", "top_domains", "trends", "perceptions", "alliances"]


@pytest.fixture(scope="module")
def allowed(dataset):
    return allowed_values(dataset)


def workshop_layer(territory_id: str) -> Layer:
    """Published results of a workshop as lib/workshop/layer.py builds them: shares of each
    actor profile's participants, labelled "atelier <title>, <date>, n=<participants>"."""
    shares = {
        ("collectivites", "emploi"): 80.0,
        ("collectivites", "mobilite"): 60.0,
        ("collectivites", "sante"): 40.0,
        ("citoyens", "sante"): 70.0,
        ("citoyens", "logement"): 50.0,
        ("citoyens", "emploi"): 20.0,
    }
    perceptions = pd.DataFrame(
        {
            "perception_id": [f"atelier-1-{a}-{d}" for a, d in shares],
            "figure_id": "atelier-1",
            "territory_id": territory_id,
            "actor_id": [a for a, _ in shares],
            "actor_label": None,
            "domain_id": [d for _, d in shares],
            "study": "atelier Webinaire",
            "question": "Domaines choisis comme prioritaires en atelier",
            "measure": "share",
            "value": list(shares.values()),
            "base_n": pd.array([5] * len(shares), dtype="Int64"),
            "year": pd.array([2026] * len(shares), dtype="Int64"),
            "year_note": "",
            "source_id": "atelier-1",
            "note": "",
        }
    )
    sources = pd.DataFrame(
        [
            {
                "source_id": "atelier-1",
                "title": "atelier Webinaire, 23/11/2026, n=10",
                "publisher": "Atelier (organisateur)",
                "year": "2026",
                "url_or_package": "",
                "licence": "résultats anonymisés",
                "note": "",
            }
        ]
    )
    return Layer(
        "atelier-1",
        "atelier Webinaire, 23/11/2026, n=10",
        {"perceptions": perceptions, "sources": sources},
    )


@pytest.fixture(scope="module")
def with_workshop(dataset):
    return combine(dataset, [workshop_layer(REGION)])


def shown(dataset, allowed, step: story.Step) -> slides.Slide:
    return slides.slide(dataset, step.kind, story.step_filters(step, allowed), step.caption)


# --- the default story --------------------------------------------------------------------------


def test_a_region_story_has_six_views_without_a_workshop(dataset):
    region_story = story.default_story(dataset, REGION)
    assert [s.kind for s in region_story.steps] == KINDS_OF_A_TERRITORY
    assert region_story.title == "Hauts-de-France : fragilités et alliances"
    assert all(s.filters["territory"] == REGION for s in region_story.steps)
    assert story.shown_steps(dataset, region_story) == list(region_story.steps)


def test_a_published_workshop_adds_the_rooms_slide(with_workshop, allowed):
    region_story = story.default_story(with_workshop, REGION)
    assert [s.kind for s in region_story.steps] == [*KINDS_OF_A_TERRITORY, "workshop"]
    room = shown(with_workshop, allowed, region_story.steps[-1])
    assert room.title == "Hauts-de-France : les priorités choisies par la salle"
    table = room.table.set_index("Acteur")
    assert table.loc["Citoyens", "Priorités perçues"] == (
        "Santé, accès aux soins, Logement, Emploi, chômage, insertion professionnelle"
    )
    assert room.source_line.startswith("Sources : Atelier (organisateur), atelier Webinaire")
    assert [len(b.frame) for b in room.chart.blocks] == [3, 3]


def test_a_workshop_step_without_results_is_skipped(dataset, with_workshop):
    region_story = story.default_story(with_workshop, REGION)  # made while results existed
    assert len(story.shown_steps(with_workshop, region_story)) == 7
    assert [s.kind for s in story.shown_steps(dataset, region_story)] == KINDS_OF_A_TERRITORY


def test_the_france_story_has_no_territory_view(dataset):
    france = story.default_story(dataset, None)
    assert [s.kind for s in france.steps] == ["national", "map", "perceptions", "alliances"]
    assert all("territory" not in s.filters for s in france.steps)


def test_an_overseas_territory_is_compared_with_all_of_france(dataset, allowed):
    """The steps leave the area to its default ("auto"): Mayotte among every region,
    Hauts-de-France among the metropolitan ones."""
    for territory, members in (
        ("REG-06", "18 régions de France"),
        (REGION, "13 régions métropolitaines"),
    ):
        steps = story.default_story(dataset, territory).steps
        assert {s.filters.get("area") for s in steps} == {None}
        chosen = story.step_filters(steps[2], allowed, "fr")
        top = slides.slide(dataset, "top_domains", chosen)
        assert f"sur {members}" in top.lines[0]


BREST_METROPOLE, BREST = "EPCI-242900314", "COM-29019"


@pytest.mark.parametrize(
    ("territory", "kinds"),
    [
        (BREST_METROPOLE, ["national", "top_domains", "trends", "alliances"]),
        (BREST, ["national", "top_domains", "alliances"]),  # one period per commune file
    ],
)
def test_an_epci_or_a_commune_story_reads_its_profile(dataset, allowed, territory, kinds):
    saved = story.default_story(dataset, territory)
    assert [s.kind for s in saved.steps] == kinds
    assert story.story_from_json(story.story_to_json(saved), allowed) == saved
    scoped = cached.with_communes(dataset) if territory == BREST else dataset
    shown = local_profile.build(scoped, epci_members(dataset), territory, "minmax")
    ranks = dict(
        zip(shown.domains["Domaine"], shown.domains["Rang (1 = le plus fragile)"], strict=True)
    )
    top = slides.slide(scoped, "top_domains", story.step_filters(saved.steps[1], allowed))
    for label, rank in ranks.items():  # each domain listed reads its profile's rank
        assert all(rank in line for line in top.lines if line.startswith(label + " : "))
    assert sum(line.split(" : ")[0] in ranks for line in top.lines) == min(3, len(ranks))


def test_an_epci_trends_slide_draws_its_largest_change(dataset, allowed):
    look = profile.lookups(dataset)
    model = local_trends.for_territory(look, BREST_METROPOLE)
    leading = trends.leading(model)
    assert leading is not None and model.worse  # poverty 2019 -> 2021, read from the data
    step = story.default_story(dataset, BREST_METROPOLE).steps[2]
    shown = slides.slide(dataset, "trends", story.step_filters(step, allowed))
    assert shown.chart.trend.indicator_id == leading.indicator_id
    assert shown.lines[0] == dict(model.worse)[leading.indicator_id]


# --- the story file -----------------------------------------------------------------------------


@pytest.mark.parametrize("territory", [REGION, "DEP-29", "REG-06", None])
def test_a_saved_story_reloads_to_the_same_views(dataset, allowed, territory):
    saved = story.default_story(dataset, territory)
    assert story.story_from_json(story.story_to_json(saved), allowed) == saved


def test_an_edited_story_reloads_edited(dataset, allowed):
    saved = story.default_story(dataset, REGION)
    edited = story.edited_story(
        saved,
        "Webinaire du 3 décembre",
        [(5, "", True), (1, "Notre région d'abord", True), (None, "", False), (4, "", False),
         (2, "", True), (3, "À discuter", True)],
    )  # fmt: skip
    assert [s.kind for s in edited.steps] == ["map", "perceptions", "alliances", "national"]
    assert edited.steps[0].caption == "Notre région d'abord"
    assert edited.title == "Webinaire du 3 décembre"
    assert story.story_from_json(story.story_to_json(edited).encode(), allowed) == edited


def test_the_editor_refuses_an_empty_story_and_long_captions(dataset):
    saved = story.default_story(dataset, REGION)
    with pytest.raises(story.StoryError, match=r"^L'histoire doit contenir une liste d'étapes"):
        story.edited_story(saved, "Titre", [(i, "", False) for i in range(6)])
    with pytest.raises(story.StoryError, match=r"^Étape 2 : la légende doit être un texte de 300"):
        story.edited_story(
            saved, "Titre", [(1, "", True), (2, "x" * 301, True), *[(3, "", True)] * 4]
        )
    with pytest.raises(story.StoryError, match=r"^Le titre de l'histoire doit être un texte"):
        story.edited_story(saved, "  ", [(1, "", True)] * 6)


def story_file(**changes) -> str:
    content = {
        "format": story.FORMAT,
        "version": 1,
        "title": "Mon webinaire",
        "steps": [
            {"kind": "national", "filters": {}, "caption": ""},
            {"kind": "map", "filters": {"territory": REGION, "level": "department"}},
            {"kind": "top_domains", "filters": {"territory": REGION}, "caption": ""},
            {"kind": "alliances", "filters": {}, "caption": ""},
        ],
    }
    content.update(changes)
    return json.dumps(content, ensure_ascii=False, indent=2)


def with_step(n: int, step: object) -> str:
    steps = json.loads(story_file())["steps"]
    steps[n - 1] = step
    return story_file(steps=steps)


KNOWN = "national, map, top_domains, trends, perceptions, alliances, workshop"
MALFORMED = [
    ("{\n  \"format\": 1,\n  oops\n}", "Fichier d'histoire illisible : ce n'est pas du JSON valide (ligne 3)."),
    (b"\xff\xfe{}", "Fichier d'histoire illisible : il n'est pas encodé en UTF-8."),
    (b" " * (64 * 1024 + 1), "Fichier d'histoire trop volumineux : 65 Ko (maximum 64 Ko)."),
    ("[1, 2]", "Ce fichier n'est pas une histoire de l'application (champ « format » absent ou "
     "différent de « territoires-fragiles-histoire »)."),
    (story_file(version=2), "Version d'histoire non prise en charge : 2 (version attendue : 1)."),
    (story_file(version=True), "Version d'histoire non prise en charge : true (version attendue : 1)."),
    (story_file(version=12345), "Version d'histoire non prise en charge : 12345 (version attendue : 1)."),
    ('{"format": "territoires-fragiles-histoire", "version": ' + "9" * 5000 + "}",
     "Fichier d'histoire illisible : un nombre entier de plus de 9 chiffres."),
    ("[" * 2000 + "]" * 2000,
     "Fichier d'histoire illisible : objets ou listes imbriqués sur 2000 niveaux (maximum 8)."),
    (story_file(steps=[{"kind": "national", "filters": {"level": [[[[["region"]]]]]}}]),
     "Fichier d'histoire illisible : objets ou listes imbriqués sur 9 niveaux (maximum 8)."),
    (story_file(title=""), "Le titre de l'histoire doit être un texte non vide de 120 caractères "
     "au plus."),
    (story_file(steps=[]), "L'histoire doit contenir une liste d'étapes non vide (champ « steps »)."),
    (story_file(steps=[{"kind": "national"}] * 31), "Trop d'étapes : 31 (maximum 30)."),
    (with_step(3, "national"), "Étape 3 : ce n'est pas un objet avec « kind », « filters » et "
     "« caption »."),
    (with_step(4, {"kind": "foo"}), f"Étape 4 : type de vue inconnu « foo » (types connus : {KNOWN})."),
    (with_step(1, {"kind": "map", "legende": "x"}), "Étape 1 : champ inconnu « legende »."),
    (with_step(2, {"kind": "map", "filters": {"territory": "REG-99"}}),
     "Étape 2 : territoire inconnu « REG-99 »."),
    (with_step(2, {"kind": "map", "filters": {"indicator": "pib"}}),
     "Étape 2 : valeur inconnue « pib » pour le filtre « indicator »."),
    (with_step(2, {"kind": "map", "filters": {"couleur": "rouge"}}),
     "Étape 2 : filtre inconnu « couleur »."),
    (with_step(2, {"kind": "map", "filters": {"territory": 32}}),
     "Étape 2 : les filtres doivent être des paires nom → texte."),
    (with_step(2, {"kind": "map", "filters": {"territory": "DEP-29", "level": "commune"}}),
     "Étape 2 : le niveau commune n'est pas proposé dans une histoire."),
    (with_step(3, {"kind": "top_domains", "filters": {}}),
     "Étape 3 : cette vue demande un territoire (région ou département)."),
    (with_step(1, {"kind": "national", "caption": "x" * 301}),
     "Étape 1 : la légende doit être un texte de 300 caractères au plus."),
    (with_step(4, {"kind": "[clic](http://exemple.org)"}),
     f"Étape 4 : type de vue inconnu « ?clic??http???exemple.org? » (types connus : {KNOWN})."),
    (with_step(2, {"kind": "trends", "filters": {"level": "region"}}),
     "Étape 2 : cette vue demande un territoire (région ou département)."),
]  # fmt: skip


@pytest.mark.parametrize(("content", "message"), MALFORMED)
def test_a_malformed_story_file_gives_one_french_message(allowed, content, message):
    with pytest.raises(story.StoryError) as error:
        story.story_from_json(content, allowed)
    assert str(error.value) == message


def test_a_valid_file_is_read_with_canonical_filters(allowed):
    read = story.story_from_json(story_file(), allowed)
    assert read.title == "Mon webinaire"
    assert [s.kind for s in read.steps] == ["national", "map", "top_domains", "alliances"]
    assert read.steps[1].filters == {"level": "department", "territory": REGION}
    assert read.steps[1].caption == ""


def test_the_message_follows_the_language(allowed):
    with pytest.raises(story.StoryError) as error:
        story.story_from_json(with_step(4, {"kind": "foo"}), allowed)
    assert error.value.text("en") == f"Step 4: unknown kind of view “foo” (known kinds: {KNOWN})."
    assert (
        error.value.text("fr")
        == str(error.value)
        == f"Étape 4 : type de vue inconnu « foo » (types connus : {KNOWN})."
    )
    with pytest.raises(story.StoryError) as error:
        story.story_from_json("{" * 2000, allowed)
    assert error.value.text("en") == (
        "Unreadable story file: objects or lists nested 2000 levels deep (at most 8)."
    )


# --- slides -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def region_slides(dataset, allowed):
    steps = story.default_story(dataset, REGION).steps
    return {step.kind: shown(dataset, allowed, step) for step in steps}


def test_every_slide_has_a_title_and_a_dated_source_line(region_slides):
    for kind, content in region_slides.items():
        assert content.title.startswith(("La France", "Hauts-de-France")), kind
        assert content.source_line.startswith(("Source : ", "Sources : ")), kind
        assert "non disponible" not in content.source_line, kind
        # "publisher, title (year)": on the slide, or in its notes when too many to fit
        assert " (20" in (content.source_detail or content.source_line), kind
        if content.source_detail:
            assert content.source_line.endswith("détaillées dans les notes)"), kind


def test_the_national_slide_gives_the_regions_rank_computed_from_the_data(dataset, region_slides):
    rows = dataset.indicators[dataset.indicators["indicator_id"] == explore.HOME_INDICATOR]
    rows = rows[rows["period"] == "2023-T3"]  # the latest quarter, the one the slide shows
    # by default a metropolitan region is ranked among the 13 metropolitan regions
    metro = explore.scope_territories(dataset, "region", None, "metro")["territory_id"]
    regions = rows[rows["territory_id"].isin(metro)].set_index("territory_id")["value"]
    rank = int((regions > regions[REGION]).sum()) + 1
    national = region_slides["national"]
    assert national.title == "La France par région : Taux de chômage localisé (T3 2023)"
    assert (
        f"Hauts-de-France : 9,2\u202f% de la population active — {ordinal(rank)} sur "
        f"{regions.count()} régions métropolitaines (1 = le plus fragile)" in national.lines
    )
    assert "France hors Mayotte : 7,4\u202f% de la population active" in national.lines
    assert national.chart.highlight == REGION


def test_the_map_slide_shows_the_regions_departments(dataset, region_slides):
    zoom = region_slides["map"]
    assert zoom.title == "Hauts-de-France par département : Indice global de fragilité"
    departments = dataset.territories[dataset.territories["parent_id"] == REGION]
    assert set(zoom.chart.view.frame["territory_id"]) == set(departments["territory_id"])
    assert zoom.lines[-1] == f"Couverture : 5 territoires sur {len(departments)}."


def test_the_top_domains_are_the_profiles_highest_indices(dataset, region_slides):
    look = profile.lookups(dataset)
    domains = profile.domain_profile(look, REGION, "metro", "minmax")
    indices = domains.indices().dropna()
    third = indices.round(1).sort_values(ascending=False).iloc[perception.TOP - 1]
    expected = set(indices[indices.round(1) >= third].index)
    top = region_slides["top_domains"].chart.frame
    assert set(top["domain_id"]) == expected
    shown = top["index"].round(6).tolist()  # ties at 100 may differ in the 14th decimal
    assert shown == sorted(shown, reverse=True)
    first = top.iloc[0]
    assert region_slides["top_domains"].lines[0] == profile.overall_text(domains)
    assert (
        region_slides["top_domains"]
        .lines[1]
        .startswith(
            f"{first['label']} : 100,0 — {first['rank_text']} ; médiane des territoires comparés"
        )
    )


def test_the_perceptions_slide_reads_each_actor_against_the_indices(region_slides):
    table = region_slides["perceptions"].table.set_index("Acteur")
    assert list(table.columns) == [
        "Chiffres", "Priorités perçues", "Partagées avec les indices", "Angles morts",
    ]  # fmt: skip
    assert (
        "Emploi, chômage, insertion professionnelle"
        in table.loc["Entreprises", "Priorités perçues"]
    )
    assert table.loc["Entreprises", "Chiffres"].endswith("chiffres nationaux")


def test_the_alliances_slide_prefers_the_regions_own_figures(dataset, allowed):
    loire = shown(dataset, allowed, story.Step("alliances", {"territory": "REG-52"}))
    assert loire.chart.group.territory_id == "REG-52"
    hauts = shown(dataset, allowed, story.Step("alliances", {"territory": REGION}))
    assert hauts.chart.group.territory_id == "FR"
    assert hauts.chart.group.dimension == "practice"


def test_missing_data_reads_non_disponible_never_zero(dataset, allowed):
    mayotte = story.default_story(dataset, "REG-06")
    national, zoom = (shown(dataset, allowed, s) for s in mayotte.steps[:2])
    assert "Mayotte : non disponible" in national.lines  # no unemployment rate 2023-T3
    assert zoom.lines[0] == "Indice global de fragilité : non disponible"
    assert zoom.lines[-1] == "Couverture : 0 territoires sur 1."
    assert [line for line in national.lines if line.startswith("Mayotte")] == [
        "Mayotte : non disponible"
    ]


def test_a_territory_without_any_domain_index_says_so(dataset, allowed):
    bare = replace(dataset, indicators=dataset.indicators.iloc[0:0], version="bare")
    content = shown(bare, allowed, story.Step("top_domains", {"territory": REGION}))
    assert content.lines == ("Indices par domaine : non disponible pour ce territoire.",)
    assert content.chart is None
    assert content.source_line == "Source : non disponible"


# --- what worsens, what improves (issue #15) ----------------------------------------------------


def trends_slide(dataset, allowed, territory: str, lang: str = "fr") -> slides.Slide:
    step = next(
        s for s in story.default_story(dataset, territory, lang).steps if s.kind == "trends"
    )
    return slides.slide(dataset, "trends", story.step_filters(step, allowed, lang), step.caption)


@pytest.mark.parametrize(
    ("lang", "title", "worse", "better"),
    [
        ("fr", "Seine-Saint-Denis : ce qui s'aggrave, ce qui s'améliore",
         "Ce qui s'aggrave : ", "Ce qui s'améliore : "),
        ("en", "Seine-Saint-Denis: what is getting worse, what is improving",
         "What is getting worse: ", "What is improving: "),
    ],
)  # fmt: skip
def test_the_trends_slide_says_what_lib_trends_ranks(dataset, allowed, lang, title, worse, better):
    model = trends.for_territory(profile.lookups(dataset, lang), "DEP-93")
    assert model.worse and model.better  # Seine-Saint-Denis has both
    labels = {tr.indicator_id: tr.label for tr in model.trends}
    separator = " ; " if lang == "fr" else "; "
    content = trends_slide(dataset, allowed, "DEP-93", lang)
    assert content.title == title
    assert content.lines == (
        model.worse[0][1],  # the largest change towards fragility, with its figures
        worse + separator.join(labels[i] for i, _ in model.worse),
        better + separator.join(labels[i] for i, _ in model.better),
    )
    assert len(content.lines) <= slides.SCREEN_LINES
    drawn = content.chart.trend  # the same series as the profile's, its territory first
    assert drawn == next(tr for tr in model.trends if tr.indicator_id == model.worse[0][0])
    assert drawn.lines[0].role == "territory" and drawn.n_periods >= 2
    for _, text in (*model.worse[1:], *model.better):  # every figure, in the notes
        assert text in content.notes
    assert content.source_line.startswith(("Source", "Sources"))


def test_a_story_file_may_hold_a_trends_step(allowed):
    read = story.story_from_json(
        story_file(steps=[{"kind": "trends", "filters": {"territory": "DEP-93"}}]), allowed
    )
    assert read.steps == (story.Step("trends", {"territory": "DEP-93"}, ""),)


def test_a_territory_without_any_series_says_so(dataset, allowed):
    rows = dataset.indicators
    latest = rows.drop_duplicates(["territory_id", "indicator_id"])  # one period each
    content = shown(
        replace(dataset, indicators=latest, version="latest"),
        allowed,
        story.Step("trends", {"territory": REGION}),
    )
    assert content.lines == ("Aucun indicateur n'est connu à deux périodes pour ce territoire.",)
    assert content.chart is None
    assert content.source_line == "Source : non disponible"
