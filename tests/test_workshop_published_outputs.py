"""A published workshop with small profiles, as the explore outputs show it: the presentation's
slides, the PPTX deck and the territory's PDF fact sheet show no profile under 5 participants,
and say why."""

import io

import pytest
from pptx import Presentation
from pypdf import PdfReader
from workshop_votes import FakeWorkshop, votes

from lib.datasets import combine
from lib.filters import Filters
from lib.onepager import territory_onepager_pdf
from lib.presentation import slides
from lib.presentation.story_deck import story_deck
from lib.workshop import layer

REGION = "REG-32"  # Hauts-de-France
ROOM = votes(  # 6 citizens and 5 companies shown; 3 associations and 2 foundations merged
    *[("citoyens", ["emploi", "sante", "logement"], "")] * 6,
    *[("entreprises", ["emploi", "numerique", "sante"], "")] * 5,
    *[("associations", ["logement", "sante", "emploi"], "")] * 3,
    *[("fondations", ["numerique", "sante", "emploi"], "")] * 2,
)
NOTE = (
    "Atelier : seuls les profils d'au moins 5 participants sont publiés ; les autres sont "
    "regroupés dans « Autres profils », qui n'est pas un profil d'acteur et n'apparaît donc pas "
    "ici."
)
SMALL = ("Associations", "Fondations")


@pytest.fixture(scope="module")
def workshop_dataset(dataset):
    """The embedded dataset plus a workshop's layer (its room of 16 votes, `ROOM`)."""
    actors = dict(zip(dataset.actors["actor_id"], dataset.actors["label_fr"], strict=True))
    workshop = FakeWorkshop(title="Lille", territory_id=REGION)
    built = layer.workshop_layer(workshop, ROOM, actors, list(dataset.domains["domain_id"]))
    return combine(dataset, [built])


@pytest.fixture(scope="module")
def room_slide(workshop_dataset):
    return slides.slide(workshop_dataset, "workshop", Filters(territory=REGION))


def test_the_rooms_slide_shows_only_profiles_of_five_and_the_note(room_slide):
    assert list(room_slide.table["Acteur"]) == ["Citoyens", "Entreprises"]
    assert room_slide.lines[-1] == NOTE
    assert room_slide.chart.actor_names == ("Citoyens", "Entreprises")
    shown = " ".join([*room_slide.lines, room_slide.table.to_csv()])
    assert not [name for name in SMALL if name in shown]


def test_the_perceptions_slide_says_so_when_it_shows_workshop_figures(workshop_dataset):
    perceived = slides.slide(workshop_dataset, "perceptions", Filters(territory=REGION))
    studies = perceived.table.set_index("Acteur")["Chiffres"]
    assert studies["Citoyens"].startswith("atelier Lille")
    assert perceived.lines[-1] == NOTE
    national = slides.slide(
        workshop_dataset, "perceptions", Filters()
    )  # France: no workshop figures
    assert NOTE not in national.lines


def test_the_pptx_slide_holds_the_note_and_no_small_profile(room_slide):
    deck = Presentation(io.BytesIO(story_deck("Lille", [room_slide], "03/12/2026")))
    page = list(deck.slides)[1]
    text = "\n".join(shape.text_frame.text for shape in page.shapes if shape.has_text_frame)
    assert NOTE in text
    assert "Citoyens — " in text and "Entreprises — " in text
    assert not [name for name in SMALL if name in text]


def test_the_pdf_reading_of_a_workshop_group_holds_the_note(workshop_dataset):
    data = territory_onepager_pdf(workshop_dataset, REGION, area="metro")
    text = " ".join(
        "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split()
    )
    assert "Lecture pour : Citoyens — atelier Lille" in text
    assert " ".join(NOTE.split()) in text
