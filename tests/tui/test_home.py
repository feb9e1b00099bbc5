"""The home screen: new session, resume, debrief, all by keyboard."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.ui.screens.home import HomeScreen, NewSessionScreen, SavePickerScreen
from goedwerk_tui.ui.screens.play import PlayScreen
from goedwerk_tui.ui.screens.replay import ReplayScreen
from tests.conftest import DECKS
from tests.tui.helpers import app_for, keys, save_lines
from tests.tui.sessions import played_save


async def test_new_session_from_the_home_screen(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")  # the first option: new session
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)
        teams = app.screen.query_one("#teams", Input)
        teams.value = ""
        teams.focus()
        await pilot.press(*keys("Noord, Zuid, Oost"))
        app.screen.query_one("#cards", Input).value = "2"
        app.screen.query_one("#timer", Input).value = "120"
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert [team.name for team in app.game.session.teams] == ["Noord", "Zuid", "Oost"]
    start = save_lines(saves_dir)[0]
    assert start["settings"]["timer"] == 120
    assert len(start["cards"]) == 2
    assert start["deck"]["id"] == "goed-werk-openbaar-bestuur"


async def test_resume_lists_only_unfinished_sessions(saves_dir: Path) -> None:
    played_save(saves_dir)  # finished: not offered for resume
    deck = load_deck(DECKS / "good-work-public-service.yaml")
    unfinished = Game.new(deck, ["Red", "Blue"], save_dir=saves_dir, cards=1)
    unfinished.close()
    app = app_for([], saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SavePickerScreen)
        assert list(app.screen.saves) == [str(unfinished.path)]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.game.path == unfinished.path


async def test_debrief_opens_a_saved_session(saves_dir: Path) -> None:
    played_save(saves_dir)
    app = app_for([], saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SavePickerScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)


async def test_choosing_the_english_deck_switches_the_language(saves_dir: Path) -> None:
    from textual.widgets import Select

    app = app_for([], saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        deck = app.screen.query_one("#deck", Select)
        deck.value = str(DECKS / "good-work-public-service.yaml")
        await pilot.pause()
        assert app.screen.query_one("#language", Select).value == "en"
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.lang == "en"
    assert save_lines(saves_dir)[0]["language"] == "en"
