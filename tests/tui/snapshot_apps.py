"""The apps and key sequences the snapshot tests photograph, kept stable.

Stable means: a fixed clock (FakeClock), no toasts (they come and go), saves in a
relative folder of the test's own working directory and a fixed random part in the
save's file name, so a path shown on screen is the same in every run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.helpers import app_for, choose, keys

PLAY = ["play", "goed-werk-openbaar-bestuur", "--team", "Rood", "--team", "Blauw"]
SIZES = {"80x24": (80, 24), "60x20": (60, 20)}


def stable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("secrets.token_hex", lambda n=8: "0" * (2 * n))


def quiet_app(argv: list[str]) -> Any:
    app = app_for(argv, Path("saves"))
    app.notify = lambda *args, **kwargs: None  # toasts come and go; keep the screen stable
    return app


async def both_chosen_and_revealed(pilot: Any) -> None:
    await choose(pilot, 1, steps=-2, option="A", pole_a=1, rationale="Eerlijk")
    await choose(pilot, 2, steps=1, option="C", pole_b=1)
    await pilot.press("r")
    await pilot.pause()


async def at_the_closing_step(pilot: Any) -> None:
    """A one-card session: revealed, then n (the last card) opens the closing step."""
    await both_chosen_and_revealed(pilot)
    await pilot.press("n")
    await pilot.pause()


async def one_action_typed(pilot: Any) -> None:
    await at_the_closing_step(pilot)
    await pilot.press(*keys("Elke maand een dilemma"))
    await pilot.pause()


async def at_the_summary(pilot: Any) -> None:
    await at_the_closing_step(pilot)
    await pilot.press(*keys("Elke maand een dilemma"), "enter")
    await pilot.press(*keys("Vaker doorvragen"), "enter")
    await pilot.press("ctrl+s")
    await pilot.pause()
