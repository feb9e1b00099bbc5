"""Saves written by the play code, for replay tests."""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from tests.conftest import DECKS, present
from tests.tui.helpers import FakeClock


def played_save(folder: Path, teams: tuple[str, ...] = ("Rood", "Blauw")) -> Path:
    """Two cards: the first revealed (team 1 changed its mind), the second skipped."""
    clock = FakeClock()
    deck = load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")
    game = Game.new(deck, list(teams), save_dir=folder, cards=2, clock=clock)
    card = present(game.session.current_card)
    clock.advance(20)
    game.record_choice("t1", -1, "A", [card.values[0]], [], "Eerst dit")
    clock.advance(20)
    game.record_choice("t2", 2, "B", [], [card.values[1]], "Draagvlak telt")
    clock.advance(20)
    game.record_choice("t1", -2, "C", [card.values[0]], [card.values[1]], "Toch dit")
    game.reveal()
    game.add_note("Goed gesprek over [b]trots[/b]")
    game.next()
    game.skip()
    game.next()
    game.record_action("t1", "Elke maand een dilemma")
    game.end()
    game.close()
    return game.path
