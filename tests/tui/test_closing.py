"""The closing step: nothing typed is lost, the screen says what is recorded, and the
facilitator can go back to the cards while they remain."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.ui.screens.closing import ClosingScreen, SummaryScreen
from goedwerk_tui.ui.screens.confirm import ConfirmScreen
from goedwerk_tui.ui.screens.play import PlayScreen
from tests.conftest import present
from tests.tui.helpers import app_for, choose, footer_keys, keys, save_lines, screen_text

DECK = "goed-werk-openbaar-bestuur"


async def play_to_closing(pilot: Pilot[None]) -> None:
    """Both teams choose on the first card, reveal, then stop dealing (confirmed)."""
    await choose(pilot, 1, option="A", pole_a=1)
    await choose(pilot, 2, option="B", pole_b=1)
    await pilot.press("r")
    await pilot.pause()
    await pilot.press("e", "enter")
    await pilot.pause()


def actions_in(saves_dir: Path) -> list[tuple[str, str]]:
    lines = save_lines(saves_dir)
    return [(x["team"], x["text"]) for x in lines if x["event"] == "action_recorded"]


async def test_ctrl_s_records_every_typed_action_not_only_those_confirmed_with_enter(
    saves_dir: Path,
) -> None:
    app = app_for(["play", DECK, "--team", "A", "--team", "B", "--cards", "1"], saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_closing(pilot)
        assert isinstance(app.screen, ClosingScreen)
        await pilot.press(*keys("Elke maand een dilemma"), "tab", *keys("Vaker feedback"))
        await pilot.pause()
        shown = screen_text(app)
        assert shown.count("getypt, nog niet vastgelegd") == 2  # typed, not yet recorded
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        shown = screen_text(app)
        assert "Elke maand een dilemma" in shown and "Vaker feedback" in shown
        assert "(geen actie)" not in shown
    assert actions_in(saves_dir) == [("t1", "Elke maand een dilemma"), ("t2", "Vaker feedback")]
    assert save_lines(saves_dir)[-1]["event"] == "session_ended"


async def test_each_label_says_whether_its_action_is_recorded(saves_dir: Path) -> None:
    app = app_for(["play", DECK, "--team", "A", "--team", "B", "--cards", "1"], saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_closing(pilot)
        await pilot.press(*keys("Plan"), "enter")  # Enter records A's and moves on to B
        await pilot.pause()
        focused = app.screen.focused
        assert focused is not None and focused.id == "action-t2"
        shown = screen_text(app)
        assert "✓ vastgelegd" in shown and "nog niet vastgelegd" not in shown
        await pilot.press(*keys("Idee"))
        await pilot.pause()
        shown = screen_text(app)
        assert "✓ vastgelegd" in shown and "✎ getypt, nog niet vastgelegd" in shown
    assert actions_in(saves_dir) == [("t1", "Plan")]


async def test_finishing_with_a_missing_action_asks_first(saves_dir: Path) -> None:
    app = app_for(["play", DECK, "--team", "A", "--team", "B", "--cards", "1"], saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_closing(pilot)
        await pilot.press(*keys("Alleen A"), "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Nog geen actie van: B" in screen_text(app)
        await pilot.press("escape")  # no: back to the fields, A's action is recorded
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        await pilot.press("ctrl+s", "enter")  # yes: finish without B's action
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    assert actions_in(saves_dir) == [("t1", "Alleen A")]


async def test_q_types_into_the_field_and_ctrl_q_quits_keeping_what_was_typed(
    saves_dir: Path,
) -> None:
    app = app_for(["play", DECK, "--team", "A", "--team", "B", "--cards", "1"], saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_closing(pilot)
        await pilot.press(*keys("quiz"))
        await pilot.pause()
        focused = app.screen.focused
        assert app.is_running and isinstance(focused, Input) and focused.value == "quiz"
        assert footer_keys(app)["ctrl+q"] == "^q"  # the footer shows how to quit
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert actions_in(saves_dir) == [("t1", "quiz")]


async def test_esc_goes_back_to_the_cards_while_cards_remain_and_no_action_is_recorded(
    saves_dir: Path,
) -> None:
    app = app_for(["play", DECK, "--team", "A", "--team", "B", "--cards", "3"], saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_closing(pilot)
        assert isinstance(app.screen, ClosingScreen)
        assert "escape" in footer_keys(app)
        await pilot.press(*keys("half"), "escape")  # typed text would be lost: asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        focused = app.screen.focused
        assert isinstance(app.screen, ClosingScreen)
        assert isinstance(focused, Input) and focused.value == "half"
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert present(app.game.session.current).number == 2
        await choose(pilot, 1, option="A", pole_a=1)
        await choose(pilot, 2, option="A", pole_a=1)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("e", "enter")
        await pilot.pause()
        await pilot.press(*keys("Plan"), "enter")  # once an action is recorded, Esc is gone
        await pilot.pause()
        assert "escape" not in footer_keys(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
    events = [line["event"] for line in save_lines(saves_dir)]
    assert events.count("dealing_resumed") == 1
    assert events.index("dealing_resumed") == events.index("closing_started") + 1
    [path] = sorted(saves_dir.glob("*.jsonl"))
    read = read_save(path)
    assert read.warnings == []  # the reader accepts the new event
    assert read.session.closing and len(read.session.rounds) == 2
