"""Initiatives directory page and the map's initiatives layer (AppTest)."""

import io
import json
from pathlib import Path

import pandas as pd
from apptest_pages import APP, open_view
from download_capture import capture_downloads, served
from hostile import shown_markdown
from streamlit.testing.v1 import AppTest

from lib import datasets
from lib.data import DATA_DIR
from lib.datasets import Layer

PLACED_LEVELS = {"commune", "epci_commune", "epci_department", "department", "region"}


def in_territory(row, territory, parents):
    territory_id = row["territory_id"]
    while territory_id:
        if territory_id == territory:
            return True
        territory_id = parents[territory_id]
    return False


def open_page(page: str, **query) -> AppTest:
    return open_view(Path(page).stem, home_first=True, **query)


def directory(at: AppTest) -> pd.DataFrame:
    return at.dataframe[1].value


def counts(at: AppTest) -> dict[str, int]:
    table = at.dataframe[0].value
    return dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))


def test_every_initiative_is_listed_with_counts_sources_and_a_warning(rows, parents):
    at = open_page("views/initiatives.py")
    assert at.title[0].value == "Initiatives d'alliance"
    assert "n'est pas exhaustif" in at.info[0].value
    table = directory(at)
    assert sorted(table["Identifiant"]) == sorted(r["initiative_id"] for r in rows)
    assert table["Source"].str.len().gt(0).all()
    shown = counts(at)
    assert shown["Hauts-de-France"] == sum(in_territory(r, "REG-32", parents) for r in rows)
    assert shown["National (France entière)"] == sum(r["territory_id"] == "FR" for r in rows)
    assert sum(shown.values()) == len(rows)
    assert f"{len(rows)} initiative(s) sur {len(rows)}" in " ".join(
        shown_markdown(m.value) for m in at.markdown
    )
    assert any(
        "Sources : " in shown_markdown(c.value) and "Réseau Alliances" in shown_markdown(c.value)
        for c in at.caption
    )


def test_shared_actor_and_domain_filters_select_exactly_the_matching_rows(rows):
    at = open_page("views/initiatives.py", actor="entreprises", domain="emploi")
    expected = {
        r["initiative_id"]
        for r in rows
        if "entreprises" in r["actor_ids"].split(";") and "emploi" in r["domain_ids"].split(";")
    }
    assert set(directory(at)["Identifiant"]) == expected
    assert "acteurs : Entreprises" in shown_markdown(at.caption[0].value)


def test_territory_search_and_practice_controls(rows, parents):
    at = open_page("views/initiatives.py", territory="DEP-59")
    expected = {r["initiative_id"] for r in rows if in_territory(r, "DEP-59", parents)}
    assert set(directory(at)["Identifiant"]) == expected
    assert "territoire : Nord et ses territoires" in shown_markdown(at.caption[0].value)
    at.text_input(key="initiatives_search").input("roubaix").run()
    assert list(directory(at)["Identifiant"]) == ["maison-super-local-roubaix"]
    at.text_input(key="initiatives_search").input("").run()
    at.multiselect(key="initiatives_practices").select("pratiques_responsables").run()
    expected = {
        r["initiative_id"]
        for r in rows
        if in_territory(r, "DEP-59", parents) and r["practice_id"] == "pratiques_responsables"
    }
    assert set(directory(at)["Identifiant"]) == expected


def test_a_card_opens_the_profile_of_its_department():
    at = open_page("views/initiatives.py")
    at.button(key="initiatives_profile_maison-super-local-roubaix").click().run()
    assert at.session_state["filters"].territory == "DEP-59"
    assert at.title[0].value != "Initiatives d'alliance"  # now on the profile page


def test_english_version_and_unknown_values(rows):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(lang="en", actor="martians")
    at.run()
    notice = "Unknown values in the link were ignored: actor=martians."
    assert notice in [shown_markdown(w.value) for w in at.warning]
    at.switch_page("views/initiatives.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == "Alliance initiatives"
    table = directory(at)
    assert list(table.columns[:3]) == ["Initiative", "Place", "Actors"]
    assert len(table) == len(rows)
    assert "National (all of France)" in counts(at)
    assert "not exhaustive" in at.info[0].value


def test_download_has_every_row_and_its_source(monkeypatch, rows):
    files = capture_downloads(monkeypatch)
    at = open_page("views/initiatives.py")
    data = served(files, at.download_button(key="initiatives_download"))
    table = pd.read_csv(io.StringIO(data.decode("utf-8-sig")))
    assert len(table) == len(rows)
    assert table["Source"].notna().all()


def test_a_name_with_html_shows_as_text(monkeypatch):
    row = pd.read_csv(DATA_DIR / "initiatives.csv", dtype=str).iloc[[0]]
    row = row.assign(initiative_id="injected", name="<script>alert(1)</script>")
    layer = Layer("test", "test", {"initiatives": row})
    monkeypatch.setattr(datasets, "PROVIDERS", [lambda _state: [layer]])
    at = open_page("views/initiatives.py", lang="fr")
    card = next(m for m in at.markdown if "alert" in m.value)
    assert card.value == r"**\<script\>alert\(1\)\<\/script\>**"
    assert not card.proto.allow_html  # Streamlit escapes HTML: the tag shows as text


# --- The map page's layer --------------------------------------------------------------------


def open_map(**query) -> AppTest:
    at = open_page("views/carte.py", **query)
    at.checkbox(key="map_initiatives_on").check().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def traces(at: AppTest) -> dict[str, dict]:
    return {
        trace["name"]: trace for trace in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    }


def test_the_layer_is_off_by_default_and_shows_every_placed_initiative_when_on(rows):
    at = open_page("views/carte.py")
    assert not at.checkbox(key="map_initiatives_on").value
    assert "initiatives" not in traces(at)
    at.checkbox(key="map_initiatives_on").check().run()
    placed = sorted(r["initiative_id"] for r in rows if r["placement_level"] in PLACED_LEVELS)
    dots = traces(at)["initiatives"]
    assert sorted(dots["customdata"]) == placed
    assert len(dots["hovertext"]) == len(placed)
    listed = len(rows) - len(placed)
    caption = f"Initiatives d'alliance (points bleus) : {len(placed)} sur la carte, {listed} "
    assert any(shown_markdown(c.value).startswith(caption) for c in at.caption)


def test_the_layer_follows_the_filters_and_the_practice_control(rows, parents):
    at = open_map(territory="REG-32", actor="entreprises,associations")

    def expected(practice=None):
        return sorted(
            r["initiative_id"]
            for r in rows
            if r["placement_level"] in PLACED_LEVELS
            and in_territory(r, "REG-32", parents)
            and {"entreprises", "associations"} & set(r["actor_ids"].split(";"))
            and practice in (None, r["practice_id"])
        )

    assert sorted(traces(at)["initiatives"]["customdata"]) == expected()
    at.multiselect(key="map_initiatives_practices").select("dialogue_territorial").run()
    assert sorted(traces(at)["initiatives"]["customdata"]) == expected("dialogue_territorial")


def test_english_hover():
    at = open_map(lang="en", territory="DEP-44")
    dots = traces(at)["initiatives"]
    assert dots["customdata"] == ["plateforme-rse-nantes-metropole"]
    hover = dots["hovertext"][0]
    assert hover.startswith("<b>Plateforme RSE Nantes Métropole</b><br>Nantes Métropole (placed on")
    assert "Actors: Companies, Local authorities" in hover
    assert "Year: not available" in hover
