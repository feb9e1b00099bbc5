"""Going back from the closing step to the cards: a rule of the session, written as
``dealing_resumed`` and accepted by the save reader only where the rule allows it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.errors import RuleError
from goedwerk_tui.domain.events import kind_of
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.domain.session import CHOOSING, CLOSING
from tests.conftest import DECKS, present
from tests.unit.test_savelog import append_events, new_game


@pytest.fixture
def deck() -> Deck:
    return load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")


def closing_game(deck: Deck, folder: Path, cards: int = 3) -> Game:
    game = new_game(deck, folder, cards=cards)
    game.stop_dealing()  # the open first card is skipped
    assert game.session.phase == CLOSING
    return game


def test_back_to_dealing_deals_the_next_card_and_resume_reads_it(
    deck: Deck,
    tmp_path: Path,
) -> None:
    game = closing_game(deck, tmp_path)
    game.back_to_dealing()
    assert game.session.phase == CHOOSING and present(game.session.current).number == 2
    game.close()
    read = read_save(game.path)
    assert read.warnings == []
    assert [kind_of(e) for e in read.events][-3:] == [
        "closing_started",
        "dealing_resumed",
        "card_dealt",
    ]
    assert read.session.phase == CHOOSING and not read.session.closing


def test_no_way_back_once_an_action_is_recorded_or_no_card_is_left(
    deck: Deck,
    tmp_path: Path,
) -> None:
    game = closing_game(deck, tmp_path / "action")
    game.record_action("t1", "We doen het")
    with pytest.raises(RuleError):
        game.session.resume_dealing()
    game.close()
    last = closing_game(deck, tmp_path / "last", cards=1)
    with pytest.raises(RuleError):
        last.session.resume_dealing()
    last.close()
    playing = new_game(deck, tmp_path / "playing")
    with pytest.raises(RuleError):
        playing.session.resume_dealing()
    playing.close()


@pytest.mark.parametrize(
    ("setup", "problem"),
    [
        (lambda g: None, "dealing_resumed is not allowed here (the closing step has not started)"),
        (
            lambda g: (g.stop_dealing(), g.record_action("t1", "x")),
            "dealing_resumed is not allowed here (an action is recorded: the closing step stays)",
        ),
    ],
    ids=["outside-closing", "after-an-action"],
)
def test_a_hand_written_dealing_resumed_must_fit_the_rule(
    deck: Deck,
    tmp_path: Path,
    setup: Callable[[Game], object],
    problem: str,
) -> None:
    game = new_game(deck, tmp_path, cards=3)
    setup(game)
    game.close()
    line = append_events(game.path, {"event": "dealing_resumed"})
    warnings = [str(warning) for warning in read_save(game.path).warnings]  # in English
    assert warnings == [f"{game.path}:{line}: {problem}; line ignored"]
