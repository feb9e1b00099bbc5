"""What "Maar wat als...?" and the before/after measure look like (SVG snapshots).

Update after an intended change with:
pytest tests/tui/test_snapshots_variations.py --snapshot-update -n 0
"""

from __future__ import annotations

from pathlib import Path

import pytest

from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.measure import Scores
from goedwerk_tui.ui.app import GoedWerkApp
from tests.conftest import DECKS
from tests.tui.helpers import FakeClock, app_for, keys
from tests.tui.snapshot_apps import PLAY, SIZES, SnapCompare, quiet_app, stable

size = pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())


@pytest.fixture(autouse=True)
def _stable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stable(monkeypatch, tmp_path)


def measured_app() -> GoedWerkApp:
    """``play`` as the command line starts it: with the before-measure."""
    app = app_for(PLAY, Path("saves"), measure=True)
    app.notify = lambda *args, **kwargs: None  # type: ignore[method-assign]  # a test double
    return app


def session(*, measure: bool = False) -> Game:
    """A one-card session of Rood and Blauw, both chosen and revealed (with the measure:
    both rated before the card)."""
    deck = load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")
    game = Game.new(
        deck, ["Rood", "Blauw"], save_dir=Path("saves"), cards=1, clock=FakeClock(), measure=measure
    )
    if measure:
        game.record_measure("before", "t1", Scores(ownership=2, meaningfulness=3, identification=4))
        game.record_measure("before", "t2", Scores(ownership=5, meaningfulness=4, identification=2))
        game.next()
    card = game.session.current_card
    assert card is not None
    game.record_choice("t1", -1, "A", [card.values[0]], [], "Eerlijk")
    game.record_choice("t2", 2, "B", [], [card.values[1]], "")
    game.reveal()
    return game


@size
def test_before_measure(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """Before the first card: the three statements, then each team's three 1-5 scales;
    Rood has rated two of them (the number reversed and in words)."""
    assert snap_compare(measured_app(), press=["4", "tab", "3"], terminal_size=size)


def test_variation_picker(snap_compare: SnapCompare) -> None:
    """v on the card's reveal: the card's variations, each with its number and text."""
    game = session()
    game.close()
    app = quiet_app(["resume", str(game.path)])
    assert snap_compare(app, press=["v"], terminal_size=SIZES["80x24"])


def test_variation_open(snap_compare: SnapCompare) -> None:
    """A variation played: its text framed above the card, the team bar with each
    team's stance on the card and whether it gave a new one (Rood has)."""
    game = session()
    game.play_variation(1)
    game.revise_stance("t1", 1, "Dan telt de Kamer")
    game.close()
    app = quiet_app(["resume", str(game.path)])
    assert snap_compare(app, terminal_size=SIZES["80x24"])


@size
def test_stance_dialog(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """Blauw's quick new stance: the variation, its stance on the card, the axis moved
    one step, and a reason typed (shown literally)."""
    game = session()
    game.play_variation(2)
    game.close()
    app = quiet_app(["resume", str(game.path)])
    press = ["2", "left", "tab", *keys("[b]minder[/b] zeker")]
    assert snap_compare(app, press=press, terminal_size=size)


@size
def test_variation_revealed(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """The variation's reveal: both teams on the axis under it, who moved, and per team
    from where to where, how far toward which pole, with the reason."""
    game = session()
    game.play_variation(1)
    game.revise_stance("t1", 1, "Dan telt de Kamer")
    game.revise_stance("t2", 2, "")
    game.reveal_variation()
    game.close()
    app = quiet_app(["resume", str(game.path)])
    assert snap_compare(app, terminal_size=size)


def test_closing_with_the_after_measure(snap_compare: SnapCompare) -> None:
    """The closing step with the measure on: Rood's action recorded, its after-measure
    being rated beside its score from before the session."""
    game = session(measure=True)
    game.next()
    game.close()
    app = quiet_app(["resume", str(game.path)])
    press = [*keys("Elke maand een dilemma"), "enter", "4", "tab"]
    assert snap_compare(app, press=press, terminal_size=SIZES["80x24"])


@size
def test_summary_with_the_measure(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """The summary: the card with the variation's stances, then before → after (change)
    per team and goal, then the actions."""
    game = session(measure=True)
    game.play_variation(1)
    game.revise_stance("t1", 1)
    game.revise_stance("t2", 2)
    game.reveal_variation()
    game.next()
    game.record_action("t1", "Elke maand een dilemma")
    game.record_measure("after", "t1", Scores(ownership=4, meaningfulness=3, identification=5))
    game.record_action("t2", "Vaker doorvragen")
    game.record_measure("after", "t2", Scores(ownership=4, meaningfulness=4, identification=3))
    game.close()
    app = quiet_app(["resume", str(game.path)])
    assert snap_compare(app, press=["ctrl+s"], terminal_size=size)
