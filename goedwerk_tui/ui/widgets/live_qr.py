"""The join address as a QR code drawn in the terminal: black on white, in any theme.

segno builds the code's matrix; each character cell draws two modules, one above the
other, with the upper half block (its colour is the upper module, the cell's
background the lower one). Dark modules are black and light ones white, whatever the
theme, with a light quiet zone around the code, so a phone's camera reads it on a
dark projector theme as on a light one.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

DARK = "#000000"
LIGHT = "#ffffff"
UPPER_HALF = "▀"
QUIET_ZONE = 4  # modules of light border the QR standard asks for
SMALLEST_QUIET_ZONE = 1  # what a crowded screen still gives (phones read it)

_STYLES = {
    (top, bottom): Style(color=DARK if top else LIGHT, bgcolor=DARK if bottom else LIGHT)
    for top in (False, True)
    for bottom in (False, True)
}


def qr_matrix(url: str, border: int = QUIET_ZONE) -> list[list[bool]]:
    """The code's modules, quiet zone included: True is dark."""
    import segno  # imported with the live screen only

    code = segno.make(url, micro=False)  # micro QR codes are not read by every phone
    return [[module == 0x1 for module in row] for row in code.matrix_iter(border=border)]


def qr_size(url: str, border: int = QUIET_ZONE) -> tuple[int, int]:
    """Columns and rows of the drawn code."""
    modules = len(qr_matrix(url, border))
    return modules, (modules + 1) // 2


def draw(matrix: list[list[bool]]) -> Text:
    """The matrix in half blocks: two rows of modules a line (an odd last row gets a
    light lower half, which adds to the quiet zone)."""
    text = Text(no_wrap=True, overflow="crop", end="")
    for y in range(0, len(matrix), 2):
        top = matrix[y]
        bottom = matrix[y + 1] if y + 1 < len(matrix) else [False] * len(top)
        if y:
            text.append("\n")
        for upper, lower in zip(top, bottom, strict=True):
            text.append(UPPER_HALF, _STYLES[(upper, lower)])
    return text


def fitting_border(url: str, columns: int, rows: int) -> int | None:
    """The widest quiet zone (at most the standard's) with which the code fits, or
    None when it does not fit even with the smallest."""
    inner = len(qr_matrix(url, 0))
    for border in range(QUIET_ZONE, SMALLEST_QUIET_ZONE - 1, -1):
        size = inner + 2 * border
        if size <= columns and (size + 1) // 2 <= rows:
            return border
    return None


class QrCode(Static):
    """The QR code of ``url``, as big a quiet zone as the space given allows."""

    DEFAULT_CSS = """
    QrCode {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, url: str, *, too_small: str) -> None:
        super().__init__(id="live-qr")
        self.url = url
        self.too_small = too_small  # said instead when no code fits
        self.border: int | None = QUIET_ZONE

    def fit(self, columns: int, rows: int) -> None:
        """Draw the code for the space the screen gives it."""
        self.border = fitting_border(self.url, columns, rows)
        if self.border is None:
            self.update(Text(self.too_small, style="italic"))
        else:
            self.update(draw(qr_matrix(self.url, self.border)))
