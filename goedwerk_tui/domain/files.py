"""Reading a file that a user named: only a regular file, and never more than a limit.

Every reader of a deck, a catalogue, a cached deck or a save goes through
``read_regular_file``, so a path that is ``/dev/zero``, ``/dev/urandom``, a FIFO or a
folder is refused at once (no hang, no MemoryError) and a file that grows while it is
read is never read past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_CHUNK = 1 << 20


class NotARegularFile(OSError):
    """The path names something that is not a regular file (``kind`` says what)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: is {kind}, not a regular file")
        self.kind = kind  # "folder", "device", "fifo", "socket" or "special"


class FileTooLarge(OSError):
    """The file holds more than the limit; ``size`` is what it holds (at least)."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(f"{path}: file is {size:,} bytes; the limit is {limit:,} bytes")
        self.size = size
        self.limit = limit


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special"  # pragma: no cover - no other kind of file exists on Linux


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises ``NotARegularFile`` for a folder, a device, a FIFO or a socket (opened
    without blocking, so a FIFO with no writer cannot hang), ``FileTooLarge`` when
    the file holds more than ``limit`` bytes, and ``OSError`` for the rest.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(path, _kind(info.st_mode))
        if info.st_size > limit:
            raise FileTooLarge(path, info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:  # read one byte past the limit, to notice a grown file
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise FileTooLarge(path, total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """Write all of ``data``: after a short write the rest, or the OSError that stopped it."""
    written = os.write(fd, data)
    while written < len(data):
        written += os.write(fd, data[written:])


def sync_folder(folder: Path) -> None:
    """Make a new or renamed file's name durable too (where the platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse it
        pass
    finally:
        os.close(fd)
