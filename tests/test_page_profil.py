"""Territory profile page (AppTest): the values shown, computed again here from the data."""

import json

import pandas as pd
import pytest
from apptest_pages import open_view
from hostile import shown_markdown, shown_table
from streamlit.testing.v1 import AppTest

from lib import explore
from lib.formatting import NARROW_NBSP as NB

CLASS = {  # the page's words for each class
    "shared": "priorité partagée",
    "perceived_only": "perçu seulement",
    "blind_spot": "angle mort",
    "neither": "ni l'un ni l'autre",
    "not_available": "non disponible",
}


def profile_page(**query) -> AppTest:
    return open_view("profil", **query)


@pytest.fixture(scope="module")
def hauts_de_france() -> AppTest:
    return profile_page(territory="REG-32")


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    tables = [shown_table(t.value) for t in at.table if column in shown_table(t.value).columns]
    assert tables, f"no table with a column {column!r}"
    return tables[0]


def chart(at: AppTest, key: str) -> dict:
    charts = [c for c in at.get("plotly_chart") if c.proto.id.endswith("-" + key)]
    assert charts, f"no chart {key}"
    return json.loads(charts[0].proto.spec)


def captions(at: AppTest) -> str:
    return " ".join(shown_markdown(c.value) for c in at.caption)


def block_headings(at: AppTest) -> list[str]:
    """The headings of the perceived figures' blocks: '**question** — scope'."""
    shown = [shown_markdown(m.value) for m in at.markdown]
    return [text for text in shown if text.startswith("**") and "** — " in text]


def perceived_tables(at: AppTest) -> list:
    """The tables of the actor's perceived figures, in the order shown."""
    return list(at.container("profil_screen_perceptions").dataframe)


def published_expanders(at: AppTest) -> list:
    """The expanders of the perceived figures published outside the Observatoire (not those
    the trend charts and the alliance practices open in)."""
    return [e for e in at.expander if (e.key or "").startswith("profil_published_")]


def domain_labels(dataset) -> dict[str, str]:
    return dict(zip(dataset.domains["domain_id"], dataset.domains["label_fr"], strict=True))


def test_region_title_key_figures_and_sources(hauts_de_france):
    at = hauts_de_france
    assert shown_markdown(at.title[0].value) == "Hauts-de-France — région"
    assert at.metric[0].value == f"5{NB}995{NB}298 habitants"
    figures = table_with(at, "Indicateur").set_index("Indicateur")
    unemployment = figures.loc["Taux de chômage localisé"]
    assert unemployment["Valeur"] == f"9,2{NB}% de la population active"
    assert (unemployment["Période"], unemployment["Source"]) == ("T3 2023", "INSEE")
    assert figures.loc["Densité de médecins généralistes", "Valeur"] == "non disponible"
    text = captions(at)
    assert "Source : INSEE, Recensement de la population 2021" in text
    assert "INSEE, Taux de chômage localisés (BIT)" in text
    assert "@media print" in at.get("html")[0].proto.body


def test_region_domain_bars_match_the_indices_among_metropolitan_regions(hauts_de_france, dataset):
    regions = explore.scope_territories(dataset, "region", None, "metro")  # the default
    table = explore.index_table(dataset, list(regions["territory_id"]), "minmax")
    wide = table.domains.pivot(index="territory_id", columns="domain_id", values="index")
    labels = domain_labels(dataset)
    spec = chart(hauts_de_france, "profil_bars")
    bars, values, missing, median = spec["data"]
    shown = dict(zip(bars["y"], bars["x"], strict=True))
    with_index = [d for d in dataset.domains["domain_id"] if d in wide and wide[d].notna().any()]
    assert shown == pytest.approx({labels[d]: wide.loc["REG-32", d] for d in with_index})
    for domain in with_index:
        column = wide[domain].dropna()
        rank = int((column > column["REG-32"]).sum()) + 1
        row = values["y"].index(labels[domain])
        assert values["text"][row].endswith(f"· {rank}{'er' if rank == 1 else 'e'} sur 13")
        hover = bars["customdata"][bars["y"].index(labels[domain])][0]
        assert hover == f"{rank}{'er' if rank == 1 else 'e'} sur 13 régions métropolitaines"
        assert median["x"][median["y"].index(labels[domain])] == pytest.approx(column.median())
    others = [labels[d] for d in dataset.domains["domain_id"] if d not in with_index]
    assert missing["y"] == others and set(missing["text"]) == {"non disponible"}
    assert median["name"] == "Médiane (Régions)"
    assert len(with_index) == 15  # every domain but Numérique (no metropolitan region's value)
    text = captions(hauts_de_france)
    assert "Indices calculés entre les 13 régions de France métropolitaine" in text
    assert "Repère (trait noir) : la médiane des territoires comparés" in text
    assert "Radar non disponible" not in text
    assert chart(hauts_de_france, "profil_radar")["data"]


def test_department_profile_shows_its_own_values():
    at = profile_page(territory="DEP-29")
    assert shown_markdown(at.title[0].value) == "Finistère (29) — département, région Bretagne"
    figures = table_with(at, "Indicateur").set_index("Indicateur")
    assert figures.loc["Taux de chômage localisé", "Valeur"] == f"6,3{NB}% de la population active"
    poverty = figures.loc["Taux de pauvreté"]
    assert (poverty["Valeur"], poverty["Période"]) == (f"10,8{NB}% des personnes", "2021")
    assert figures.loc["Niveau de vie médian", "Valeur"] == f"23{NB}220 € par an et par UC"
    assert "Indices calculés entre les 96 départements de France métropolitaine" in captions(at)
    # Bretagne has no published regional perception: national figures, labelled as such
    scopes = block_headings(at)
    assert scopes and all(s.endswith("— chiffres nationaux") for s in scopes)


def test_invitation_lists_the_18_regions_and_one_click_selects_one(dataset):
    at = profile_page(territory="REG-99")  # unknown: dropped with a notice
    assert "Valeurs inconnues du lien ignorées : territory=REG-99." in [
        shown_markdown(w.value) for w in at.warning
    ]
    assert "Mon territoire" in at.info[0].value
    buttons = [b for b in at.button if b.key and b.key.startswith("profil_region_")]
    regions = explore.territories_at(dataset, "region")
    assert sorted(b.key.removeprefix("profil_region_") for b in buttons) == sorted(
        regions["territory_id"]
    )
    assert {shown_markdown(b.label) for b in buttons} == set(regions["name"])
    at.button(key="profil_region_REG-53").click().run()
    assert shown_markdown(at.title[0].value) == "Bretagne — région"
    assert at.query_params["territory"] == "REG-53"


def test_perceived_vs_objective_classes_computed_from_the_data(dataset):
    at = profile_page(territory="REG-32", area="metro")
    # default: citizens, the first national group with at least 3 domains (PHARE-Citoyens notes)
    perceptions = dataset.perceptions
    group = perceptions[
        (perceptions["actor_id"] == "citoyens")
        & (perceptions["territory_id"] == "FR")
        & (perceptions["study"] == "PHARE-Citoyens")
        & (perceptions["measure"] == "score")
    ].set_index("domain_id")["value"]
    perceived = group.rank(ascending=False, method="min")
    regions = explore.scope_territories(dataset, "region", None, "metro")
    table = explore.index_table(dataset, list(regions["territory_id"]), "minmax")
    own = table.domains[table.domains["territory_id"] == "REG-32"].set_index("domain_id")["index"]
    objective = own.dropna().rank(ascending=False, method="min")

    def expected(domain: str) -> str:
        if domain not in perceived or domain not in objective:
            return CLASS["not_available"]
        top_p, top_o = perceived[domain] <= 3, objective[domain] <= 3
        if top_p and top_o:
            return CLASS["shared"]
        return CLASS["perceived_only" if top_p else "blind_spot" if top_o else "neither"]

    shown = table_with(at, "Lecture").set_index("Domaine")["Lecture"]
    labels = domain_labels(dataset)
    assert shown.to_dict() == {labels[d]: expected(d) for d in dataset.domains["domain_id"]}
    assert "priorité partagée" in set(shown)  # emploi: 1st perceived, most fragile
    assert "Lecture pour : Citoyens — PHARE-Citoyens — Note moyenne" in captions(at)

    picker = at.selectbox(key="profil_reading_group_REG-32_citoyens")
    impact = next(i for i in picker.options if i.startswith("IMPACT-Citoyens"))
    picker.select(picker.options.index(impact)).run()
    reading = table_with(at, "Lecture").set_index("Domaine")
    assert reading.loc[labels["emploi"], "Perçu"] == "6,4 /10"
    # fibre deployment is known for overseas regions only: no digital index among metro regions
    assert "numerique" not in objective
    assert reading.loc[labels["numerique"], "Lecture"] == "non disponible"


def test_regional_figures_actor_filter_and_alliances():
    at = profile_page(territory="REG-52", actor="citoyens,collectivites")
    scopes = block_headings(at)
    assert (
        scopes[0]
        == "**Part pour qui l'emploi est la priorité** — chiffres régionaux (Pays de la Loire)"
    )
    assert any(s.endswith("— chiffres nationaux") for s in scopes)
    assert perceived_tables(at)[0].value.iloc[0].tolist() == [
        "Emploi, chômage, insertion professionnelle",
        40,
    ]
    # one actor's figures at a time: the mayors have none published
    picker = at.button_group(key="profil_perceptions_REG-52_citoyens-collectivites")
    assert picker.value == "citoyens"
    assert [shown_markdown(o.content) for o in picker.proto.options] == [
        "Citoyens",
        "Collectivités et élus locaux (maires)",
    ]
    no_figure = "Aucune priorité perçue publiée pour cet acteur : non disponible."
    assert no_figure not in captions(at)
    picker.set_value("collectivites").run()
    assert no_figure in captions(at) and not block_headings(at)
    alliances = table_with(at, "Portée")
    assert set(alliances["Acteur"]) == {"Citoyens", "Collectivités et élus locaux (maires)"}
    regional = alliances[alliances["Portée"] == "chiffres régionaux (Pays de la Loire)"]
    assert regional["Valeur"].tolist() == [f"65{NB}%"]  # PHARE-Pays de la Loire, citizens
    assert set(alliances["Portée"]) == {
        "chiffres nationaux",
        "chiffres régionaux (Pays de la Loire)",
    }


def test_one_click_compares_a_mainland_region_with_all_of_france_and_back():
    """By default a mainland region is compared among the 13 metropolitan regions; all of
    France is one click away (and in the URL), and metropolitan France one click back."""
    at = profile_page(territory="REG-53")
    assert "Indices calculés entre les 13 régions de France métropolitaine" in captions(at)
    hint = next(shown_markdown(i.value) for i in at.info if "outre-mer" in i.value)
    assert "Comparé aux 18 régions de France (outre-mer compris)" in hint
    assert "il aurait un indice dans 8 domaine(s) sur 16" in hint
    button = at.button(key="profil_other_area")
    assert button.label == "Comparer à la France entière"
    button.click().run()
    assert at.query_params["area"] == "all"
    assert "Indices calculés entre les 18 régions de France" in captions(at)
    hint = next(shown_markdown(i.value) for i in at.info if "outre-mer" in i.value)
    assert "que dans 8 domaine(s)" in hint and "dans 15 domaines" in hint
    back = at.button(key="profil_other_area")
    assert back.label == "Comparer à la France métropolitaine"
    back.click().run()
    assert "area" not in at.query_params  # the default again
    assert "Indices calculés entre les 13 régions de France métropolitaine" in captions(at)


def test_an_overseas_region_is_compared_with_all_of_france_without_an_offer():
    at = profile_page(territory="REG-04")
    assert "Indices calculés entre les 18 régions de France" in captions(at)
    assert not [b for b in at.button if b.key == "profil_other_area"]


def test_base100_draws_the_france_line_and_says_what_is_missing():
    at = profile_page(territory="REG-32", method="base100")
    spec = chart(at, "profil_bars")
    assert spec["layout"]["shapes"][0]["x0"] == 100
    assert spec["data"][3]["name"] == "100 = France"
    assert "Santé, accès aux soins" in spec["data"][2]["y"]  # no France row for life expectancy
    assert "100 = France (ligne de référence de chaque indicateur)" in captions(at)


def test_english_version():
    at = profile_page(territory="REG-32", lang="en")
    assert shown_markdown(at.title[0].value) == "Hauts-de-France — region"
    assert [shown_markdown(h.value) for h in at.header][:5] == [
        "In brief",
        "Key figures",
        "Fragility by domain, against the benchmark",
        "Trends",
        "Priorities perceived by actors",
    ]
    figures = table_with(at, "Indicator").set_index("Indicator")
    assert figures.loc["Local unemployment rate", "Value"].startswith("9.2%")
    assert figures.loc["Local unemployment rate", "Source"] == "INSEE"
    reading = table_with(at, "Reading")
    assert set(reading["Reading"]) <= {
        "shared priority",
        "perceived only",
        "blind spot",
        "neither",
        "not available",
    }
    assert "Rank (1 = priority)" in perceived_tables(at)[2].value.columns


def test_white_spots_of_the_region_are_listed_with_the_not_exhaustive_warning(
    hauts_de_france, dataset
):
    from lib import initiatives
    from lib.safe_text import literal_table

    expected = literal_table(
        initiatives.white_spots_table(
            dataset, initiatives.white_spots(dataset, "REG-32", "auto", "minmax"), "fr"
        )
    )
    headers = [h.value for h in hauts_de_france.header]
    assert "Angles blancs : domaines fragiles sans initiative connue" in headers
    shown = [  # a table: long findings wrap ("Angle blanc : aucune initiative connue"), never cut
        d.value for d in hauts_de_france.table if list(d.value.columns) == list(expected.columns)
    ]
    assert len(shown) == 1
    pd.testing.assert_frame_equal(shown[0].reset_index(drop=True), expected.reset_index(drop=True))
    assert "Angle blanc" in captions(hauts_de_france)


# --- Perceptions published outside the Observatoire (data/perceived_more.csv) -------------------

PUBLISHED_NONE = (
    "Aucune perception publiée hors Observatoire pour ce territoire et les acteurs choisis : "
    "non disponible."
)


def published_table(
    at: AppTest, item: str, column: str = "Item (formulation publiée)"
) -> pd.DataFrame:
    """The published-figures table holding `item` (its rows indexed by the item)."""
    tables = [
        shown_table(t.value).set_index(column)
        for t in at.table
        if column in shown_table(t.value).columns
    ]
    return next(table for table in tables if item in table.index)


def test_published_perceptions_of_a_region_with_their_source_and_flags(hauts_de_france):
    at = hauts_de_france
    assert "Perceptions publiées hors Observatoire" in [s.value for s in at.subheader]
    assert "ce sont des parts citant un item, pas des notes sur 10" in captions(at).lower()
    expanders = {shown_markdown(e.label): e.proto.expanded for e in published_expanders(at)}
    regional = (
        "Baromètre des Territoires — Elabe / Institut Montaigne · chiffres régionaux "
        "(Hauts-de-France) (6 chiffre(s))"
    )
    national = (
        "Baromètre des Territoires — Elabe / Institut Montaigne · France (chiffres nationaux) "
        "(4 chiffre(s))"
    )
    assert expanders[regional] and not expanders[national]  # the national ones start closed
    job = "Sentiment qu'il est de plus en plus difficile de trouver un emploi là où l'on vit"
    table = published_table(at, job)
    assert table.loc[job, "Valeur"] == f"61{NB}%"
    assert table.loc[job, "Acteur"] == "Citoyens"
    assert table.loc[job, "Année (telle que publiée)"] == "2019 (publié le 19/02/2019)"
    assert table.loc[job, "Source"] == (
        "[Elabe / Institut Montaigne, Baromètre des Territoires 2019 « La France en morceaux »]"
        "(https://www.institutmontaigne.org/blog/barometre-des-territoires-2019-hauts-de-france)"
        " — non vérifié"
    )
    safe = "Se sentent en sécurité dans leur quartier (indicateur inverse de l'insécurité perçue)"
    assert table.loc[safe, "Valeur"] == f"58{NB}%"
    assert table.loc[safe, "Remarque"].startswith(
        "item inversé : une part élevée signale une fragilité plus faible · CNews écrit"
    )
    assert PUBLISHED_NONE not in [i.value for i in at.info]


def test_published_perceptions_not_available_for_actors_without_figures():
    at = profile_page(territory="REG-32", actor="entreprises")
    assert PUBLISHED_NONE in [shown_markdown(i.value) for i in at.info]
    assert not published_expanders(at)


def test_published_perceptions_in_english():
    at = profile_page(territory="REG-32", lang="en")
    assert "Perceptions published outside the Observatoire" in [s.value for s in at.subheader]
    assert "not scores out of 10" in captions(at)
    job = "Sentiment qu'il est de plus en plus difficile de trouver un emploi là où l'on vit"
    table = published_table(at, job, "Item (published wording)")
    assert list(table.columns) == [
        "Value",
        "Actor",
        "Year (as published)",
        "Base",
        "Source",
        "Note",
    ]
    assert (table.loc[job, "Value"], table.loc[job, "Actor"]) == ("61%", "Citizens")
    assert table.loc[job, "Source"].endswith(") — unverified")
    safe = "Se sentent en sécurité dans leur quartier (indicateur inverse de l'insécurité perçue)"
    assert table.loc[safe, "Note"].startswith(
        "inverse item: a high share signals a lower fragility · "
    )
    labels = [shown_markdown(e.label) for e in published_expanders(at)]
    assert "(6 figure(s))" in labels[0] and "France (national figures)" in labels[1]
