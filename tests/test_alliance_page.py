"""The Alliances page's model: figures, charts by dimension, captions, table, territory note."""

from lib import alliance_figures as av
from lib import alliance_page


def every_group(page):
    return [shown for shown_groups in page.groups.values() for shown in shown_groups]


def test_every_figure_is_in_one_chart_and_in_the_table(dataset):
    page = alliance_page.build(dataset, (), (), "fr")
    assert len(page.rows) == len(page.table) == len(dataset.alliances)
    charted = [bar.alliance_id for shown in every_group(page) for bar in shown.group.bars]
    assert sorted(charted) == sorted(dataset.alliances["alliance_id"])
    assert list(page.groups) == [d for d in av.DIMENSIONS if d in page.groups]
    assert page.tab_labels == [av.dimension_label(d, "fr") for d in page.groups]


def test_charts_of_a_dimension_follow_its_groups(dataset):
    page = alliance_page.build(dataset, (), (), "fr")
    for dimension, shown in page.groups.items():
        figures = alliance_page.charts(page, dimension, "fr")
        assert [f.layout.meta["group"] for f in figures] == [s.group.key for s in shown]


def test_captions_name_the_study_and_the_base(dataset):
    page = alliance_page.build(dataset, ("entreprises",), (), "fr")
    assert set(page.rows["actor_id"]) == {"entreprises"}
    assert "Entreprises" in page.actors_text
    for shown in every_group(page):
        assert shown.group.study in shown.caption
        assert av.base_text(shown.group.base_n, "fr") in shown.caption


def test_a_practice_filter_keeps_the_rows_without_a_practice(dataset):
    practice = dataset.alliances["practice_id"].dropna().iloc[0]
    page = alliance_page.build(dataset, (), (practice,), "en")
    kept = set(page.rows["practice_id"].dropna())
    assert kept == {practice}
    assert page.rows["practice_id"].isna().sum() == dataset.alliances["practice_id"].isna().sum()
