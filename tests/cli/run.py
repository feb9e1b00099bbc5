"""Running the real ``goedwerk`` command in a subprocess, as a user types it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def goedwerk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "goedwerk_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=60,
    )
