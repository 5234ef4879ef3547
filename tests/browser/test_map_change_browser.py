"""The Carte's change mode in a real browser: the change of unemployment between two quarters
drawn with its diverging legend; no request leaves the machine."""

import io
import time

import pytest
from PIL import Image
from test_map_browser import MAP_READY

pytestmark = pytest.mark.browser

FINISTERE = (-4.1, 48.2)  # a point inside Finistère (lon, lat)
MINUS = "\u2212"
PAINT_TIMEOUT_S = 20


def distance(a: tuple, b: tuple) -> int:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def painted_colour_at(page, lon: float, lat: float) -> tuple[tuple, str]:
    """The colour on screen at a geographic point and the colour its class should have.

    `map.loaded()` says the tiles are there, not that the frame is on screen: on a loaded
    machine the first screenshot can still be the blank canvas. Read the pixel again until it
    holds the class's colour or the timeout passes (then the last reading fails the test)."""
    deadline = time.monotonic() + PAINT_TIMEOUT_S
    while True:
        x, y, expected = page.evaluate(
            "([lon, lat]) => { const gd = document.querySelector('.js-plotly-plot');"
            " const values = gd.data.find(t => t.name === 'values');"
            " const z = values.z[values.locations.indexOf('DEP-29')];"
            " const map = gd._fullLayout.map._subplot.map; const p = map.project([lon, lat]);"
            " const box = map.getCanvas().getBoundingClientRect();"
            " return [box.left + p.x, box.top + p.y, values.colorscale[2 * z][1]]; }",
            [lon, lat],
        )
        shot = page.screenshot(clip={"x": x, "y": y, "width": 1, "height": 1})
        painted = Image.open(io.BytesIO(shot)).convert("RGB").getpixel((0, 0))
        if distance(painted, rgb(expected)) <= 3 or time.monotonic() > deadline:
            return painted, expected
        page.wait_for_timeout(250)


def test_the_change_of_unemployment_between_two_quarters_is_drawn(page, app_url):
    page.goto(f"{app_url}/carte?level=department&indicator=taux_chomage&change_from=2019-T4")
    page.wait_for_function(MAP_READY, timeout=60_000)
    drawn = page.evaluate(
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " const values = gd.data.find(t => t.name === 'values');"
        " return {locations: values.locations.length,"
        " colours: values.colorscale.map(c => c[1]),"
        " ticks: Array.from(gd.querySelectorAll('.colorbar .cbaxis text'), t => t.textContent)}; }"
    )
    assert drawn["locations"] == 96  # the metropolitan departments (overseas ones grey)
    assert drawn["colours"][::2] == ["#5e3c99", "#b2abd2", "#f7f7f7", "#fdb863", "#e66101"]
    assert len(drawn["ticks"]) == 5 and drawn["ticks"][2].startswith(f"de {MINUS}")
    # Finistère is painted in its class's colour (drawn by MapLibre, not only sent)
    painted, expected = painted_colour_at(page, *FINISTERE)
    assert distance(painted, rgb(expected)) <= 3, (painted, expected)
    main = page.locator("[data-testid=stMain]")
    assert main.get_by_text(
        "Taux de chômage localisé : évolution entre T4 2019 et T3 2023", exact=False
    ).is_visible()
    assert main.get_by_role("radio", name="Évolution").is_checked()
    assert page.external.blocked == []
