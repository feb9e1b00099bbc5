"""What a save's lines must be before they are used, and why one is refused.

A line is decoded as a save event (``events.decode_line``): the event structs say
what each event holds, so a line that decodes has the right shape. This module turns
the decoder's refusals into messages, checks the first line's format version, and
builds the session a save starts (``session_from_start``). Whether each later event
is allowed is for the rules (``Session.check``), never repeated here.

``read_save`` (savelog.py) runs these; a save can be edited by hand, so nothing in it
is trusted before it passed here.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

import msgspec

from goedwerk_tui.domain.errors import SaveError, SnapshotError
from goedwerk_tui.domain.events import (
    SAVE_FORMAT,
    Event,
    SaveEvent,
    SessionStarted,
    Team,
    convert_event,
    decode_line,
)
from goedwerk_tui.domain.messages import Message
from goedwerk_tui.domain.session import MAX_TEAMS, Session
from goedwerk_tui.domain.snapshot import damaged, deck_from_snapshot


def first_line_problem(display: str, raw: bytes, cut: bool, deep: bool) -> SaveError:
    """Why a first line that is not a JSON object cannot start a session, precisely."""
    if deep:
        return SaveError("save.nested_too_deeply", path=display)
    if cut and raw.lstrip()[:1] == b"{":
        return SaveError("save.torn_first_line", path=display)  # as when it parses
    return SaveError("save.first_not_object", path=display)


class _Header(msgspec.Struct):
    """The two keys that say whether a first line starts a save we can read."""

    event: Any = None
    format: Any = None


_HEADER: Final = msgspec.json.Decoder(_Header)
_FORMAT_NAME, _, _FORMAT_VERSION = SAVE_FORMAT.partition("/")


def check_header(raw: bytes, display: str, cut: bool) -> None:
    """Refuse a first line that is not a ``session_started`` of a format we read."""
    try:
        header = _HEADER.decode(raw)
    except RecursionError:
        raise first_line_problem(display, raw, cut, deep=True) from None
    except msgspec.ValidationError:  # JSON, but not an object
        raise first_line_problem(display, raw, cut, deep=False) from None
    except msgspec.DecodeError:
        value = _json_object(raw)
        if value is None:
            raise first_line_problem(display, raw, cut, deep=False) from None
        header = _Header(value.get("event"), value.get("format"))
    fmt = header.format
    if header.event != "session_started" or not isinstance(fmt, str):
        raise SaveError("save.not_a_save", path=display)
    name, _, version = fmt.partition("/")
    # versions count from 1 and are written as plain ASCII digits, without leading zeros
    if name != _FORMAT_NAME or not (version.isascii() and version.isdigit()) or version[0] == "0":
        raise SaveError("save.unknown_format", path=display, format=fmt[:40])
    # compared by length first: int() of thousands of digits is refused by Python
    if len(version) > len(_FORMAT_VERSION) or int(version) > int(_FORMAT_VERSION):
        raise SaveError("save.newer_format", path=display, format=fmt[:40], supported=SAVE_FORMAT)


def read_start(raw: bytes, display: str) -> SessionStarted:
    """The first line as the event that starts the session (its header is checked)."""
    try:
        start = _decode(raw)
    except _NotAnEvent as bad:
        raise _start_problem(display, bad.kind, bad.error) from None
    if start is None:  # pragma: no cover - check_header decoded the same bytes
        raise SaveError("save.first_not_object", path=display)
    problem = unstamped(start)
    if problem is not None:
        raise SaveError("save.bad_start", path=display, problem=problem)
    assert isinstance(start, SessionStarted)  # check_header read its tag
    return start


def _start_problem(display: str, kind: object, exc: msgspec.ValidationError) -> SaveError:
    """Why a first line is no session start: its deck snapshot, or another field."""
    snapshot_problem = damaged(exc, at="$.deck")
    if snapshot_problem is not None:
        return SaveError("save.bad_snapshot", path=display, problem=snapshot_problem)
    return SaveError("save.bad_start", path=display, problem=invalid_event(kind, exc))


def decode_event(raw: bytes) -> SaveEvent | Message | None:
    """The event a line holds; or why a JSON object is not an event; or None for a
    line that is not a JSON object at all (not JSON, nested too deeply, an array...)."""
    try:
        return _decode(raw)
    except _NotAnEvent as bad:
        return invalid_event(bad.kind, bad.error)


class _NotAnEvent(Exception):
    """A JSON object that is no save event: the ``event`` it names, the decoder's error."""

    def __init__(self, kind: object, error: msgspec.ValidationError) -> None:
        super().__init__(kind, error)
        self.kind, self.error = kind, error


def _decode(raw: bytes) -> SaveEvent | None:
    """The event a line holds, None for a line that is no JSON object (``_NotAnEvent``
    for an object that is no event).

    msgspec decodes what the log writes. JSON it refuses though Python's ``json``
    reads it (a lone surrogate escape such as ``\\ud800``, ``NaN``) is read by ``json``
    and converted to the same structs, so a hand-edited line is judged on what it
    holds, as before: the slow path, for such lines only.
    """
    try:
        return decode_line(raw)
    except msgspec.ValidationError as exc:
        if raw.lstrip()[:1] != b"{":
            return None
        raise _NotAnEvent(_kind(raw), exc) from None
    except msgspec.DecodeError:
        value = _json_object(raw)
    except RecursionError:
        return None
    if value is None:
        return None
    try:
        return convert_event(value)
    except msgspec.ValidationError as exc:
        raise _NotAnEvent(value.get("event"), exc) from None


def _kind(raw: bytes) -> object:
    """The ``event`` of a JSON object that is not a valid event (decoded again, alone)."""
    try:
        return _HEADER.decode(raw).event
    except (msgspec.DecodeError, RecursionError):  # JSON that only Python's json reads
        value = _json_object(raw)
        return None if value is None else value.get("event")


def _json_object(raw: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def unstamped(event: Event) -> Message | None:
    """Why an event read from a save has no place or time in it, or None (a negative
    ``seq``, ``NOT_WRITTEN`` among them, is no place in a save)."""
    if event.seq < 0:
        return Message("event.no_seq")
    if not event.ts:
        return Message("event.no_ts")
    return None


_AT = re.compile(r" - at `\$\.([A-Za-z_]+)")
_MISSING = re.compile(r"missing required field `([A-Za-z_]+)`")
# What a refused field of a choice means to a reader; other fields are named as they are.
_CHOICE_FIELDS: Final = {
    "stance": "event.bad_stance",
    "values": "event.bad_values",
    "option": "event.bad_option",
    "rationale": "event.bad_rationale",
    "seconds": "event.bad_duration",
}


def invalid_event(kind: object, exc: msgspec.ValidationError) -> Message:
    """What is wrong with a JSON object that is not a save event, from the decoder's
    own finding (which field: its path) and the event it names (``kind``)."""
    text = str(exc)
    at = _AT.search(text)
    missing = _MISSING.search(text)
    name = at.group(1) if at else missing.group(1) if missing else ""
    if kind is None:
        return Message("event.no_kind")
    if name == "event" or not isinstance(kind, str):
        return Message("event.unknown", event=str(kind)[:40])
    if name == "seq":
        return Message("event.no_seq")
    if name == "ts":
        return Message("event.no_ts")
    if kind == "choice_recorded" and name in _CHOICE_FIELDS:
        return Message(_CHOICE_FIELDS[name])
    return Message("event.bad_field", event=kind, field=name)


def session_from_start(start: SessionStarted, display: str, warnings: list[SaveError]) -> Session:
    """The session a save's first line starts, before any card is dealt."""
    try:
        deck = deck_from_snapshot(start.deck)
    except SnapshotError as exc:
        raise SaveError("save.bad_snapshot", path=display, problem=exc) from None
    if not start.teams:
        raise SaveError("save.no_teams", path=display)
    if len(start.teams) > MAX_TEAMS:
        raise SaveError(
            "save.too_many_teams", path=display, count=len(start.teams), limit=MAX_TEAMS
        )
    teams = [team if team.name else Team(team.id, team.id) for team in start.teams]
    if len({team.id for team in teams}) != len(teams):
        raise SaveError("save.team_twice", path=display)
    cards = [card_id for card_id in start.cards if card_id in deck.cards_by_id]
    if len(cards) != len(start.cards):
        warnings.append(SaveError("save.cards_missing", path=display, line=1))
    session = Session(
        session_id=start.session_id,
        deck=deck,
        teams=teams,
        cards=cards,
        settings=start.settings,
        language=start.language,
        app_version=start.app_version,
    )
    session.apply(start)
    return session
