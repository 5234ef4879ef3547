"""Every page (AppTest) with a layer whose every text is hostile (tests/hostile.py): nothing the
pages render reads it as markup. The input-side checks are bypassed on purpose (the layer is
built directly): the display side alone must keep it inert."""

from __future__ import annotations

import json
import re

import pytest
from apptest_pages import open_view
from google.protobuf.json_format import MessageToDict
from hostile import HOSTILE, hostile_layer, one_line, shown_html, shown_markdown

from lib import datasets
from lib.datasets import Layer
from lib.safe_text import WORD_JOINER

FILTER_PARAMS = (
    "level",
    "territory",
    "indicator",
    "change_from",
    "method",
    "area",
    "lang",
    "actor",
    "domain",
)
# Hostile strings markdown would read as markup: found as written in a rendered text once its
# backslash escapes are taken out, they are live (literal_markdown escapes every punctuation).
LIVE_IN_MARKDOWN = [one_line(h) for h in HOSTILE if re.search(r"[!-/:-@\[-`{-~]", h)]
LIVE_IN_PLOTLY = [one_line(h) for h in HOSTILE if re.search(r"[<>&]", h)]
# Elements whose text is never read as markup (plain text widgets, data grids, code).
PLAIN = {"selectbox", "multiselect", "text_input", "text_area", "dataframe", "code", "text"}


@pytest.fixture(scope="module")
def layer() -> Layer:
    return hostile_layer()


def nodes(node):
    """Every block and element under `node` (AppTest's element tree)."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from nodes(child)


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


def rendered(at) -> tuple[list[str], list[str]]:
    """The texts every element hands to Streamlit's markdown (labels, captions, tables...) and
    the texts of the plotly figures."""
    markdown, plotly = [], []
    for node in [*nodes(at.main), *nodes(at.sidebar)]:
        kind = getattr(node, "type", "")
        if kind in PLAIN or getattr(node, "proto", None) is None:
            continue
        if kind == "plotly_chart":
            plotly += strings(json.loads(node.proto.spec))
        elif kind == "table":
            frame = node.value
            markdown += [str(c) for c in frame.columns] + strings(frame.astype(str).values.tolist())
        else:
            markdown += strings(MessageToDict(node.proto))
    return markdown, plotly


PAGES = [  # (page, URL parameters, whether it shows a text of the layer outside data grids)
    (None, {}, True),
    ("carte", {}, True),
    ("carte", {"level": "department", "territory": "REG-52"}, True),
    ("profil", {"territory": "REG-52"}, True),
    ("profil", {"territory": "REG-32", "lang": "en"}, True),
    # metropolitan regions by default: the layer's unemployment rate enters the indices, its
    # label and source reach the provenance captions
    ("comparer", {}, True),
    ("alliances", {}, True),
    ("initiatives", {}, True),
    ("sources", {}, True),
    ("presentation", {"territory": "REG-52"}, True),
]


@pytest.mark.parametrize(("view", "query", "shows_texts"), PAGES)
def test_hostile_texts_are_shown_as_text_on_every_page(
    monkeypatch, layer, view, query, shows_texts
):
    monkeypatch.setattr(datasets, "PROVIDERS", [lambda _state: [layer]])
    at = open_view(view, **query)
    markdown, plotly = rendered(at)
    bare = [re.sub(r"\\[!-/:-@\[-`{-~]", "", text) for text in markdown]  # escapes taken out
    live = {h for text in bare for h in LIVE_IN_MARKDOWN if h in text}
    assert not live, f"read as markdown: {sorted(live)}"
    live = {h for text in plotly for h in LIVE_IN_PLOTLY if h in text}
    assert not live, f"read as plotly markup: {sorted(live)}"
    shown = " ".join([*map(shown_markdown, markdown), *map(shown_html, plotly)])
    assert (one_line(HOSTILE[0]) in shown) == shows_texts  # the payload reached it, as text


@pytest.mark.parametrize("param", FILTER_PARAMS)
def test_a_crafted_link_is_quoted_as_text_in_its_notice(param):
    at = open_view("profil", **{param: HOSTILE[0]})
    (warning,) = at.warning
    assert warning.value == (
        r"Valeurs inconnues du lien ignorées \: "
        + param.replace("_", r"\_")  # literal markdown: every punctuation escaped
        + rf"\=\!\[\]\(http\:{WORD_JOINER}\/\/attacker\.invalid\/x\)\."
    )


def test_the_notice_is_shown_by_a_page_that_switches_at_once_then_goes():
    at = open_view("presentation", territory="REG-99")  # the page opens the presentation mode
    assert at.query_params["mode"] == "presentation"
    assert [shown_markdown(w.value) for w in at.warning] == [
        "Valeurs inconnues du lien ignorées : territory=REG-99."
    ]
    at.run()
    assert not at.warning
