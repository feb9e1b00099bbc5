"""Small, dependency-free pieces every command uses: the one-line error, atomic writes."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from goedwerk_tui.domain.errors import CommandError

__all__ = ["CommandError", "atomic_write"]


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):  # e.g. its folder is read-only or not a folder
            tmp.unlink(missing_ok=True)
        raise CommandError(
            "file.cannot_write", path=str(path), reason=exc.strerror or str(exc)
        ) from None
