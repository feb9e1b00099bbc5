"""Notices the game has for the facilitator (a save re-created, say) are shown after
each intent, in the session's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from goedwerk_tui.domain.errors import SaveError
from tests.tui.helpers import app_for, choose

DECK = "goed-werk-openbaar-bestuur"


async def test_a_notice_from_the_game_is_shown_after_the_next_intent(saves_dir: Path) -> None:
    app = app_for(["play", DECK, "--team", "A", "--team", "B", "--cards", "1"], saves_dir)
    shown: list[tuple[str, dict[str, Any]]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.notify = lambda message, **kw: shown.append((message, kw))  # type: ignore[method-assign]
        app.game.notices.append(SaveError("the save was re-created"))
        await choose(pilot, 1, option="A", pole_a=1)
        assert ("the save was re-created", "warning") in [(m, kw["severity"]) for m, kw in shown]
        assert app.game.take_notices() == []  # shown once, not again
        count = len(shown)
        await choose(pilot, 2, option="A", pole_a=1)
        assert all(m != "the save was re-created" for m, _ in shown[count:])
