"""Trends on the EPCI and commune profiles (lib.profile.local_trends, AppTest): the indicators drawn are
those the data files hold at two periods or more for the territory."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from apptest_pages import open_view
from hostile import shown_markdown

from lib import profile
from lib.profile import local_trends

DATA = Path(__file__).resolve().parents[1] / "data"
BREST_EPCI, GRAND_PARIS, BREST = "EPCI-242900314", "EPCI-200054781", "COM-29019"


def rows_of(territory_id: str) -> pd.DataFrame:
    """The territory's indicator rows in every data file (commune files included)."""
    files = sorted(DATA.glob("indicators*.csv"))
    rows = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files])
    return rows[rows["territory_id"] == territory_id]


def with_two_periods(territory_id: str) -> list[str]:
    """The fragility indicators the data files hold at two periods or more, in meta order."""
    meta = pd.concat(pd.read_csv(f, dtype=str) for f in sorted(DATA.glob("indicator_meta*.csv")))
    fragility = meta.loc[meta["role"] == "fragility", "indicator_id"].tolist()
    periods = rows_of(territory_id).groupby("indicator_id")["period"].nunique()
    return [i for i in fragility if periods.get(i, 0) >= 2]


def test_an_epci_draws_each_indicator_known_at_two_periods(dataset):
    look = profile.lookups(dataset, "fr")
    charted = local_trends.charted(look, local_trends.series(dataset), BREST_EPCI)
    assert [tr.indicator_id for tr, _ in charted] == with_two_periods(BREST_EPCI)
    assert len(charted) >= 3
    poverty = next(tr for tr, _ in charted if tr.indicator_id == "taux_pauvrete")
    rows = rows_of(BREST_EPCI).query("indicator_id == 'taux_pauvrete'").sort_values("period")
    assert [(p.period, p.value) for p in poverty.lines[0].known] == list(
        zip(rows["period"], rows["value"].astype(float), strict=True)
    )
    delta = float(rows["value"].iloc[-1]) - float(rows["value"].iloc[0])
    sign = "+" if delta > 0 else "\u2212"
    change = f"{sign}{abs(delta):.1f}".replace(".", ",")
    assert poverty.sentence.startswith(f"{change} pt depuis {rows['period'].iloc[0]} : ")


def test_a_commune_has_no_indicator_at_two_periods(dataset, commune_dataset):
    assert with_two_periods(BREST) == []
    index = local_trends.series(commune_dataset, commune_id=BREST)
    assert local_trends.charted(profile.lookups(dataset, "fr"), index, BREST) == []


def test_the_epci_profile_shows_its_trends_and_grand_paris_says_it_has_none():
    at = open_view("profil", territory=BREST_EPCI)
    assert "Évolutions" in [h.value for h in at.header]
    charts = [c for c in at.get("plotly_chart") if c.proto.id and "profil_trend_" in c.proto.id]
    assert len(charts) == len(with_two_periods(BREST_EPCI))
    assert with_two_periods(GRAND_PARIS) == []
    at = open_view("profil", territory=GRAND_PARIS, lang="en")
    assert "No indicator is known at two periods for this intercommunality." in [
        shown_markdown(i.value) for i in at.info
    ]


def test_the_commune_profile_says_why_it_has_no_trend():
    at = open_view("profil", territory=BREST)
    infos = [shown_markdown(i.value) for i in at.info]
    assert any(i.startswith("Aucune évolution pour une commune : ") for i in infos)
