"""The profile's « En bref » model (lib.profile.brief): the most fragile domains and their ranks,
their indicators' last changes and each actor's top perceived priorities, expected values
computed here from the data tables."""

from dataclasses import replace

import pytest

from lib import explore, profile, trends
from lib.formatting import format_number, ordinal
from lib.profile import brief as profile_brief
from lib.profile import page as profile_page
from lib.vocabulary import NATIONAL


@pytest.fixture(scope="module")
def pages(dataset):
    """territory -> its profile page, in French, by default (metropolitan, min-max)."""
    look = profile.lookups(dataset, "fr")
    return {t: profile_page.build(look, t, "auto", "minmax", ()) for t in ("REG-32", "DEP-93")}


def domain_indices(dataset, level: str):
    """territory x domain_id -> index, among the metropolitan territories of the level."""
    ids = explore.scope_territories(dataset, level, None, "metro")["territory_id"]
    table = explore.index_table(dataset, list(ids), "minmax").domains
    return table.pivot(index="territory_id", columns="domain_id", values="index")


def expected_top(dataset, territory_id: str, level: str, members: str) -> list[tuple]:
    """(domain_id, index text, rank text) of the territory's highest indices at one decimal
    (three, or more when tied), highest first: rank among the territories = 1 + those higher."""
    wide = domain_indices(dataset, level)
    own = wide.loc[territory_id].dropna()
    shown = own.round(1)
    top = [d for d in shown.index if 1 + (shown > shown[d]).sum() <= 3]
    order = list(profile.lookups(dataset).domains)
    top.sort(key=lambda d: (-shown[d], order.index(d)))
    return [
        (
            d,
            format_number(own[d], 1),
            f"{ordinal(int((wide[d] > own[d]).sum()) + 1)} sur {members}",
        )
        for d in top
    ]


@pytest.mark.parametrize(
    ("territory_id", "level", "members"),
    [
        ("REG-32", "region", "13 régions métropolitaines"),
        ("DEP-93", "department", "96 départements métropolitains"),
    ],
)
def test_the_most_fragile_domains_are_the_top_of_the_domain_indices(
    dataset, pages, territory_id, level, members
):
    brief = pages[territory_id].brief
    got = [(d.domain_id, d.value, d.rank) for d in brief.domains]
    assert got == expected_top(dataset, territory_id, level, members)
    labels = profile.lookups(dataset).domains
    assert [d.label for d in brief.domains] == [labels[d] for d, _, _ in got]
    # the same rank texts as the domain indices further down the profile
    ranks = pages[territory_id].domains.frame.set_index("domain_id")["rank_text"]
    assert [d.rank for d in brief.domains] == [ranks[d] for d, _, _ in got]


def test_ties_are_all_shown_and_said(pages):
    hauts_de_france, seine_saint_denis = pages["REG-32"].brief, pages["DEP-93"].brief
    assert len(hauts_de_france.domains) > 3  # several domains at the top of the 13 regions
    assert hauts_de_france.ties_note == (
        f"{len(hauts_de_france.domains)} domaines à égalité : tous sont montrés."
    )
    assert len(seine_saint_denis.domains) == 3 and seine_saint_denis.ties_note == ""


def test_a_domain_trend_counts_its_indicators_last_changes(dataset, pages):
    """Each domain: its key-figure indicators with a last change, by side; a domain whose
    indicators have a single period each reads 'non disponible' (never an invented trend)."""
    look = profile.lookups(dataset)
    page = pages["REG-32"]
    index = trends.series_index(dataset.indicators, look.places)
    for domain in page.brief.domains:
        sides = {"worse": 0, "better": 0, "stable": 0}
        for tr in trends.territory_trends(look, index, "REG-32").trends:
            if look.meta[tr.indicator_id]["domain_id"] == domain.domain_id and tr.change:
                side = "stable" if tr.change.direction == "stable" else tr.change.fragility
                if side:  # a change without orientation is not judged
                    sides[side] += 1
        words = {
            "worse": "vers plus de fragilité",
            "better": "vers moins de fragilité",
            "stable": "sans changement",
        }
        parts = [f"{n} {words[side]}" for side, n in sides.items() if n]
        expected = (
            f"Dernière évolution de ses indicateurs : {', '.join(parts)}."
            if parts
            else "Évolution de ses indicateurs : non disponible."
        )
        assert domain.trend == expected
    # health in Hauts-de-France: each of its indicators known at one period only
    [health] = [d for d in page.brief.domains if d.domain_id == "sante"]
    rows = dataset.indicators[dataset.indicators["territory_id"] == "REG-32"].dropna(
        subset=["value"]
    )
    meta = dataset.indicator_meta.set_index("indicator_id")
    health_rows = rows[rows["indicator_id"].map(meta["domain_id"]) == "sante"]
    assert health_rows.groupby("indicator_id")["period"].nunique().max() == 1
    assert health.trend == "Évolution de ses indicateurs : non disponible."
    # unemployment: Hauts-de-France's last quarter against the previous one
    unemployment = rows[rows["indicator_id"] == "taux_chomage"].sort_values("period")
    before, last = unemployment["value"].iloc[-2:]
    [employment] = [d for d in page.brief.domains if d.domain_id == "emploi"]
    side = "plus" if round(last - before, 1) > 0 else "moins"
    assert (
        employment.trend == f"Dernière évolution de ses indicateurs : 1 vers {side} de fragilité."
    )


def test_each_actor_s_top_perceived_priorities_with_their_source(dataset, pages):
    """Citizens (national figures): their first group ranking 3 domains or more, its 3
    highest values."""
    perceptions = dataset.perceptions
    rows = perceptions[
        (perceptions["actor_id"] == "citoyens")
        & perceptions["territory_id"].isin(["REG-32", NATIONAL])
    ]
    assert (rows["territory_id"] == NATIONAL).all()  # no regional figures for Hauts-de-France
    groups = rows.groupby(["study", "question", "measure"], sort=False)
    first = next(group for _, group in groups if group["domain_id"].nunique() >= 3)
    assert first["measure"].iloc[0] == "score"
    labels = profile.lookups(dataset).domains
    top = first.sort_values("value", ascending=False, kind="stable")
    third = top["value"].iloc[2]
    top = top[top["value"] >= third]  # ties with the third included
    expected = " ; ".join(  # domain labels hold commas
        f"{labels[d]} ({format_number(v, 1)} /10)"
        for d, v in zip(top["domain_id"], top["value"], strict=True)
    )
    citizens = pages["REG-32"].brief.perceptions[0]
    assert (citizens.actor, citizens.scope, citizens.priorities) == (
        "Citoyens",
        "chiffres nationaux",
        expected,
    )
    source = dataset.sources.set_index("source_id").loc[first["source_id"].iloc[0]]
    assert citizens.caption.startswith(f"{first['study'].iloc[0]}, note sur 10 · ")
    assert str(source["publisher"]) in citizens.caption
    actors = [p.actor for p in pages["REG-32"].brief.perceptions]
    assert actors == [a.name for a in pages["REG-32"].perceptions if a.blocks]


def test_in_english(dataset):
    page = profile_page.build(profile.lookups(dataset, "en"), "DEP-93", "auto", "minmax", ())
    brief = page.brief
    labels = profile.lookups(dataset, "en").domains
    assert [d.label for d in brief.domains] == [labels[d.domain_id] for d in brief.domains]
    assert all(d.rank.endswith(" of 96 metropolitan departments") for d in brief.domains)
    assert all(
        d.trend.startswith("Last change of its indicators: ")
        or d.trend == "Change of its indicators: not available."
        for d in brief.domains
    )
    assert brief.perceptions[0].scope == "national figures"


def test_without_perceived_figures_or_indices_nothing_is_invented(dataset, pages):
    look = profile.lookups(dataset)
    page = pages["DEP-93"]
    empty = profile_brief.brief(look, page.domains, page.trends, [])
    assert empty.perceptions == ()
    no_index = replace(page.domains, frame=page.domains.frame.assign(index=float("nan")))
    bare = profile_brief.brief(look, no_index, page.trends, [])
    assert bare.domains == () and bare.ties_note == ""


def test_every_label_of_the_block_reads_in_french_and_english_with_the_same_values():
    from string import Formatter

    from lib.labels.brief import LABELS

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name}

    assert all(entry.get("fr") and entry.get("en") for entry in LABELS.values())
    assert all(fields(entry["fr"]) == fields(entry["en"]) for entry in LABELS.values())


def test_the_lines_of_the_block_show_the_data_as_written():
    domain = profile_brief.BriefDomain(
        "emploi", "Emploi, *chômage*", "58,2", "3e sur 13 régions", "Dernière évolution : 1"
    )
    assert profile_brief.domain_line(domain, "fr") == (
        "**Emploi\\, \\*chômage\\*** : indice 58\\,2 — 3e sur 13 régions  \n"
        "Dernière évolution \\: 1"
    )
    perceived = profile_brief.BriefPerception(
        "Citoyens", "chiffres [nationaux]", "Emploi (7,1)", ""
    )
    assert profile_brief.perceived_line(perceived, "en") == (
        "**Citoyens** (chiffres \\[nationaux\\]): Emploi \\(7\\,1\\)"
    )
    note = "The territory's 3 highest domain indices"
    untied = profile_brief.Brief(domains=(), ties_note="", perceptions=())
    assert profile_brief.domains_note(untied, "en").startswith(note)
    assert profile_brief.domains_note(untied, "en").endswith("further down.")
    tied = replace(untied, ties_note="4 domains are tied: all are shown.")
    assert profile_brief.domains_note(tied, "en").endswith(
        "further down. 4 domains are tied: all are shown."
    )
