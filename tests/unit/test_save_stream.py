"""The first line of a save holds the deck snapshot, streamed card by card."""

from __future__ import annotations

import json
from pathlib import Path

from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import parse_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.snapshot import deck_from_data, deck_to_data
from tests.unit.deck_helpers import GOOD_CARD, deck_text


def big_deck(cards: int) -> Deck:
    text = deck_text(
        "".join(
            GOOD_CARD.replace("kaart-1", f"kaart-{i}").replace(
                "Een situatie", f"Situatie {i} met 'aanhalingstekens', een ü en een é"
            )
            for i in range(cards)
        )
    )
    result = parse_deck(text, "deck.yaml", Path("."))
    assert result.deck is not None, result.diagnostics
    return result.deck


def test_a_streamed_snapshot_is_the_same_json_as_a_whole_one(tmp_path: Path) -> None:
    deck = big_deck(600)  # well over one 64 KiB write
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=tmp_path, shuffle=True, seed=7)
    game.close()
    first, second = game.path.read_text(encoding="utf-8").splitlines()[:2]
    start = json.loads(first)
    assert start["event"] == "session_started"
    assert len(first.encode("utf-8")) > 2 * 65536  # 500 cards: MAX_CARDS_PER_SESSION
    # as JSON: the snapshot's lists are tuples until they are written
    assert start["deck"] == json.loads(json.dumps(deck_to_data(deck, start["cards"])))
    assert [c["id"] for c in start["deck"]["cards"]] == start["cards"]
    assert deck_from_data(start["deck"]).cards_by_id.keys() == set(start["cards"])
    assert json.loads(second)["event"] == "card_dealt"


def test_a_session_of_one_card_snapshots_one_card(tmp_path: Path) -> None:
    game = Game.new(big_deck(5), ["Rood"], save_dir=tmp_path, cards=1)
    game.close()
    start = json.loads(game.path.read_text(encoding="utf-8").splitlines()[0])
    assert [c["id"] for c in start["deck"]["cards"]] == ["kaart-0"]
