"""Warning toasts of replay and resume show a hostile save's text inert, in the
session's language (Dutch here), with the line numbers of what was recovered."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.app import App

from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.text import UNSAFE_CHARS
from goedwerk_tui.ui.screens.home import HomeScreen, SavePickerScreen
from goedwerk_tui.ui.screens.play import PlayScreen
from goedwerk_tui.ui.screens.replay import ReplayScreen
from tests.conftest import DECKS
from tests.tui.helpers import FakeClock, app_for

HOSTILE = "\x1b]52;c;aGk=\x07\x1b]0;pwned\x07\x1b[2J"
SHOWN = "\\u001b]52;c;aGk=\\u0007\\u001b]0;pwned\\u0007\\u001b[2J"


def unfinished_save(folder: Path) -> tuple[Path, int]:
    """A session on its first card, then a line with a hostile event name and one
    with a hostile time stamp; the number of the hostile event's line."""
    deck = load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=folder, cards=2, clock=FakeClock())
    card = game.session.current_card
    assert card is not None
    game.record_choice("t1", -1, "A", [card.values[0]], [], "Eerst dit")
    game.close()
    with open(game.path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"seq": 90, "ts": "x", "event": HOSTILE}) + "\n")
        handle.write(json.dumps({"seq": 91, "ts": HOSTILE, "event": "session_resumed"}) + "\n")
    return game.path, 4


def record_toasts(app: App[None]) -> list[str]:
    """Every notification the app shows (still shown: the real notify is called)."""
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, **kwargs: Any) -> None:
        shown.append(message)
        notify(message, **kwargs)

    app.notify = recording  # type: ignore[method-assign]  # a test double around the real one
    return shown


def assert_inert(toasts: list[str]) -> None:
    assert toasts
    for toast in toasts:
        assert UNSAFE_CHARS.search(toast) is None, repr(toast)


async def test_replay_toasts_show_a_hostile_event_and_time_stamp_inert(tmp_path: Path) -> None:
    save, line = unfinished_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    toasts = record_toasts(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
    assert_inert(toasts)
    assert f"Let op: {save}:{line}: onbekende gebeurtenis '{SHOWN}'; regel overgeslagen" in toasts
    assert any(f"niet afgesloten (laatst opgeslagen {SHOWN})" in toast for toast in toasts)


async def test_resume_toasts_show_a_hostile_event_inert_in_the_asked_language(
    tmp_path: Path,
) -> None:
    save, line = unfinished_save(tmp_path)
    app = app_for(["resume", str(save), "--lang", "en"], tmp_path)
    toasts = record_toasts(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
    assert_inert(toasts)
    assert f"{save}:{line}: unknown event '{SHOWN}'; line ignored" in toasts


async def test_resuming_from_the_home_screen_shows_the_same_warnings(tmp_path: Path) -> None:
    save, line = unfinished_save(tmp_path)
    app = app_for([], tmp_path)
    toasts = record_toasts(app)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("down", "enter")  # "Sessie hervatten"
        await pilot.pause()
        assert isinstance(app.screen, SavePickerScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
    assert_inert(toasts)
    assert "Sessie hervat vanaf het logboek." in toasts
    assert f"{save}:{line}: onbekende gebeurtenis '{SHOWN}'; regel overgeslagen" in toasts
