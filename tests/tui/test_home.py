"""The home screen: new session, resume, debrief, all by keyboard."""

from __future__ import annotations

import html
import threading
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Select

from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.replay_steps import ReplayIndex
from goedwerk_tui.domain.save_index import SaveSummary, list_saves
from goedwerk_tui.ui.screens.help import HelpScreen
from goedwerk_tui.ui.screens.home import HomeScreen, SavePickerScreen
from goedwerk_tui.ui.screens.measure import MeasureScreen
from goedwerk_tui.ui.screens.new_session import NewSessionScreen
from goedwerk_tui.ui.screens.play import PlayScreen
from goedwerk_tui.ui.screens.replay import ReplayScreen
from tests.conftest import DECKS
from tests.tui.helpers import app_for, keys, open_form, save_lines, screen_text, settle
from tests.tui.sessions import played_save


async def test_new_session_from_the_home_screen(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")  # the first option: new session
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)
        teams = app.screen.query_one("#team-names", Input)
        assert app.screen.focused is teams  # the first field has focus on open
        teams.value = ""
        await pilot.press(*keys("Noord, Zuid, Oost"))
        app.screen.query_one("#cards", Input).value = "2"
        app.screen.query_one("#timer", Input).value = "120"
        await pilot.click("#start")
        await settle(pilot)
        assert isinstance(app.screen, MeasureScreen)  # the before-measure is on by default
        assert [team.name for team in app.game.session.teams] == ["Noord", "Zuid", "Oost"]
    start = save_lines(saves_dir)[0]
    assert start["settings"]["timer"] == 120
    assert start["settings"]["measure"] is True
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
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SavePickerScreen)
        assert list(app.screen.saves) == [str(unfinished.path)]
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the save is read in a worker
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.game.path == unfinished.path


async def test_debrief_opens_a_saved_session(saves_dir: Path) -> None:
    played_save(saves_dir)
    app = app_for([], saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("down", "down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SavePickerScreen)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)


async def test_choosing_the_english_deck_switches_the_language(saves_dir: Path) -> None:
    from textual.widgets import Select

    app = app_for([], saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await settle(pilot)  # the decks are read in a worker
        deck = app.screen.query_one("#deck", Select)
        deck.value = str(DECKS / "good-work-public-service.yaml")
        await pilot.pause()
        assert app.screen.query_one("#language", Select).value == "en"
        await pilot.click("#start")
        await settle(pilot)
        assert isinstance(app.screen, MeasureScreen)  # the before-measure is on by default
        assert app.lang == "en"
    assert save_lines(saves_dir)[0]["language"] == "en"


async def test_the_teams_field_is_first_focused_and_shows_what_is_typed(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_form(pilot)
        teams = screen.query_one("#team-names", Input)
        assert screen.focused is teams
        assert teams.content_region.height == 1  # a text row, not only its borders
        assert teams.region.y < screen.query_one("#deck").region.y  # the first field
        await pilot.press("ctrl+u", *keys("Noord, Zuid"))
        await pilot.pause()
        assert teams.value == "Noord, Zuid"
        assert "Noord, Zuid" in html.unescape(app.export_screenshot()).replace("\xa0", " ")


async def test_enter_in_the_teams_field_starts_the_session(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        await pilot.press("ctrl+u", *keys("Noord, Zuid"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        assert [team.name for team in app.game.session.teams] == ["Noord", "Zuid"]


async def test_names_typed_into_the_fresh_form_are_the_teams(saves_dir: Path) -> None:
    """A newcomer just types the names: nothing is glued onto example text."""
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        await pilot.press(*keys("Rood, Blauw"), "enter")
        await settle(pilot)
        assert [team.name for team in app.game.session.teams] == ["Rood", "Blauw"]


async def test_an_empty_teams_field_plays_with_two_teams(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert [team.name for team in app.game.session.teams] == ["Team 1", "Team 2"]


async def test_the_form_keeps_the_language_goedwerk_was_started_in(saves_dir: Path) -> None:
    """`goedwerk --lang en`: the preselected Dutch deck does not turn the session Dutch."""
    app = app_for(["--lang", "en"], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.game.session.language == "en"


async def test_picking_an_english_deck_makes_english_the_default(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_form(pilot)
        english = next(p for p, lang in screen.deck_languages.items() if lang == "en")
        screen.query_one("#deck", Select).value = english
        await pilot.pause()
        assert screen.query_one("#language", Select).value == "en"


async def test_the_form_says_how_to_start_without_scrolling(saves_dir: Path) -> None:
    """At 80x24 the Start button is below the fold; the top of the form says Enter starts."""
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_form(pilot)
        hint = screen.query_one("#form-hint")
        assert "Enter in een tekstveld: sessie starten" in str(hint.render())
        assert 0 <= hint.region.y < 24


async def test_a_duplicate_team_name_is_refused_by_name_in_dutch(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_form(pilot)
        await pilot.press("ctrl+u", *keys("Rood, Blauw, rood"), "enter")
        await pilot.pause()
        assert app.screen is screen  # no session started
        assert "De teamnaam 'rood' staat er twee keer in" in screen_text(app, 80)
    assert not saves_dir.exists() or not list(saves_dir.glob("*.jsonl"))


async def test_too_many_teams_is_said_in_the_ui_language(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        await pilot.press("ctrl+u", *keys("a,b,c,d,e,f,g"), "enter")
        await pilot.pause()
        assert "hoogstens 6 teams" in screen_text(app, 80)
        assert "at most" not in screen_text(app, 80)


async def test_the_save_lists_are_read_in_a_worker(
    saves_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import goedwerk_tui.ui.screens.home as home

    played_save(saves_dir)
    release = threading.Event()

    def slow_list(folder: Path, *, unfinished: bool) -> list[SaveSummary]:
        assert release.wait(10)  # a slow disk: the UI loop must not wait for this
        return list_saves(folder, unfinished=unfinished)

    monkeypatch.setattr(home, "list_saves", slow_list)
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SavePickerScreen)
        assert "De opgeslagen sessies worden gelezen" in screen_text(app, 80)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.saves) == 1
        [option] = screen.query_one("#saves", OptionList).options
        assert str(option.prompt).startswith("Rood, Blauw  ·  ")


async def test_an_empty_saves_folder_says_so_on_the_list(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Geen onafgemaakte sessies gevonden" in screen_text(app, 80)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_long_save_is_opened_for_debrief_in_a_worker(
    saves_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import goedwerk_tui.ui.screens.replay as replay

    played_save(saves_dir)
    release = threading.Event()
    load = replay.load_replay

    def slow_load(paths: list[Path]) -> tuple[Debrief, ReplayIndex]:
        assert release.wait(10)  # seconds for a save of 100,000 events
        return load(paths)

    monkeypatch.setattr(replay, "load_replay", slow_load)
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "De sessie wordt geopend" in screen_text(app, 80)  # the screen answers
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)


async def test_the_home_palette_is_in_dutch_with_each_entry_once(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert len(titles) == len(set(titles))
        assert {"Toetsen tonen", "Kleurenthema kiezen", "Stoppen"} <= set(titles)
        assert {"Theme", "Quit", "Keys", "Screenshot", "Maximize"}.isdisjoint(titles)


async def test_escape_goes_back_from_the_replay_to_the_saves(saves_dir: Path) -> None:
    played_save(saves_dir)
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("l", "escape")  # the first Esc closes the card list
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, SavePickerScreen)
        assert "Kies met ↑ ↓ en Enter." in screen_text(app, 80)


async def test_team_names_pasted_with_escapes_arrive_clean(saves_dir: Path) -> None:
    from textual import events

    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_form(pilot)
        teams = screen.query_one("#team-names", Input)
        teams.value = ""
        teams.post_message(events.Paste("\x1b]0;titel\x07Rood, \u202eBlauw\x1b[2J"))
        await pilot.pause()
        assert teams.value == "Rood, Blauw"
        await pilot.press("enter")
        await settle(pilot)
        assert [team.name for team in app.game.session.teams] == ["Rood", "Blauw"]
