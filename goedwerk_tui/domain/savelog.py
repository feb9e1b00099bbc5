"""The save: an append-only JSON-lines log, flushed to disk before anything is confirmed.

Writing: ``SaveLog.create`` makes a new file (never an existing one) and
``SaveLog.reopen`` continues one; ``append`` stamps ``seq`` and ``ts`` on an event,
writes the line and fsyncs it. An exclusive lock keeps two programs out of one file.

Reading: ``read_save`` turns a file back into checked events (the checks are in
``save_checks.py``), recovering what it can from damaged files (a torn last line, a
garbage line) with warnings, and raising ``SaveError`` with one clear line for what
cannot be used. The bytes on disk (encoding, cutting back, writing a lost save again)
are ``save_file.py``'s.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from goedwerk_tui.domain import rules
from goedwerk_tui.domain.errors import GoedwerkError, RuleError, SaveError
from goedwerk_tui.domain.events import E, Event, SaveEvent, kind_of, stamped
from goedwerk_tui.domain.files import (
    FileTooLarge,
    NotARegularFile,
    read_regular_file,
    write_all,
)
from goedwerk_tui.domain.files import sync_folder as _sync_folder
from goedwerk_tui.domain.messages import Message
from goedwerk_tui.domain.save_checks import (
    check_header,
    decode_event,
    read_start,
    session_from_start,
    unstamped,
)
from goedwerk_tui.domain.save_file import (
    encode,
    identity,
    last_line_end,
    rewrite_save,
    truncate,
)
from goedwerk_tui.domain.session import Session

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]  # no file locks there; callers check for None

MAX_SAVE_BYTES = 64 * 1024 * 1024
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_ts(ts: str) -> datetime | None:
    try:
        return datetime.fromisoformat(ts.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None


def new_save_path(folder: Path, deck_id: str, now: datetime) -> Path:
    """``<UTC timestamp>-<deck id>-<random>.jsonl``: never text typed by users."""
    import secrets  # here, not at the top: reading saves (a report) never needs it

    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return folder / f"{stamp}-{deck_id}-{secrets.token_hex(3)}.jsonl"


class SaveLog:
    def __init__(self, path: Path, fd: int, next_seq: int, clock: Clock) -> None:
        self.path = path
        self._fd = fd
        self.next_seq = next_seq
        self._clock = clock
        self._cut_to: int | None = None  # a failed write left bytes after this length
        # Every event written so far, to re-create the file when its name no longer
        # names it (set by ``Game``); and the one-line notices of having done so.
        self.history: Callable[[], Iterable[Event]] | None = None
        self.notices: list[GoedwerkError] = []

    @classmethod
    def create(cls, folder: Path, deck_id: str, clock: Clock = utc_now) -> SaveLog:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(
                "save.cannot_create_folder", path=str(folder), reason=exc.strerror
            ) from None
        for _ in range(20):
            path = new_save_path(folder, deck_id, clock())
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
            except FileExistsError:
                continue
            except OSError as exc:
                raise SaveError("save.cannot_create", path=str(path), reason=exc.strerror) from None
            _lock(fd, path)
            _sync_folder(folder)
            return cls(path, fd, 0, clock)
        raise SaveError("save.no_free_name", path=str(folder))  # pragma: no cover

    @classmethod
    def reopen(cls, path: Path, clock: Clock = utc_now) -> SaveLog:
        """Open a save to continue it, locked, before anything of it is read.

        Read it (``read_save``) after this, so nothing can be appended in between;
        then ``cut_torn_tail`` and set ``next_seq``.
        """
        try:  # without blocking: a FIFO with no writer must not hang
            fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_NONBLOCK)
        except OSError as exc:
            raise _file_problem(str(path), exc, "save.cannot_open") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # /dev/zero, a FIFO...
            os.close(fd)
            raise SaveError("save.not_regular", path=str(path))
        _lock(fd, path)
        return cls(path, fd, 0, clock)

    def cut_torn_tail(self) -> None:
        """Cut off a torn last line (it was never confirmed) before appending."""
        end = last_line_end(self._fd)
        if end != os.fstat(self._fd).st_size:
            try:
                os.ftruncate(self._fd, end)
                os.fsync(self._fd)
            except OSError as exc:
                raise SaveError(
                    "save.cannot_repair", path=str(self.path), reason=exc.strerror
                ) from None

    def append(self, event: E) -> E:
        """Write one event as a line and fsync it; return it with ``seq`` and ``ts``.

        A save that was deleted or replaced is re-created first (``ensure_file``). A
        write that fails leaves the file as it was before it, and a line that would
        make the save bigger than a reader accepts is refused, with nothing written.
        """
        self.ensure_file()
        written = stamped(event, self.next_seq, iso(self._clock()))
        start = -1
        try:
            if self._cut_to is not None:  # an earlier failed write could not be undone then
                truncate(self._fd, self._cut_to)
                self._cut_to = None
            start = os.fstat(self._fd).st_size
            room = _room(kind_of(event)) - start
            line = encode(written)
            if len(line) > room:
                raise _SaveFull
            self._write(line)
            os.fsync(self._fd)
        except _SaveFull:
            self._undo(start)
            raise SaveError(
                "save.full", path=str(self.path), limit=MAX_SAVE_BYTES // (1024 * 1024)
            ) from None
        except OSError as exc:
            self._undo(start)
            reason = exc.strerror or str(exc)
            raise SaveError("save.cannot_write", path=str(self.path), reason=reason) from None
        self.next_seq += 1
        return written

    def _undo(self, start: int) -> None:
        """Cut what a failed append wrote; if even that fails, before the next append."""
        if start < 0:
            return
        try:
            truncate(self._fd, start)
        except OSError:
            self._cut_to = start

    def ensure_file(self) -> None:
        """Re-create the save at its path when the path no longer names the open file.

        A save deleted (``rm``) or replaced (``mv`` of another file over it) during a
        session is written again, whole, from ``history``, atomically, and locked; a
        file that had taken its place is kept beside it. One notice says so.
        """
        if self._fd < 0:
            return
        try:
            named = os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):  # deleted, or its folder is gone
            named = None
        except OSError:
            return  # the folder cannot be looked into: the next write says why
        if named is not None and identity(named) == identity(os.fstat(self._fd)):
            return
        if self.history is None:
            raise SaveError("save.lost", path=str(self.path))
        lines = (encode(event) for event in self.history())
        fd, kept = rewrite_save(self.path, lines, displaced=named is not None, lock=_lock)
        os.close(self._fd)
        self._fd, self._cut_to = fd, None
        if kept is None:
            self.notices.append(SaveError("save.recreated", path=str(self.path)))
        else:
            self.notices.append(SaveError("save.replaced", path=str(self.path), kept=str(kept)))

    def _write(self, data: bytes) -> None:
        write_all(self._fd, data)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # closing releases the lock
            self._fd = -1


# The events a session can still write when its save is nearly full, so it can
# still be resumed and closed (an open card is skipped on the way to the closing step).
_RESERVE_EVENTS = frozenset(
    ("session_resumed", "card_skipped", "closing_started", "action_recorded", "session_ended")
)
SAVE_RESERVE_BYTES = 1024 * 1024


class _SaveFull(Exception):
    """A line would make the save bigger than ``read_save`` accepts."""


def _room(kind: str) -> int:
    """The size the save may reach with this event (read at call time: tests lower it)."""
    if kind in _RESERVE_EVENTS:
        return MAX_SAVE_BYTES
    return MAX_SAVE_BYTES - SAVE_RESERVE_BYTES


def _file_problem(display: str, exc: OSError, code: str) -> SaveError:
    """One line for a save that cannot be opened or read (``code``: the message key)."""
    if isinstance(exc, FileNotFoundError):
        return SaveError("save.missing", path=display)
    if isinstance(exc, IsADirectoryError):
        return SaveError("save.is_folder", path=display)
    return SaveError(code, path=display, reason=exc.strerror or str(exc))


def _lock(fd: int, path: Path) -> None:
    if fcntl is None:  # pragma: no cover
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise SaveError("save.locked", path=str(path)) from None


# ----- reading ---------------------------------------------------------------


@dataclass
class SaveRead:
    path: Path
    session: Session
    events: list[SaveEvent]
    # what was recovered from, each with the save's path and line number as ``path``
    # and ``line`` parameters; the UI and the CLI say them in their language
    warnings: list[SaveError] = field(default_factory=list)

    @property
    def next_seq(self) -> int:
        return self.events[-1].seq + 1 if self.events else 0


def read_save(path: Path, *, keep_events: bool = True) -> SaveRead:
    """A save file replayed into a Session, with warnings for what was recovered.

    Each line is decoded as a save event (``events.decode_line``), checked against
    the rules of the session so far (``Session.check``), then applied: one pass.

    ``SaveRead.events`` holds every event used. With ``keep_events=False`` (for whoever
    needs only the session, like a report) it holds just the first and the last, so
    the others are freed as soon as they are applied: a long save reads faster and
    in less memory.
    """
    display = str(path)
    data = _read_file(path, display)
    if not data.strip():
        raise SaveError("save.empty", path=display)
    torn = not data.endswith(b"\n")
    lines = data.split(b"\n")
    del data  # megabytes that the lines now hold
    if not torn:
        lines.pop()
    check_header(lines[0], display, cut=torn and len(lines) == 1)
    if torn and len(lines) == 1:
        raise SaveError("save.torn_first_line", path=display)
    start = read_start(lines[0], display)
    warnings: list[SaveError] = []
    session = session_from_start(start, display, warnings)
    events: list[SaveEvent] = [start]
    last = _replay(session, lines, torn, display, warnings, events if keep_events else None)
    if not keep_events and last is not None:
        events.append(last)
    return SaveRead(path, session, events, warnings)


def _replay(
    session: Session,
    lines: list[bytes],
    torn: bool,
    display: str,
    warnings: list[SaveError],
    kept: list[SaveEvent] | None,
) -> SaveEvent | None:
    """Apply every line after the first that is an event the rules allow; the last
    event applied. The hot loop of every report and replay."""
    last: SaveEvent | None = None
    count = len(lines)
    check, apply = rules.check, session.apply
    for number in range(2, count + 1):
        raw = lines[number - 1]
        if torn and number == count:
            # A line without its newline was never completely written, so never
            # confirmed, even when it decodes; resuming cuts it off (SaveLog.reopen).
            warnings.append(SaveError("save.torn_last_line", path=display, line=number))
            continue
        event = decode_event(raw)
        if event is None:
            warnings.append(SaveError("save.unreadable_line", path=display, line=number))
            continue
        if isinstance(event, Message):
            warnings.append(_ignored(display, number, event))
            continue
        problem = unstamped(event)
        if problem is not None:
            warnings.append(_ignored(display, number, problem))
            continue
        try:
            check(session, event, live=False)
        except RuleError as refused:
            kind = kind_of(event)
            warnings.append(
                SaveError(
                    "save.event_refused", path=display, line=number, event=kind, problem=refused
                )
            )
            continue
        apply(event)
        if kept is not None:
            kept.append(event)
        last = event
    return last


def _ignored(display: str, number: int, problem: Message) -> SaveError:
    return SaveError("save.line_ignored", path=display, line=number, problem=problem)


_BOM = b"\xef\xbb\xbf"  # UTF-8's byte-order mark


def _read_file(path: Path, display: str) -> bytes:
    """The save's bytes: a regular file of at most MAX_SAVE_BYTES, without a BOM."""
    try:
        data = read_regular_file(path, MAX_SAVE_BYTES)
    except FileTooLarge:
        raise SaveError("save.too_big", path=display, limit=MAX_SAVE_BYTES) from None
    except NotARegularFile as exc:
        if exc.kind == "folder":
            raise SaveError("save.is_folder", path=display) from None
        raise SaveError("save.not_regular", path=display) from None
    except OSError as exc:
        raise _file_problem(display, exc, "save.cannot_read") from None
    if data.startswith(_BOM):  # an editor added it; the save is read without it
        data = data[len(_BOM) :]
    return data
