"""The sidebar's « Plus de filtres » expander: its widgets are drawn only while it is open
(a first visit paints without them); it opens by itself for a link that changes one of them,
says which are changed while closed, and the URL round trip is the same as before."""

from apptest_pages import open_view
from hostile import shown_markdown

LABEL = "Plus de filtres : période, comparaison, méthode, acteurs, domaines"
MORE = ("_filter_period", "_filter_area", "_filter_method", "_filter_actors", "_filter_domains")


def sidebar_keys(at) -> set[str]:
    widgets = [*at.sidebar.selectbox, *at.sidebar.radio, *at.sidebar.multiselect]
    return {w.key for w in widgets}


def test_the_level_is_a_selectbox_bound_to_the_url():
    at = open_view(level="department")
    level = at.sidebar.selectbox(key="_filter_level")
    assert (level.label, level.value) == ("Échelle", "department")
    assert level.options == [
        "Régions",
        "Départements",
        "Intercommunalités (d'une région ou d'un département)",
        "Communes (d'un département ou d'une intercommunalité)",
    ]
    level.set_value("region").run()
    assert "level" not in at.query_params  # the default level is not written
    assert not at.sidebar.radio  # no radio on a first visit: its options are all drawn


def sidebar_captions(at) -> list[str]:
    return [shown_markdown(c.value) for c in at.sidebar.caption]


def test_a_first_visit_shows_the_main_filters_and_a_closed_expander():
    at = open_view()
    assert [e.label for e in at.sidebar.expander] == [LABEL]
    assert not at.session_state["more_filters"]
    assert sidebar_keys(at) == {
        "_filter_territory", "_filter_level", "_filter_indicator", "_filter_lang"
    }  # fmt: skip
    assert at.sidebar.text_input(key="territory_search").label == "Rechercher un territoire"
    assert not any("Plus de filtres" in c for c in sidebar_captions(at))


def test_a_link_changing_a_hidden_filter_opens_the_expander_and_keeps_the_url():
    at = open_view(method="base100", actor="entreprises", year="2013", indicator="taux_pauvrete")
    assert at.session_state["more_filters"]
    assert set(MORE) <= sidebar_keys(at)
    assert at.radio(key="_filter_method").value == "base100"
    assert at.multiselect(key="_filter_actors").value == ["entreprises"]
    assert at.selectbox(key="_filter_period").value == "2013"
    assert (at.query_params["method"], at.query_params["actor"], at.query_params["year"]) == (
        "base100",
        "entreprises",
        "2013",
    )


def test_opened_by_hand_then_closed_it_says_which_filters_are_changed():
    at = open_view()
    at.session_state["more_filters"] = True  # the user opens it
    at.run()
    assert set(MORE) - {"_filter_period"} <= sidebar_keys(at)
    at.radio(key="_filter_method").set_value("base100").run()
    at.multiselect(key="_filter_domains").select("sante").run()
    assert (at.query_params["method"], at.query_params["domain"]) == ("base100", "sante")
    at.session_state["more_filters"] = False  # the user closes it: it stays closed
    at.run()
    at.run()
    assert not at.session_state["more_filters"]
    assert not set(MORE) & sidebar_keys(at)
    assert "Filtre(s) modifié(s) dans « Plus de filtres » : Méthode des indices, Domaines." in (
        sidebar_captions(at)
    )
    assert (at.query_params["method"], at.query_params["domain"]) == ("base100", "sante")


def test_a_hidden_filter_changed_elsewhere_opens_it_again():
    at = open_view()
    at.session_state["more_filters"] = False
    at.session_state["filters"] = at.session_state["filters"].with_(area="all")  # e.g. a page
    at.run()
    assert at.session_state["more_filters"]
    assert at.radio(key="_filter_area").value == "all"


def test_english_expander_and_notice():
    at = open_view(lang="en", area="metro")
    assert [e.label for e in at.sidebar.expander] == [
        "More filters: period, comparison, method, actors, domains"
    ]
    at.session_state["more_filters"] = False
    at.run()
    assert "Filter(s) changed under “More filters”: Territories compared." in sidebar_captions(at)
