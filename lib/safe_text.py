"""Untrusted text shown as literal text, whatever renders it.

Untrusted: every text that did not come from the project's own code (URL values, uploaded cells
and source fields, workshop titles and comments, story captions; data labels are treated alike).
One rule, one function per renderer:

- `literal_markdown`: Streamlit markdown (st.markdown, st.caption, st.title, alerts, widget
  labels, radio and segmented-control options): every ASCII punctuation backslash-escaped, line
  breaks folded; `literal_table` for st.table (its cells and headers are markdown too);
  `markdown_link` for a link whose text is literal (an embedded source's http(s) address).
- `html_text`: text inside HTML or SVG built by hand, including HTML that Streamlit's markdown
  renders (every ASCII punctuation as a character reference, line breaks folded: a blank line
  would end the HTML block and start markdown).
- `plotly_text`: plotly labels, hovers, titles, ticks and legends (its pseudo-HTML: `<`, `>`,
  `&` escaped).
- `document_text`: PPTX text (written as text; only the control characters XML refuses are
  dropped). matplotlib: `lib.static_charts` turns mathtext off (`$…$`); the PDF writes text as
  text; CSV and Excel cells go through `lib.export.escape_cell` (formulas).

Markdown and HTML also get an invisible word joiner (U+2060) after `:`, before `@`, inside `www.`
and inside `->`, `<=`, `--`…: Streamlit turns `http://…`, `www.…`, `a@b.c`, `:material_x:`,
`:smile:`, `:streamlit:` and those arrows found in the *rendered* text into links, icons or other
characters, which escaping cannot stop.
"""

from __future__ import annotations

import html
import re
import textwrap
from urllib.parse import quote

import pandas as pd

WORD_JOINER = "\u2060"
_LINE_BREAKS = re.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")
# After ":" (URL schemes, icon and emoji codes), before "@" (e-mail addresses), inside "www.",
# and inside the arrows and dashes Streamlit replaces ("->", "<=", "--"…).
_JOINED = re.compile(
    r"(?<=:)(?=\S)|(?<=\S)(?=@)|(?<=www)(?=\.)|(?<=[-<>~])(?=[->=])", re.IGNORECASE
)
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not allowed in XML 1.0
_HTTP = re.compile(r"https?://\S+", re.IGNORECASE)
_URL_SAFE = ":/?#@!$&+,;=%~"  # kept as is in a link's address; the rest is percent-encoded


def shortened(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, an ellipsis saying so (a quoted value, a table cell)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_line(text: object) -> str:
    """`text` as a string on one line: every line break (and the spaces around it) folded to a
    space, no leading or trailing space (an indented line would be code in markdown)."""
    return _LINE_BREAKS.sub(" ", str(text)).strip()


def _unlinked(text: object) -> str:
    return _JOINED.sub(WORD_JOINER, one_line(text))


def literal_markdown(text: object) -> str:
    """`text` shown as written by Streamlit's markdown (no emphasis, link, image, formula,
    colour, icon, emoji, autolink, HTML or line break can come from it)."""
    return _ASCII_PUNCTUATION.sub(r"\\\1", _unlinked(text))


def markdown_link(text: object, url: str) -> str:
    """`text`, literal, as a markdown link to `url` when it is an http(s) address without
    spaces (characters that could end or change the address, such as ( ) [ ] < > and quotes,
    percent-encoded); the literal text alone otherwise. For embedded data only: uploaded
    addresses are never linked."""
    if not _HTTP.fullmatch(url):
        return literal_markdown(text)
    return f"[{literal_markdown(text)}]({quote(url, safe=_URL_SAFE)})"


def literal_table(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` for st.table, whose cells and headers are markdown: every text made literal."""
    return frame.rename(columns=literal_markdown).map(
        lambda value: literal_markdown(value) if isinstance(value, str) else value
    )


def html_text(text: object) -> str:
    """`text` as literal HTML text or attribute value (quotes included), also inert when the
    HTML is rendered by Streamlit's markdown."""
    return _ASCII_PUNCTUATION.sub(lambda m: f"&#{ord(m.group(1))};", _unlinked(text))


def plotly_text(text: object) -> str:
    """`text` as literal text in a plotly figure (no tag, link or style from it)."""
    return html.escape(one_line(text), quote=False)


def plotly_wrapped(text: object, width: int) -> str:
    """`plotly_text` on lines of about `width` characters (plotly's `<br>`), broken at spaces."""
    lines = textwrap.wrap(one_line(text), width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(plotly_text(line) for line in lines)


def document_text(text: object) -> str:
    """`text` for a document written as text (PPTX): control characters removed, since XML
    refuses them (tab and line breaks kept)."""
    return _CONTROL.sub("", str(text))
