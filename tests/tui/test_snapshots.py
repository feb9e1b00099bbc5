"""What the card, choice and reveal screens look like at 80x24 (SVG snapshots).

Update after an intended change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.helpers import app_for, choose

SIZE = (80, 24)
ARGV = ["play", "goed-werk-openbaar-bestuur", "--team", "Rood", "--team", "Blauw", "--cards", "2"]


@pytest.fixture
def app(tmp_path: Path) -> Any:
    app = app_for(ARGV, tmp_path)
    app.notify = lambda *args, **kwargs: None  # toasts come and go; keep the screen stable
    return app


def test_card_screen(snap_compare: Any, app: Any) -> None:
    assert snap_compare(app, terminal_size=SIZE)


def test_choice_screen(snap_compare: Any, app: Any) -> None:
    assert snap_compare(app, press=["1", "left", "tab", "b"], terminal_size=SIZE)


def test_reveal_screen(snap_compare: Any, app: Any) -> None:
    async def play(pilot: Any) -> None:
        await choose(pilot, 1, steps=-2, option="A", pole_a=1, rationale="Eerlijk")
        await choose(pilot, 2, steps=1, option="C", pole_b=1)
        await pilot.press("r")
        await pilot.pause()

    assert snap_compare(app, run_before=play, terminal_size=SIZE)
