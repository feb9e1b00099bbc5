"""Driving the real app through its keys, as a facilitator would."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from goedwerk_tui.cli import build_parser
from goedwerk_tui.ui.app import GoedWerkApp
from goedwerk_tui.ui.launch import build_app
from goedwerk_tui.ui.screens.new_session import NewSessionScreen


def screen_text(app: App[Any], width: int = 120) -> str:
    """The text of every Static and Button on the current screen, as a user reads it."""
    from rich.console import Console
    from textual.widgets import Button, Static

    with open(os.devnull, "w", encoding="utf-8") as sink:
        console = Console(width=width, record=True, file=sink)
        for widget in app.screen.query("Static, Button"):
            if isinstance(widget, Button):
                console.print(widget.label)
            elif isinstance(widget, Static):
                console.print(widget.content)
        return console.export_text()


def footer_keys(app: App[Any]) -> dict[str, str]:
    """The keys the footer shows on the current screen: key -> what it displays."""
    return {
        key: active.binding.key_display or key
        for key, active in app.screen.active_bindings.items()
        if active.binding.show and active.enabled
    }


def keys(text: str) -> list[str]:
    """Key names that type ``text``."""
    names = {" ": "space", "[": "left_square_bracket", "]": "right_square_bracket"}
    return [names.get(char, char) for char in text]


class FakeClock:
    """A wall clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def app_for(
    argv: list[str], save_dir: Path, clock: FakeClock | None = None, *, measure: bool = False
) -> GoedWerkApp:
    """The app for ``argv``; a ``play`` without ``measure`` starts at the first card
    (``--no-measure``), as the tests of the cards expect."""
    if argv[:1] == ["play"] and not measure:
        argv = [*argv, "--no-measure"]
    args = build_parser().parse_args(argv)
    return build_app(
        args, getattr(args, "sub_lang", None) or args.lang, str(save_dir), clock or FakeClock()
    )


def save_lines(save_dir: Path) -> list[dict[str, Any]]:
    [path] = sorted(save_dir.glob("*.jsonl"))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


async def choose(
    pilot: Pilot[None],
    team_number: int,
    *,
    steps: int = 0,
    option: str | None = None,
    pole_a: int = 0,
    pole_b: int = 0,
    search: str = "",
    rationale: str = "",
) -> None:
    """Team ``team_number`` records a choice through the keyboard.

    ``steps`` moves the stance (negative: toward pole A); ``pole_a`` values from the
    top of the (filtered) list go to pole A, the next ``pole_b`` ones to pole B.
    """
    await pilot.press(str(team_number))
    await pilot.pause()
    key = "left" if steps < 0 else "right"
    await pilot.press(*([key] * abs(steps)))
    await pilot.press("tab")
    if option is not None:
        await pilot.press(option.lower(), "tab")
    if search:
        await pilot.press(*keys(search))
    await pilot.press("tab")  # into the value list
    for _ in range(pole_a):
        await pilot.press("left", "down")
    for _ in range(pole_b):
        await pilot.press("right", "down")
    await pilot.press("tab")
    if rationale:
        await pilot.press(*keys(rationale))
    await pilot.press("enter")
    await pilot.pause()


async def settle(pilot: Pilot[Any]) -> None:
    """Until the workers (the form's decks read, a session started) are done and shown."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_form(pilot: Pilot[Any]) -> NewSessionScreen:
    """Enter on the home screen's first entry: the new-session form, its decks read."""
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, NewSessionScreen)
    return screen
