"""Replaying a session with "Maar wat als...?" variations and the before/after measure,
as a debrief leader steps through it with the keys the footer shows (→, ←, n, p, o)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App

from goedwerk_tui.ui.screens.replay import OverviewScreen, ReplayScreen
from tests.golden.sessions import variation_saves
from tests.tui.helpers import app_for, screen_text


@pytest.fixture
def saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    return variation_saves(tmp_path / "saves", monkeypatch)


def shown(app: App[None]) -> str:
    return screen_text(app, 120)


async def test_a_measured_session_opens_on_the_measure_before_and_steps_into_the_cards(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    app = app_for(["replay", str(saves[0])], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ReplayScreen)
        text = shown(app)
        assert "Meting vooraf" in text and "stap 0 van 2" in text
        assert "Eigenaarschap: We kunnen invloed uitoefenen" in text  # the statement scored
        await pilot.press("right")
        text = shown(app)
        assert "Rood" in text and "Blauw <i>" not in text
        assert "Rood  (nieuw)" in text  # a marker, not read as part of the name
        assert "van 1 (helemaal oneens) tot 5 (helemaal eens)" in text  # as in play
        await pilot.press("right", "right")  # past the last measure: the first card
        assert "1. De cijfers" in shown(app) and "stap 0 van 9" in shown(app)
        await pilot.press("left")  # and back
        assert "Meting vooraf" in shown(app) and "stap 2 van 2" in shown(app)


async def test_variation_steps_show_the_new_stances_and_then_who_moved(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    app = app_for(["replay", str(saves[0])], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "right", "right", "right")  # the two choices, then played
        text = shown(app)
        assert "Maar wat als...? 1" in text and "nog niet onthuld" in text
        assert "Maar wat als de Kamer in een motie om precies deze cijfers vroeg?" in text
        await pilot.press("right")
        text = shown(app)
        assert "Rood  -1 → 0" in text and "“De Kamer vraagt het”" in text
        assert "schoof" not in text  # nobody's move is shown before the reveal
        await pilot.press("right", "right", "right")  # Blauw, Rood again, the reveal
        text = shown(app)
        assert "Rood  -1 → +1" in text and "“=De Kamer beslist”" in text
        assert "schoof +2 op naar Politieke haalbaarheid · doorslaggevend: Loyaliteit" in text
        assert "bleef staan" in text  # Blauw
        await pilot.press("right", "right")  # the second variation, closed unrevealed
        text = shown(app)
        assert "Maar wat als...? 2" in text and "gesloten zonder onthulling" in text
        assert "“Dan [klopt](x) het <niet>”" in text  # typed text shown literally
        assert "schoof -2 op naar Professionele opvatting" in text


async def test_the_session_ends_with_the_measure_after(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    app = app_for(["replay", "--lang", "en", str(saves[0])], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "n", "n")  # the measure before, card 1, card 2: the after
        text = shown(app)
        assert "Measure after" in text and "step 0 of 2" in text
        await pilot.press("right", "right")
        text = shown(app)
        assert "Ownership" in text and "Blauw <i>" in text
        await pilot.press("p")
        assert "2. The support" in shown(app)


async def test_the_overview_shows_the_moves_and_the_measure_of_two_tables(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    app = app_for(["replay", *map(str, saves)], tmp_path)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        text = shown(app)
        assert "Wie schoof op bij een 'Maar wat als...?'" in text
        assert "Tafel 1 · Rood: schoof +2 op naar Politieke haalbaarheid" in text
        assert "Tafel 2 · Groen: schoof -4 op naar Professionele opvatting" in text
        assert "1. De cijfers  (3 stappen verschil; 3 teams schoven op)" in text
        assert "Voor en na: eigenaarschap, zinvolheid en identificatie" in text
        assert "2 → 4 (+2)" in text and "Verdeling (aantal teams per score)" in text


async def test_guess_first_hides_choices_but_steps_through_new_stances(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    app = app_for(["replay", str(saves[0])], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "g", "right")
        assert "Raad eerst: welke positie koos Rood?" in shown(app)
        await pilot.press("right", "right", "right")  # Rood's, Blauw's guess and answer
        assert "stap 2 van 9" in shown(app)
        await pilot.press("right", "right")  # played, then Rood's new stance: no guessing
        text = shown(app)
        assert "stap 4 van 9" in text and "Raad eerst" not in text
        assert "Rood  -1 → 0" in text
