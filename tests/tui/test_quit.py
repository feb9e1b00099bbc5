"""Quitting: a key pressed right after q never crashes the exit, and the printed
resume command works when copied as is, from any folder."""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from textual import events
from textual.app import App

from goedwerk_tui.ui import launch as launch_module
from goedwerk_tui.ui.launch import launch
from tests.tui.helpers import app_for
from tests.tui.sessions import played_save

DECK = "goed-werk-openbaar-bestuur"


def press_at_once(app: App[None], *keys: str) -> None:
    """Queue the keys together, as the terminal delivers keys typed quickly: the app
    gets no chance to act on the first before the next is queued (``pilot.press``
    waits in between, so it cannot show this)."""
    for key in keys:
        app.post_message(events.Key(key, key))


async def test_q_then_a_team_key_in_play_exits_cleanly(saves_dir: Path) -> None:
    app = app_for(["play", DECK, "--team", "A", "--team", "B", "--cards", "1"], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        press_at_once(app, "q", "1")  # in one read from the terminal, as a fast typist does
        await pilot.pause()
    assert app.return_code == 0  # no exception reached the exit (run_test re-raises it)


async def test_q_then_o_in_replay_exits_cleanly(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        press_at_once(app, "q", "o")
        await pilot.pause()
    assert app.return_code == 0


def test_printed_resume_command_is_absolute_and_runs_from_another_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    app = app_for(["play", DECK, "--team", "A", "--cards", "1"], Path("relative saves"))
    monkeypatch.setattr(launch_module, "build_app", lambda *args: app)
    monkeypatch.setattr(app, "run", lambda: None)  # the user quits at once
    assert launch(argparse.Namespace(), None, None) == 0
    app.game.close()
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("goedwerk: Alles is opgeslagen. Verder spelen: ")
    command = shlex.split(line.split("Verder spelen: ", 1)[1])
    python, module, save = command[0], command[1:4], Path(command[4])
    assert Path(python).is_absolute() and module == ["-m", "goedwerk_tui", "resume"]
    assert save.is_absolute() and save.exists() and " " in str(save)  # quoted as one word
    # the same Python and module run from another folder (resume itself needs a terminal)
    check = " ".join(shlex.quote(part) for part in (python, "-m", "goedwerk_tui", "--help"))
    done = subprocess.run(check, shell=True, cwd="/", capture_output=True, text=True)
    assert done.returncode == 0 and "resume" in done.stdout
    assert Path(python).resolve() == Path(sys.executable).resolve()


def test_quitting_a_finished_session_prints_its_debrief_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """After the summary there is nothing to resume: the line says how to debrief."""
    app = app_for(["play", DECK, "--team", "A", "--cards", "1"], tmp_path)
    monkeypatch.setattr(launch_module, "build_app", lambda *args: app)
    monkeypatch.setattr(app, "run", lambda: None)
    game = app.game
    game.stop_dealing()
    game.end()
    assert launch(argparse.Namespace(), None, None) == 0
    game.close()
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("goedwerk: Sessie afgerond en opgeslagen. Nabespreken: ")
    command = shlex.split(line.split("Nabespreken: ", 1)[1])
    assert command[1:4] == ["-m", "goedwerk_tui", "replay"]
    assert Path(command[4]) == game.path.absolute()
