"""Every save goedwerk writes is one it can read: the cards dealt per session are
capped, and no line may push the file past the reader's limit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from goedwerk_tui.domain import savelog
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import load_deck, parse_deck
from goedwerk_tui.domain.errors import RuleError, SaveError
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.domain.session import MAX_CARDS_PER_SESSION
from tests.conftest import DECKS, ROOT
from tests.unit.deck_helpers import GOOD_CARD, deck_text
from tests.unit.save_helpers import choose


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")


def tiny_deck(cards: int) -> Deck:
    text = deck_text("".join(GOOD_CARD.replace("kaart-1", f"k{i}") for i in range(cards)))
    result = parse_deck(text, "deck.yaml", Path("."))
    assert result.deck is not None
    return result.deck


def test_a_huge_deck_deals_at_most_the_cap_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("goedwerk_tui.domain.game.MAX_CARDS_PER_SESSION", 5)
    game = Game.new(tiny_deck(8), ["Rood"], save_dir=tmp_path)
    assert game.session.cards == ["k0", "k1", "k2", "k3", "k4"]
    (notice,) = game.take_notices()
    assert notice.code == "session.cards_capped"
    assert "8" in notice.message("en") and "5" in notice.message("nl")
    game.close()
    assert len(read_save(game.path).session.cards) == 5


def test_asking_for_more_cards_than_the_cap_is_refused_before_a_save_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("goedwerk_tui.domain.game.MAX_CARDS_PER_SESSION", 5)
    with pytest.raises(RuleError) as caught:
        Game.new(tiny_deck(8), ["Rood"], save_dir=tmp_path, cards=6)
    assert caught.value.code == "session.too_many_cards"
    assert "5" in caught.value.message("nl")
    assert not tmp_path.exists() or not list(tmp_path.iterdir())
    small = Game.new(tiny_deck(3), ["Rood"], save_dir=tmp_path, cards=6)  # only 3 to deal
    assert len(small.session.cards) == 3
    small.close()


def test_the_cap_keeps_a_deck_of_many_tiny_cards_readable() -> None:
    assert MAX_CARDS_PER_SESSION == 500
    # a card's snapshot of the bundled deck is ~1-2 KB; with six teams' choices and
    # notes each card adds well under 64 KB, so 500 cards stay far under the limit
    assert MAX_CARDS_PER_SESSION * 64 * 1024 < savelog.MAX_SAVE_BYTES - savelog.SAVE_RESERVE_BYTES


def test_an_append_that_would_pass_the_read_limit_is_refused_and_nothing_written(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = Game.new(deck, ["Rood"], save_dir=tmp_path, cards=1)
    size = game.path.stat().st_size
    monkeypatch.setattr(savelog, "MAX_SAVE_BYTES", size + 1500)
    monkeypatch.setattr(savelog, "SAVE_RESERVE_BYTES", 1000)
    choose(game, "t1")  # a short line fits
    before = game.path.read_bytes()
    with pytest.raises(SaveError) as caught:
        game.add_note("x" * 600)  # an ordinary event may not use the reserve
    assert caught.value.code == "save.full"
    assert game.path.read_bytes() == before
    game.reveal()
    with pytest.raises(SaveError):
        game.add_note("x" * 600)
    game.next()  # the closing step fits in the reserve
    game.record_action("t1", "We bespreken het volgende week.")
    game.end()
    game.close()
    assert game.path.stat().st_size <= savelog.MAX_SAVE_BYTES
    read = read_save(game.path)
    assert read.session.ended and read.warnings == []


def test_a_deck_whose_snapshot_does_not_fit_leaves_no_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(savelog, "MAX_SAVE_BYTES", 4096)
    monkeypatch.setattr(savelog, "SAVE_RESERVE_BYTES", 0)
    with pytest.raises(SaveError) as caught:
        Game.new(tiny_deck(40), ["Rood"], save_dir=tmp_path)
    assert caught.value.code == "save.full"
    assert list(tmp_path.iterdir()) == []


def test_a_nearly_full_save_can_still_be_resumed_and_closed(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = Game.new(deck, ["Rood"], save_dir=tmp_path, cards=1)
    game.close()
    monkeypatch.setattr(savelog, "MAX_SAVE_BYTES", game.path.stat().st_size + 1000)
    monkeypatch.setattr(savelog, "SAVE_RESERVE_BYTES", 1000)
    again = Game.resume(game.path)  # session_resumed uses the reserve
    with pytest.raises(SaveError):
        choose(again, "t1")
    again.stop_dealing()
    again.record_action("t1", "Volgende keer beter.")
    again.end()
    again.close()
    assert read_save(game.path).session.actions == {"t1": "Volgende keer beter."}


def test_play_with_more_cards_than_the_cap_is_one_line_at_start(tmp_path: Path) -> None:
    cards = "".join(GOOD_CARD.replace("kaart-1", f"k{i}") for i in range(MAX_CARDS_PER_SESSION + 1))
    (tmp_path / "groot.yaml").write_text(deck_text(cards), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "goedwerk_tui",
            "--lang",
            "en",
            "play",
            "groot.yaml",
            "--cards",
            "501",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT), "GOEDWERK_SAVES": str(tmp_path / "saves")},
    )
    assert result.returncode == 1
    assert result.stderr == (
        "goedwerk: at most 500 cards in one session (asked for 501); use --cards 500 or fewer\n"
    )
    assert not (tmp_path / "saves").exists()
