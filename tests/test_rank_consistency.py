"""One rank for one index (issue #14, part 4): the same index of the same territory under the
default filters reads the same value and rank, with its comparison set, on the profile bars and
its « En bref » block, the perceived-vs-objective table, Comparer, the slides, the PDF fact
sheet and a workshop's room table. The expected rank is counted here from the index table of
the comparison set."""

import io
import json
import re

import pytest
from apptest_pages import open_view
from hostile import shown_markdown, shown_table
from pypdf import PdfReader
from workshop_votes import cast_vote

from lib import compare_page, explore, profile
from lib.filters import Filters
from lib.formatting import format_number, ordinal
from lib.onepager import territory_onepager_pdf
from lib.presentation import slides
from lib.workshop import service

# (territory, level, its name on Comparer, its comparison set by default)
TERRITORIES = {
    "REG-32": ("region", "Hauts-de-France", "13 régions métropolitaines"),
    "DEP-93": ("department", "Seine-Saint-Denis (93)", "96 départements métropolitains"),
}
SANTE = "Santé, accès aux soins"
TERRITORY_RANK = "Rang du territoire (1 = le plus fragile)"
DOMAIN_RANK = "Rang parmi ses domaines"


def ranked(dataset, territory: str, index: str) -> tuple[float, int]:
    """Value and rank of `index` ("overall" or a domain id) for `territory` among the
    metropolitan territories of its level: rank = 1 + the territories with a higher value."""
    level, _, members = TERRITORIES[territory]
    ids = explore.scope_territories(dataset, level, None, "metro")["territory_id"]
    table = explore.index_table(dataset, list(ids), "minmax")
    frame = table.domains[table.domains["domain_id"] == index]
    values = (table.overall if index == "overall" else frame).set_index("territory_id")["index"]
    assert values.notna().all() and len(values) == int(members.split()[0])
    own = values[territory]
    return own, int((values > own).sum()) + 1


def expected(dataset, territory: str, index: str) -> tuple[float, str]:
    """Value and rank text: '5e sur 13 régions métropolitaines'."""
    value, rank = ranked(dataset, territory, index)
    return value, f"{ordinal(rank)} sur {TERRITORIES[territory][2]}"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("territory", list(TERRITORIES))
def test_profile_bars_overall_line_and_reading_table(dataset, territory):
    overall, overall_text = expected(dataset, territory, "overall")
    sante, sante_text = expected(dataset, territory, "sante")
    at = open_view("profil", territory=territory)
    shown = [shown_markdown(m.value) for m in at.markdown]
    assert f"{format_number(overall)} — {overall_text}." in " ".join(shown)
    [bars] = [c for c in at.get("plotly_chart") if c.proto.id.endswith("-profil_bars")]
    data = json.loads(bars.proto.spec)["data"]
    row = data[0]["y"].index(SANTE)
    assert data[0]["x"][row] == pytest.approx(sante)
    assert data[0]["customdata"][row][0] == sante_text  # the hover: rank with its set
    short = " ".join(sante_text.split(" ")[:3])  # "5e sur 13": the set is stated beside the chart
    assert data[1]["text"][row].endswith("· " + short)
    reading = next(
        shown_table(table.value) for table in at.table if "Lecture" in shown_table(table.value)
    ).set_index("Domaine")
    assert reading.loc[SANTE, TERRITORY_RANK] == sante_text
    # the domain's rank among the territory's domains reads differently
    assert reading.loc[SANTE, DOMAIN_RANK].endswith("domaine le plus fragile")
    # « En bref »: each of the most fragile domains with the same value and rank as the bars
    ids = {label: domain_id for domain_id, label in profile.lookups(dataset).domains.items()}
    brief = [text.split("\n")[0].strip() for text in shown if " : indice " in text]
    assert len(brief) >= 3
    for line in brief:
        label = line[2 : line.index("**", 2)]
        value, text = expected(dataset, territory, ids[label])
        assert line == f"**{label}** : indice {format_number(value)} — {text}"
        assert data[0]["customdata"][data[0]["y"].index(label)][0] == text


@pytest.mark.parametrize("territory", list(TERRITORIES))
def test_comparer_states_the_territory_s_rank_and_its_table_agrees(dataset, territory):
    level, name, _ = TERRITORIES[territory]
    overall, overall_text = expected(dataset, territory, "overall")
    at = open_view("comparer", territory=territory, level=level)
    line = f"{name} : indice global {format_number(overall)} — {overall_text}."
    assert line in [shown_markdown(m.value) for m in at.markdown]
    ranks = at.dataframe[0].value.set_index("Territoire")
    assert ranks.loc[name, "Rang (1 = plus fragile)"] == str(
        ranked(dataset, territory, "overall")[1]
    )


@pytest.mark.parametrize("territory", list(TERRITORIES))
def test_comparer_weighting_health_alone_ranks_like_the_health_index(dataset, territory):
    level, _, _ = TERRITORIES[territory]
    sante, sante_text = expected(dataset, territory, "sante")
    selected = compare_page.selection(dataset, level, "metro", (), "minmax", "fr")
    weights = {d: float(d == "sante") for d in selected.available}
    results = compare_page.results(dataset, (), weights, "minmax", selected, "fr")
    line = compare_page.standing_line(selected, results, territory, "fr")
    assert line.endswith(f"poids choisis {format_number(sante)} — {sante_text}.")


@pytest.mark.parametrize("territory", list(TERRITORIES))
def test_slides_map_and_top_domains(dataset, territory):
    level, _, _ = TERRITORIES[territory]
    filters = Filters(level=level, territory=territory)
    for index, selection in (("overall", "index"), ("sante", "index-sante")):
        value, text = expected(dataset, territory, index)
        slide = slides.slide(dataset, "map", filters.with_(indicator=selection))
        assert f"{format_number(value)} — {text} (1 = le plus fragile)" in " ".join(slide.lines)
    overall, overall_text = expected(dataset, territory, "overall")
    top = slides.slide(dataset, "top_domains", filters)
    assert top.lines[0].endswith(f"{format_number(overall)} — {overall_text}.")


@pytest.mark.parametrize("territory", list(TERRITORIES))
def test_pdf_fact_sheet(dataset, territory):
    overall, overall_text = expected(dataset, territory, "overall")
    _, sante_text = expected(dataset, territory, "sante")
    pages = PdfReader(io.BytesIO(territory_onepager_pdf(dataset, territory))).pages
    text = flat("\n".join(page.extract_text() for page in pages))
    assert f"{format_number(overall)} — {overall_text}." in text
    reading = text.split(f"{DOMAIN_RANK} {TERRITORY_RANK} Lecture", 1)[1]
    after_sante = reading.split(SANTE, 1)[1]
    found = re.search(r"\d+(?:er|e) sur \d+ [a-zé]+ [a-zé]+", after_sante)
    assert found and found.group(0) == sante_text


@pytest.mark.parametrize("territory", list(TERRITORIES))
def test_workshop_room_table(dataset, workshop_engine, territory):
    _, sante_text = expected(dataset, territory, "sante")
    workshop, key = service.create_workshop(
        workshop_engine,
        title="Atelier",
        territory_id=territory,
        actor_ids=["citoyens", "entreprises"],
        n_choices=3,
        allowed_territories={territory},
        allowed_actors=set(dataset.actors["actor_id"]),
    )
    cast_vote(workshop_engine, workshop.code, "citoyens", ["emploi", "sante", "logement"])
    at = open_view("atelier", code=workshop.code)
    [key_input] = [w for w in at.text_input if w.label == "Clé organisateur"]
    key_input.input(key)
    [open_button] = [b for b in at.button if b.label == "Ouvrir le tableau de bord"]
    open_button.click().run()
    assert not at.exception
    reading = shown_table(at.table[2].value).set_index("Domaine")
    assert reading.loc[SANTE, TERRITORY_RANK] == sante_text
    assert reading.loc[SANTE, "Part dans la salle"] == "100\u202f%"
    # an objective index beside the room's choice: every domain but one (Numérique for a
    # region, Transition énergétique for a department: no value for a metropolitan one)
    assert (reading["Indice objectif"] != "non disponible").sum() == 15


def test_the_rank_and_its_set_read_alike_in_english(dataset):
    overall, rank = ranked(dataset, "REG-32", "overall")
    at = open_view("comparer", territory="REG-32", lang="en")
    line = (
        f"Hauts-de-France: overall index {overall:.1f} — {ordinal(rank, 'en')} of 13 "
        "metropolitan regions."
    )
    assert line in [shown_markdown(m.value) for m in at.markdown]
