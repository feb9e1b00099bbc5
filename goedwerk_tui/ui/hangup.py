"""Notice a terminal that went away, so a closed window leaves no busy process behind.

When the terminal of a session closes without a hangup signal (the pseudo-terminal's
other side closed, for example by a program that started goedwerk), reading the
terminal returns nothing at once, forever: Textual's input thread then spins a core
and the process holds the save's lock. Every confirmed event is already on disk, so
the right thing is to quit, as ``q`` would.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from textual.app import App

CHECK_SECONDS = 1.0


def terminal_fd() -> int | None:
    """The terminal the app reads keys from, if it is one."""
    stream = sys.__stdin__
    if stream is None:
        return None
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return None
    return fd if os.isatty(fd) else None


def watch_terminal(app: App[Any]) -> None:
    """Quit ``app`` once its terminal has gone (checked every second)."""
    if app.is_headless:
        return  # tests and other drivers without a terminal
    fd = terminal_fd()
    if fd is None:
        return

    def check() -> None:
        if not os.isatty(fd):  # a hung-up terminal is no longer a terminal
            app.exit(return_code=1)

    app.set_interval(CHECK_SECONDS, check)
