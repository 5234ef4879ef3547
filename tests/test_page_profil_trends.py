"""The profile's trends (AppTest): the summary at the top, the « Évolution » column of the key
figures, one chart per indicator with two periods or more, the long CSV, French and English;
expected values read back from the data files."""

import io
import json

import pandas as pd
import pytest
from apptest_pages import open_view
from conftest import ROOT
from download_capture import capture_downloads, served
from hostile import shown_markdown, shown_table

from lib.periods import period_label, sort_key

TREND_KEY = "profil_trend_"
CHARTS_OPEN = "profil_trend_charts"  # the expander the charts are drawn in, when opened


def unemployment_sources() -> list[tuple[str, float, str]]:
    """(period, value, source) of Seine-Saint-Denis' unemployment rate in the data files,
    oldest first."""
    rows = pd.concat(
        pd.read_csv(path, dtype=str, keep_default_na=False)
        for path in sorted((ROOT / "data").glob("indicators*.csv"))
        if "_communes" not in path.name and "_epci" not in path.name
    )
    rows = rows[(rows["territory_id"] == "DEP-93") & (rows["indicator_id"] == "taux_chomage")]
    return sorted(
        zip(rows["period"], rows["value"].astype(float), rows["source_id"], strict=True),
        key=lambda r: sort_key(r[0]),
    )


@pytest.fixture(scope="module")
def unemployment() -> list[tuple[str, float]]:
    """(period, value) of Seine-Saint-Denis' unemployment rate in the data files, oldest first."""
    return [(period, value) for period, value, _ in unemployment_sources()]


@pytest.fixture(scope="module")
def seine_saint_denis():
    """Seine-Saint-Denis' profile, its trend charts opened (drawn on demand)."""
    at = open_view("profil", territory="DEP-93")
    assert not trend_charts(at)
    at.session_state[CHARTS_OPEN] = True
    return at.run()


def trend_charts(at) -> dict[str, dict]:
    """indicator_id -> the chart's figure, for every trend chart of the page."""
    return {
        chart.proto.id.split("-" + TREND_KEY)[-1]: json.loads(chart.proto.spec)
        for chart in at.get("plotly_chart")
        if "-" + TREND_KEY in chart.proto.id
    }


def captions(at) -> list[str]:
    return [shown_markdown(c.value) for c in at.caption]


def test_seine_saint_denis_draws_its_indicators_over_time(seine_saint_denis, unemployment):
    charts = trend_charts(seine_saint_denis)
    assert len(charts) >= 5
    spec = charts["taux_chomage"]
    names = [trace["name"] for trace in spec["data"]]
    assert names == ["Seine-Saint-Denis", "France hors Mayotte", "Île-de-France"]
    territory = spec["data"][0]
    assert len(unemployment) >= 30
    assert [y for y in territory["y"] if y is not None] == [v for _, v in unemployment]
    assert territory["connectgaps"] is False
    assert territory["x"] == sorted(territory["x"])  # a time axis, oldest first
    assert [c[0] for c in territory["customdata"]] == [period_label(p) for p, _ in unemployment]


def test_each_chart_has_its_change_in_words_under_it(seine_saint_denis, unemployment):
    (before, old), (_, new) = unemployment[-2], unemployment[-1]
    delta = round(new - old, 1)
    words = "en hausse, plus fragile" if delta > 0 else "en baisse, moins fragile"
    sign = "+" if delta > 0 else "\u2212"
    sentence = (
        f"{sign}{abs(delta):.1f}".replace(".", ",")
        + f" pt depuis {period_label(before)} : {words}."
    )
    assert any(c.startswith(sentence) for c in captions(seine_saint_denis))
    figures = shown_table(
        next(
            t.value for t in seine_saint_denis.table if "Évolution" in shown_table(t.value).columns
        )
    ).set_index("Indicateur")
    fragility = "plus fragile" if delta > 0 else "moins fragile"
    assert figures.loc["Taux de chômage localisé", "Évolution"] == (
        sentence.split(" : ")[0] + f" ({fragility})"
    )
    assert figures.loc["Part des diplômés du supérieur", "Évolution"] == "non disponible"


def test_the_summary_follows_the_brief(seine_saint_denis):
    at = seine_saint_denis
    headings = [shown_markdown(s.value) for s in at.subheader]
    assert headings[:4] == [
        "Les domaines les plus fragiles",
        "Ce que perçoivent les acteurs",
        "Ce qui s'aggrave",
        "Ce qui s'améliore",
    ]
    lists = [shown_markdown(m.value) for m in at.markdown if m.value.startswith("- ")]
    worse, better = lists[:2]
    for items in (worse, better):
        lines = items.split("\n")
        assert 1 <= len(lines) <= 3
        assert all(line.startswith("- ") and " entre " in line for line in lines)
    assert [h.value for h in at.header][:3] == [
        "En bref",
        "Chiffres clés",
        "Fragilités par domaine, comparées au repère",
    ]
    assert "Évolutions" in [h.value for h in at.header]


def test_the_trends_in_english():
    at = open_view("profil", territory="DEP-93", lang="en")
    assert "Trends" in [h.value for h in at.header]
    assert [shown_markdown(s.value) for s in at.subheader][:4] == [
        "The most fragile domains",
        "What the actors perceive",
        "What is getting worse",
        "What is improving",
    ]
    assert shown_markdown(at.expander(CHARTS_OPEN).label) == (
        "Show the charts of the 17 indicators followed over time"
    )
    at.session_state[CHARTS_OPEN] = True
    at.run()
    assert any(" pts since Q2 2023: " in c for c in captions(at))
    figures = shown_table(
        next(t.value for t in at.table if "Change" in shown_table(t.value).columns)
    )
    assert figures.set_index("Indicator").loc["Share of higher-education graduates", "Change"] == (
        "not available"
    )


def test_the_year_of_the_url_survives_the_profile():
    at = open_view("profil", territory="DEP-93", indicator="taux_chomage", year="2019-T2")
    assert (at.query_params["indicator"], at.query_params["year"]) == ("taux_chomage", "2019-T2")
    at.switch_page("views/carte.py").run()
    assert at.query_params["year"] == "2019-T2"
    assert any("T2 2019" in c for c in captions(at))


def test_the_series_download_holds_every_period_in_long_format(monkeypatch, unemployment):
    files = capture_downloads(monkeypatch)
    at = open_view("profil", territory="DEP-93")
    buttons = [
        b for b in at.get("download_button") if b.proto.id.endswith("profil_download_series")
    ]
    assert len(buttons) == 1
    assert buttons[0].proto.label == "Télécharger toutes les périodes (CSV, format long)"
    assert buttons[0].proto.deferred_file_id  # made on click
    data = served(files, buttons[0])  # the click; the page's default separator is ";"
    table = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(table.columns) == [
        "territory_id", "Territoire", "Rôle", "indicator_id", "Indicateur", "period", "Période",
        "Valeur", "Unité", "Source", "Vérification",
    ]  # fmt: skip
    rows = table[(table["territory_id"] == "DEP-93") & (table["indicator_id"] == "taux_chomage")]
    assert list(zip(rows["period"], rows["Valeur"], strict=True)) == unemployment
    assert set(rows["Unité"]) == {"% de la population active"}
    statuses = (
        pd.concat(
            pd.read_csv(path, dtype=str, keep_default_na=False)
            for path in sorted((ROOT / "data").glob("sources*.csv"))
        )
        .set_index("source_id")["verification"]
        .fillna("")
    )
    words = {"verified": "vérifié", "partly_verified": "vérification partielle", "": "non évalué"}
    sources = {p: s for p, _, s in unemployment_sources()}
    assert list(rows["Vérification"]) == [words[statuses[sources[p]]] for p in rows["period"]]
    assert set(table["Rôle"]) == {"territoire", "référence", "région"}
