"""Whole sessions played through the keyboard, then checked line by line in the save."""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.domain.events import kind_of
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.ui.screens.choice import ChoiceScreen
from goedwerk_tui.ui.screens.closing import ClosingScreen, SummaryScreen
from goedwerk_tui.ui.screens.confirm import ConfirmScreen
from goedwerk_tui.ui.screens.play import PlayScreen
from goedwerk_tui.ui.screens.reveal import RevealScreen
from tests.conftest import present
from tests.tui.helpers import FakeClock, app_for, choose, keys, save_lines, screen_text

DECK = "goed-werk-openbaar-bestuur"


async def test_two_teams_play_three_cards_and_everything_is_in_the_save(saves_dir: Path) -> None:
    clock = FakeClock()
    app = app_for(
        ["play", DECK, "--team", "Rood", "--team", "Blauw", "--cards", "3"], saves_dir, clock
    )
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, PlayScreen)
        for round_number in range(1, 4):
            clock.advance(30)
            await choose(pilot, 1, steps=-2, option="A", pole_a=1, pole_b=1, rationale="Eerlijk")
            clock.advance(15)
            await choose(pilot, 2, steps=1, option="B", pole_b=1)
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, RevealScreen)
            if round_number == 2:
                await pilot.press("o", *keys("Goed gesprek"), "enter")
                await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        await pilot.press(*keys("Elke maand een dilemma"), "enter")
        await pilot.press(*keys("Vaker feedback vragen"), "enter")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Elke maand een dilemma" in screen_text(app)

    lines = save_lines(saves_dir)
    assert [line["seq"] for line in lines] == list(range(len(lines)))
    assert [line["event"] for line in lines] == [
        "session_started",
        *(["card_dealt", "choice_recorded", "choice_recorded", "card_revealed"] * 1),
        "card_dealt", "choice_recorded", "choice_recorded", "card_revealed", "note_added",
        "card_dealt", "choice_recorded", "choice_recorded", "card_revealed",
        "closing_started",
        "action_recorded",
        "action_recorded",
        "session_ended",
    ]  # fmt: skip
    start = lines[0]
    assert start["format"] == "goedwerk-save/1"
    assert start["teams"] == [{"id": "t1", "name": "Rood"}, {"id": "t2", "name": "Blauw"}]
    assert start["settings"] == {"seed": None, "order": "deck", "timer": None, "measure": False}
    assert len(start["cards"]) == 3
    first_choice = lines[2]
    assert first_choice["team"] == "t1"
    assert first_choice["stance"] == -2
    assert first_choice["option"] == "A"
    assert first_choice["rationale"] == "Eerlijk"
    assert first_choice["seconds"] == 30.0
    card = next(c for c in start["deck"]["cards"] if c["id"] == first_choice["card"])
    suggested = card["values"]
    assert first_choice["values"] == {"a": [suggested[0]], "b": [suggested[1]]}
    assert lines[3]["values"] == {"a": [], "b": [suggested[0]]}
    assert lines[3]["stance"] == 1
    assert lines[3]["seconds"] == 45.0
    assert lines[9]["text"] == "Goed gesprek"
    actions = [line for line in lines if line["event"] == "action_recorded"]
    assert [(a["team"], a["text"]) for a in actions] == [
        ("t1", "Elke maand een dilemma"),
        ("t2", "Vaker feedback vragen"),
    ]
    assert lines[0]["ts"].endswith("Z")


async def test_three_teams_choices_stay_hidden_until_reveal_and_changes_are_kept(
    saves_dir: Path,
) -> None:
    app = app_for(
        ["play", DECK, "--team", "A-team", "--team", "B-team", "--team", "C-team", "--cards", "1"],
        saves_dir,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await choose(pilot, 1, steps=-1, option="A", pole_a=1)
        shown = screen_text(app)
        assert "A-team" in shown and "✓" in shown
        assert "-1" not in shown  # the stance of team 1 is not shown to the others
        await pilot.press("r")  # not everyone has chosen: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await choose(pilot, 2, steps=2, option="C", pole_b=2)
        await choose(pilot, 1, steps=-2, option="B", pole_a=1)  # team 1 changes its mind
        await choose(pilot, 3, option="D", pole_a=1, pole_b=1)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RevealScreen)
        shown = screen_text(app)
        assert "A-team (-2) en B-team (+2), 4 stappen" in shown
    choices = [line for line in save_lines(saves_dir) if line["event"] == "choice_recorded"]
    assert [(c["team"], c["stance"], c["option"]) for c in choices] == [
        ("t1", -1, "A"),
        ("t2", 2, "C"),
        ("t1", -2, "B"),
        ("t3", 0, "D"),
    ]


async def test_resume_after_a_kill_in_the_middle_of_a_round(saves_dir: Path) -> None:
    app = app_for(["play", DECK, "--team", "Rood", "--team", "Blauw", "--cards", "2"], saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await choose(pilot, 1, steps=1, option="A", pole_b=1, rationale="Eerste keuze")
    # the app stopped without ending the session; now cut the file as a crash would
    [path] = sorted(saves_dir.glob("*.jsonl"))
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"seq": 99, "ts": "2026')  # a torn line that was never confirmed
    resumed = app_for(["resume", str(path)], saves_dir)
    async with resumed.run_test(size=(100, 30)) as pilot:
        assert isinstance(resumed.screen, PlayScreen)
        session = resumed.game.session
        assert present(session.current).choices["t1"].rationale == "Eerste keuze"
        assert session.waiting_for() == ["t2"]
        await choose(pilot, 2, steps=-1, option="B", pole_a=1)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(resumed.screen, RevealScreen)
    read = read_save(path)
    assert read.warnings == []  # the torn tail was cut off on resume
    events = [kind_of(e) for e in read.events]
    assert events.count("session_resumed") == 1
    assert events[-1] == "card_revealed"


async def test_markup_and_escape_sequences_in_team_names_are_shown_literally(
    saves_dir: Path,
) -> None:
    app = app_for(
        [
            "play",
            DECK,
            "--team",
            "[bold red]Rood[/]",
            "--team",
            "\x1b[31mBlauw\x07",
            "--cards",
            "1",
        ],
        saves_dir,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "[bold red]Rood[/]" in shown
        assert "2  Blauw" in shown and "\x1b" not in shown and "\x07" not in shown
    start = save_lines(saves_dir)[0]
    assert [t["name"] for t in start["teams"]] == ["[bold red]Rood[/]", "Blauw"]


async def test_timer_counts_down_warns_and_never_takes_the_choice_away(saves_dir: Path) -> None:
    clock = FakeClock()
    app = app_for(
        ["play", DECK, "--team", "Rood", "--team", "Blauw", "--timer", "90", "--cards", "1"],
        saves_dir,
        clock,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert "Tijd: 1:30" in screen_text(app)
        clock.advance(70)
        screen.refresh_status()
        assert "Nog 0:20!" in screen_text(app)
        clock.advance(40)
        screen.refresh_status()
        assert "Tijd is om: 0:20 over de limiet" in screen_text(app)
        await pilot.press("1")  # the choice dialog shows the card's timer too
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "Tijd is om: 0:20 over de limiet" in screen_text(app)
        await pilot.press("escape")  # nothing changed: closes without asking
        await pilot.pause()
        await choose(pilot, 1, option="A", pole_a=1)
        assert "t1" in present(app.game.session.current).choices


async def test_english_on_request(saves_dir: Path) -> None:
    app = app_for(
        ["play", DECK, "--lang", "en", "--team", "Red", "--team", "Blue", "--cards", "1"],
        saves_dir,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Card 1 of 1" in shown and "not yet" in shown
        await choose(pilot, 1, option="A", pole_a=1)
        await choose(pilot, 2, option="B", pole_b=1)
        await pilot.press("r")
        await pilot.pause()
        shown = screen_text(app)
        assert "All teams took the same stance." in shown
        assert "Choice A" in shown and "Choice B" in shown and "in the middle" in shown
    assert save_lines(saves_dir)[0]["language"] == "en"


async def test_skip_a_card_and_stop_early_with_a_confirmation(saves_dir: Path) -> None:
    app = app_for(["play", DECK, "--team", "Rood", "--team", "Blauw", "--cards", "3"], saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        first = present(app.game.session.current).card_id
        await pilot.press("s")  # asks first; Esc keeps the card
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Deze kaart overslaan?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert present(app.game.session.current).card_id == first
        await pilot.press("s", "enter")  # Enter = yes
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert present(app.game.session.current).card_id != first
        await pilot.press("e")  # asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("e", "enter")  # confirmed: the cards stop
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
    events = [line["event"] for line in save_lines(saves_dir)]
    assert events == [
        "session_started",
        "card_dealt",
        "card_skipped",
        "card_dealt",
        "card_skipped",
        "closing_started",
    ]
