"""What the home screen, the new-session form, the replay and its overview look like at
80x24 and 60x20 (SVG snapshots).

Update after an intended change with: pytest tests/tui/ -k snapshot --snapshot-update -n 0
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden.sessions import variation_saves
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


@pytest.fixture
def what_if(monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A session with "Maar wat als...?" variations and the measure, and one more table."""
    return variation_saves(Path("saves"), monkeypatch)


def test_replay_overview_with_variations_and_measure(
    snap_compare: SnapCompare, what_if: tuple[Path, Path]
) -> None:
    """o and ↓ to the end of the overview of two tables with variations and the measure:
    who moved under which variation (steps toward a pole, the values that decided), and
    before → after per team with the distribution per goal."""
    app = quiet_app(["replay", str(what_if[0]), str(what_if[1])])
    assert snap_compare(app, press=["o", *["down"] * 80], terminal_size=(80, 24))


def test_replay_variation_revealed(snap_compare: SnapCompare, what_if: tuple[Path, Path]) -> None:
    """n and → to the reveal of card 1's first variation: the axis shows the new stances,
    each team's stance on the card → its new stance, and who moved how far."""
    app = quiet_app(["replay", str(what_if[0])])
    assert snap_compare(app, press=["n", *["right"] * 7], terminal_size=(80, 24))
