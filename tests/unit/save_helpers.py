"""Playing and reading back saves in the save fault and limit tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from goedwerk_tui.domain.events import Event
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.savelog import read_save


def choose(game: Game, team: str, rationale: str = "Omdat het moet.") -> Event:
    card = game.session.current_card
    assert card is not None
    return game.record_choice(team, -1, "A", [card.values[0]], [], rationale)


def lines_of(path: Path) -> list[dict[str, Any]]:
    """Every line of the save, each one a whole JSON object ending in a newline."""
    raw = path.read_bytes()
    assert raw.endswith(b"\n")
    return [json.loads(line) for line in raw.decode("utf-8").split("\n")[:-1]]


def assert_complete(path: Path, kinds: list[str]) -> None:
    """The save holds exactly these events, in order, seq counting up from 0, and
    reads without a warning."""
    lines = lines_of(path)
    assert [line["event"] for line in lines] == kinds
    assert [line["seq"] for line in lines] == list(range(len(lines)))
    assert read_save(path).warnings == []
