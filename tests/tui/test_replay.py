"""Walking a saved session through for a debrief, as a debrief leader would."""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.ui.screens.replay import OverviewScreen, ReplayScreen
from tests.tui.helpers import app_for, screen_text
from tests.tui.sessions import played_save


def shown(app) -> str:  # noqa: ANN001
    return screen_text(app, 120)


async def test_step_through_a_round_choice_by_choice(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ReplayScreen)
        assert "stap 0 van 3" in shown(app)
        assert "Eerst dit" not in shown(app)
        await pilot.press("right")
        text = shown(app)
        assert "stap 1 van 3" in text and "Eerst dit" in text and "Draagvlak telt" not in text
        await pilot.press("right", "right")
        text = shown(app)
        assert "Toch dit" in text and "eerder" in text  # the change of mind is visible
        assert "Goed gesprek over [b]trots[/b]" in text  # the note, literally
        assert "Reflectie" in text
        await pilot.press("left")
        assert "stap 2 van 3" in shown(app)
        await pilot.press("n")
        assert "Deze kaart is overgeslagen." in shown(app) or "stap 0 van 0" in shown(app)
        await pilot.press("p")
        assert "stap 0 van 3" in shown(app)


async def test_guess_first_hides_the_next_choice_until_asked(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "right")
        text = shown(app)
        assert "Raad eerst: welke positie koos Rood?" in text
        assert "Eerst dit" not in text
        await pilot.press("right")
        text = shown(app)
        assert "Eerst dit" in text and "Raad eerst" not in text


async def test_overview_shows_leans_values_apart_unused_and_actions(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", "--lang", "en", str(save)], tmp_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        text = shown(app)
        assert "Which pole each team leaned to" in text
        assert "█" in text
        assert "Cards where the teams were furthest apart" in text
        assert "Values nobody invoked" in text
        assert "Elke maand een dilemma" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReplayScreen)


async def test_two_tables_open_as_one_debrief(tmp_path: Path) -> None:
    first = played_save(tmp_path / "a")
    second = played_save(tmp_path / "b", teams=("Groen", "Geel"))
    app = app_for(["replay", str(first), str(second)], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right")
        assert "Tafel 1 · Rood" in shown(app)
        await pilot.press("o")
        text = shown(app)
        assert "Tafel 2 · Groen" in text and "Tafel 1: " in text and "Tafel 2: " in text


async def test_a_torn_save_opens_with_a_clear_warning(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    with open(save, "a", encoding="utf-8") as handle:
        handle.write('{"seq": 40, "ts": "20')  # the program died while writing
    app = app_for(["replay", str(save)], tmp_path)
    warnings: list[str] = []
    app.notify = lambda message, **kwargs: warnings.append(message)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("right")
        assert "Eerst dit" in shown(app)
    assert any("de laatste regel is afgebroken" in w for w in warnings)  # a Dutch session


async def test_on_a_narrow_screen_answers_stack_and_the_card_list_makes_room(
    tmp_path: Path,
) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rounds = app.screen.query_one("#rounds")
        assert rounds.display is False
        await pilot.press("right", "right", "right")
        text = screen_text(app, 80)
        assert "“Toch dit”" in text and "(eerder)" in text
        await pilot.press("l")
        assert rounds.display is True
