"""The save's bytes on disk: events encoded as lines, a failed write cut back, the
file's identity, and the whole save written again at its path.

``SaveLog`` (savelog.py) uses these; they hold no rules of play.

Writing a whole save again: ``SaveLog.ensure_file`` calls ``rewrite_save`` when the
save's path no longer names the file the session has open (deleted, or another file
moved over it): the complete log, rebuilt from the events the session holds, goes to a
temporary file in the same folder, is fsynced and locked, and is renamed over the
path; then the folder is fsynced. A file that had taken the save's place is renamed
aside first, never overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from goedwerk_tui.domain.errors import SaveError
from goedwerk_tui.domain.events import Event, encode_event
from goedwerk_tui.domain.files import sync_folder, write_all


def encode(event: Event) -> bytes:
    """An event's line: compact UTF-8 JSON and its newline."""
    return encode_event(event) + b"\n"


def truncate(fd: int, size: int) -> None:
    os.ftruncate(fd, size)
    os.fsync(fd)


def identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def last_line_end(fd: int) -> int:
    """The length of the file up to and including its last newline (0 without one)."""
    end = os.fstat(fd).st_size
    while end > 0:
        start = max(0, end - 65536)
        chunk = os.pread(fd, end - start, start)
        newline = chunk.rfind(b"\n")
        if newline >= 0:
            return start + newline + 1
        end = start
    return 0


def rewrite_save(
    path: Path,
    chunks: Iterable[bytes],
    *,
    displaced: bool,
    lock: Callable[[int, Path], None],
) -> tuple[int, Path | None]:
    """Write ``chunks`` as the file at ``path``; the new file's locked fd, and where a
    file that stood at ``path`` (``displaced``) was kept, or None."""
    import secrets  # here, not at the top: reading saves (a report) never needs it

    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # the whole folder may have gone
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
