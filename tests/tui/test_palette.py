"""The command palette during a session: every action once, in the session's language."""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.ui.app import GoedWerkApp
from goedwerk_tui.ui.screens.closing import ClosingScreen
from tests.tui.helpers import app_for, choose

ARGV = ["play", "--team", "Rood", "--team", "Blauw", "--cards", "1"]
TEXTUAL_ENGLISH = {"Theme", "Quit", "Keys", "Screenshot", "Maximize", "Minimize"}


def commands(app: GoedWerkApp) -> dict[str, str]:
    found = list(app.get_system_commands(app.screen))
    titles = [c.title for c in found]
    assert len(titles) == len(set(titles)), titles  # each action once
    assert TEXTUAL_ENGLISH.isdisjoint(titles)
    assert all(c.help and c.help != c.title for c in found)  # a description, not the name
    return {c.title: c.help for c in found}


async def test_each_play_screen_offers_its_actions_once_in_dutch(saves_dir: Path) -> None:
    app = app_for(ARGV, saves_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        card = commands(app)
        assert card["Onthullen"] == "De keuzes van alle teams naast elkaar tonen (r)"
        assert {"Kaart overslaan", "Afsluiten met acties", "Stoppen"} <= set(card)
        await choose(pilot, 1, option="A", pole_a=1)
        await choose(pilot, 2, option="B", pole_b=1)
        await pilot.press("r")
        await pilot.pause()
        assert {"Volgende kaart", "Notitie toevoegen"} <= set(commands(app))
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        closing = commands(app)
        assert "Afronden" in closing and "Onthullen" not in closing
