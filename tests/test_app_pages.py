"""Streamlit-level behaviour (AppTest): pages run, show the expected values, follow the URL."""

import io
import json
import re
from pathlib import Path

import pandas as pd
from apptest_pages import APP, open_view
from hostile import shown_html, shown_markdown
from streamlit.testing.v1 import AppTest

from lib.classify import MISSING_COLOUR


def run_app(**query) -> AppTest:
    return open_view(**query)


def home_svg(at: AppTest) -> str:
    """The home page's static map (the markdown block holding the SVG)."""
    blocks = [m.value for m in at.markdown if m.value.startswith("<div>\n<svg")]
    assert len(blocks) == 1, "no SVG map rendered"
    return blocks[0]


def open_map(**query) -> AppTest:
    at = run_app(**query)
    at.switch_page("views/carte.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def map_spec(at: AppTest) -> dict:
    return json.loads(at.get_by_key("map_page").proto.spec)


def test_home_draws_the_18_regions_coloured_by_unemployment_with_source(dataset):
    at = run_app()
    assert at.title[0].value == "Territoires fragiles & alliances"
    svg = home_svg(at)
    regions = dataset.territories.query("level == 'region'")
    links = re.findall(r'<a href="profil\?territory=(REG-\d\d)[&"]', svg)
    assert sorted(links) == sorted(regions["territory_id"])
    titles = dict(
        shown_html(title).split(" : ") for title in re.findall(r"<title>([^<]*)</title>", svg)
    )
    # by default the 13 metropolitan regions are compared; overseas ones are drawn, grey
    overseas = regions.loc[regions["overseas"].astype(bool), "name"]
    for name in overseas:
        assert titles[name] == "non disponible (hors du périmètre de comparaison)"
    assert titles["Hauts-de-France"] == "9,2\u202f% de la population active"
    assert svg.count(f'fill="{MISSING_COLOUR}"') == len(overseas) == 5
    captions = " ".join(shown_markdown(c.value) for c in at.caption)
    assert "Taux de chômage localisé, T3 2023" in captions
    assert "INSEE, Taux de chômage localisés (BIT)" in captions
    assert "Couverture : 13 territoires sur 13." in captions
    assert "Périmètre de comparaison : 13 régions métropolitaines" in captions
    assert "France hors Mayotte = 7,4" in captions


def test_home_links_keep_the_other_filters():
    svg = home_svg(run_app(indicator="part_75_plus", lang="en"))
    assert 'href="profil?territory=REG-53&amp;indicator=part_75_plus&amp;lang=en"' in svg


def test_the_interactive_map_fetches_its_boundaries_from_static_serving():
    spec = map_spec(open_map())
    url = spec["data"][0]["geojson"]
    assert url.startswith("app/static/geo/regions-") and url.endswith(".json")
    served = Path(APP).parent / "static" / "geo" / url.rsplit("/", 1)[1]
    assert len(json.loads(served.read_text(encoding="utf-8"))["features"]) == 18


def test_hover_shows_the_value_with_unit_year_and_source():
    spec = map_spec(open_map())
    values = next(tr for tr in spec["data"] if tr["name"] == "values")
    hover = dict(zip(values["locations"], values["customdata"], strict=True))
    name, value, detail = hover["REG-32"]
    assert name == "Hauts-de-France"
    assert value == "9,2\u202f% de la population active"
    assert detail == "T3 2023 · Source : INSEE"


def test_indicator_from_the_url_and_table_alternative():
    at = run_app(indicator="part_75_plus")
    assert at.selectbox(key="_filter_indicator").value == "part_75_plus"
    tables = [m.value for m in at.markdown if m.value.startswith("<details>")]
    assert len(tables) == 1 and "<summary>" in tables[0]
    table = pd.read_html(io.StringIO(tables[0]))[0]
    assert len(table) == 18  # every region listed; ranks among the 13 compared
    ranks = table["Rang (1 = plus fragile)"].astype(str)
    assert ranks.iloc[0] == "1" and (ranks == "–").sum() == 5


def test_unknown_url_values_are_reported_not_fatal():
    at = run_app(indicator="nope", level="planet")
    assert "Valeurs inconnues du lien ignorées : level=planet, indicator=nope." in [
        shown_markdown(w.value) for w in at.warning
    ]
    assert home_svg(at).count("<path ") == 18


def test_english_labels():
    at = run_app(lang="en")
    assert at.title[0].value == "Fragile territories & alliances"
    assert any("Local unemployment rate, Q3 2023" in shown_markdown(c.value) for c in at.caption)


def test_changing_the_indicator_updates_the_url():
    at = run_app()
    at.selectbox(key="_filter_indicator").select("esperance_vie_hommes").run()
    assert at.query_params["indicator"] == "esperance_vie_hommes"
    assert any(
        "Espérance de vie à la naissance, hommes, 2023" in shown_markdown(c.value)
        for c in at.caption
    )
