"""The organiser's live chart: whole domain labels (wrapped, never cut), most chosen first."""

import plotly.graph_objects as go

from lib.charts.workshop import LABEL_WIDTH, votes_bars, wrapped

LONG = "Emploi, chômage, insertion professionnelle"


def test_a_long_label_is_wrapped_at_spaces_and_keeps_every_word():
    lines = wrapped(LONG).split("<br>")
    assert " ".join(lines) == LONG
    assert all(len(line) <= LABEL_WIDTH for line in lines) and len(lines) == 2


def test_bars_come_most_chosen_first_with_their_share_in_the_language():
    figure = votes_bars([LONG, "Santé, accès aux soins", "Logement"], [40.0, 100.0, 66.7], "fr")
    go.Figure(figure.to_dict())  # valid for plotly (the page builds it without validation)
    (bars,) = figure.data
    assert [label.replace("<br>", " ") for label in bars.y] == [
        "Santé, accès aux soins",
        "Logement",
        LONG,
    ]
    assert list(bars.x) == [100.0, 66.7, 40.0]
    assert list(bars.text) == ["100\u202f%", "67\u202f%", "40\u202f%"]
    english = votes_bars(["Housing"], [66.7], "en")
    assert list(english.data[0].text) == ["67%"]
    assert english.layout.xaxis.title.text == "Share of participants (%)"
