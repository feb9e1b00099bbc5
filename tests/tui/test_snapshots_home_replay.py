"""What the home screen, the new-session form, the replay and its overview look like at
80x24 and 60x20 (SVG snapshots).

Update after an intended change with: pytest tests/tui/ -k snapshot --snapshot-update -n 0
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.helpers import open_form
from tests.tui.sessions import played_save
from tests.tui.snapshot_apps import SIZES, SnapCompare, quiet_app, stable

size = pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())


@pytest.fixture(autouse=True)
def _stable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stable(monkeypatch, tmp_path)


@pytest.fixture
def save(tmp_path: Path) -> Path:
    """Two cards: the first revealed (Rood changed its mind, a note), the second skipped."""
    return played_save(Path("saves"))


@size
def test_home_screen(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """`goedwerk` without a command: new session, resume, debrief; the first highlighted."""
    assert snap_compare(quiet_app([]), terminal_size=size)


@size
def test_new_session_form(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """Enter on "Nieuwe sessie": the form, its first field focused with a visible text row,
    once its worker has read the decks."""
    assert snap_compare(quiet_app([]), run_before=open_form, terminal_size=size)


@size
def test_replay_screen(snap_compare: SnapCompare, save: Path, size: tuple[int, int]) -> None:
    """`goedwerk replay SAVE` after one step →: the first choice on the axis, with its
    values and rationale."""
    app = quiet_app(["replay", str(save)])
    assert snap_compare(app, press=["right"], terminal_size=size)


@size
def test_replay_overview(snap_compare: SnapCompare, save: Path, size: tuple[int, int]) -> None:
    """o in the replay: how each team leaned per tension field, values, the cards where
    teams were furthest apart, and the actions."""
    app = quiet_app(["replay", str(save)])
    assert snap_compare(app, press=["o"], terminal_size=size)
