"""Profile page (AppTest): the fact sheet PDF is offered for download and made only on click."""

import io

from apptest_pages import open_view
from download_capture import capture_downloads, served
from hostile import shown_markdown
from pypdf import PdfReader

import lib.local_sheet
import lib.onepager


def pdf_button(at):
    buttons = [b for b in at.get("download_button") if b.proto.id.endswith("profil_download_pdf")]
    assert len(buttons) == 1
    return buttons[0]


def counted(monkeypatch, module, name: str) -> list[dict]:
    """The keyword arguments of each call of `module.name` from now on (its result unchanged)."""
    made: list[dict] = []
    make = getattr(module, name)

    def counting(*args, **kwargs):
        made.append(kwargs)
        return make(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return made


def test_the_pdf_is_made_on_click_with_the_page_filters(monkeypatch):
    files = capture_downloads(monkeypatch)
    made = counted(monkeypatch, lib.onepager, "territory_onepager_pdf")
    at = open_view("profil", territory="DEP-29", method="base100", actor="entreprises")
    button = pdf_button(at)
    assert button.proto.label == "Télécharger la fiche du territoire (PDF)"
    assert "2 ou 3 pages" in button.proto.help
    assert button.proto.deferred_file_id  # nothing made while the page runs
    assert made == []
    data = served(files, button)  # the click
    assert made == [{"area": "auto", "method": "base100", "lang": "fr", "actors": ("entreprises",)}]
    pages = PdfReader(io.BytesIO(data)).pages
    text = "\n".join(page.extract_text() for page in pages)
    assert text.startswith("Finistère (29) — département, région Bretagne")
    assert "100 = France" in text and 1 <= len(pages) <= 3


def test_the_local_profile_offers_its_pdf_made_on_click(monkeypatch):
    files = capture_downloads(monkeypatch)
    made = counted(monkeypatch, lib.local_sheet, "local_onepager_pdf")
    at = open_view("profil", territory="EPCI-242900314", method="base100")
    assert not at.exception
    (button,) = [b for b in at.get("download_button") if b.proto.id.endswith("profil_local_pdf")]
    assert button.proto.label == "Fiche PDF"
    assert button.proto.deferred_file_id and made == []  # nothing made while the page runs
    data = served(files, button)  # the click
    assert made == [{"method": "base100", "lang": "fr"}]
    pages = PdfReader(io.BytesIO(data)).pages
    text = "\n".join(page.extract_text() for page in pages)
    assert text.startswith(shown_markdown(at.title[0].value))
    assert "Brest Métropole — intercommunalité (Finistère)" in text
    assert "Le territoire dans ses échelons" in text
