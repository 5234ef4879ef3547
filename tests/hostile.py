"""One table of hostile strings, fed to every renderer by the tests (tests/test_safe_text.py,
the page tests and the browser tests), and how to read back what a person would see."""

from __future__ import annotations

import html
import re

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
