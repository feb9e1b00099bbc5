"""A terminal that goes away mid-session: goedwerk quits instead of spinning a core.

The other side of the pseudo-terminal closes with no hangup signal (the program is
not the terminal's session leader), as when a window or a program that started
goedwerk goes away. Reading the terminal then returns nothing, forever; before the
fix the process kept running at 50-100% CPU, holding the save's lock.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from tests.workshop.terminal import program_env

START_TIMEOUT = 30.0
EXIT_TIMEOUT = 20.0


def read_until(fd: int, text: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while text not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            seen += os.read(fd, 65536)
    assert text in seen, f"{text!r} never appeared"
    return seen


def test_a_closed_terminal_ends_the_session_and_keeps_the_save(tmp_path: Path) -> None:
    main, child = pty.openpty()
    argv = [
        sys.executable,
        "-m",
        "goedwerk_tui",
        "play",
        "--no-measure",
        "--team",
        "A",
        "--team",
        "B",
    ]
    process = subprocess.Popen(
        argv,
        stdin=child,
        stdout=child,
        stderr=child,
        start_new_session=True,  # no controlling terminal: no SIGHUP will come
        env=program_env(tmp_path),
    )
    os.close(child)
    try:
        read_until(main, b"onthullen", START_TIMEOUT)  # the card screen's footer
        os.close(main)  # the terminal goes away
        assert process.wait(timeout=EXIT_TIMEOUT) is not None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    [save] = (tmp_path / "saves").glob("*.jsonl")
    events = [json.loads(line)["event"] for line in save.read_text("utf-8").splitlines()]
    assert events == ["session_started", "card_dealt"]
