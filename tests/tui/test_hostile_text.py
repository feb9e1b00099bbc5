"""Every screen shows text from a deck, a save or the keyboard literally.

Team names, deck text, rationales, notes and actions that look like Textual markup
(``[/]`` would crash a markup parser, ``[@click=app.quit]`` would make a clickable
quit, ``[link=...]`` an OSC 8 hyperlink, ``[Rood]`` would vanish) are walked through
every screen: home, both save lists, the new-session form, card, choice, reveal,
note, closing, summary, replay, overview and help. What the terminal shows is read
back from the rendered screen, and the app must still be running at the end.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path

from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.visual import VisualType
from textual.widgets import Input, OptionList

from goedwerk_tui.deck_source import open_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.ui.screens.home import HomeScreen, SavePickerScreen
from goedwerk_tui.ui.screens.replay import OverviewScreen, ReplayScreen
from tests.conftest import present
from tests.tui.helpers import app_for, choose, keys
from tests.tui.sessions import played_save


def plain(prompt: VisualType) -> str:
    """The text of an option's prompt, which goedwerk always makes a rich ``Text``."""
    assert isinstance(prompt, Text)
    return prompt.plain


CLOSE = "[/]"
CLICK = "[@click=app.quit]KLIK[/]"
LINK = "[link=https://x]y[/link]"
BOLD = "[b]vet"
HIDDEN = "[Rood]"
TEAMS = (CLOSE, CLICK, HIDDEN)

DECK = f"""\
format: goedwerk-deck/1
id: vijandig
title: "Deck {BOLD}"
language: nl
catalogue: kernaghan-2003
fields:
  - id: veld
    name: "Veld {CLOSE}"
    pole_a: "{HIDDEN}"
    pole_b: "Pool {CLICK}"
cards:
  - id: kaart-1
    title: "Kaart {CLOSE} een"
    field: veld
    setting: "Plek {LINK}"
    situation: "Situatie {BOLD} met {CLICK} erin."
    options:
      - "Optie {CLOSE} een"
      - "Optie {LINK} twee"
    values: [integriteit, loyaliteit]
    questions:
      - "Vraag {HIDDEN}?"
    reflection: "Reflectie {BOLD} {CLOSE}"
"""
RATIONALE = f"Omdat {LINK} en {BOLD}"
NOTE = f"Notitie {CLOSE} {CLICK}"
ACTIONS = (f"Actie {BOLD}", f"Actie {CLOSE}", f"Actie {HIDDEN}")

_TEXT = re.compile(r"<text ([^>]*)>([^<]*)</text>")
_ATTR = re.compile(r'x="([\d.]+)"[^>]*-line-(\d+)\)')


def terminal_lines(app: App[None]) -> list[str]:
    """The screen as the terminal shows it, line by line (read from a screenshot)."""
    svg = app.export_screenshot()
    cells: dict[int, dict[int, str]] = defaultdict(dict)
    for attrs, text in _TEXT.findall(svg):
        found = _ATTR.search(attrs)
        if found is None:
            continue
        column = round(float(found.group(1)) / 12.2) - 1
        for i, char in enumerate(html.unescape(text).replace("\xa0", " ")):
            cells[int(found.group(2))][column + i] = char
    return [
        "".join(line.get(c, " ") for c in range(max(line, default=-1) + 1)).rstrip()
        for _, line in sorted(cells.items())
    ]


def on_screen(app: App[None]) -> str:
    return "\n".join(terminal_lines(app))


def assert_literal(app: App[None], *texts: str) -> None:
    screen = on_screen(app)
    for text in texts:
        assert text in screen, f"{text!r} not shown literally on {app.screen}:\n{screen}"
    assert "\x1b" not in screen and "\u202e" not in screen


async def click_on(pilot: Pilot[None], text: str, above: str = "") -> None:
    """Click where ``text`` is on the screen: markup would have made it an action.

    With ``above``: the ``text`` on the line just above the one showing ``above``.
    """
    lines = terminal_lines(pilot.app)
    found = [(y, line) for y, line in enumerate(lines) if text in line]
    if above:
        found = [(y, line) for y, line in found if y + 1 < len(lines) and above in lines[y + 1]]
    for y, line in found:
        await pilot.click(offset=(line.index(text) + 1, y))
        await pilot.pause()
        return
    raise AssertionError(f"{text!r} is not on the screen")


def hostile_saves(folder: Path, deck_path: Path) -> tuple[Path, Path, Path]:
    """A finished and an unfinished session with the hostile deck, and a save whose
    team names hold terminal escape sequences (the reader accepts them)."""
    deck = open_deck(str(deck_path))
    game = Game.new(deck, list(TEAMS), save_dir=folder, cards=1)
    card = present(game.session.current_card)
    for team in ("t1", "t2", "t3"):
        game.record_choice(team, -1, "B", [card.values[0]], [], RATIONALE)
    game.reveal()
    game.add_note(NOTE)
    game.next()
    for team, action in zip(("t1", "t2", "t3"), ACTIONS, strict=True):
        game.record_action(team, action)
    game.end()
    game.close()
    unfinished = Game.new(deck, list(TEAMS), save_dir=folder, cards=1)
    unfinished.close()
    escaped = played_save(folder / "esc")
    lines = escaped.read_text(encoding="utf-8").splitlines()
    start = json.loads(lines[0])
    start["teams"][0]["name"] = "\x1b]0;TITEL\x07Rood\x1b[2J"
    start["teams"][1]["name"] = "\u202eBlauw" + CLOSE
    lines[0] = json.dumps(start, ensure_ascii=False, separators=(",", ":"))
    escaped.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return game.path, unfinished.path, escaped


async def test_the_save_lists_replay_overview_and_help_show_hostile_text_literally(
    tmp_path: Path, saves_dir: Path
) -> None:
    deck_path = tmp_path / "vijandig.yaml"
    deck_path.write_text(DECK, encoding="utf-8")
    finished, unfinished, escaped = hostile_saves(saves_dir, deck_path)
    app = app_for([], saves_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("down", "enter")  # resume
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SavePickerScreen)
        [option] = app.screen.query_one(OptionList).options
        assert isinstance(option.prompt, Text)  # never a markup string
        assert option.prompt.plain.startswith(", ".join(TEAMS) + "  ·  Deck " + BOLD)
        assert_literal(app, ", ".join(TEAMS), "Deck " + BOLD)
        await pilot.press("escape", "down", "enter")  # debrief
        await app.workers.wait_for_complete()
        await pilot.pause()
        prompts = [plain(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert len(prompts) == 2 and all(", ".join(TEAMS) in p for p in prompts)
        await click_on(pilot, "KLIK", above=finished.name)  # a click opens the save, no more
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        assert app.screen.debrief.tables[0].path == str(finished)
        assert_literal(app, "Kaart [/] een", "Plek " + LINK, f"Situatie {BOLD} met {CLICK}")
        await pilot.press("right", "right", "right")
        assert_literal(app, "Optie [link=https://x]y[/link] twee", RATIONALE, CLICK, HIDDEN)
        assert_literal(app, "Pool " + CLICK, "Reflectie " + BOLD, "Notitie [/] [@click")
        await click_on(pilot, "KLIK")
        rounds = app.screen.query_one("#rounds", OptionList)
        assert rounds.display  # a wide screen shows the card list from the start
        assert [plain(o.prompt) for o in rounds.options] == ["1. Kaart [/] een"]
        await pilot.press("escape", "question_mark")  # the list closes, the keys show
        await pilot.pause()
        assert "kaartenlijst" in on_screen(app)
        await pilot.press("escape", "o")
        assert isinstance(app.screen, OverviewScreen)
        assert_literal(app, "Actie " + BOLD, "Actie [/]", "Actie [Rood]", CLICK)
        await click_on(pilot, "KLIK")
        assert app.is_running and app.return_code is None
    app = app_for(["replay", str(escaped)], tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "right", "right")
        assert_literal(app, "\\u001b]0;TITEL\\u0007Rood", "\\u202eBlauw[/]")
        await pilot.press("o")
        assert_literal(app, "\\u001b[2J")
    del unfinished


async def test_play_from_the_form_to_the_summary_shows_hostile_text_literally(
    tmp_path: Path, saves_dir: Path
) -> None:
    deck_path = tmp_path / "vijandig.yaml"
    deck_path.write_text(DECK, encoding="utf-8")
    app = app_for([], saves_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # new session; the Teams field has focus
        await pilot.pause()
        await pilot.press("ctrl+u", *keys(", ".join(TEAMS)))
        app.screen.query_one("#deck-path", Input).value = str(deck_path)
        app.screen.query_one("#cards", Input).value = "1"
        await pilot.press("question_mark", "enter")  # '?' types; Enter starts
        await pilot.pause()
        assert [t.name for t in app.game.session.teams] == [CLOSE, CLICK, HIDDEN + "?"]
        assert_literal(app, CLOSE, CLICK)  # the before-measure names each team
        await pilot.press("s", "enter")  # skipped (asks first): the first card
        await pilot.pause()
        assert_literal(app, "Kaart [/] een", f"Situatie {BOLD} met {CLICK}", "Vraag [Rood]?")
        assert_literal(app, "Optie [/] een", "Plek " + LINK, HIDDEN, "Pool " + CLICK)
        await click_on(pilot, "KLIK")
        await pilot.press("2")  # the choice dialog of the team named like a quit link
        await pilot.pause()
        assert_literal(app, CLICK)
        await pilot.press("escape")  # an unchanged draft closes
        await pilot.pause()
        for team in (1, 2, 3):
            await choose(pilot, team, steps=-1, option="B", pole_a=1, rationale=RATIONALE)
        assert len(present(app.game.session.current).choices) == 3
        await pilot.press("r")
        await pilot.pause()
        assert_literal(app, CLOSE, CLICK, "[Rood]?", "Omdat " + LINK, BOLD)
        await click_on(pilot, "KLIK")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*keys(NOTE), "enter")
        await pilot.pause()
        assert present(app.game.session.current).notes == [NOTE]
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape", "n")  # the last card: to the closing step
        await pilot.pause()
        for action in ACTIONS:  # each action, then the team's three scales (Enter records)
            await pilot.press(*keys(action), "enter", "4", "tab", "4", "tab", "4", "enter")
            await pilot.pause()
        assert list(app.game.session.actions.values()) == list(ACTIONS)
        assert len(app.game.session.measures["after"]) == 3
        assert_literal(app, CLOSE, CLICK, "[Rood]?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_literal(app, *ACTIONS, CLICK)
        await click_on(pilot, "KLIK")
        assert app.is_running and app.return_code is None
