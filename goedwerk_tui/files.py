"""Small, dependency-free pieces every command uses: the one-line error, atomic writes."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from goedwerk_tui.domain.errors import CommandError

__all__ = ["CommandError", "atomic_write"]


def atomic_write(path: Path, text: str | bytes) -> None:
    """Write ``text`` (as UTF-8, or bytes as they are) to ``path`` through a temporary
    file and a rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):  # e.g. its folder is read-only or not a folder
            tmp.unlink(missing_ok=True)
        raise CommandError(
            "file.cannot_write", path=str(path), reason=exc.strerror or str(exc)
        ) from None
