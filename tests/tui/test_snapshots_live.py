"""What the facilitator sees of a live session (SVG snapshots): the compact live line
under the card, and the join screen with its QR code and each team's device.

A stand-in for the server gives a fixed address and code, so the pictures are stable.
Update after an intended change with: pytest tests/tui/test_snapshots_live.py
--snapshot-update -n 0 (look at every changed SVG).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from goedwerk_tui.ui.app import GoedWerkApp
from goedwerk_tui.ui.widgets.live_status import LiveTeam
from tests.tui.snapshot_apps import PLAY, SIZES, SnapCompare, quiet_app, stable

size = pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())


class StandIn:
    """A live link without a server: Rood joined and answered, Blauw at the keyboard."""

    join_url = "http://192.168.178.23:8765/j/K7M4PX"
    join_code = "K7M4PX"

    def __init__(self) -> None:
        self.released: list[str] = []

    def teams(self) -> list[LiveTeam]:
        return [
            LiveTeam(1, "t1", "Rood", joined="t1" not in self.released, answered=True),
            LiveTeam(2, "t2", "Blauw", joined=False, answered=False),
        ]

    def release(self, team_id: str) -> None:
        self.released.append(team_id)

    def start(self, on_change: Callable[[], None], on_failure: Callable[[str], None]) -> None:
        pass

    async def stop(self) -> None:
        pass


@pytest.fixture(autouse=True)
def _stable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stable(monkeypatch, tmp_path)


def live_app() -> GoedWerkApp:
    app = quiet_app(PLAY)
    app.live = StandIn()
    return app


@size
def test_card_screen_with_the_live_line(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """The card as always, and one line above the footer: the join address and the
    teams on a device; the footer offers l for the join screen."""
    assert snap_compare(live_app(), terminal_size=size)


@size
def test_join_screen(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """l: the QR code black on white with its quiet zone, the address as text, the
    code, and for each team its device and whether it answered; 1-2 release."""
    assert snap_compare(live_app(), press=["l"], terminal_size=size)
