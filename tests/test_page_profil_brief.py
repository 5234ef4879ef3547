"""Profile page (AppTest): the « En bref » block and its two downloads come before the long
sections; the downloads are made on click only, the same files as those lower down."""

from apptest_pages import open_view
from download_capture import capture_downloads, served
from hostile import shown_markdown, shown_table

import lib.onepager

BRIEF = "profil_screen_brief"
TOP_BUTTONS = ("profil_brief_pdf", "profil_download_brief")
LOWER_BUTTONS = ("profil_download_pdf", "profil_download")


def in_order(node) -> list:
    """Every block and element of the page, in the order they are shown."""
    children = getattr(node, "children", None)
    if not isinstance(children, dict):
        return [node]
    return [node] + [n for key in sorted(children) for n in in_order(children[key])]


def position(nodes: list, test) -> int:
    return next(i for i, node in enumerate(nodes) if test(node))


def keyed(key: str):
    return lambda node: getattr(node, "key", None) == key


def header(text: str):
    return lambda node: getattr(node, "type", None) == "header" and node.value == text


def buttons(at) -> dict:
    """key -> download button."""
    return {b.key: b for b in at.get("download_button")}


def test_the_brief_and_its_downloads_come_before_the_long_sections(monkeypatch):
    files = capture_downloads(monkeypatch)
    made = []
    make = lib.onepager.territory_onepager_pdf
    monkeypatch.setattr(
        lib.onepager,
        "territory_onepager_pdf",
        lambda *args, **kwargs: made.append(kwargs) or make(*args, **kwargs),
    )
    at = open_view("profil", territory="DEP-93")
    nodes = in_order(at.main)
    brief = position(nodes, keyed(BRIEF))
    first_long = position(nodes, header("Chiffres clés"))
    assert position(nodes, header("En bref")) == brief + 1
    tops = [position(nodes, keyed(key)) for key in TOP_BUTTONS]
    assert all(brief < top < first_long for top in tops)
    subheaders = [shown_markdown(n.value) for n in nodes[brief:first_long] if n.type == "subheader"]
    assert subheaders[:2] == ["Les domaines les plus fragiles", "Ce que perçoivent les acteurs"]
    # the same downloads lower down, each key unique, nothing made while the page runs
    shown = buttons(at)
    assert len(at.get("download_button")) == len(shown) == 5
    assert all(position(nodes, keyed(key)) > first_long for key in LOWER_BUTTONS)
    for top, lower in zip(TOP_BUTTONS, LOWER_BUTTONS, strict=True):
        assert shown[top].proto.label == shown[lower].proto.label
        assert shown[top].proto.deferred_file_id and shown[lower].proto.deferred_file_id
    assert made == []
    assert served(files, shown["profil_download_brief"]) == served(files, shown["profil_download"])
    pdf = served(files, shown["profil_brief_pdf"])  # the click
    assert pdf.startswith(b"%PDF")
    assert made == [{"area": "auto", "method": "minmax", "lang": "fr", "actors": ()}]


def test_the_top_csv_follows_the_separator_chosen_lower_down(monkeypatch):
    files = capture_downloads(monkeypatch)
    at = open_view("profil", territory="REG-32")
    assert served(files, buttons(at)["profil_download_brief"]).decode("utf-8-sig").count(";") > 10
    at.radio(key="profil_separator").set_value(",").run()
    comma = served(files, buttons(at)["profil_download_brief"])
    assert comma == served(files, buttons(at)["profil_download"])
    assert comma.decode("utf-8-sig").splitlines()[0].startswith("Indicateur,Valeur,")


def test_the_brief_in_english():
    at = open_view("profil", territory="DEP-93", lang="en")
    assert [h.value for h in at.header][:2] == ["In brief", "Key figures"]
    shown = [shown_markdown(m.value) for m in at.markdown]
    lines = [text for text in shown if ": index " in text]
    assert len(lines) == 3
    assert all(" of 96 metropolitan departments" in line for line in lines)
    assert any(text.startswith("**Citizens** (national figures): ") for text in shown)
    labels = [buttons(at)[key].proto.label for key in TOP_BUTTONS]
    assert labels == [
        "Download the territory fact sheet (PDF)",
        "Download the profile's figures (CSV)",
    ]


def test_the_long_lists_start_closed():
    """The trend charts are drawn once opened; the alliance practices' table starts closed."""
    at = open_view("profil", territory="REG-32")
    assert not [c for c in at.get("plotly_chart") if "-profil_trend_" in c.proto.id]
    charts = at.expander("profil_trend_charts")
    assert charts.label.startswith("Afficher les courbes des ")
    assert charts.label.endswith(" indicateurs suivis dans le temps")
    n_charts = int(charts.label.split()[4])
    practices = at.expander("profil_alliance_practices")
    assert practices.label.endswith(" pratiques d'alliance connues")
    assert not practices.proto.expanded
    [table] = practices.table
    n = int(practices.label.split()[2])
    assert len(shown_table(table.value)) == n > 10
    at.session_state["profil_trend_charts"] = True
    at.run()
    drawn = [c for c in at.get("plotly_chart") if "-profil_trend_" in c.proto.id]
    assert len(drawn) == n_charts >= 5
