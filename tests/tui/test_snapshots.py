"""What each screen of a session looks like at 80x24 and 60x20 (SVG snapshots).

Update after an intended change with: pytest tests/tui/ -k snapshot --snapshot-update -n 0
(the lead regenerates them after merging UI branches; look at every changed SVG).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.helpers import keys
from tests.tui.snapshot_apps import PLAY, SIZES, SnapCompare, quiet_app, saved_session, stable

size = pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())


@pytest.fixture(autouse=True)
def _stable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stable(monkeypatch, tmp_path)


@size
def test_card_screen(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """The card fills the screen: status, the dilemma with its poles and options, the
    team bar (who has chosen) and the footer's keys."""
    assert snap_compare(quiet_app(PLAY), terminal_size=size)


@size
def test_choice_screen(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """Team 1's choice dialog: the stance moved one step toward pole A, option B picked,
    focus on the value search box."""
    app = quiet_app(PLAY)
    assert snap_compare(app, press=["1", "left", "tab", "b", "tab"], terminal_size=size)


@size
def test_reveal_screen(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """Both teams side by side on the axis, where they are furthest apart, their values
    and rationales, then the card's reflection."""
    app = quiet_app(["resume", str(saved_session())])
    assert snap_compare(app, press=["r"], terminal_size=size)


@size
def test_note_dialog(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """The facilitator's note over the reveal, with text typed (shown literally)."""
    app = quiet_app(["resume", str(saved_session())])
    press = ["r", "o", *keys("Goed gesprek over [b]trots[/b]")]
    assert snap_compare(app, press=press, terminal_size=size)


@size
def test_help_screen(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """? on the card screen: the keys of a session explained."""
    assert snap_compare(quiet_app(PLAY), press=["question_mark"], terminal_size=size)


@size
def test_closing_screen(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """The closing step after the last card: one field per team, the first team's action
    typed but not yet recorded, and the keys to finish."""
    app = quiet_app(["resume", str(saved_session(revealed=True))])
    assert snap_compare(app, press=keys("Elke maand een dilemma"), terminal_size=size)


@size
def test_summary_screen(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """The summary: the cards played with each team's stance, every team's action
    literally, and where the save is."""
    save = saved_session(revealed=True, actions=("Elke maand een dilemma", "Vaker doorvragen"))
    app = quiet_app(["resume", str(save)])
    assert snap_compare(app, press=["ctrl+s"], terminal_size=size)


def test_card_screen_in_high_contrast(snap_compare: SnapCompare) -> None:
    """ctrl+t: the high-contrast theme for projectors (black, white, yellow accents)."""
    assert snap_compare(quiet_app(PLAY), press=["ctrl+t"], terminal_size=SIZES["80x24"])
