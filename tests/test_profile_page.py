"""The profile page's model: every section of a territory's profile, computed once."""

from dataclasses import replace

import pytest

from lib import initiatives, profile, trends
from lib.profile import page as profile_page
from lib.safe_text import literal_markdown, literal_table


def domains_covered(dataset, area: str) -> int:
    """Domains with a fragility indicator whose values cover, in one period, every region of
    `area` (computed from the tables, independently of lib/indices)."""
    regions = dataset.territories[dataset.territories["level"] == "region"]
    if area == "metro":
        regions = regions[~regions["overseas"].astype(bool)]
    values = dataset.indicators[dataset.indicators["territory_id"].isin(regions["territory_id"])]
    counts = values.dropna(subset=["value"]).groupby(["indicator_id", "period"])["territory_id"]
    complete = {i for (i, _), n in counts.nunique().items() if n == len(regions)}
    meta = dataset.indicator_meta
    fragility = meta[(meta["role"] == "fragility") & meta["indicator_id"].isin(complete)]
    return fragility["domain_id"].nunique()


@pytest.fixture(scope="module")
def brittany(dataset):
    return profile_page.build(profile.lookups(dataset), "REG-53", "all", "minmax", ())


def test_the_page_gathers_the_same_figures_as_the_profile_functions(dataset, brittany):
    look = profile.lookups(dataset, "fr")
    assert brittany.title == profile.profile_title(look, "REG-53")
    figures = literal_table(profile.key_figures(look, "REG-53").table)  # st.table: markdown cells
    shown = brittany.figures_table.to_pandas()
    assert shown.drop(columns="Évolution").equals(figures)
    assert list(shown.columns).index("Évolution") == list(shown.columns).index("Période") + 1
    index = trends.series_index(dataset.indicators, look.places)
    changes = {tr.label: tr.short for tr in trends.territory_trends(look, index, "REG-53").trends}
    assert list(shown["Évolution"]) == [
        literal_markdown(changes.get(label, "non disponible"))
        for label in profile.key_figures(look, "REG-53").table["Indicateur"]
    ]
    assert "non disponible" in set(shown["Évolution"])  # an indicator with a single period
    assert brittany.domains.frame.equals(
        profile.domain_profile(look, "REG-53", "all", "minmax").frame
    )
    # all of France: overseas gaps leave fewer domain indices than among metropolitan regions
    assert brittany.domains.n_with_index == domains_covered(dataset, "all") == 8
    assert brittany.radar is not None
    assert brittany.alliances.num_rows > 0
    assert brittany.download().equals(
        profile.download_table(look, brittany.figures, brittany.domains)
    )


def test_perceptions_come_per_actor_with_one_table_per_group(brittany):
    actors = [block.actor_id for block in brittany.perceptions]
    assert actors == list(brittany.groups)
    for actor in brittany.perceptions:
        assert len(actor.blocks) == len(brittany.groups[actor.actor_id])
        for block, table in actor.blocks:
            assert table.num_rows == block.group.n_domains


def test_the_reading_of_one_group_covers_every_domain(dataset, brittany):
    actor_id = profile_page.reading_actors(brittany)[0]
    shown = profile_page.reading(brittany, actor_id, 0)
    assert shown.table.num_rows == len(dataset.domains)
    assert shown.caption and shown.notes


def test_chosen_actors_limit_the_perceptions_shown(dataset):
    page = profile_page.build(profile.lookups(dataset), "REG-53", "all", "minmax", ("entreprises",))
    assert [block.actor_id for block in page.perceptions] == ["entreprises"]


def test_within_metropolitan_france_more_domains_have_an_index_and_a_radar(dataset):
    page = profile_page.build(profile.lookups(dataset), "REG-53", "metro", "minmax", ())
    assert page.domains.n_with_index == domains_covered(dataset, "metro") == 15
    assert page.radar is not None


@pytest.mark.parametrize(("territory", "area"), [("REG-53", "all"), ("REG-04", "metro")])
def test_white_spots_are_computed_among_the_same_territories_as_the_domains(
    dataset, territory, area
):
    page = profile_page.build(profile.lookups(dataset), territory, area, "minmax", ())
    alone = initiatives.white_spots(dataset, territory, area, "minmax")
    assert page.white_spots.to_pandas().equals(
        literal_table(initiatives.white_spots_table(dataset, alone, "fr")).reset_index(drop=True)
    )


@pytest.mark.parametrize(
    ("territory", "area", "offered"),
    [
        ("REG-53", "auto", ("all", "all")),  # the default: France entière one click away
        ("REG-53", "metro", ("all", "all")),
        ("REG-53", "all", ("auto", "metro")),  # back to metropolitan France: more domains
        ("REG-04", "auto", None),  # overseas: compared with all of France, nothing else
        ("REG-04", "metro", None),
    ],
)
def test_a_metropolitan_territory_is_offered_the_other_comparison(
    dataset, territory, area, offered
):
    look = profile.lookups(dataset)
    page = profile_page.build(look, territory, area, "minmax", ())
    if offered is None:
        assert page.other_area is None
        return
    other = page.other_area
    assert (other.area, other.label_key) == offered
    there = profile_page.build(look, territory, other.area, "minmax", ())
    assert other.n_domains == there.domains.n_with_index
    assert other.members == there.domains.scope.members.label()


def test_fewer_than_three_domains_with_an_index_give_no_radar(dataset):
    kept = dataset.indicator_meta[dataset.indicator_meta["domain_id"].isin(["emploi", "sante"])]
    values = dataset.indicators[dataset.indicators["indicator_id"].isin(kept["indicator_id"])]
    two_domains = replace(dataset, indicators=values)
    page = profile_page.build(profile.lookups(two_domains), "REG-53", "metro", "minmax", ())
    assert page.domains.n_with_index == 2
    assert page.radar is None


def test_the_section_texts_show_the_data_as_written(brittany):
    look = brittany.look
    source = brittany.figures.source_ids[0]
    assert profile_page.sources_line(look, [source]) == f"Sources : {look.sources[source]}."
    assert profile_page.sources_line(look, []) == "Sources : non disponible."
    items = (("a", "*Chômage* [lien](http://x)"), ("b", "Pauvreté"))
    assert profile_page.summary_list(items) == (
        "- \\*Chômage\\* \\[lien\\]\\(http\\:\u2060\\/\\/x\\)\n- Pauvreté"
    )
    block = brittany.perceptions[0].blocks[0][0]
    block = replace(block, group=replace(block.group, question="Note *sur* 10"), scope="[ici]")
    assert profile_page.block_heading(block) == "**Note \\*sur\\* 10** — \\[ici\\]"


def test_the_caption_under_a_trend_chart_reads_its_changes_and_sources(brittany):
    trend = replace(
        brittany.trends.trends[0],
        sentence="+0,2 pt depuis T2 2023 : en hausse",
        since_first="Depuis T1 2014 : −2,7 pt.",
        sources="INSEE",
    )
    assert profile_page.trend_caption(trend, "fr") == (
        "+0,2 pt depuis T2 2023 : en hausse. Depuis T1 2014 : −2,7 pt. Source : INSEE."
    )
    alone = replace(trend, since_first="")  # a single change: no "since" sentence
    assert profile_page.trend_caption(alone, "en") == (
        "+0,2 pt depuis T2 2023 : en hausse. Source: INSEE."
    )


def test_the_other_comparison_hint_says_how_many_domains_each_has(dataset, brittany):
    metro = profile_page.build(profile.lookups(dataset), "REG-53", "metro", "minmax", ())
    assert brittany.other_area.area == "auto"  # all of France: back to metropolitan France
    assert profile_page.other_area_hint(brittany) == (
        "Comparé à toute la France (outre-mer compris), ce territoire n'a un indice que dans "
        f"{domains_covered(dataset, 'all')} domaine(s) : plusieurs indicateurs manquent "
        "outre-mer. Comparé à la France métropolitaine seule, il en a un dans "
        f"{domains_covered(dataset, 'metro')} domaines."
    )
    assert profile_page.other_area_hint(metro).startswith(
        "Par défaut, un territoire de métropole est comparé aux territoires métropolitains de "
        f"son échelle. Comparé aux 18 régions de France (outre-mer compris), il aurait un indice "
        f"dans {domains_covered(dataset, 'all')} domaine(s) sur {len(dataset.domains)} : "
    )


def test_the_reading_picker_lists_each_group_of_the_actor(brittany):
    labels = profile_page.group_labels(brittany, "citoyens")
    assert len(labels) == len(brittany.groups["citoyens"]) >= 2
    assert labels[0] == (
        "PHARE-Citoyens — Note moyenne d'importance de la fragilité "
        "(note sur 10, chiffres nationaux, 6 domaine(s))"
    )
