"""Quitting asks first when it would lose what a facilitator chose but did not record:
a team's partly chosen scores (before-measure, closing step) or a changed choice or
stance in an open dialog. Enter quits (complete teams are recorded as before), Esc goes
back with everything kept; with nothing to lose it quits at once."""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.ui.screens.choice import ChoiceScreen
from goedwerk_tui.ui.screens.closing import ClosingScreen
from goedwerk_tui.ui.screens.confirm import ConfirmScreen
from goedwerk_tui.ui.screens.measure import MeasureScreen
from goedwerk_tui.ui.screens.stance_dialog import StanceDialog
from goedwerk_tui.ui.widgets.score_picker import ScorePicker
from tests.tui.helpers import app_for, choose, keys, save_lines, screen_text
from tests.tui.test_measure import PLAY, measures, rate
from tests.tui.test_variations import PLAY as TWO_CARDS
from tests.tui.test_variations import reveal_first_card


def scores_shown(screen: object) -> dict[str | None, int | None]:
    assert isinstance(screen, (MeasureScreen, ClosingScreen))
    return {picker.id: picker.score for picker in screen.query(ScorePicker)}


async def test_q_with_partly_chosen_before_scores_asks_and_esc_keeps_them(
    saves_dir: Path,
) -> None:
    app = app_for(PLAY, saves_dir, measure=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await rate(pilot, "4", "3", "5")  # Rood complete and recorded
        await pilot.press("2", "tab", "5", "q")  # Blauw: identification still empty
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Nog niet alle scores van: Blauw. Toch stoppen?" in screen_text(app)
        await pilot.press("escape")  # back, the chosen scores kept
        await pilot.pause()
        assert isinstance(app.screen, MeasureScreen) and not app.is_exiting
        shown = scores_shown(app.screen)
        assert shown["score-t2-ownership"] == 2 and shown["score-t2-meaningfulness"] == 5
        await pilot.press("ctrl+q", "enter")  # asked again; Enter quits
        await pilot.pause()
        assert app.is_exiting
    assert [m[1] for m in measures(saves_dir)] == ["t1"]


async def test_ctrl_q_in_the_closing_step_with_partly_chosen_after_scores_asks_first(
    saves_dir: Path,
) -> None:
    app = app_for(PLAY, saves_dir, measure=True)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("s", "enter")  # skip the before-measure
        await pilot.pause()
        await choose(pilot, 1, option="A", pole_a=1)
        await choose(pilot, 2, option="B", pole_b=1)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        await pilot.press(*keys("Elke maand een dilemma"), "enter", "2", "tab", "5", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Nog niet alle scores van: Rood. Toch stoppen?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen) and not app.is_exiting
        assert scores_shown(app.screen)["score-t1-meaningfulness"] == 5
        await pilot.press("ctrl+q", "enter")
        await pilot.pause()
        assert app.is_exiting
    actions = [x["text"] for x in save_lines(saves_dir) if x["event"] == "action_recorded"]
    assert actions == ["Elke maand een dilemma"] and measures(saves_dir) == []


async def test_ctrl_q_in_a_changed_choice_dialog_asks_and_esc_keeps_the_draft(
    saves_dir: Path,
) -> None:
    app = app_for(TWO_CARDS, saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "left", "tab", "b", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Keuze nog niet vastgelegd. Toch stoppen?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceScreen) and not app.is_exiting
        assert dialog.draft().stance == -1 and dialog.draft().option == "B"
        await pilot.press("ctrl+q", "enter")
        await pilot.pause()
        assert app.is_exiting


async def test_ctrl_q_in_an_unchanged_choice_dialog_quits_at_once(saves_dir: Path) -> None:
    app = app_for(TWO_CARDS, saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_exiting


async def test_ctrl_q_in_a_changed_variation_stance_dialog_asks_first(saves_dir: Path) -> None:
    app = app_for(TWO_CARDS, saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await reveal_first_card(pilot)
        await pilot.press("v", "1", "1", "right", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Keuze nog niet vastgelegd. Toch stoppen?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StanceDialog) and not app.is_exiting
        assert app.screen.draft().stance == 0  # Rood stood at -1; one step right
