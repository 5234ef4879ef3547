"""Territory fact sheet as PDF (lib/onepager.py): the text read back from the PDF (pypdf) holds
the territory, its figures computed again here from the data files, and their sources."""

import io
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from lib import explore, profile, trends
from lib.formatting import format_number, format_value
from lib.onepager import TREND_SIZE, pixels, territory_onepager_pdf
from lib.periods import period_label, sort_key

WHEN = datetime(2026, 11, 23, 14, 5, tzinfo=ZoneInfo("Europe/Paris"))
NA = "non disponible"


def read(data: bytes) -> tuple[int, str]:
    """Page count and text of a PDF."""
    assert data.startswith(b"%PDF-")
    pages = PdfReader(io.BytesIO(data)).pages
    return len(pages), "\n".join(page.extract_text() for page in pages)


def flat(text: str) -> str:
    """Whitespace (line breaks of wrapped cells, narrow no-break spaces) as single spaces."""
    return " ".join(text.split())


def line_of(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(start))


def value_text(dataset, territory_id: str, indicator_id: str) -> str:
    rows = dataset.indicators
    rows = rows[(rows["territory_id"] == territory_id) & (rows["indicator_id"] == indicator_id)]
    value = rows.set_index("period")["value"][max(rows["period"], key=sort_key)]  # latest
    meta = dataset.indicator_meta.set_index("indicator_id").loc[indicator_id]
    return format_value(value, str(meta["unit"]), int(meta["decimals"]))


def source_text(dataset, source_id: str) -> str:
    row = dataset.sources.set_index("source_id").loc[source_id]
    return f"{row['publisher']}, {row['title']} ({row['year']})"


@pytest.fixture(scope="module")
def hauts_de_france(dataset) -> tuple[int, str]:
    return read(territory_onepager_pdf(dataset, "REG-32", area="metro", generated_at=WHEN))


def test_title_date_and_key_figures_computed_from_the_data(hauts_de_france, dataset):
    pages, text = hauts_de_france
    assert pages in (3, 4)  # 27 key figures with their changes, a trend chart, 16 domains
    assert text.startswith("Hauts-de-France — région\n")
    assert "générée le 23/11/2026 à 14:05" in text
    assert "page 1/" in text and f"page {pages}/{pages}" in text
    assert value_text(dataset, "REG-32", "population") in text  # "5 995 298 habitants"
    unemployment = line_of(text, "Taux de chômage localisé")
    assert value_text(dataset, "REG-32", "taux_chomage") in unemployment
    assert "T3 2023" in unemployment
    assert value_text(dataset, "FR-HM", "taux_chomage") in unemployment  # benchmark
    # no GP density for regions: said (its value and its change), never shown as 0
    assert f"Densité de médecins généralistes {NA} 2023 {NA}" in flat(text)


def test_domain_indices_and_ranks_as_computed_among_metropolitan_regions(hauts_de_france, dataset):
    _, text = hauts_de_france
    regions = explore.scope_territories(dataset, "region", None, "metro")
    table = explore.index_table(dataset, list(regions["territory_id"]), "minmax")
    wide = table.domains.pivot(index="territory_id", columns="domain_id", values="index")
    labels = dict(zip(dataset.domains["domain_id"], dataset.domains["label_fr"], strict=True))
    known = [d for d in labels if d in wide and wide[d].notna().any()]
    assert len(known) >= 3
    for domain in known:
        column = wide[domain].dropna()
        rank = int((column > column["REG-32"]).sum()) + 1
        row = f"{format_number(column['REG-32'], 1)} {rank}{'er' if rank == 1 else 'e'} sur "
        assert f"{row}{len(column)} {format_number(column.median(), 1)}" in text, domain
    missing = [labels[d] for d in labels if d not in known]
    assert f"Indice non disponible pour : {' ; '.join(missing)}." in flat(text)


def test_every_source_is_listed_with_its_year(hauts_de_france, dataset):
    _, text = hauts_de_france
    listed = flat(text.split("Sources des chiffres de cette fiche")[1])
    perceptions = dataset.perceptions
    default_group = perceptions[  # the profile's default reading: citizens, PHARE-Citoyens notes
        (perceptions["actor_id"] == "citoyens")
        & (perceptions["territory_id"] == "FR")
        & (perceptions["study"] == "PHARE-Citoyens")
        & (perceptions["measure"] == "score")
    ]
    practices = dataset.alliances[
        (dataset.alliances["dimension"] == "practice") & (dataset.alliances["territory_id"] == "FR")
    ]
    shown = dataset.indicators[  # the periods the sheet shows: the latest of each
        (dataset.indicators["territory_id"] == "REG-32")
        & dataset.indicators["indicator_id"].isin(["taux_chomage", "population"])
    ]
    latest = shown.loc[
        shown.groupby("indicator_id")["period"].transform(lambda p: p == max(p, key=sort_key))
    ]
    expected = {
        "geo-admin-express",  # the map's boundaries
        *latest["source_id"],
        *default_group["source_id"],
        *practices["source_id"],
    }
    for source_id in expected:
        assert flat(source_text(dataset, source_id)) in listed, source_id


def test_perceived_vs_objective_reading_and_alliance_practices(hauts_de_france, dataset):
    _, text = hauts_de_france
    assert "Lecture pour : Citoyens — PHARE-Citoyens" in text
    reading = line_of(text, "Emploi, chômage, insertion professionnelle 7,1 /10 1er")
    assert reading.endswith(("priorité partagée", "perçu seulement"))
    practices = dataset.alliances[dataset.alliances["dimension"] == "practice"]
    for row in practices[practices["actor_id"] == "entreprises"].itertuples():
        assert f"Entreprises {row.category} {row.value:.0f} %" in flat(text)
    others = len(dataset.alliances[dataset.alliances["territory_id"] == "FR"]) - len(
        practices[practices["territory_id"] == "FR"]
    )  # Hauts-de-France has no regional alliance figure
    assert f"{others} autres chiffres" in text


def test_apostrophes_and_french_quotes_survive(dataset):
    name = "Hauts-de-France « l’essai » 2 €"
    territories = dataset.territories.copy()
    territories.loc[territories["territory_id"] == "REG-32", "name"] = name
    data = territory_onepager_pdf(replace(dataset, territories=territories), "REG-32")
    _, text = read(data)
    assert text.startswith(f"{name} — région\n")
    assert f"En bleu : {name}, parmi les régions de France" in text
    assert PdfReader(io.BytesIO(data)).metadata.title == f"{name} — région"


def test_missing_figures_read_not_available_never_zero(dataset):
    rows = dataset.indicators
    without = rows[
        ~((rows["territory_id"] == "REG-32") & (rows["indicator_id"].str[:12] == "taux_chomage"))
    ]
    data = territory_onepager_pdf(replace(dataset, indicators=without), "REG-32", area="metro")
    pages, text = read(data)
    assert pages <= 4
    assert value_text(dataset, "REG-32", "taux_chomage") not in text
    assert line_of(text, "Taux de chômage localisé").startswith(f"Taux de chômage localisé {NA}")
    # the rate no longer covers every region: no employment index, in words, never 0
    assert "Indice non disponible pour : Emploi, chômage, insertion professionnelle ;" in flat(text)
    reading = line_of(text, "Emploi, chômage, insertion professionnelle 7,1 /10 1er")
    assert reading.endswith(f"{NA} {NA} {NA}") and "0,0" not in reading


@pytest.mark.parametrize(
    ("territory_id", "lang", "first_words"),
    [
        ("REG-06", "fr", "Mayotte — région"),  # few figures: many "non disponible"
        ("REG-52", "fr", "Pays de la Loire — région"),  # regional perceptions and alliances
        ("DEP-29", "en", "Finistère (29) — department, Bretagne region"),
    ],
)
def test_at_most_four_pages_whatever_the_territory(dataset, territory_id, lang, first_words):
    pages, text = read(territory_onepager_pdf(dataset, territory_id, lang=lang))
    assert 1 <= pages <= 4  # 3 for most; the trend chart and the « Évolution » column since #15
    assert text.startswith(first_words)
    assert ("not available" if lang == "en" else NA) in text
    if lang == "en":
        assert "Key figures" in text and "Sources of the figures in this sheet" in text


def test_lines_are_set_flush_left_never_stretched_to_the_width(dataset):
    """A title that wraps was justified: "Seine-Saint-Denis  (93)  —  département" (issue #19)."""
    _pages, text = read(
        territory_onepager_pdf(dataset, "DEP-93", area="auto", method="minmax", lang="fr")
    )
    assert text.startswith("Seine-Saint-Denis (93) — département, région\nÎle-de-France\n")
    assert "  " not in text.split("\n")[0]


# --- trends (issue #15) -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seine_saint_denis(dataset) -> bytes:
    return territory_onepager_pdf(dataset, "DEP-93", generated_at=WHEN)


def test_key_figures_have_a_change_column_as_lib_trends_computes_it(seine_saint_denis, dataset):
    _, text = read(seine_saint_denis)
    look = profile.lookups(dataset, "fr")
    by_id = {tr.indicator_id: tr for tr in trends.for_territory(look, "DEP-93").trends}
    assert "Indicateur Valeur Période Évolution Repère Source" in text
    unemployment = by_id["taux_chomage"]
    assert unemployment.change.fragility == "worse" and unemployment.short.endswith("fragile)")
    period = line_of(text, "Taux de chômage localisé").split(
        value_text(dataset, "DEP-93", "taux_chomage")
    )[1]
    assert flat(period).startswith(f"T3 2023 {unemployment.short} ")  # "+0,3 pt depuis T2 2023 …"
    single = next(tr for tr in by_id.values() if tr.change is None)  # one period only
    assert single.short == NA
    latest = max(single.lines[0].known, key=lambda p: p.position)
    assert f"{single.label} " in flat(text)
    assert f"{period_label(latest.period)} {NA}" in flat(text).split(single.label)[1][:120]


def test_the_first_key_figure_is_drawn_over_time_with_its_last_change(seine_saint_denis, dataset):
    reader = PdfReader(io.BytesIO(seine_saint_denis))
    look = profile.lookups(dataset, "fr")
    drawn = trends.for_territory(look, "DEP-93").charted[0]
    assert drawn.indicator_id == "taux_chomage"  # the key figures' first indicator
    page = next(
        p for p in reader.pages if "Évolution : Taux de chômage localisé" in p.extract_text()
    )
    sizes = [image.image.size for image in page.images]
    assert pixels(TREND_SIZE) in sizes  # the chart, drawn at its printed size
    words = flat(page.extract_text())
    assert flat(f"{drawn.sentence}. {drawn.since_first}") in words  # "… : en hausse, plus fragile."
    assert f"Source : {drawn.sources}." in words
    assert "Aucune valeur n'est interpolée" in words


def test_the_english_sheet_says_the_change_in_english(dataset):
    _, text = read(territory_onepager_pdf(dataset, "DEP-93", lang="en", generated_at=WHEN))
    look = profile.lookups(dataset, "en")
    unemployment = trends.for_territory(look, "DEP-93").trends[0]
    assert "Indicator Value Period Change Benchmark Source" in text
    assert unemployment.short.startswith("+0.3 pts since Q2 2023")
    assert unemployment.short in flat(text)
    assert f"Trend: {unemployment.label}" in text
    assert "No value is interpolated" in flat(text)


def test_every_word_of_the_key_figures_is_printed_whole(seine_saint_denis, dataset):
    """Cells wrap at spaces: no cell is shortened ("…") or broken inside a word (a narrow
    column once printed "INSEE-DGFiP-Cnaf-Cnav-C CMSA"), issue #19."""
    _, text = read(seine_saint_denis)
    printed = set(text.split())
    look = profile.lookups(dataset, "fr")
    model = trends.for_territory(look, "DEP-93")
    table = trends.with_changes(profile.key_figures(look, "DEP-93"), model, "fr")
    words = {word for value in table.astype(str).to_numpy().ravel() for word in value.split()}
    assert words - printed == set()  # a shortened cell would print "conn…" for "connue"
