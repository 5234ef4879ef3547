"""Trends over time (lib/trends.py): series, gaps, vintages, the last change in words and the
summary, with every expected value read back from the data files."""

import io
from dataclasses import replace
from itertools import pairwise

import pandas as pd
import plotly.graph_objects as go
import pytest
from conftest import ROOT

from lib import profile, trends
from lib.charts.trends import trend_figure
from lib.datasets import EMBEDDED_ORIGIN
from lib.formatting import NARROW_NBSP as NB
from lib.formatting import format_number
from lib.periods import period_label, position, sort_key

DATA = ROOT / "data"


@pytest.fixture(scope="module")
def files() -> pd.DataFrame:
    """Every indicator row of the data files above the communes, values as numbers."""
    rows = pd.concat(
        pd.read_csv(path, dtype=str, keep_default_na=False)
        for path in sorted(DATA.glob("indicators*.csv"))
        if "_communes" not in path.name and "_epci" not in path.name
    )
    rows = rows[rows["value"] != ""]
    return rows.assign(value=rows["value"].astype(float))


@pytest.fixture(scope="module")
def meta() -> pd.DataFrame:
    frames = [
        pd.read_csv(p, dtype=str, keep_default_na=False) for p in DATA.glob("indicator_meta*.csv")
    ]
    return pd.concat(frames).set_index("indicator_id")


@pytest.fixture(scope="module")
def look(dataset):
    return profile.lookups(dataset, "fr")


def index_of(look, dataset=None):
    indicators = (dataset or look.dataset).indicators
    return trends.series_index(indicators, look.places)


@pytest.fixture(scope="module")
def index(look):
    return index_of(look)


def series(files, territory_id: str, indicator_id: str) -> list[tuple[str, float]]:
    """(period, value) of one territory and indicator in the files, oldest first."""
    rows = files[(files["territory_id"] == territory_id) & (files["indicator_id"] == indicator_id)]
    return sorted(zip(rows["period"], rows["value"], strict=True), key=lambda r: sort_key(r[0]))


def values_of(line: trends.Line) -> list[tuple[str, float | None]]:
    return [(p.period, p.value) for p in line.points]


def test_the_unemployment_lines_are_the_files_rows(look, index, files, meta):
    trend = trends.trend(look, index, "DEP-93", "taux_chomage")
    territory, reference, parent = trend.lines
    assert [line.role for line in trend.lines] == ["territory", "reference", "parent"]
    reference_id = meta.loc["taux_chomage", "reference_territory_id"]
    assert (territory.territory_id, reference.territory_id, parent.territory_id) == (
        "DEP-93",
        reference_id,
        "REG-11",  # the department's region in territories.csv
    )
    for line in trend.lines:
        assert values_of(line) == series(files, line.territory_id, "taux_chomage")
    assert len(territory.known) >= 30
    # a true time axis: each quarter at the middle of its three months
    positions = [p.position for p in territory.points]
    assert positions == [position(p.period) for p in territory.points]
    assert positions[0] == int(territory.points[0].period[:4]) + 0.125  # 2014-T1 -> 2014.125
    assert all(b - a == pytest.approx(0.25) for a, b in pairwise(positions))


def test_a_missing_period_is_a_gap_never_interpolated(look, dataset, files):
    rows = dataset.indicators
    dropped = series(files, "DEP-93", "taux_chomage")[10][0]  # one quarter removed
    holed = replace(
        dataset,
        indicators=rows[
            ~(
                (rows["territory_id"] == "DEP-93")
                & (rows["indicator_id"] == "taux_chomage")
                & (rows["period"] == dropped)
            )
        ],
    )
    line = trends.trend(look, index_of(look, holed), "DEP-93", "taux_chomage").lines[0]
    expected = [
        (p, None if p == dropped else v) for p, v in series(files, "DEP-93", "taux_chomage")
    ]
    assert values_of(line) == expected  # the quarter is still on the axis, without a value
    xs, ys, periods = trends.drawn(line)
    assert (ys[10], periods[10], xs[10]) == (None, dropped, position(dropped))  # a break
    figure = trend_figure(trends.trend(look, index_of(look, holed), "DEP-93", "taux_chomage"), 1)
    assert figure.data[0].connectgaps is False
    assert figure.data[0].y[10] is None


def test_a_point_whose_source_publishes_fewer_decimals_is_shown_with_them(look, dataset, files):
    # the latest quarter as if its source gave it to the unit (row `decimals` 0): its hover and
    # the summary's value read without a decimal, the other quarters keep the indicator's one
    (before, earlier), (latest, value) = series(files, "DEP-93", "taux_chomage")[-2:]
    rows = dataset.indicators.assign(decimals=pd.NA)
    hit = (
        rows["territory_id"].eq("DEP-93")
        & rows["indicator_id"].eq("taux_chomage")
        & rows["period"].eq(latest)
    )
    rows.loc[hit, ["value", "decimals"]] = [round(value), 0]
    index = index_of(look, replace(dataset, indicators=rows))
    tr = trends.trend(look, index, "DEP-93", "taux_chomage")
    assert tr.lines[0].known[-1].decimals == 0 and tr.lines[0].known[-2].decimals is None
    hovers = dict(trend_figure(tr, 1).data[0].customdata)
    unit = f"{NB}% de la population active"
    assert hovers[period_label(latest, "fr")] == f"{round(value)}{unit}"
    assert hovers[period_label(before, "fr")] == f"{format_number(earlier, 1)}{unit}"
    assert trends.summary_line(look, tr).endswith(f"({round(value)}{unit})")


def test_the_last_period_skips_a_gap_back_to_the_previous_known_one(look, dataset, files):
    periods = series(files, "DEP-93", "taux_chomage")
    latest, before, earlier = periods[-1], periods[-2], periods[-3]
    rows = dataset.indicators
    holed = replace(
        dataset,
        indicators=rows[
            ~(
                (rows["territory_id"] == "DEP-93")
                & (rows["indicator_id"] == "taux_chomage")
                & (rows["period"] == before[0])
            )
        ],
    )
    change = trends.trend(look, index_of(look, holed), "DEP-93", "taux_chomage").change
    assert (change.latest, change.previous) == (latest[0], earlier[0])
    assert change.delta == round(latest[1] - earlier[1], 1)


def test_the_latest_period_differs_across_territories(look, index, files):
    departments = files[files["territory_id"].str.startswith("DEP-")]
    poverty = departments[departments["indicator_id"] == "taux_pauvrete"]
    latest = {
        territory: max(rows["period"], key=sort_key)
        for territory, rows in poverty.groupby("territory_id")
    }
    assert len(set(latest.values())) >= 2  # e.g. mainland 2021, overseas 2019
    for period in sorted(set(latest.values())):
        territory = min(t for t, p in latest.items() if p == period)
        known = series(files, territory, "taux_pauvrete")
        trend = trends.trend(look, index, territory, "taux_pauvrete")
        assert trend.lines[0].known[-1].period == period == known[-1][0]
        if len(known) >= 2:
            assert (trend.change.latest, trend.change.previous) == (period, known[-2][0])
        else:
            assert trend.change is None
            assert trend.short == "non disponible"


def expected_delta(files, territory_id: str, indicator_id: str, decimals: int) -> float:
    known = series(files, territory_id, indicator_id)
    return round(known[-1][1] - known[-2][1], decimals)


def signed(delta: float, decimals: int) -> str:
    return ("+" if delta > 0 else "\u2212") + format_number(abs(delta), decimals)


def test_the_change_sentence_of_a_higher_is_worse_indicator(look, index, files, meta):
    assert meta.loc["taux_chomage", "higher_is_worse"] == "true"
    known = series(files, "DEP-93", "taux_chomage")
    delta = expected_delta(files, "DEP-93", "taux_chomage", 1)
    assert delta != 0
    words = "en hausse, plus fragile" if delta > 0 else "en baisse, moins fragile"
    trend = trends.trend(look, index, "DEP-93", "taux_chomage")
    since = period_label(known[-2][0])
    assert trend.sentence == f"{signed(delta, 1)} pt depuis {since} : {words}"
    fragility = "plus fragile" if delta > 0 else "moins fragile"
    assert trend.short == f"{signed(delta, 1)} pt depuis {since} ({fragility})"
    first = round(known[-1][1] - known[0][1], 1)
    assert trend.since_first == f"Depuis {period_label(known[0][0])} : {signed(first, 1)} pt."


def test_the_change_sentence_of_a_higher_is_better_indicator(look, index, files, meta):
    assert meta.loc["niveau_vie_median", "higher_is_worse"] == "false"
    unit = meta.loc["niveau_vie_median", "unit"]
    known = series(files, "DEP-93", "niveau_vie_median")
    delta = expected_delta(files, "DEP-93", "niveau_vie_median", 0)
    assert delta != 0
    words = "en hausse, moins fragile" if delta > 0 else "en baisse, plus fragile"
    trend = trends.trend(look, index, "DEP-93", "niveau_vie_median")
    assert trend.sentence == f"{signed(delta, 0)} {unit} depuis {known[-2][0]} : {words}"


def test_the_change_sentence_in_english(dataset, files):
    look = profile.lookups(dataset, "en")
    trend = trends.trend(look, index_of(look), "DEP-93", "taux_chomage")
    known = series(files, "DEP-93", "taux_chomage")
    delta = expected_delta(files, "DEP-93", "taux_chomage", 1)
    words = "rising, more fragile" if delta > 0 else "falling, less fragile"
    number = ("+" if delta > 0 else "\u2212") + f"{abs(delta):.1f}"
    assert trend.sentence == f"{number} pts since {period_label(known[-2][0], 'en')}: {words}"


def point(period: str, value: float, vintage: str = EMBEDDED_ORIGIN) -> trends.Point:
    return trends.Point(period, position(period), value, vintage, "s")


def test_direction_stable_and_unoriented_changes():
    rising = (point("2016", 10.0), point("2022", 10.04))
    stable = trends.last_change(rising, 1, True)
    assert (stable.direction, stable.fragility, stable.delta) == ("stable", None, 0.0)
    meta = {"unit": "%", "decimals": 1}
    assert trends.change_sentence(stable, meta) == "stable depuis 2016"
    assert trends.change_sentence(stable, meta, short=True) == "stable depuis 2016"
    falling = trends.last_change((point("2016", 10.0), point("2022", 8.8)), 1, False)
    assert (falling.direction, falling.fragility) == ("down", "worse")
    assert (
        trends.change_sentence(falling, meta)
        == "\u22121,2 pt depuis 2016 : en baisse, plus fragile"
    )
    context = trends.last_change((point("2016", 10.0), point("2022", 11.0)), 1, None)
    assert trends.change_sentence(context, {"unit": "habitants", "decimals": 0}) == (
        "+1 habitants depuis 2016 : en hausse"
    )
    assert trends.last_change((point("2022", 11.0),), 1, True) is None
    assert (
        trends.change_sentence(None, meta)
        == "évolution non disponible (une seule période comparable)"
    )
    assert trends.change_sentence(None, meta, short=True) == "non disponible"


def test_points_of_different_vintages_are_never_joined_nor_compared():
    uploaded = "données importées : enquête"
    points = (point("2016", 10.0), point("2019", 11.0), point("2022", 14.0, uploaded))
    line = trends.Line("DEP-93", "Seine-Saint-Denis", "territory", points)
    xs, ys, _ = trends.drawn(line)
    assert ys == [10.0, 11.0, None, 14.0]  # a break between the two vintages
    assert xs[2] == pytest.approx((position("2019") + position("2022")) / 2)
    assert trends.last_change(points, 1, True) is None  # the upload's only period
    later = (*points, point("2023", 13.0, uploaded))
    change = trends.last_change(later, 1, True)
    assert (change.previous, change.first, change.delta) == ("2022", None, -1.0)
    mixed = (point("2016", 10.0), point("2019", 11.0, uploaded), point("2022", 14.0))
    change = trends.last_change(mixed, 1, True)  # the previous period of the same vintage
    assert (change.previous, change.delta) == ("2016", 4.0)


def test_an_uploaded_period_starts_a_new_series_in_the_drawn_line(look, dataset, files):
    known = series(files, "DEP-93", "taux_chomage")
    upload = pd.DataFrame(
        {
            "territory_id": ["DEP-93"],
            "indicator_id": ["taux_chomage"],
            "period": ["2024-T1"],
            "value": [known[-1][1] + 1.0],
            "source_id": [dataset.indicators["source_id"].iloc[0]],
            "note": [""],
            "origin": ["données importées : test"],
        }
    )
    combined = replace(dataset, indicators=pd.concat([dataset.indicators, upload]))
    trend = trends.trend(look, index_of(look, combined), "DEP-93", "taux_chomage")
    assert trend.change is None  # the uploaded quarter is never compared with embedded ones
    _, ys, _ = trends.drawn(trend.lines[0])
    assert ys[-2:] == [None, known[-1][1] + 1.0]
    assert ys[-3] == known[-1][1]


def test_the_summary_lists_the_most_marked_changes_each_way(look, index):
    model = trends.territory_trends(look, index, "DEP-93")
    by_id = {tr.indicator_id: tr for tr in model.trends}
    for side, items in (("worse", model.worse), ("better", model.better)):
        assert 1 <= len(items) <= trends.SUMMARY_SIZE
        changes = [by_id[i].change for i, _ in items]
        assert all(c.fragility == side for c in changes)
        sizes = [abs(c.scaled) for c in changes]
        assert sizes == sorted(sizes, reverse=True)
        others = [
            abs(tr.change.scaled)
            for tr in model.trends
            if tr.change
            and tr.change.fragility == side
            and tr.indicator_id not in dict(items)
            and tr.change.scaled is not None
        ]
        assert all(size <= sizes[-1] for size in others)
    first_id, first_line = model.worse[0]
    change = by_id[first_id].change
    assert first_line.startswith(f"{by_id[first_id].label} : ")
    assert f"entre {period_label(change.previous)} et {period_label(change.latest)}" in first_line


def test_the_change_is_ranked_against_the_spread_of_the_level(look, index, files):
    departments = files[
        files["territory_id"].str.startswith("DEP-") & (files["indicator_id"] == "taux_chomage")
    ]
    trend = trends.trend(look, index, "DEP-93", "taux_chomage")
    previous = departments[departments["period"] == trend.change.previous]["value"]
    known = series(files, "DEP-93", "taux_chomage")
    expected = (known[-1][1] - known[-2][1]) / previous.std(ddof=0)
    assert trend.change.scaled == pytest.approx(expected)


def test_every_charted_indicator_has_two_periods_and_a_valid_figure(look, index):
    model = trends.territory_trends(look, index, "DEP-93")
    assert len(model.charted) >= 5
    assert all(tr.n_periods >= 2 for tr in model.charted)
    assert {tr.indicator_id for tr in model.trends} - {tr.indicator_id for tr in model.charted}
    for tr in model.charted:
        figure = trend_figure(tr, int(look.meta[tr.indicator_id]["decimals"])).to_plotly_json()
        assert go.Figure(figure).to_dict() == figure  # what plotly's validation would accept
        assert figure["layout"]["separators"] == f",{NB}"
        assert figure["layout"]["title"]["text"] == look.meta[tr.indicator_id]["unit"]


def test_the_long_table_holds_every_period_with_unit_source_and_verification(
    look, index, files, meta, dataset
):
    model = trends.territory_trends(look, index, "DEP-93")
    table = trends.long_table(look, model)
    assert list(table.columns) == [
        "territory_id", "Territoire", "Rôle", "indicator_id", "Indicateur", "period", "Période",
        "Valeur", "Unité", "Source", "Vérification",
    ]  # fmt: skip
    own = table[table["territory_id"] == "DEP-93"]
    shown = {tr.indicator_id for tr in model.trends}
    expected = files[(files["territory_id"] == "DEP-93") & files["indicator_id"].isin(shown)]
    assert len(own) == len(expected)
    merged = own.merge(expected, on=["indicator_id", "period"], suffixes=("", "_file"))
    assert (merged["Valeur"] == merged["value"]).all()
    assert (merged["Unité"] == merged["indicator_id"].map(meta["unit"])).all()
    statuses = dataset.sources.set_index("source_id")["verification"]
    words = {
        "verified": "vérifié",
        "partly_verified": "vérification partielle",
        "unverified": "non vérifié",
    }
    assert (
        merged["Vérification"]
        == merged["source_id"].map(lambda s: words.get(statuses[s], "non évalué"))
    ).all()
    unemployment = table[(table["indicator_id"] == "taux_chomage")]
    assert set(unemployment["Rôle"]) == {"territoire", "référence", "région"}


def test_the_time_axis_labels_few_periods_by_name_and_long_series_by_year(look, index, files):
    youth = trends.trend(look, index, "DEP-93", "taux_chomage_15_24_rp")
    axis = trend_figure(youth, 1).to_plotly_json()["layout"]["xaxis"]
    periods = sorted(
        {
            p
            for line in youth.lines
            for p, _ in series(files, line.territory_id, youth.indicator_id)
        },
        key=sort_key,
    )
    assert axis["ticktext"] == [period_label(p) for p in periods]
    assert axis["tickvals"] == [position(p) for p in periods]
    unemployment = trends.trend(look, index, "DEP-93", "taux_chomage")
    axis = trend_figure(unemployment, 1).to_plotly_json()["layout"]["xaxis"]
    known = series(files, "DEP-93", "taux_chomage")
    first, last = int(known[0][0][:4]), int(known[-1][0][:4])
    years = [int(text) for text in axis["ticktext"]]
    assert first <= years[0] and years[-1] <= last and len(years) <= 7
    assert axis["tickvals"] == [y + 0.5 for y in years]  # mid-year, where a yearly value sits
    assert axis["range"][0] < position(known[0][0]) and axis["range"][1] > position(known[-1][0])


def test_hostile_labels_units_and_sources_reach_the_csv_as_inert_text(dataset):
    from hostile import PAYLOAD, hostile_layer

    from lib.datasets import combine
    from lib.export import safe_csv

    hostile = combine(dataset, [hostile_layer()])
    look = profile.lookups(hostile, "fr")
    model = trends.territory_trends(look, index_of(look), "REG-52")
    unemployment = next(tr for tr in model.charted if tr.indicator_id == "taux_chomage")
    assert unemployment.label.startswith(PAYLOAD)  # the layer's label, over every quarter
    assert unemployment.change is not None  # one vintage: the layer's rows replace them all
    data = safe_csv(trends.long_table(look, model))
    table = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    rows = table[table["indicator_id"] == "taux_chomage"]
    assert set(rows["Indicateur"]) == {unemployment.label}  # read back as written
    assert set(rows["Unité"]) == {unemployment.unit}
    assert all(source.startswith(PAYLOAD.split(" ")[0]) for source in rows["Source"])
    assert len(rows[rows["Rôle"] == "territoire"]) == unemployment.n_periods


def test_every_trend_label_has_french_and_english():
    from lib.labels.trends import LABELS

    assert all(key.startswith("trend_") for key in LABELS)
    assert all(entry.get("fr") and entry.get("en") for entry in LABELS.values())


def test_the_leading_trend_is_the_worst_change_else_the_best_else_the_first_drawn(look, index):
    """What the trends slide draws (lib.presentation.slides): the summary's first « s'aggrave », then its
    first « s'améliore », then the first indicator known at two periods."""
    whole = trends.territory_trends(look, index, "DEP-93")
    assert whole.worse and whole.better
    assert trends.leading(whole).indicator_id == whole.worse[0][0]
    better_only = replace(whole, worse=())
    assert trends.leading(better_only).indicator_id == whole.better[0][0]
    unranked = replace(whole, worse=(), better=())
    assert trends.leading(unranked) == whole.charted[0]
    single = [tr for tr in whole.trends if tr.n_periods < 2]
    assert trends.leading(replace(unranked, trends=tuple(single))) is None


def test_for_territory_is_the_key_figures_trends(look, index):
    assert trends.for_territory(look, "REG-32") == trends.territory_trends(look, index, "REG-32")
