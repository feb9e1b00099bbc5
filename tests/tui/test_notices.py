"""Notices the game has for the facilitator (a save re-created, say) are shown after
each intent, in the session's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from goedwerk_tui.domain.errors import SaveError
from tests.tui.helpers import app_for, choose

DECK = "goed-werk-openbaar-bestuur"


async def test_a_notice_from_the_game_is_shown_after_the_next_intent(saves_dir: Path) -> None:
    app = app_for(["play", DECK, "--team", "A", "--team", "B", "--cards", "1"], saves_dir)
    shown: list[tuple[str, dict[str, Any]]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.notify = lambda message, **kw: shown.append((message, kw))  # type: ignore[method-assign]  # a test double
        app.game.path.unlink()  # rm of the save mid-session: the next intent writes it again
        recreated = SaveError("save.recreated", path=str(app.game.path)).message("nl")
        await choose(pilot, 1, option="A", pole_a=1)
        assert (recreated, "warning") in [(m, kw["severity"]) for m, kw in shown]
        assert "opnieuw volledig geschreven" in recreated
        assert app.game.take_notices() == []  # shown once, not again
        count = len(shown)
        await choose(pilot, 2, option="A", pole_a=1)
        assert all(m != recreated for m, _ in shown[count:])
        assert app.game.path.exists()


async def test_a_deck_over_the_card_cap_says_so_when_the_session_opens(
    saves_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("goedwerk_tui.domain.game.MAX_CARDS_PER_SESSION", 3)
    app = app_for(["play", DECK, "--team", "A"], saves_dir)
    shown: list[str] = []
    app.notify = lambda message, **kw: shown.append(message)  # type: ignore[method-assign]  # a test double
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert len(app.game.session.cards) == 3
        assert any("deze sessie deelt de eerste 3" in m for m in shown), shown
