"""The join address's QR code as the terminal draws it: module for module segno's
matrix, black on white with a light quiet zone, in any theme, so a phone reads it."""

from __future__ import annotations

import segno
from rich.console import Console
from rich.text import Text

from goedwerk_tui.ui.widgets.live_qr import DARK, LIGHT, UPPER_HALF, draw, fitting_border, qr_matrix

URL = "http://192.168.178.23:8765/j/K7M4PX"


def modules_drawn(text: Text) -> list[list[bool]]:
    """Read the drawn code back, two modules a cell: the half block's colour is the
    upper module, its background the lower one (True = dark)."""
    console = Console(width=200, color_system="truecolor", record=True)
    rows: list[list[bool]] = []
    for line in console.render_lines(text, pad=False):
        top: list[bool] = []
        bottom: list[bool] = []
        for segment in line:
            assert segment.style is not None
            color, bgcolor = segment.style.color, segment.style.bgcolor
            assert color is not None and bgcolor is not None
            for char in segment.text:
                assert char == UPPER_HALF
                top.append(color.triplet is not None and color.triplet.hex == DARK)
                bottom.append(bgcolor.triplet is not None and bgcolor.triplet.hex == DARK)
                for part in (color, bgcolor):  # nothing but black and white
                    assert part.triplet is not None and part.triplet.hex in (DARK, LIGHT)
        rows += [top, bottom]
    return rows


def segno_modules(url: str, border: int) -> list[list[bool]]:
    code = segno.make(url, micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(border=border)]


def test_the_drawn_code_is_segnos_matrix_with_a_four_module_quiet_zone() -> None:
    drawn = modules_drawn(draw(qr_matrix(URL)))
    expected = segno_modules(URL, 4)
    assert len(expected) % 2 == 1  # an odd size: the last line's lower half is light
    assert drawn[: len(expected)] == expected
    assert drawn[len(expected) :] == [[False] * len(expected[0])]
    # the quiet zone: four light modules on every side
    assert all(not any(row) for row in expected[:4] + expected[-4:])
    assert all(not any(row[:4] + row[-4:]) for row in expected)


def test_an_https_address_is_drawn_as_exactly() -> None:
    url = "https://workshop.example.org:8443/j/ABCDEF"
    assert modules_drawn(draw(qr_matrix(url)))[: len(segno_modules(url, 4))] == segno_modules(
        url, 4
    )


def test_the_quiet_zone_narrows_only_when_the_screen_is_too_small() -> None:
    inner = len(qr_matrix(URL, 0))  # 29 modules: version 3
    assert fitting_border(URL, 80, 23) == 4  # 37 columns, 19 lines
    assert fitting_border(URL, 38, 19) == 4
    assert fitting_border(URL, 60, 17) == 2  # 33 modules: 17 lines
    assert fitting_border(URL, inner + 2, 40) == 1
    assert fitting_border(URL, inner, 40) is None  # no light border at all: not drawn
