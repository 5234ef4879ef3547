"""lib/safe_text: every hostile string of tests/hostile.py comes out inert in each form."""

import re

import pandas as pd
import pytest
from hostile import HOSTILE, one_line, shown_html, shown_markdown

from lib.safe_text import (
    WORD_JOINER,
    html_text,
    literal_markdown,
    literal_table,
    markdown_link,
    plotly_text,
    plotly_wrapped,
)

UNESCAPED_PUNCTUATION = re.compile(r"(?<!\\)(?:\\\\)*[!-/:-@\[-`{-~]")


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escapes_every_punctuation_and_reads_back_as_written(text):
    markdown = literal_markdown(text)
    bare = re.sub(r"\\[!-/:-@\[-`{-~]", "", markdown)
    assert not re.search(r"[!-/:-@\[-`{-~]", bare)
    assert "\n" not in markdown and not markdown.startswith(" ")
    assert shown_markdown(markdown) == one_line(text)


def test_markdown_breaks_what_streamlit_finds_in_rendered_text():
    j = WORD_JOINER
    assert literal_markdown("http://a.fr www.a.fr a@a.fr") == (
        rf"http\:{j}\/\/a\.fr www{j}\.a\.fr a{j}\@a\.fr"
    )
    assert literal_markdown(":material_home: :smile:") == rf"\:{j}material\_home\: \:{j}smile\:"
    assert literal_markdown("a -> b") == rf"a \-{j}\> b"
    assert literal_markdown("**gras** [lien](http://x) :red[rouge] $x$") == (
        rf"\*\*gras\*\* \[lien\]\(http\:{j}\/\/x\) \:{j}red\[rouge\] \$x\$"
    )
    assert literal_markdown("Atelier Brest 2026 é") == "Atelier Brest 2026 é"
    assert literal_markdown("Source : Insee") == r"Source \: Insee"


@pytest.mark.parametrize("text", HOSTILE)
def test_html_text_has_no_markup_character_left(text):
    markup = html_text(text)
    assert not re.search(r"[<>\"'\n]|&(?!#\d+;)", markup)
    assert not re.search(r"[!-/:-@\[-`{-~]", re.sub(r"&#\d+;", "", markup))
    assert shown_html(markup) == one_line(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_plotly_text_has_no_tag_left(text):
    escaped = plotly_text(text)
    assert "<" not in escaped and ">" not in escaped and "\n" not in escaped
    assert not re.search(r"&(?!(?:lt|gt|amp);)", escaped)
    assert shown_html(escaped) == one_line(text)


def test_plotly_wrapped_breaks_at_spaces_and_escapes_each_line():
    assert plotly_wrapped("Emploi, chômage, insertion professionnelle", 14) == (
        "Emploi,<br>chômage,<br>insertion<br>professionnelle"
    )
    assert plotly_wrapped("Emploi, chômage, insertion professionnelle", 26) == (
        "Emploi, chômage, insertion<br>professionnelle"
    )
    assert plotly_wrapped("Logement", 14) == "Logement"
    assert plotly_wrapped("<b>gras</b> & <i>penché</i>", 12) == (
        "&lt;b&gt;gras&lt;/b&gt;<br>&amp;<br>&lt;i&gt;penché&lt;/i&gt;"
    )


def test_literal_table_escapes_text_cells_and_headers_and_keeps_numbers():
    frame = pd.DataFrame({"**Titre**": ["[a](http://x)", None], "Valeur": [1.5, float("nan")]})
    table = literal_table(frame)
    assert list(table.columns) == [r"\*\*Titre\*\*", "Valeur"]
    assert table.iloc[0, 0] == rf"\[a\]\(http\:{WORD_JOINER}\/\/x\)"
    assert pd.isna(table.iloc[1, 0])
    assert table["Valeur"].iloc[0] == 1.5 and pd.isna(table["Valeur"].iloc[1])


@pytest.mark.parametrize("text", HOSTILE)
def test_a_link_keeps_its_text_literal_and_its_address_closed(text):
    link = markdown_link(text, "https://example.org/a(b)[c]<d>'e\"f`g")
    shown, address = re.fullmatch(r"\[(.*)\]\(([^()\s]*)\)", link).groups()
    assert shown_markdown(shown) == one_line(text)
    assert address == "https://example.org/a%28b%29%5Bc%5D%3Cd%3E%27e%22f%60g"


def test_only_http_addresses_become_links():
    assert markdown_link("Insee", "https://www.insee.fr/fr/statistiques?x=1&y=2") == (
        "[Insee](https://www.insee.fr/fr/statistiques?x=1&y=2)"
    )
    for address in (
        "javascript:alert(1)",
        "data:text/html,x",
        "//attacker.invalid",
        "https://a.fr/x y",
        "PyPI x",
    ):
        assert markdown_link("Insee (x)", address) == r"Insee \(x\)"
