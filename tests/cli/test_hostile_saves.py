"""A hostile save never drives the terminal: refusals and warnings print its text inert.

A save is a file anyone can edit. Text from it (a ``format``, a card's ``field``, an
``event`` name, a ``ts`` time stamp) can hold OSC 52 (writes the clipboard), OSC 0
(sets the window title) or ``ESC[2J`` (clears the screen). Whatever command reads
the save, the refusal or warning line shows those characters as visible escapes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from goedwerk_tui.domain.text import UNSAFE_CHARS
from tests.tui.sessions import played_save

HOSTILE = "\x1b]52;c;aGk=\x07\x1b]0;pwned\x07\x1b[2J"
SHOWN = "\\u001b]52;c;aGk=\\u0007\\u001b]0;pwned\\u0007\\u001b[2J"


def goedwerk(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "goedwerk_tui", *args],
        capture_output=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def assert_inert(output: bytes) -> str:
    """The output as text, after checking it holds no ESC, BEL or other control byte."""
    text = output.decode("utf-8")
    assert UNSAFE_CHARS.search(text) is None, repr(text)
    return text


def rewrite(save: Path, edit: dict[str, object], *, line: int = 0) -> Path:
    lines = save.read_text("utf-8").splitlines()
    event = json.loads(lines[line])
    event.update(edit)
    lines[line] = json.dumps(event, ensure_ascii=False)
    save.write_text("\n".join(lines) + "\n", "utf-8")
    return save


def with_hostile_field(save: Path) -> Path:
    lines = save.read_text("utf-8").splitlines()
    start = json.loads(lines[0])
    start["deck"]["cards"][0]["field"] = HOSTILE
    lines[0] = json.dumps(start, ensure_ascii=False)
    save.write_text("\n".join(lines) + "\n", "utf-8")
    return save


@pytest.mark.parametrize("command", ["replay", "resume", "report"])
def test_a_hostile_format_is_refused_with_its_text_made_visible(
    tmp_path: Path, command: str
) -> None:
    save = rewrite(played_save(tmp_path), {"format": HOSTILE})
    result = goedwerk(command, str(save), "--lang", "en")
    assert result.returncode == 1
    line = assert_inert(result.stderr)
    assert line.startswith(f"goedwerk: {save}:1: not a goedwerk save (format '")
    assert SHOWN[:30] in line and line.count("\n") == 1
    dutch = assert_inert(goedwerk(command, str(save)).stderr)
    assert "geen goedwerk-sessie (formaat '" in dutch


@pytest.mark.parametrize("command", ["replay", "resume", "report"])
def test_a_hostile_field_in_the_deck_snapshot_is_refused_inert(
    tmp_path: Path, command: str
) -> None:
    save = with_hostile_field(played_save(tmp_path))
    result = goedwerk(command, str(save), "--lang", "en")
    assert result.returncode == 1
    line = assert_inert(result.stderr)
    assert f"the deck snapshot names unknown field '{SHOWN}'" in line
    assert line.count("\n") == 1


def test_report_warnings_show_a_hostile_event_and_time_stamp_inert(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    lines = save.read_text("utf-8").splitlines()
    ended = lines.pop()  # the session did not end: its warning quotes the last time stamp
    assert json.loads(ended)["event"] == "session_ended"
    lines.append(json.dumps({"seq": 90, "ts": "x", "event": HOSTILE}))
    lines.append(json.dumps({"seq": 91, "ts": HOSTILE, "event": "session_resumed"}))
    save.write_text("\n".join(lines) + "\n", "utf-8")
    result = goedwerk("report", str(save), "--lang", "en")
    assert result.returncode == 0, result.stderr
    warnings = assert_inert(result.stderr).splitlines()
    assert warnings == [
        f"goedwerk: warning: {save}:{len(lines) - 1}: unknown event '{SHOWN}'; line ignored",
        f"goedwerk: warning: {save}: the session did not end (last saved {SHOWN}); "
        "showing what was recorded",
    ]
    assert_inert(result.stdout)  # the report's own list of warnings too
