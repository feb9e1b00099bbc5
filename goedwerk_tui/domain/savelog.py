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
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from goedwerk_tui.domain.session import SAVE_FORMAT, STANCES, Session, Settings, Team
from goedwerk_tui.domain.snapshot import SnapshotError, deck_from_data

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

MAX_SAVE_BYTES = 64 * 1024 * 1024
Clock = Callable[[], datetime]


class SaveError(Exception):
    """A save cannot be used; the message is one line for the user."""


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
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return folder / f"{stamp}-{deck_id}-{secrets.token_hex(3)}.jsonl"


class SaveLog:
    def __init__(self, path: Path, fd: int, next_seq: int, clock: Clock) -> None:
        self.path = path
        self._fd = fd
        self.next_seq = next_seq
        self._clock = clock

    @classmethod
    def create(cls, folder: Path, deck_id: str, clock: Clock = utc_now) -> SaveLog:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(f"{folder}: cannot create the save folder: {exc.strerror}") from None
        for _ in range(20):
            path = new_save_path(folder, deck_id, clock())
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
            except FileExistsError:
                continue
            except OSError as exc:
                raise SaveError(f"{path}: cannot create the save: {exc.strerror}") from None
            _lock(fd, path)
            return cls(path, fd, 0, clock)
        raise SaveError(f"{folder}: could not find a free save name")  # pragma: no cover

    @classmethod
    def reopen(cls, path: Path, next_seq: int, clock: Clock = utc_now) -> SaveLog:
        """Continue a save; a torn last line (never confirmed) is cut off first."""
        try:
            fd = os.open(path, os.O_RDWR | os.O_APPEND)
        except OSError as exc:
            raise SaveError(f"{path}: cannot open the save: {exc.strerror}") from None
        _lock(fd, path)
        size = os.fstat(fd).st_size
        if size:
            with open(path, "rb") as handle:
                data = handle.read()
            end = data.rfind(b"\n") + 1
            if end != size:
                os.ftruncate(fd, end)
                os.fsync(fd)
        return cls(path, fd, next_seq, clock)

    def append(self, event: dict[str, Any]) -> dict[str, Any]:
        """Write one event as a line and fsync it; return it with ``seq`` and ``ts``."""
        stamped = {"seq": self.next_seq, "ts": iso(self._clock()), **event}
        line = json.dumps(stamped, ensure_ascii=False, separators=(",", ":")) + "\n"
        data = line.encode("utf-8")
        try:
            written = os.write(self._fd, data)
            while written < len(data):  # pragma: no cover - short writes are rare
                written += os.write(self._fd, data[written:])
            os.fsync(self._fd)
        except OSError as exc:
            raise SaveError(f"{self.path}: cannot write the save: {exc.strerror}") from None
        self.next_seq += 1
        return stamped

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # closing releases the lock
            self._fd = -1


def _lock(fd: int, path: Path) -> None:
    if fcntl is None:  # pragma: no cover
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise SaveError(f"{path}: this session is open in another goedwerk window") from None


# ----- reading ---------------------------------------------------------------


@dataclass
class SaveRead:
    path: Path
    session: Session
    events: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)

    @property
    def next_seq(self) -> int:
        return self.events[-1]["seq"] + 1 if self.events else 0


def read_save(path: Path) -> SaveRead:
    """A save file replayed into a Session, with warnings for what was recovered."""
    display = str(path)
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{display}: file is over the limit of {MAX_SAVE_BYTES:,} bytes")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SaveError(f"{display}: no such file") from None
    except IsADirectoryError:
        raise SaveError(f"{display}: is a folder, not a save") from None
    except OSError as exc:
        raise SaveError(f"{display}: cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise SaveError(f"{display}: the file is empty; it holds no session")
    warnings: list[str] = []
    lines = data.split(b"\n")
    torn = lines[-1] != b""
    if not torn:
        lines.pop()
    events: list[dict[str, Any]] = []
    for number, raw in enumerate(lines, start=1):
        if torn and number == len(lines) and number > 1:
            # A line without its newline was never completely written, so never
            # confirmed, even when it parses; resuming cuts it off (SaveLog.reopen).
            warnings.append(
                f"{display}:{number}: the last line was cut off (the program stopped "
                "while writing); it is ignored"
            )
            continue
        try:
            event = json.loads(raw.decode("utf-8"))
            if not isinstance(event, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError):
            if number == 1:
                raise SaveError(
                    f"{display}:1: not a goedwerk save (the first line is not a JSON object)"
                ) from None
            warnings.append(f"{display}:{number}: unreadable line ignored")
            continue
        if number == 1:
            _check_header(event, display)
            if torn and len(lines) == 1:
                raise SaveError(
                    f"{display}:1: the first line was cut off (the program stopped while "
                    "writing); the save holds no session"
                )
        problem = _check_event(event)
        if problem:
            warnings.append(f"{display}:{number}: {problem}; line ignored")
            continue
        event["_line"] = number
        events.append(event)
    session = _replay(events, display, warnings)
    for event in events:
        event.pop("_line", None)
    return SaveRead(path, session, events, warnings)


def _check_header(event: dict[str, Any], display: str) -> None:
    fmt = event.get("format")
    if event.get("event") != "session_started" or not isinstance(fmt, str):
        raise SaveError(f"{display}:1: not a goedwerk save (it does not start a session)")
    name, _, version = fmt.partition("/")
    expected_name, _, expected_version = SAVE_FORMAT.partition("/")
    if name != expected_name:
        raise SaveError(f"{display}:1: not a goedwerk save (format '{fmt[:40]}')")
    if not version.isdigit() or int(version) > int(expected_version):
        raise SaveError(
            f"{display}:1: made by a newer goedwerk (format '{fmt[:40]}'; this version "
            f"reads {SAVE_FORMAT}); update goedwerk to open it"
        )


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
    "session_resumed": {},
    "session_ended": {},
}


def _check_event(event: dict[str, Any]) -> str | None:
    """What is wrong with an event's shape, or None."""
    kind = event.get("event")
    if not isinstance(event.get("seq"), int) or isinstance(event.get("seq"), bool):
        return "event without a sequence number"
    if not isinstance(event.get("ts"), str):
        return "event without a time stamp"
    if kind not in _REQUIRED:
        return f"unknown event '{str(kind)[:40]}'"
    for key, kind_type in _REQUIRED[kind].items():
        value = event.get(key)
        if not isinstance(value, kind_type) or isinstance(value, bool):
            return f"{kind} without a valid '{key}'"
    if kind == "choice_recorded":
        values = event["values"]
        if event["stance"] not in STANCES:
            return "choice with a stance outside -2..2"
        for pole in ("a", "b"):
            if not isinstance(values.get(pole, []), list) or not all(
                isinstance(v, str) for v in values.get(pole, [])
            ):
                return "choice with damaged values"
        option = event.get("option")
        if option is not None and (not isinstance(option, str) or option not in tuple("ABCDEF")):
            return "choice with an unknown option"
        if not isinstance(event.get("rationale", ""), str):
            return "choice with a damaged rationale"
        seconds = event.get("seconds")
        if seconds is not None and not isinstance(seconds, (int, float)):
            return "choice with a damaged duration"
    return None


def _replay(events: list[dict[str, Any]], display: str, warnings: list[str]) -> Session:
    if not events or events[0].get("event") != "session_started":
        raise SaveError(f"{display}:1: the first line does not start a session")
    start = events[0]
    try:
        deck = deck_from_data(start["deck"])
    except SnapshotError as exc:
        raise SaveError(f"{display}:1: {exc}") from None
    teams = []
    for item in start["teams"]:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise SaveError(f"{display}:1: the team list is damaged")
        teams.append(Team(item["id"], str(item.get("name") or item["id"])))
    cards = [c for c in start["cards"] if isinstance(c, str) and c in deck.cards_by_id]
    if len(cards) != len(start["cards"]):
        warnings.append(f"{display}:1: cards missing from the deck snapshot are left out")
    raw = start.get("settings") if isinstance(start.get("settings"), dict) else {}
    settings = Settings(
        seed=raw.get("seed") if isinstance(raw.get("seed"), int) else None,
        order=raw.get("order") if raw.get("order") in ("deck", "shuffled") else "deck",
        timer=raw.get("timer") if isinstance(raw.get("timer"), int) else None,
    )
    session = Session(
        session_id=start["session_id"],
        deck=deck,
        teams=teams,
        cards=cards,
        settings=settings,
        language=start.get("language") if start.get("language") in ("nl", "en") else "nl",
        app_version=str(start.get("app_version", "")),
    )
    session.started_ts = start["ts"]
    kept = [start]
    for event in events[1:]:
        problem = _consistency(session, event)
        if problem:
            warnings.append(f"{display}:{event['_line']}: {problem}; line ignored")
            continue
        session.apply(event)
        kept.append(event)
    events[:] = kept
    return session


def _consistency(session: Session, event: dict[str, Any]) -> str | None:
    """Whether an event fits the session so far (a save can be edited by hand)."""
    kind = event["event"]
    if kind == "session_started":
        return "a second session start"
    if kind == "card_dealt":
        if event["round"] != len(session.rounds) + 1 or event["round"] > len(session.cards):
            return "a card dealt out of order"
        if session.cards[event["round"] - 1] != event["card"]:
            return "a card dealt that the session did not plan"
        return None
    if kind in ("choice_recorded", "card_revealed", "card_skipped", "note_added"):
        if not 1 <= event["round"] <= len(session.rounds):
            return f"{kind} for a round that was not dealt"
        if session.rounds[event["round"] - 1].card != event["card"]:
            return f"{kind} for the wrong card"
    if kind in ("choice_recorded", "action_recorded") and event["team"] not in session.team_ids:
        return f"{kind} for an unknown team"
    if kind == "choice_recorded":
        known = session.deck.catalogue.by_id
        values = event["values"]
        if any(v not in known for v in values.get("a", []) + values.get("b", [])):
            return "a choice with values not in the catalogue"
    return None
