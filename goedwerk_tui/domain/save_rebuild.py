"""Writing a whole save again at its path, atomically, when its file was lost.

``SaveLog.ensure_file`` calls this when the save's path no longer names the file the
session has open (deleted, or another file moved over it): the complete log, rebuilt
from the events the session holds, goes to a temporary file in the same folder, is
fsynced and locked, and is renamed over the path; then the folder is fsynced. A file
that had taken the save's place is renamed aside first, never overwritten.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

from goedwerk_tui.domain.errors import SaveError
from goedwerk_tui.domain.files import sync_folder, write_all


def rewrite_save(
    path: Path,
    chunks: Iterable[bytes],
    *,
    displaced: bool,
    lock: Callable[[int, Path], None],
) -> tuple[int, Path | None]:
    """Write ``chunks`` as the file at ``path``; the new file's locked fd, and where a
    file that stood at ``path`` (``displaced``) was kept, or None."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
    except OSError as exc:
        raise SaveError("save.recreate_failed", path=str(path), reason=_reason(exc)) from None
    kept: Path | None = None
    try:
        lock(fd, tmp)  # closes fd itself when it fails
    except SaveError:
        _remove(tmp)
        raise
    try:
        for chunk in chunks:
            write_all(fd, chunk)
        os.fsync(fd)
        if displaced:
            kept = path.with_name(f"{path.stem}-replaced-{secrets.token_hex(3)}{path.suffix}")
            try:
                os.rename(path, kept)
            except FileNotFoundError:  # it went away meanwhile: nothing to keep
                kept = None
        os.rename(tmp, path)
    except OSError as exc:
        os.close(fd)
        _remove(tmp)
        raise SaveError("save.recreate_failed", path=str(path), reason=_reason(exc)) from None
    sync_folder(path.parent)
    return fd, kept


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # pragma: no cover - a temporary file left in a folder we cannot change
        pass
