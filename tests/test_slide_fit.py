"""A projected slide fits one screen: three lines at most, a table without its figures column,
the room's chart limited to its most chosen domains, a chart never taller than the cap, the
sources named by publisher when there are too many — and everything left out in the notes."""

from types import SimpleNamespace

import pandas as pd
import plotly.graph_objects as go

from lib import profile
from lib.datasets import VERIFICATION_LABELS
from lib.presentation import charts as presentation_charts
from lib.presentation import presenting, slides
from lib.presentation.charts import SLIDE_CHART_HEIGHT, for_slide, most_chosen, perception_bars
from lib.presentation.slides import OnScreen, PerceptionChart, Slide, on_screen, sourced

TABLE = pd.DataFrame(
    {
        "Acteur": ["Citoyens", "Entreprises"],
        "Chiffres": ["PHARE-Citoyens — chiffres nationaux", "PHARE-Entreprises — France"],
        "Priorités perçues": ["Emploi", "Santé"],
    }
)


def a_slide(**changes) -> Slide:
    fields = {
        "kind": "perceptions",
        "title": "Titre",
        "caption": "",
        "lines": ("un", "deux", "trois", "quatre", "cinq"),
        "source_line": "Source : INSEE, Titre (2021)",
        "notes": ("méthode",),
    }
    return Slide(**(fields | changes))


def test_three_lines_on_screen_the_others_open_the_notes():
    screen = on_screen(a_slide())
    assert screen == OnScreen(("un", "deux", "trois"), None, ("quatre", "cinq", "méthode"))


def test_a_table_loses_its_figures_column_said_row_by_row_in_the_notes():
    screen = on_screen(a_slide(lines=("un",), table=TABLE))
    assert list(screen.table.columns) == ["Acteur", "Priorités perçues"]
    assert screen.notes == (
        "Citoyens : PHARE-Citoyens — chiffres nationaux",
        "Entreprises : PHARE-Entreprises — France",
        "méthode",
    )
    assert list(TABLE.columns) == ["Acteur", "Chiffres", "Priorités perçues"]  # unchanged


def test_the_rooms_chart_replaces_its_table_on_screen():
    chart = PerceptionChart((), (), ())
    screen = on_screen(a_slide(kind="workshop", lines=("un",), table=TABLE, chart=chart))
    assert screen.table is None
    assert screen.notes[0] == "Citoyens · PHARE-Citoyens — chiffres nationaux · Emploi"


def test_up_to_three_sources_are_cited_in_full(dataset):
    ids = list(dataset.sources["source_id"][:3])
    assert sourced(dataset, ids) == {"source_line": slides.source_line(dataset, ids)}


def test_more_sources_are_named_by_publisher_with_the_unverified_ones_counted(dataset):
    sources = dataset.sources
    unchecked = sources[sources["verification"].isin(list(VERIFICATION_LABELS))]
    checked = sources[~sources["source_id"].isin(unchecked["source_id"])]
    ids = [*checked["source_id"][:3], *unchecked["source_id"][:2]]
    result = sourced(dataset, ids)
    publishers = ", ".join(sorted(set(sources.set_index("source_id").loc[ids, "publisher"])))
    assert result["source_line"] == (
        f"Sources : {publishers} (5 sources dont 2 non vérifiées ou en partie, détaillées dans "
        "les notes)"
    )
    assert result["source_detail"] == slides.source_line(dataset, ids)
    assert on_screen(a_slide(lines=(), **result)).notes[-1] == result["source_detail"]


def test_a_chart_is_never_taller_than_the_cap():
    assert for_slide(go.Figure(), rows=2).layout.height == 160 + 40 * 1.5 * 2
    assert for_slide(go.Figure(), rows=16).layout.height == SLIDE_CHART_HEIGHT
    assert for_slide(go.Figure(layout={"height": 2000})).layout.height == SLIDE_CHART_HEIGHT


def block(values: dict[str, float]) -> profile.PerceptionBlock:
    frame = pd.DataFrame(
        {
            "domain_id": list(values),
            "value": list(values.values()),
            "label": list(values),
            "value_text": [f"{v} %" for v in values.values()],
        }
    )
    return profile.PerceptionBlock(
        group=SimpleNamespace(measure="share"), scope="", frame=frame, caption=""
    )


def test_the_rooms_chart_shows_the_domains_a_profile_chose_most(monkeypatch):
    monkeypatch.setattr(presentation_charts, "ROOM_DOMAINS", 3)
    chart = PerceptionChart(
        (
            block({"emploi": 80, "sante": 10, "logement": float("nan")}),
            block({"emploi": 5, "sante": 60, "mobilite": 70, "culture": 1}),
        ),
        ("Citoyens", "Entreprises"),
        (1, 2),
    )
    assert most_chosen(chart, 3) == ["emploi", "mobilite", "sante"]
    figure = perception_bars(chart)
    assert [list(trace.y) for trace in figure.data] == [
        ["emploi", "sante"],  # its "logement" is not available: never a top domain
        ["emploi", "sante", "mobilite"],  # its "culture" is not among the room's top 3
    ]


def test_the_clicker_keys_of_a_slide():
    assert presenting.clicker_keys(0, 5) == [
        ("pres_key_PageDown", 1, "PageDown"),
        ("pres_key_Space", 1, "Space"),
    ]
    assert presenting.clicker_keys(4, 5) == [
        ("pres_key_PageUp", 3, "PageUp"),
        ("pres_key_Home", 0, "Home"),
    ]
