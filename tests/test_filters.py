"""URL <-> filters: the DESIGN.md scheme, unknown values dropped and reported."""

import pytest

from lib.filters import (
    AUTO,
    Allowed,
    Filters,
    changed_filters,
    comparison_area,
    dropped_notice,
    listed_area,
    parse_page_params,
    parse_query,
    to_query,
)

ALLOWED = Allowed(
    territories=frozenset({"REG-53", "DEP-53", "DEP-29"}),
    actors=frozenset({"entreprises", "citoyens"}),
    domains=frozenset({"emploi", "sante"}),
    indicators=frozenset({"taux_chomage", "taux_pauvrete"}),
    periods=frozenset({"2013", "2021", "2023-T3"}),
)


def test_full_url_round_trip():
    query = {
        "level": "department",
        "territory": "DEP-29",
        "actor": "entreprises,citoyens",
        "domain": "emploi,sante",
        "indicator": "taux_chomage",
        "year": "2023-T3",
        "method": "base100",
        "lang": "en",
    }
    parsed = parse_query(query, ALLOWED)
    assert parsed.dropped == []
    assert parsed.filters == Filters(
        level="department",
        territory="DEP-29",
        actors=("entreprises", "citoyens"),
        domains=("emploi", "sante"),
        indicator="taux_chomage",
        period="2023-T3",
        method="base100",
        lang="en",
    )
    assert to_query(parsed.filters) == query


def test_region_and_department_with_the_same_code_stay_distinct():
    assert parse_query({"territory": "REG-53"}, ALLOWED).filters.territory == "REG-53"
    assert parse_query({"territory": "DEP-53"}, ALLOWED).filters.territory == "DEP-53"
    # a bare code is ambiguous: refused
    assert parse_query({"territory": "53"}, ALLOWED).dropped == [("territory", "53")]


def test_unknown_values_are_dropped_and_listed():
    parsed = parse_query(
        {"level": "planet", "actor": "entreprises,aliens", "domain": "x", "method": "?"}, ALLOWED
    )
    assert parsed.filters == Filters(actors=("entreprises",))
    assert parsed.dropped == [
        ("level", "planet"),
        ("method", "?"),
        ("actor", "aliens"),
        ("domain", "x"),
    ]
    assert dropped_notice(parsed.dropped) == (
        "Valeurs inconnues du lien ignorées : level=planet, method=?, actor=aliens, domain=x."
    )
    assert dropped_notice([]) is None


def test_defaults_are_left_out_of_the_url_and_duplicates_collapse():
    assert to_query(Filters()) == {}
    parsed = parse_query({"actor": ["citoyens,citoyens"], "territory": ""}, ALLOWED)
    assert parsed.filters.actors == ("citoyens",)
    assert parsed.filters.territory is None


def test_page_parameters_are_kept_as_given_and_others_ignored():
    params = {"mode": "presentation", "step": ["1", "3"], "code": " ABCD-EFGH ", "x": "1"}
    assert parse_page_params(params) == {"mode": "presentation", "step": "3", "code": "ABCD-EFGH"}


def test_over_long_page_parameters_are_ignored():
    assert parse_page_params({"p": "a" * 65, "code": "a" * 64}) == {"code": "a" * 64}


def test_a_former_vintage_id_opens_its_concept_and_period():
    parsed = parse_query({"indicator": "taux_pauvrete_2013"}, ALLOWED)
    assert (parsed.filters.indicator, parsed.filters.period, parsed.dropped) == (
        "taux_pauvrete",
        "2013",
        [],
    )
    assert to_query(parsed.filters) == {"indicator": "taux_pauvrete", "year": "2013"}
    # an explicit year wins over the alias's period
    explicit = parse_query({"indicator": "taux_pauvrete_2013", "year": "2021"}, ALLOWED)
    assert explicit.filters.period == "2021"


def test_an_unknown_period_is_dropped_and_reported():
    parsed = parse_query({"indicator": "taux_chomage", "year": "1850"}, ALLOWED)
    assert (parsed.filters.indicator, parsed.filters.period) == ("taux_chomage", None)
    assert parsed.dropped == [("year", "1850")]
    assert dropped_notice(parsed.dropped) == "Valeurs inconnues du lien ignorées : year=1850."
    assert dropped_notice(parsed.dropped, "en") == (
        "Unknown values in the link were ignored: year=1850."
    )


def test_the_area_is_automatic_by_default_and_all_or_metro_stay_in_the_url():
    assert Filters().area == AUTO and "area" not in to_query(Filters())
    for area in ("all", "metro"):
        parsed = parse_query({"area": area}, ALLOWED)
        assert parsed.filters.area == area and to_query(parsed.filters) == {"area": area}
    assert parse_query({"area": "auto"}, ALLOWED).filters == Filters()
    assert parse_query({"area": "mars"}, ALLOWED).dropped == [("area", "mars")]


def test_the_automatic_area_compares_metropolitan_france_unless_the_territory_is_overseas():
    assert comparison_area(AUTO, overseas=False) == "metro"
    assert comparison_area(AUTO, overseas=True) == "all"
    for area in ("all", "metro"):  # a choice stays a choice
        assert comparison_area(area, overseas=False) == comparison_area(area, True) == area
    with pytest.raises(ValueError, match="unknown area"):
        comparison_area("mars", overseas=False)


def test_pages_that_list_data_list_every_territory_unless_metro_is_chosen():
    assert [listed_area(a) for a in (AUTO, "all", "metro")] == ["all", "all", "metro"]


def test_the_change_start_round_trips_and_an_unknown_one_is_dropped_and_reported():
    query = {"indicator": "taux_chomage", "year": "2023-T3", "change_from": "2013"}
    parsed = parse_query(query, ALLOWED)
    assert parsed.dropped == []
    assert (parsed.filters.period, parsed.filters.change_from) == ("2023-T3", "2013")
    assert to_query(parsed.filters) == query
    assert "change_from" not in to_query(parsed.filters.with_(change_from=None))
    unknown = parse_query({"indicator": "taux_chomage", "change_from": "2019-T9"}, ALLOWED)
    assert unknown.filters == Filters(indicator="taux_chomage")
    assert dropped_notice(unknown.dropped) == (
        "Valeurs inconnues du lien ignorées : change_from=2019-T9."
    )


def test_changed_filters_names_the_more_filters_off_their_default_in_widget_order():
    assert changed_filters(Filters(level="commune", territory="DEP-29", indicator="x")) == ()
    changed = Filters(domains=("sante",), method="base100", period="2013", area="metro")
    assert changed_filters(changed) == ("period", "area", "method", "domains")
    assert changed_filters(Filters(actors=("citoyens",)), ("method", "actors")) == ("actors",)
