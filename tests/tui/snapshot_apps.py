"""The apps and key sequences the snapshot tests photograph, kept stable.

Stable means: a fixed clock (FakeClock), no toasts (they come and go), saves in a
relative folder of the test's own working directory and a fixed random part in the
save's file name, so a path shown on screen is the same in every run.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Protocol

import pytest
from textual.app import App
from textual.pilot import Pilot

from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.ui.app import GoedWerkApp
from tests.conftest import DECKS
from tests.tui.helpers import FakeClock, app_for

PLAY = ["play", "goed-werk-openbaar-bestuur", "--team", "Rood", "--team", "Blauw"]
SIZES = {"80x24": (80, 24), "60x20": (60, 20)}


class SnapCompare(Protocol):
    """pytest-textual-snapshot's ``snap_compare`` fixture, as these tests call it (the
    plugin ships no type information and declares the fixture narrower than it is)."""

    def __call__(
        self,
        app: App[None],
        press: Iterable[str] = (),
        terminal_size: tuple[int, int] = (80, 24),
        run_before: Callable[[Pilot[None]], Awaitable[object] | None] | None = None,
    ) -> bool: ...


def stable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("secrets.token_hex", lambda n=8: "0" * (2 * n))


def quiet_app(argv: list[str]) -> GoedWerkApp:
    app = app_for(argv, Path("saves"))
    # toasts come and go; keep the screen stable
    app.notify = lambda *args, **kwargs: None  # type: ignore[method-assign]  # a test double
    return app


def saved_session(*, revealed: bool = False, actions: tuple[str, ...] = ()) -> Path:
    """A one-card session of Rood and Blauw, both chosen, written by the session rules,
    so a snapshot starts where it matters (``resume``) instead of playing up to it.

    ``revealed``: the card is revealed and dealing stopped (the closing step); then
    ``actions`` are the teams' recorded actions, in team order.
    """
    deck = load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=Path("saves"), cards=1, clock=FakeClock())
    card = game.session.current_card
    assert card is not None
    game.record_choice("t1", -2, "A", [card.values[0]], [], "Eerlijk")
    game.record_choice("t2", 1, "C", [], [card.values[1]], "")
    if revealed:
        game.reveal()
        game.next()  # the only card: on to the closing step
        for team, action in zip(("t1", "t2"), actions, strict=False):  # maybe fewer
            game.record_action(team, action)
    game.close()
    return game.path
