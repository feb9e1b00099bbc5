"""Help, the command palette and the projector theme, as a facilitator finds them."""

from __future__ import annotations

from pathlib import Path

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


async def test_the_way_out_shows_in_an_80_column_footer(tmp_path: Path) -> None:
    """The card screen's footer is cut at 80 columns: it must not cut 'q stoppen'."""
    import html
    import re

    app = app_for(["play", "--team", "Rood", "--team", "Blauw", "--cards", "1"], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        svg = app.export_screenshot()
        # the bottom row's text, span by span, as the terminal draws it
        spans = re.findall(r'clip-path="url\(#terminal-\d+-line-23\)">([^<]*)<', svg)
        footer = html.unescape("".join(spans)).replace("\xa0", " ")
        assert "stoppen" in footer and "help" in footer, footer
