"""Run a terminal program in a pseudo-terminal and time it until a text appears.

Used by the start-up, memory and replay benchmarks: the program is measured from
process start to the moment the given text is on the (virtual) screen, as a user
would see it, with no test hooks inside the program.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    seconds: float  # process start to text on screen
    max_rss_kib: int  # peak resident memory of the process
    # CPU time (user + system) of the process and of the children it waited for, up to
    # a moment after the text appeared: the work done, which load on the machine
    # changes much less than the wall time
    cpu_seconds: float = 0.0


def run_until(
    argv: list[str],
    text: str,
    *,
    size: tuple[int, int] = (100, 30),
    timeout: float = 60.0,
    env: dict[str, str] | None = None,
    cwd: str | None = None,
) -> Run:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    environment = {
        **(os.environ if env is None else env),
        "TERM": "xterm-256color",
        "COLUMNS": str(size[0]),
        "LINES": str(size[1]),
    }
    environment.pop("TEXTUAL", None)
    start = time.perf_counter()
    process = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=environment,
        cwd=cwd,
        start_new_session=True,
    )
    os.close(slave)
    needle = text.encode("utf-8")
    seen = b""
    elapsed = None
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                seen = (seen + chunk)[-200_000:]
                if needle in seen:
                    elapsed = time.perf_counter() - start
                    break
            if process.poll() is not None:
                break
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        _, status, usage = os.wait4(process.pid, 0)
        os.close(master)
    if elapsed is None:
        tail = seen[-2000:].decode("utf-8", "replace")
        raise RuntimeError(f"'{text}' never appeared on screen (status {status}): ...{tail}")
    return Run(elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)


def compiled_env() -> dict[str, str]:
    """Run the measured programs with compiled bytecode, as an installed goedwerk does.

    pip compiles a package when it installs it; a checkout (and this machine, which
    sets PYTHONDONTWRITEBYTECODE) would otherwise compile goedwerk's modules in every
    run. The bytecode goes to a private cache, filled by the first (warm-up) run; both
    the measured program and the baseline use it.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(__file__).resolve().parent / "out" / "pycache")
    return env


def quantile(values: list[float], q: float) -> float:
    """The q-quantile (0 to 1) of values, linearly interpolated between the nearest two."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
