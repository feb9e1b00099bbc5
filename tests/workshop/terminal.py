"""The real ``goedwerk`` program in a pseudo-terminal, read through a terminal emulator.

A test starts the program exactly as a facilitator would (``python -m goedwerk_tui
...``), sends the bytes a terminal sends for each key, and reads the screen that a
VT100-like emulator (pyte) builds from every byte the program wrote. Nothing inside
the program knows it is being tested.

On a loaded machine the program may take seconds to start or to answer a key: every
check waits (polling) until a text is on the screen, with a generous timeout, and
fails with the whole screen when it never comes. Nothing sleeps and hopes.
"""

from __future__ import annotations

import fcntl
import functools
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import pyte

T = TypeVar("T")

# Keys as a terminal (xterm) sends them.
TAB = "\t"
SHIFT_TAB = "\x1b[Z"
ENTER = "\r"
ESC = "\x1b"
LEFT = "\x1b[D"
RIGHT = "\x1b[C"
UP = "\x1b[A"
DOWN = "\x1b[B"
END = "\x1b[F"
CTRL_S = "\x13"
CTRL_Q = "\x11"
CTRL_T = "\x14"
BACKSPACE = "\x7f"

START_TIMEOUT = 90.0  # Textual's start on two busy cores can take many seconds
KEY_TIMEOUT = 20.0  # one key answered: generous on two busy cores
QUIET = 0.12  # no output for this long: the program has drawn its answer

# CSI ... final byte, OSC ... BEL/ST, and two-byte escapes: what Textual itself emits
_ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def program_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a run: saves and deck cache in ``home``, a known terminal."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "PYTEST", "COLUMNS", "LINES"))
    }
    env.update(
        TERM="xterm-256color",
        GOEDWERK_SAVES=str(home / "saves"),
        GOEDWERK_CACHE=str(home / "cache"),
        HOME=str(home),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    env.update(extra)
    return env


def set_size(fd: int, columns: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


class Terminal:
    """One run of a program in a pty of ``size`` (columns, rows)."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: dict[str, str],
        cwd: Path,
        size: tuple[int, int] = (80, 24),
        shell: bool = False,
    ) -> None:
        self.columns, self.rows = size
        self.screen = pyte.Screen(self.columns, self.rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()  # every byte the program wrote, for the control-byte checks
        self.master, slave = pty.openpty()
        set_size(slave, self.columns, self.rows)
        self.process = subprocess.Popen(
            argv if not shell else argv[0],
            shell=shell,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            start_new_session=True,  # the pty becomes the program's controlling terminal
        )
        os.close(slave)
        self.returncode: int | None = None

    # -- reading ---------------------------------------------------------------
    def _pump(self, wait: float) -> bool:
        """Read what the program wrote within ``wait`` seconds; False once it is gone."""
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: every process holding the pty has exited
            return False
        if not chunk:
            return False
        self.raw += chunk
        self.stream.feed(chunk)
        return True

    def text(self) -> str:
        """The screen as lines of text (trailing spaces removed)."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def flat(self) -> str:
        """The screen as one string with whitespace runs collapsed, for wrapped texts."""
        return " ".join(self.text().split())

    def dump(self) -> str:
        return f"--- screen {self.columns}x{self.rows} ---\n{self.text()}\n--- end ---"

    def wait_for(self, *texts: str, timeout: float = KEY_TIMEOUT, flat: bool = False) -> str:
        """Wait until every one of ``texts`` is on the screen; return the screen text."""

        def shown() -> str | None:
            screen = self.flat() if flat else self.text()
            return screen if all(text in screen for text in texts) else None

        return self.wait_until(shown, repr(texts), timeout)

    def wait_until(
        self, predicate: Callable[[], T | None], what: str, timeout: float = KEY_TIMEOUT
    ) -> T:
        """Wait until ``predicate()`` (given the screen so far) is true; return its value."""
        deadline = time.monotonic() + timeout
        alive = True
        while True:
            value = predicate()
            if value:
                return value
            if not alive or time.monotonic() > deadline:
                state = "exited" if not alive else "timed out"
                raise AssertionError(f"{state} waiting for {what}\n{self.dump()}")
            alive = self._pump(0.05)

    def wait_gone(self, text: str, timeout: float = KEY_TIMEOUT) -> str:
        """Wait until ``text`` is no longer on the screen."""
        deadline = time.monotonic() + timeout
        while text in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} stayed on the screen\n{self.dump()}")
            if not self._pump(0.05):
                break
        return self.text()

    def wait_exit(self, timeout: float = KEY_TIMEOUT) -> int:
        """Read everything until the program exits; return its exit code."""
        deadline = time.monotonic() + timeout
        while self._pump(0.05):  # until the pty is closed: the program and its output gone
            if time.monotonic() > deadline:
                raise AssertionError(f"the program did not exit\n{self.dump()}")
        self.returncode = self.process.wait(timeout=max(1.0, deadline - time.monotonic()))
        return self.returncode

    def after_exit_lines(self) -> list[str]:
        """Lines the program printed after it left the full-screen app, escapes removed."""
        raw = bytes(self.raw)
        tail = raw[raw.rfind(b"\x1b[?1049l") :] if b"\x1b[?1049l" in raw else raw
        text = _ANSI.sub(b"", tail).decode("utf-8", "replace")
        return [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]

    # -- writing ---------------------------------------------------------------
    def send(self, *keys: str) -> None:
        for key in keys:
            os.write(self.master, key.encode("utf-8"))

    def cells(self) -> list[tuple[str, str, str, bool]]:
        return [
            (cell.data, cell.fg, cell.bg, cell.reverse)
            for y in range(self.screen.lines)
            for cell in (self.screen.buffer[y][x] for x in range(self.screen.columns))
        ]

    def quiet(self, window: float = QUIET, timeout: float = KEY_TIMEOUT) -> None:
        """Read until the program has written nothing for ``window`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = len(self.raw)
            if not self._pump(window):
                return
            if len(self.raw) == before:
                return
        raise AssertionError(f"the program never stopped writing\n{self.dump()}")

    def press(self, *keys: str, timeout: float = KEY_TIMEOUT) -> None:
        """Press each key once the screen is still, and wait until the screen answers.

        A person waits to see what a key did before pressing the next one, and so
        must a test: Textual runs a key bound to an action (Tab, ctrl+u, arrows) on
        its way back up the widget tree, so a key sent right after it can overtake
        it. "Answers" is: a character on the screen changed, or the colours of more
        than one cell did (a blinking text cursor changes exactly one).
        """
        for key in keys:
            self.quiet()
            before = self.cells()
            self.send(key)
            answered = functools.partial(self._changed, before)
            self.wait_until(answered, f"the screen to answer {key!r}", timeout)

    def _changed(self, before: list[tuple[str, str, str, bool]]) -> bool:
        after = self.cells()
        if len(after) != len(before):
            return True
        diff = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
        return any(a[0] != b[0] for a, b in diff) or len(diff) > 1

    def type(self, text: str) -> None:
        """Type ``text`` into the focused field (printable keys keep their order)."""
        self.quiet()
        self.send(text)

    def paste(self, text: str) -> None:
        """Paste ``text`` as a terminal does with bracketed paste on."""
        self.quiet()
        self.send("\x1b[200~" + text + "\x1b[201~")

    def resize(self, columns: int, rows: int) -> None:
        self.columns, self.rows = columns, rows
        self.screen.resize(rows, columns)
        set_size(self.master, columns, rows)
        os.killpg(self.process.pid, signal.SIGWINCH)

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.master)


def goedwerk(*args: str) -> list[str]:
    """The argv that runs goedwerk as ``python -m goedwerk_tui``."""
    return [sys.executable, "-m", "goedwerk_tui", *args]
