"""Help, the command palette and the projector theme, as a facilitator finds them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from goedwerk_tui.ui.app import HIGH_CONTRAST
from goedwerk_tui.ui.screens.help import HelpScreen
from goedwerk_tui.ui.screens.reveal import RevealScreen
from tests.tui.helpers import app_for, choose

ARGV = ["play", "--team", "Rood", "--team", "Blauw", "--cards", "1"]


async def test_question_mark_opens_the_help_and_escape_closes_it(saves_dir: Path) -> None:
    app = app_for(ARGV, saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_high_contrast_theme_for_projectors(saves_dir: Path) -> None:
    app = app_for(ARGV, saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        before = app.theme
        await pilot.press("ctrl+t")
        assert app.theme == HIGH_CONTRAST.name
        await pilot.press("ctrl+t")
        assert app.theme == before


async def test_main_actions_are_in_the_command_palette(saves_dir: Path) -> None:
    app = app_for(ARGV, saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Onthullen", "Kaart overslaan", "Afsluiten met acties", "Toetsen tonen"} <= set(
            titles
        )
        await choose(pilot, 1, option="A", pole_a=1)
        await choose(pilot, 2, option="B", pole_b=1)
        reveal = next(c for c in app.get_system_commands(app.screen) if c.title == "Onthullen")
        reveal.callback()
        await pilot.pause()
        assert isinstance(app.screen, RevealScreen)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Volgende kaart" in titles and "Notitie toevoegen" in titles


async def test_the_mouse_works_too(saves_dir: Path) -> None:
    from goedwerk_tui.ui.screens.choice import ChoiceScreen
    from goedwerk_tui.ui.widgets.option_picker import OptionPicker
    from goedwerk_tui.ui.widgets.stance_bar import StanceBar

    app = app_for(ARGV, saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#team-2")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and app.screen.team.name == "Blauw"
        bar = app.screen.query_one(StanceBar)
        first = 1 + len("Professionele opvatting") + 2  # padding, pole A, two spaces
        await pilot.click(StanceBar, offset=(first + 3 * 4 + 1, 0))  # the fifth circle
        assert bar.stance == 2
        await pilot.click(StanceBar, offset=(first + 1, 0))  # the first circle
        assert bar.stance == -2
        picker = app.screen.query_one(OptionPicker)
        await pilot.click(OptionPicker, offset=(1 + len(" geen  ") + len(" A  ") + 1, 0))
        assert picker.option == "B"


def bottom_row(app: App[Any], height: int) -> str:
    """The bottom row's text, span by span, as the terminal draws it."""
    import html
    import re

    svg = app.export_screenshot()
    spans = re.findall(rf'clip-path="url\(#terminal-\d+-line-{height - 1}\)">([^<]*)<', svg)
    return html.unescape("".join(spans)).replace("\xa0", " ")


@pytest.mark.parametrize("width", [80, 60])
async def test_the_way_out_shows_in_a_narrow_footer(tmp_path: Path, width: int) -> None:
    """The card, reveal and variation footers are cut at 80 and 60 columns: they must
    not cut 'q stoppen' and '? help'."""
    from tests.tui.test_variations import PLAY, reveal_first_card

    app = app_for(PLAY, tmp_path)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        for screen in ("card", "reveal", "variation"):
            if screen == "reveal":
                await reveal_first_card(pilot)
            if screen == "variation":
                await pilot.press("v", "1")
                await pilot.pause()
            footer = bottom_row(app, 24)
            assert "stoppen" in footer and "help" in footer, (screen, footer)


@pytest.mark.parametrize("width", [80, 60])
async def test_the_replay_footer_keeps_the_way_out_at_narrow_widths(
    tmp_path: Path, width: int
) -> None:
    from tests.tui.sessions import played_save

    app = app_for(["replay", str(played_save(tmp_path))], tmp_path)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        footer = bottom_row(app, 24)
        assert "stoppen" in footer and "help" in footer, footer
