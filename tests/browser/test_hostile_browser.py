"""Crafted links and uploaded texts in a real browser: whatever markup they hold, the page sends
no request outside the app, shows no link outside it (but to the embedded sources' pages, which
the profile cites) and draws no formula or icon from them; the notice quotes the crafted values
as text."""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from urllib.parse import urlencode, urlparse

import pytest

from lib.data import load_dataset
from lib.filters import MAX_QUOTED_LENGTH
from lib.safe_text import WORD_JOINER, shortened

pytestmark = pytest.mark.browser

# One hostile value per filter parameter of the URL (lib/filters.py), all in one link.
CRAFTED = {
    "level": "![](http://attacker.invalid/x)",
    "territory": "[clic](http://attacker.invalid)",
    "indicator": r"$\rule{3000px}{3000px}$",
    "method": "<img src=http://attacker.invalid/i onerror=alert(1)>",
    "area": "http://attacker.invalid/a www.attacker.invalid a@attacker.invalid",
    "lang": ":material/warning: :red[rouge] **gras** :smile:",
    "actor": '<span style="background:url(http://attacker.invalid/p)">x</span>',
    "domain": r'$\color{red}{\Huge X}$ <a href="//attacker.invalid">x</a>',
}
PAGES = ("", "carte", "profil", "sources", "presentation")
# What the page's own links may point to outside it: only the embedded sources' pages (the
# profile links the pages its perceived figures published outside the Observatoire were read on).
OUTSIDE = """() => [...document.querySelectorAll('a, img, image, [style*="url("]')].flatMap(e => {
    const value = e.href?.baseVal ?? e.href ?? e.src ?? e.getAttribute('style');
    return value ? [String(value)] : [];
  }).filter(v => !v.startsWith(location.origin) && !v.startsWith('#') && !v.startsWith('data:')
    && /(^|[^a-z])(https?:|\\/\\/|www\\.|mailto:)/i.test(v))"""
# Formulas, images, icons, colours and headings that only markup in a text could have drawn.
DRAWN_FROM_TEXT = """() => document.querySelectorAll(`.katex, .stMarkdownColoredText,
    .stMarkdownColoredBackground, [data-testid=stMarkdownContainer] img,
    [data-testid=stMarkdownContainer] [data-testid=stIconMaterial],
    :is([data-testid=stMarkdown], [data-testid=stCaptionContainer], [data-testid=stAlert],
        [data-testid=stTable]) :is(h1, h2, h3)`).length"""


@cache
def embedded_hosts() -> frozenset[str]:
    """Hosts of the embedded sources' addresses (data/sources*.csv)."""
    addresses = load_dataset().sources["url_or_package"]
    return frozenset(urlparse(a).netloc for a in addresses if a.startswith("http"))


def wait_until_idle(page) -> None:
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(1_000)  # images, fonts and charts started by the last run


def shown(text: str) -> str:
    """A text as read on the page (word joiners are invisible)."""
    return " ".join(text.replace(WORD_JOINER, "").split())


def assert_inert(page) -> None:
    assert page.external.blocked == []
    outside = {urlparse(link).netloc for link in page.evaluate(OUTSIDE)}
    assert outside <= embedded_hosts() and "attacker.invalid" not in outside
    assert page.evaluate(DRAWN_FROM_TEXT) == 0


@pytest.mark.parametrize("path", PAGES)
def test_a_crafted_link_quotes_every_filter_as_text_and_fetches_nothing(page, app_url, path):
    page.goto(f"{app_url}/{path}?{urlencode(CRAFTED)}")
    notice = page.locator("[data-testid=stAlert]", has_text="Valeurs inconnues du lien")
    notice.first.wait_for(timeout=60_000)
    wait_until_idle(page)
    quoted = ", ".join(
        f"{name}={shortened(value, MAX_QUOTED_LENGTH)}" for name, value in CRAFTED.items()
    )
    assert shown(notice.first.inner_text()) == shown(
        f"Valeurs inconnues du lien ignorées : {quoted}."
    )
    assert_inert(page)


@pytest.mark.parametrize("name", list(CRAFTED))
def test_each_filter_alone_on_the_home_page(page, app_url, name):
    page.goto(f"{app_url}/?{urlencode({name: CRAFTED[name]})}")
    notice = page.locator("[data-testid=stAlert]", has_text="Valeurs inconnues du lien")
    notice.first.wait_for(timeout=60_000)
    page.wait_for_selector("svg.svg-map path", timeout=60_000)
    wait_until_idle(page)
    value = shortened(CRAFTED[name], MAX_QUOTED_LENGTH)
    expected = f"Valeurs inconnues du lien ignorées : {name}={value}."
    assert shown(notice.first.inner_text()) == shown(expected)
    assert page.locator("svg.svg-map path").count() == 18
    assert_inert(page)


# An upload whose cells and source hold markup the input-side checks let through ([ ] aside).
LABEL = r"$\rule{3000px}{3000px}$ **gras** :material/warning: www.attacker.invalid <b>x</b>"
UNIT = '% <span style="background:url(http://attacker.invalid/p)">x</span>\n\n# titre\n\n<svg>'
SOURCE = (
    ("Titre", r"Enquête $\color{red}{\Huge X}$ http://attacker.invalid/t"),
    ("Éditeur", "a@attacker.invalid :smile:"),
    ("Licence", "CC :material/home:"),
    ("Année (facultatif)", "![](http://attacker.invalid/y)"),
)


HEADER = ("niveau", "code", "indicateur", "libelle", "domaine", "unite", "higher_is_worse")
HEADER += ("annee", "valeur")


def hostile_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(HEADER)
    for code, value in (("53", "12,5"), ("52", "9,5"), ("32", "10")):
        writer.writerow(
            ["region", code, "taux_chomage", LABEL, "emploi", UNIT, "true", "2023-T3", value]
        )
    return buffer.getvalue().encode("utf-8")


def test_uploaded_texts_show_as_text_on_the_map_and_the_profile(page, app_url):
    page.goto(f"{app_url}/importer")
    page.get_by_text("Fichier CSV ou Excel").first.wait_for(timeout=60_000)
    page.locator("input[type=file]").set_input_files(
        {"name": "hostile.csv", "mimeType": "text/csv", "buffer": hostile_csv()}
    )
    page.get_by_role("button", name="Valider la correspondance").click()
    for label, value in SOURCE:
        page.get_by_label(label, exact=True).fill(value)
        page.get_by_label(label, exact=True).press("Enter")
    page.get_by_role("button", name="Appliquer 3 lignes valides", exact=True).click()
    page.get_by_text("Import appliqué").first.wait_for(timeout=30_000)
    wait_until_idle(page)
    assert_inert(page)

    page.get_by_role("link", name="Carte").first.click()  # same session: the upload lives in it
    page.wait_for_function("() => document.querySelector('.js-plotly-plot')?.data", timeout=60_000)
    caption = page.get_by_text(re.compile(r"3000px")).first
    caption.wait_for(timeout=30_000)
    wait_until_idle(page)
    assert shown(LABEL) in shown(caption.inner_text())
    legend = page.evaluate(
        "() => document.querySelector('.js-plotly-plot .colorbar .cbtitle')?.textContent"
    )
    assert shown(legend) == shown(UNIT)
    assert page.locator(".js-plotly-plot a").count() == 0  # no link from plotly's markup
    assert_inert(page)

    page.get_by_role("link", name="Profil de territoire").first.click()
    page.get_by_role("button", name="Bretagne").first.click()
    page.get_by_role("heading", name=re.compile("Bretagne")).first.wait_for(timeout=60_000)
    wait_until_idle(page)
    figures = page.locator("[data-testid=stTable]").first.inner_text()
    assert shown(LABEL) in shown(figures) and "12,5" in figures
    assert_inert(page)
    cited = {urlparse(link).netloc for link in page.evaluate(OUTSIDE)}
    assert "www.institutmontaigne.org" in cited  # the embedded sources' pages stay linked

    page.get_by_role("link", name="Accueil").first.click()
    page.wait_for_selector("svg.svg-map path", timeout=60_000)
    wait_until_idle(page)
    assert page.locator("svg.svg-map path").count() == 18
    legend = page.locator(".svg-map-legend strong").inner_text()
    assert shown(legend) == shown(UNIT)
    assert_inert(page)
