"""The save: an append-only JSON-lines log, flushed to disk before anything is confirmed.

Writing: ``SaveLog.create`` makes a new file (never an existing one) and
``SaveLog.reopen`` continues one; ``append`` stamps ``seq`` and ``ts`` on an event,
writes the line and fsyncs it. An exclusive lock keeps two programs out of one file.

Reading: ``read_save`` turns a file back into checked events, recovering what it can
from damaged files (a torn last line, a garbage line) with warnings, and raising
``SaveError`` with one clear line for what cannot be used.
"""

from __future__ import annotations

import json
import json.scanner
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from goedwerk_tui.domain.errors import GoedwerkError, SaveError
from goedwerk_tui.domain.files import (
    FileTooLarge,
    NotARegularFile,
    read_regular_file,
    write_all,
)
from goedwerk_tui.domain.files import sync_folder as _sync_folder
from goedwerk_tui.domain.messages import Message
from goedwerk_tui.domain.save_file import (
    STREAM as STREAM,  # re-exported: the placeholder callers put in an event
)
from goedwerk_tui.domain.save_file import (
    Line,
    encode,
    identity,
    last_line_end,
    rewrite_save,
    truncate,
)
from goedwerk_tui.domain.session import (
    MAX_ACTION,
    MAX_NOTE,
    MAX_RATIONALE,
    MAX_TEAMS,
    SAVE_FORMAT,
    STANCES,
    Session,
    Settings,
    Team,
)
from goedwerk_tui.domain.snapshot import SnapshotError, deck_from_data

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

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
        self.history: Callable[[], Iterable[Line]] | None = None
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

    def append(self, event: dict[str, Any], stream: Iterable[Any] | None = None) -> dict[str, Any]:
        """Write one event as a line and fsync it; return it with ``seq`` and ``ts``.

        With ``stream``, the event holds the one-item list ``[STREAM]`` somewhere, and
        the line gets the stream's items in its place, encoded and written one batch
        at a time: a deck snapshot of thousands of cards is never in memory whole.
        The line is fsynced once, at its end.

        A save that was deleted or replaced is re-created first (``ensure_file``). A
        write that fails leaves the file as it was before it, and a line that would
        make the save bigger than a reader accepts is refused, with nothing written.
        """
        self.ensure_file()
        stamped = {"seq": self.next_seq, "ts": iso(self._clock()), **event}
        start = -1
        try:
            if self._cut_to is not None:  # an earlier failed write could not be undone then
                truncate(self._fd, self._cut_to)
                self._cut_to = None
            start = os.fstat(self._fd).st_size
            room = _room(event.get("event")) - start
            for chunk in encode(stamped, stream):
                room -= len(chunk)
                if room < 0:
                    raise _SaveFull
                self._write(chunk)
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
        return stamped

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
        lines = (chunk for line in self.history() for chunk in encode(*line))
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


def _room(kind: Any) -> int:
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
    events: list[dict[str, Any]]
    # what was recovered from, each with the save's path and line number as ``path``
    # and ``line`` parameters; the UI and the CLI say them in their language
    warnings: list[SaveError] = field(default_factory=list)

    @property
    def next_seq(self) -> int:
        return self.events[-1]["seq"] + 1 if self.events else 0


# ``json.loads`` without its per-call layers: a line that is exactly one JSON value
# (what ``SaveLog.append`` writes) is scanned directly; anything else goes through
# ``json.loads`` itself, so what is accepted and refused stays exactly the same.
_scan = json.scanner.make_scanner(json.JSONDecoder())
_UNREADABLE = (ValueError, UnicodeDecodeError, RecursionError)  # deep nesting: RecursionError


def _parse(line: str) -> Any:
    """``json.loads(line)``, in a quarter less time for a line as the log writes it."""
    try:
        value, end = _scan(line, 0)
        if end == len(line):
            return value
    except (StopIteration, *_UNREADABLE):
        pass
    return json.loads(line)


def read_save(path: Path, *, keep_events: bool = True) -> SaveRead:
    """A save file replayed into a Session, with warnings for what was recovered.

    Each line is parsed, checked for its shape (``_check_event``) and against the
    rules of the session so far (``_Replay.problem``), then applied: one pass.

    ``SaveRead.events`` holds every event used. With ``keep_events=False`` (for whoever
    needs only the session, like a report) it holds just the first and the last, so
    the others are freed as soon as they are applied: a long save reads faster and
    in less memory.
    """
    display = str(path)
    data = _read_file(path, display)
    if not data.strip():
        raise SaveError("save.empty", path=display)
    warnings: list[SaveError] = []
    # Decoding the whole file at once gives the same lines as decoding each line (a
    # newline byte never occurs inside a UTF-8 character); only a file with a bad
    # byte somewhere is decoded line by line, so the bad line alone is lost.
    lines: list[str] | list[bytes]
    try:
        lines = data.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        lines = data.split(b"\n")
    torn = not data.endswith(b"\n")
    del data  # megabytes that the lines now hold
    if not torn:
        lines.pop()
    count = len(lines)
    events: list[dict[str, Any]] = []
    last: dict[str, Any] | None = None  # with keep_events=False, the last event used
    replay: _Replay | None = None
    for number, raw in enumerate(lines, start=1):
        if torn and number == count and number > 1:
            # A line without its newline was never completely written, so never
            # confirmed, even when it parses; resuming cuts it off (SaveLog.reopen).
            warnings.append(SaveError("save.torn_last_line", path=display, line=number))
            continue
        deep = False
        try:
            event = _parse(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
        except RecursionError:
            event, deep = None, True
        except _UNREADABLE:
            event = None
        if event.__class__ is not dict and not isinstance(event, dict):
            if number == 1:
                raise _first_line_problem(display, raw, torn and count == 1, deep)
            warnings.append(SaveError("save.unreadable_line", path=display, line=number))
            continue
        if replay is None:  # the first line
            _check_header(event, display)
            if torn and count == 1:
                raise SaveError("save.torn_first_line", path=display)
            problem = _check_event(event)
            if problem:
                raise SaveError("save.bad_start", path=display, problem=problem)
            replay = _Replay(event, display, warnings)
            events.append(event)
            continue
        problem = _check_event(event) or replay.problem(event)
        if problem:
            warnings.append(
                SaveError("save.line_ignored", path=display, line=number, problem=problem)
            )
            continue
        replay.session.apply(event)
        if keep_events:
            events.append(event)
        else:
            last = event
    assert replay is not None  # the first line either started the replay or raised
    if last is not None:
        events.append(last)
    return SaveRead(path, replay.session, events, warnings)


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


def _first_line_problem(display: str, raw: str | bytes, cut: bool, deep: bool) -> SaveError:
    """Why a first line that is not a JSON object cannot start a session, precisely."""
    if deep:
        return SaveError("save.nested_too_deeply", path=display)
    head = raw.lstrip()[:1] if isinstance(raw, str) else raw.lstrip()[:1].decode("latin-1")
    if cut and head == "{":
        return SaveError("save.torn_first_line", path=display)  # as when it parses
    return SaveError("save.first_not_object", path=display)


_FORMAT_NAME, _, _FORMAT_VERSION = SAVE_FORMAT.partition("/")


def _check_header(event: dict[str, Any], display: str) -> None:
    fmt = event.get("format")
    if event.get("event") != "session_started" or not isinstance(fmt, str):
        raise SaveError("save.not_a_save", path=display)
    name, _, version = fmt.partition("/")
    # versions count from 1 and are written as plain ASCII digits, without leading zeros
    if name != _FORMAT_NAME or not (version.isascii() and version.isdigit()) or version[0] == "0":
        raise SaveError("save.unknown_format", path=display, format=fmt[:40])
    # compared by length first: int() of thousands of digits is refused by Python
    if len(version) > len(_FORMAT_VERSION) or int(version) > int(_FORMAT_VERSION):
        raise SaveError("save.newer_format", path=display, format=fmt[:40], supported=SAVE_FORMAT)


_INT = int
_REQUIRED: dict[str, dict[str, Any]] = {
    "session_started": {"session_id": str, "teams": list, "cards": list, "deck": dict},
    "card_dealt": {"round": _INT, "card": str},
    "choice_recorded": {
        "round": _INT,
        "card": str,
        "team": str,
        "stance": _INT,
        "values": dict,
    },
    "card_revealed": {"round": _INT, "card": str},
    "card_skipped": {"round": _INT, "card": str},
    "note_added": {"round": _INT, "card": str, "text": str},
    "action_recorded": {"team": str, "text": str},
    "closing_started": {},
    "dealing_resumed": {},
    "session_resumed": {},
    "session_ended": {},
}
_FIELDS = {kind: tuple(fields.items()) for kind, fields in _REQUIRED.items()}
_STANCES = frozenset(STANCES)
_OPTIONS = frozenset("ABCDEF")
_INFINITY = float("inf")


def _is_int(value: Any) -> bool:
    """An int and not a bool (JSON ``true`` is a Python bool, which is an int)."""
    return value.__class__ is int or (isinstance(value, int) and not isinstance(value, bool))


def _is_duration(value: Any) -> bool:
    """A finite, non-negative number of seconds that fits a float; not a bool."""
    if value.__class__ is float:
        return 0.0 <= value < _INFINITY  # NaN compares false
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return 0.0 <= float(value) < _INFINITY
    except OverflowError:  # an int of hundreds of digits
        return False


def _check_event(event: dict[str, Any]) -> Message | None:
    """What is wrong with an event's shape, or None.

    Checks go from cheap to costly and test the exact class first: what ``json``
    makes is exactly ``int``, ``str``, ``list``... and the ``isinstance`` checks
    after it only run for the rare value that is something else.
    """
    seq = event.get("seq")
    if seq.__class__ is not int and not _is_int(seq):
        return Message("event.no_seq")
    if not isinstance(event.get("ts"), str):
        return Message("event.no_ts")
    kind = event.get("event")
    fields = _FIELDS.get(kind) if isinstance(kind, str) else None  # a list is unhashable
    if fields is None:
        return Message("event.unknown", event=str(kind)[:40])
    for key, expected in fields:
        value = event.get(key)
        if value.__class__ is not expected and (
            not isinstance(value, expected) or isinstance(value, bool)
        ):
            return Message("event.bad_field", event=kind, field=key)
    if kind == "choice_recorded":
        if event["stance"] not in _STANCES:
            return Message("event.bad_stance")
        values = event["values"]
        for pole in ("a", "b"):
            names = values.get(pole, [])
            if not isinstance(names, list):
                return Message("event.bad_values")
            for name in names:
                if name.__class__ is not str and not isinstance(name, str):
                    return Message("event.bad_values")
        option = event.get("option")
        if option is not None and (not isinstance(option, str) or option not in _OPTIONS):
            return Message("event.bad_option")
        if not isinstance(event.get("rationale", ""), str):
            return Message("event.bad_rationale")
        seconds = event.get("seconds")
        if seconds is not None and not _is_duration(seconds):
            return Message("event.bad_duration")
    return None


class _Replay:
    """A session rebuilt from a save's first line, checking every later event against it.

    A save can be edited by hand, so each event must fit the rules of ``Session``
    as they stood when it was written; ``problem`` mirrors the checks of the intent
    that makes such an event (``deal``, ``record_choice``...) on the state replayed
    so far. What it needs again and again (team ids, value ids) is looked up once.
    """

    def __init__(self, start: dict[str, Any], display: str, warnings: list[SaveError]) -> None:
        try:
            deck = deck_from_data(start["deck"])
        except SnapshotError as exc:
            raise SaveError("save.bad_snapshot", path=display, problem=exc) from None
        if not start["teams"]:
            raise SaveError("save.no_teams", path=display)
        if len(start["teams"]) > MAX_TEAMS:
            raise SaveError(
                "save.too_many_teams", path=display, count=len(start["teams"]), limit=MAX_TEAMS
            )
        teams = []
        for item in start["teams"]:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                raise SaveError("save.teams_damaged", path=display)
            teams.append(Team(item["id"], str(item.get("name") or item["id"])))
        team_ids = frozenset(team.id for team in teams)
        if len(team_ids) != len(teams):
            raise SaveError("save.team_twice", path=display)
        cards = [c for c in start["cards"] if isinstance(c, str) and c in deck.cards_by_id]
        if len(cards) != len(start["cards"]):
            warnings.append(SaveError("save.cards_missing", path=display, line=1))
        raw = start.get("settings") if isinstance(start.get("settings"), dict) else {}
        settings = Settings(
            seed=raw.get("seed") if isinstance(raw.get("seed"), int) else None,
            order=raw.get("order") if raw.get("order") in ("deck", "shuffled") else "deck",
            timer=raw.get("timer") if isinstance(raw.get("timer"), int) else None,
        )
        self.session = Session(
            session_id=start["session_id"],
            deck=deck,
            teams=teams,
            cards=cards,
            settings=settings,
            language=start.get("language") if start.get("language") in ("nl", "en") else "nl",
            app_version=str(start.get("app_version", "")),
        )
        self.session.started_ts = start["ts"]
        self.team_ids = team_ids
        self.value_ids = deck.catalogue.by_id
        self.cards = deck.cards_by_id

    def problem(self, event: dict[str, Any]) -> Message | None:
        """Why the rules would not have made this event now, or None when they would."""
        kind = event["event"]
        session = self.session
        if session.ended:  # Session.end: nothing follows; Game.resume refuses ended sessions
            return Message("event.after_end", event=kind)
        rounds = session.rounds
        if kind == "card_dealt":  # Session.deal
            number = event["round"]
            if number != len(rounds) + 1 or number > len(session.cards):
                return Message("event.deal_order")
            if session.cards[number - 1] != event["card"]:
                return Message("event.deal_unplanned")
            if session.closing:
                return Message("event.deal_after_closing")
            if rounds and not (rounds[-1].revealed or rounds[-1].skipped):
                return Message("event.deal_early")
            return None
        if kind in _ROUND_EVENTS:
            number = event["round"]
            if not 1 <= number <= len(rounds):
                return Message("event.round_not_dealt", event=kind)
            rnd = rounds[number - 1]
            if rnd.card != event["card"]:
                return Message("event.wrong_card", event=kind)
            if number != len(rounds):  # every intent acts on the current card only
                return Message("event.earlier_round", event=kind)
            if kind == "note_added":  # Session.add_note: any time until the end
                text = event["text"]
                if not text.strip():
                    return Message("event.empty_note")
                if len(text) > MAX_NOTE:
                    return Message("event.long_note", most=MAX_NOTE)
                return None
            # choices, reveal and skip need the card still open (Session._open_round)
            if rnd.revealed:
                return Message("event.already_revealed", event=kind)
            if rnd.skipped:
                return Message("event.already_skipped", event=kind)
            if kind == "choice_recorded":
                return self._choice_problem(event)
            # A reveal with a team's choice missing is kept: the play rules never write
            # one, so a missing choice means its line was lost or refused, and refusing
            # the reveal too would cascade into every later card of the session.
            return None
        if kind == "action_recorded":  # Session.record_action
            if not session.closing:
                return Message("event.action_early")
            if event["team"] not in self.team_ids:
                return Message("event.action_unknown_team")
            text = event["text"]
            if not text.strip():
                return Message("event.empty_action")
            if len(text) > MAX_ACTION:
                return Message("event.long_action", most=MAX_ACTION)
            return None
        if kind == "closing_started":  # Session.start_closing
            if session.closing:
                return Message("event.second_closing")
            if rounds and not (rounds[-1].revealed or rounds[-1].skipped):
                return Message("event.closing_early")
            return None
        if kind == "dealing_resumed":  # Session.resume_dealing
            if not session.closing:
                return Message("event.resume_outside_closing")
            if session.actions:
                return Message("event.resume_after_action")
            if len(rounds) >= len(session.cards):
                return Message("event.resume_no_cards")
            return None
        if kind == "session_started":
            return Message("event.second_start")
        return None  # session_resumed and session_ended fit any time before the end

    def _choice_problem(self, event: dict[str, Any]) -> Message | None:
        """Session.record_choice, on a card that is open (checked by the caller)."""
        if event["team"] not in self.team_ids:
            return Message("event.choice_unknown_team")
        option = event.get("option")
        if option is not None and "ABCDEF".index(option) >= len(self.cards[event["card"]].options):
            return Message("event.option_not_on_card")
        values = event["values"]
        toward_a, toward_b = values.get("a", []), values.get("b", [])
        picked = toward_a + toward_b
        known = self.value_ids
        for value in picked:
            if value not in known:
                return Message("event.unknown_values")
        if not picked:
            return Message("event.no_values")
        if len(set(picked)) != len(picked):  # record_choice keeps each value once, on one side
            if len(set(toward_a)) != len(toward_a) or len(set(toward_b)) != len(toward_b):
                return Message("event.value_twice")
            return Message("event.value_both")
        if len(event.get("rationale") or "") > MAX_RATIONALE:
            return Message("event.long_rationale", most=MAX_RATIONALE)
        return None


_ROUND_EVENTS = frozenset(("choice_recorded", "card_revealed", "card_skipped", "note_added"))
