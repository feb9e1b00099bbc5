"""The before/after measure: each team rates ownership, meaningfulness and
identification from 1 to 5 before the first card and again in the closing step; the
summary shows both and the change."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Checkbox

from goedwerk_tui.cli import build_parser
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.measure import Scores
from goedwerk_tui.ui.screens.closing import ClosingScreen, SummaryScreen
from goedwerk_tui.ui.screens.confirm import ConfirmScreen
from goedwerk_tui.ui.screens.measure import MeasureScreen
from goedwerk_tui.ui.screens.play import PlayScreen
from goedwerk_tui.ui.widgets.score_picker import ScorePicker
from tests.conftest import DECKS
from tests.tui.helpers import (
    app_for,
    choose,
    footer_keys,
    keys,
    open_form,
    save_lines,
    screen_text,
    settle,
)

PLAY = ["play", "goed-werk-openbaar-bestuur", "--team", "Rood", "--team", "Blauw", "--cards", "1"]


def measures(saves_dir: Path) -> list[tuple[str, str, dict[str, int]]]:
    lines = save_lines(saves_dir)
    return [
        (x["moment"], x["team"], x["scores"]) for x in lines if x["event"] == "measure_recorded"
    ]


def shown_text(app: App[None]) -> str:
    """What the screen shows: its texts and every 1-5 scale as drawn."""
    scales = "\n".join(picker.render().plain for picker in app.screen.query(ScorePicker))
    return screen_text(app) + scales


async def rate(pilot: Pilot[None], *scores: str) -> None:
    """The focused team's three scales: a score key each, Tab between, Enter records."""
    await pilot.press(scores[0], "tab", scores[1], "tab", scores[2], "enter")
    await pilot.pause()


async def test_the_before_measure_comes_first_and_then_the_first_card(saves_dir: Path) -> None:
    app = app_for(PLAY, saves_dir, measure=True)
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, MeasureScreen)
        assert app.game.session.current is None  # no card dealt yet
        shown = shown_text(app)
        assert "Eigenaarschap: We kunnen invloed uitoefenen op de kwaliteit" in shown
        assert shown.count("nog geen score (1-5)") == 6
        assert {"enter", "ctrl+s", "s"} <= set(footer_keys(app))
        await rate(pilot, "4", "3", "5")
        shown = shown_text(app)
        assert "Rood  ✓ vastgelegd" in shown
        assert (
            "→ 4 = eens" in shown and "→ 3 = neutraal" in shown and "→ 5 = helemaal eens" in shown
        )
        await pilot.press("right", "enter")  # Blauw: ← → on an empty scale starts at 3
        await pilot.pause()
        focused = app.screen.focused  # incomplete: on to the first empty scale
        assert isinstance(focused, ScorePicker) and focused.id == "score-t2-meaningfulness"
        assert [m[1] for m in measures(saves_dir)] == ["t1"]  # incomplete: not recorded
        await pilot.press("ctrl+s")  # Blauw has no scores recorded: asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Nog geen voormeting van: Blauw. Toch beginnen?" in shown_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
    kinds = [x["event"] for x in save_lines(saves_dir)]
    assert kinds == ["session_started", "measure_recorded", "card_dealt"]
    assert save_lines(saves_dir)[0]["settings"]["measure"] is True
    scores = {"ownership": 4, "meaningfulness": 3, "identification": 5}
    assert measures(saves_dir) == [("before", "t1", scores)]


async def test_an_incomplete_team_is_not_recorded_and_says_what_is_missing(
    saves_dir: Path,
) -> None:
    app = app_for(PLAY, saves_dir, measure=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2", "enter")
        await pilot.pause()
        focused = app.screen.focused
        assert isinstance(focused, ScorePicker) and focused.goal == "meaningfulness"
        assert "✎ gekozen, nog niet vastgelegd" in shown_text(app)
    assert measures(saves_dir) == []


async def test_s_skips_the_measure_after_asking(saves_dir: Path) -> None:
    app = app_for(PLAY, saves_dir, measure=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no: still on the measure
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        await pilot.press("s", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
    assert [x["event"] for x in save_lines(saves_dir)] == ["session_started", "card_dealt"]


async def test_the_after_measure_sits_beside_each_action_and_the_summary_shows_the_change(
    saves_dir: Path,
) -> None:
    app = app_for(PLAY, saves_dir, measure=True)
    async with app.run_test(size=(100, 50)) as pilot:
        await rate(pilot, "2", "3", "4")
        await rate(pilot, "5", "5", "5")
        await pilot.press("ctrl+s")  # both recorded: straight to the first card
        await pilot.pause()
        await choose(pilot, 1, option="A", pole_a=1)
        await choose(pilot, 2, option="B", pole_b=1)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("n")  # the only card: on to the closing step
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        shown = shown_text(app)
        assert "Nameting van Rood" in shown and "voor: 2" in shown and "voor: 5" in shown
        await pilot.press(*keys("Elke maand een dilemma"), "enter")  # then Rood's scales
        await pilot.pause()
        focused = app.screen.focused
        assert isinstance(focused, ScorePicker) and focused.goal == "ownership"
        await rate(pilot, "4", "3", "5")
        assert "Nameting van Rood  ✓ vastgelegd" in shown_text(app)
        focused = app.screen.focused
        assert focused is not None and focused.id == "action-t2"
        await pilot.press(*keys("Vaker doorvragen"), "enter", "4", "tab", "4")
        await pilot.press("ctrl+s")  # Blauw's third scale is empty: asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Nog geen nameting van: Blauw. Toch afronden?" in shown_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        shown = shown_text(app)
        assert "Voor- en nameting" in shown
        assert "2 → 4 (+2)" in shown and "3 → 3 (0)" in shown and "4 → 5 (+1)" in shown
        assert "5 → - " in shown  # Blauw's after-measure is missing
    assert measures(saves_dir)[-1] == (
        "after",
        "t1",
        {"ownership": 4, "meaningfulness": 3, "identification": 5},
    )
    assert [m[0] for m in measures(saves_dir)] == ["before", "before", "after"]


async def test_a_resumed_session_that_had_not_dealt_shows_the_before_measure(
    saves_dir: Path,
) -> None:
    deck = load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=saves_dir, cards=1, measure=True)
    game.record_measure("before", "t1", Scores(ownership=1, meaningfulness=2, identification=3))
    game.close()
    app = app_for(["resume", str(game.path)], saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen)
        shown = shown_text(app)
        assert "Rood  ✓ vastgelegd" in shown and "→ 1 = helemaal oneens" in shown
        focused = app.screen.focused  # on Blauw, the team still to rate
        assert isinstance(focused, ScorePicker) and focused.id == "score-t2-ownership"


def test_no_measure_on_the_command_line_turns_it_off() -> None:
    assert build_parser().parse_args(["play"]).measure is True
    assert build_parser().parse_args(["play", "--no-measure"]).measure is False


async def test_the_home_form_can_turn_the_measure_off(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot)
        measure = form.query_one("#measure", Checkbox)
        assert measure.value is True  # on by default
        measure.value = False
        await pilot.press(*keys("Rood, Blauw"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
    assert save_lines(saves_dir)[0]["settings"]["measure"] is False


async def test_scores_a_device_records_are_shown_unless_being_rated_here(
    saves_dir: Path,
) -> None:
    """Live: a team's device records its before-measure; the screen shows it, but the
    scales someone is rating at the keyboard keep what was typed."""
    app = app_for(PLAY, saves_dir, measure=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2")  # Rood's first scale rated here, not recorded
        await pilot.pause()
        scores = Scores(ownership=5, meaningfulness=4, identification=3)
        app.game.record_measure("before", "t1", scores, via="device")
        app.game.record_measure("before", "t2", scores, via="device")
        app.live_changed()
        await pilot.pause()
        shown = shown_text(app)
        assert "Blauw  ✓ vastgelegd" in shown
        blue = app.screen.query_one("#score-t2-ownership", ScorePicker)
        red = app.screen.query_one("#score-t1-ownership", ScorePicker)
        assert (blue.score, red.score) == (5, 2)
