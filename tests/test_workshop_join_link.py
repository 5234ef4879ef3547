"""Join links and QR codes (lib/workshop/join_link.py)."""

import io

import pytest
import segno
from PIL import Image

from lib.workshop import join_link
from lib.workshop.errors import WorkshopError


def test_join_url_from_the_public_base_url():
    url = join_link.join_url("http://192.168.1.20:8501/", "ABCD2345")
    assert url == "http://192.168.1.20:8501/participer?code=ABCD2345"
    behind_proxy = join_link.join_url("https://ateliers.example.org/app", "ABCD2345")
    assert behind_proxy == "https://ateliers.example.org/app/participer?code=ABCD2345"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ftp://192.168.1.20", "Elle doit commencer par http:// ou https://"),
        ("javascript:alert(1)", "Elle doit commencer par http:// ou https://"),
        ("192.168.1.20:8501", "Elle doit commencer par http:// ou https://"),
        ("http://", "Elle doit commencer par http:// ou https://"),
        ("http://host:99999", "n'est pas une URL lisible"),
        ("http://host/app?x=1", "sans « ? », « # » ni identifiants"),
        ("http://user:pass@host", "sans « ? », « # » ni identifiants"),
        ("http://salle\x07:8501", "le caractère U+0007 n'est pas accepté"),
        ("http://salle\ud800", "le caractère U+D800 n'est pas accepté"),
    ],
)
def test_a_bad_base_url_is_refused_in_french(typed, expected):
    with pytest.raises(WorkshopError) as caught:
        join_link.validate_base_url(typed)
    assert caught.value.message.startswith("Adresse publique invalide")
    assert expected in caught.value.message


def test_a_bad_base_url_is_quoted_cut_and_explained_in_english_too():
    with pytest.raises(WorkshopError) as caught:
        join_link.validate_base_url("ftp://" + "x" * 100)
    assert caught.value.message.startswith(
        "Adresse publique invalide : « ftp://" + "x" * 33 + "… »"
    )
    assert caught.value.text("en").startswith("Invalid public address: “ftp://")


def test_a_base_url_longer_than_300_characters_is_refused_and_300_make_a_qr_code():
    longest = "https://" + "a" * 292
    with pytest.raises(WorkshopError) as caught:
        join_link.validate_base_url(longest + "b")
    assert caught.value.message == "Adresse publique trop longue : 301 caractères (300 au plus)."
    with pytest.raises(WorkshopError) as caught:
        join_link.join_url("http://" + "h" * 3000, "ABCD2345")
    assert caught.value.message == "Adresse publique trop longue : 3007 caractères (300 au plus)."
    url = join_link.join_url(longest, "ABCD2345")
    assert len(url) == 300 + len("/participer?code=ABCD2345")
    assert Image.open(io.BytesIO(join_link.qr_png(url))).width > 0


def test_base_url_from_the_organiser_pages_url():
    page = "http://192.168.1.20:8501/atelier"
    assert join_link.base_from_page_url(page, "atelier") == "http://192.168.1.20:8501"
    assert join_link.base_from_page_url("https://h/app/atelier/", "atelier") == "https://h/app"
    assert join_link.base_from_page_url(None, "atelier") is None
    assert join_link.default_base_url(None, "atelier") == "http://localhost:8501"
    assert join_link.default_base_url(page, "atelier") == "http://192.168.1.20:8501"


def test_public_base_url_from_the_environment():
    assert join_link.configured_base_url({"PUBLIC_BASE_URL": " https://a.example "}) == (
        "https://a.example"
    )
    assert join_link.configured_base_url({}) is None


def test_local_addresses_are_flagged():
    assert join_link.is_local("http://localhost:8501")
    assert join_link.is_local("http://127.0.0.1:8501")
    assert not join_link.is_local("http://192.168.1.20:8501")


def test_qr_code_is_a_large_png_encoding_the_link():
    url = "http://192.168.1.20:8501/participer?code=ABCD2345"
    image = Image.open(io.BytesIO(join_link.qr_png(url))).convert("L")
    assert image.width == image.height >= 300
    # read the modules back (10 px each, 4 modules of quiet zone) and compare them with the
    # symbol segno makes for the same text: the picture encodes exactly that link
    symbol = segno.make(url, error="m", micro=False)
    size = len(symbol.matrix)
    assert image.width == (size + 2 * 4) * 10
    read = [
        [image.getpixel((10 * (4 + x) + 5, 10 * (4 + y) + 5)) < 128 for x in range(size)]
        for y in range(size)
    ]
    assert read == [[bool(v) for v in row] for row in symbol.matrix]
    other = segno.make(url.replace("2345", "2346"), error="m", micro=False)
    assert read != [[bool(v) for v in row] for row in other.matrix]
