"""URL <-> filters: the DESIGN.md scheme, unknown values dropped and reported."""

from lib.filters import Allowed, Filters, dropped_notice, parse_page_params, parse_query, to_query

ALLOWED = Allowed(
    territories=frozenset({"REG-53", "DEP-53", "DEP-29"}),
    actors=frozenset({"entreprises", "citoyens"}),
    domains=frozenset({"emploi", "sante"}),
    indicators=frozenset({"taux_chomage_2023t3"}),
)


def test_full_url_round_trip():
    query = {
        "level": "department",
        "territory": "DEP-29",
        "actor": "entreprises,citoyens",
        "domain": "emploi,sante",
        "indicator": "taux_chomage_2023t3",
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
        indicator="taux_chomage_2023t3",
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
