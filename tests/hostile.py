"""One table of hostile strings, fed to every renderer by the tests (tests/test_safe_text.py,
the page tests and the browser tests), and how to read back what a person would see."""

from __future__ import annotations

import html
import re

from lib import cached
from lib.datasets import Layer
from lib.explore import HOME_INDICATOR
from lib.safe_text import WORD_JOINER

ATTACKER = "attacker.invalid"
HOSTILE = (
    "![](http://attacker.invalid/x)",
    "[clic](http://attacker.invalid)",
    r"$\rule{3000px}{3000px}$",
    r"$\color{red}{\Huge X}$",
    "$$x^2$$",
    "**gras** _penché_ ~~barré~~ `code`",
    ":material/warning: :material_home: :smile: :streamlit:",
    ":red[rouge] :blue-background[fond] :small[petit]",
    "http://attacker.invalid/a",
    "https://attacker.invalid/b",
    "www.attacker.invalid",
    "WWW.attacker.invalid/c",
    "a@attacker.invalid",
    "mailto:a@attacker.invalid",
    "<https://attacker.invalid/d>",
    "<img src=x onerror=alert(1)>",
    '<span style="background:url(http://attacker.invalid/p)">x</span>',
    '<a href="//attacker.invalid">x</a>',
    "x\n\n# titre\n\n<svg>",
    "- puce\n1. liste\n> citation",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "    bloc de code",
    '=HYPERLINK("http://attacker.invalid")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "&lt;b&gt; &#60;i&#62; &amp;",
    "fin \\",
    "\\",
    "a \\\\ b \\$ c",
    "ligne  \nsuivante",
    "x -> y <= z --",
)
PAYLOAD = " ¦ ".join(HOSTILE)  # a text carrying every hostile string
# Hostile strings an upload cell accepts (the input-side check refuses [ and ] only).
UPLOADABLE = tuple(text for text in HOSTILE if "[" not in text and "]" not in text)


def one_line(text: str) -> str:
    """What every renderer shows of `text`: line breaks folded, no outer space."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def shown_markdown(markdown: str) -> str:
    """The text `lib.safe_text.literal_markdown` output reads as (escapes and joiners removed)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")


def shown_html(markup: str) -> str:
    """The text `lib.safe_text.html_text` (or plotly) output reads as."""
    return html.unescape(markup).replace(WORD_JOINER, "")


def shown_table(frame):
    """An st.table's frame (lib.safe_text.literal_table) as read: cells and headers unescaped."""
    return frame.rename(columns=shown_markdown).map(
        lambda value: shown_markdown(value) if isinstance(value, str) else value
    )


def hostile_layer() -> Layer:
    """The embedded rows of every fact table copied with hostile texts (and the home
    indicator's metadata and values), all citing one hostile source."""
    dataset = cached.embedded_dataset()

    def hostile(frame, columns, id_column=None):
        changed = frame.drop(columns="origin").assign(
            **{c: PAYLOAD + " " + frame[c].fillna("") for c in columns}
        )
        if "source_id" in changed:
            changed["source_id"] = "hostile"
        if id_column:
            changed[id_column] = "H-" + frame[id_column]
        return changed

    meta = dataset.indicator_meta[dataset.indicator_meta["indicator_id"] == HOME_INDICATOR]
    rows = dataset.indicators[dataset.indicators["indicator_id"] == HOME_INDICATOR]
    sources = dataset.sources.head(1).drop(columns="origin")
    text_columns = [
        "title", "publisher", "year", "url_or_package", "licence", "note", "verification_note"
    ]  # fmt: skip
    perception_texts = ["actor_label", "study", "question", "year_note", "note"]
    alliance_texts = ["actor_label", "category", "study", "year_note", "note"]
    initiative_texts = ["name", "description", "territory_label", "quote", "note"]
    tables = {
        "sources": sources.assign(source_id="hostile", **dict.fromkeys(text_columns, PAYLOAD)),
        "indicator_meta": hostile(meta, ["label_fr", "label_en", "unit", "definition_fr"]),
        "indicators": hostile(rows, ["note"]),  # a period must parse: checked at the input
        "perceptions": hostile(dataset.perceptions, perception_texts, "perception_id"),
        "alliances": hostile(dataset.alliances, alliance_texts, "alliance_id"),
        "initiatives": hostile(dataset.initiatives, initiative_texts, "initiative_id"),
    }
    return Layer("hostile", "données importées : " + PAYLOAD, tables)
