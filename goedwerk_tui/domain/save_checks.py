"""The checks a save's events pass when it is read: the first line's format, each
event's shape (``check_event``), and the rules of play replayed (``Replay``).

``read_save`` (savelog.py) runs them; a save can be edited by hand, so nothing in it
is trusted before it passed here.
"""

from __future__ import annotations

from typing import Any

from goedwerk_tui.domain.errors import SaveError
from goedwerk_tui.domain.messages import Message
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


def first_line_problem(display: str, raw: str | bytes, cut: bool, deep: bool) -> SaveError:
    """Why a first line that is not a JSON object cannot start a session, precisely."""
    if deep:
        return SaveError("save.nested_too_deeply", path=display)
    head = raw.lstrip()[:1] if isinstance(raw, str) else raw.lstrip()[:1].decode("latin-1")
    if cut and head == "{":
        return SaveError("save.torn_first_line", path=display)  # as when it parses
    return SaveError("save.first_not_object", path=display)


_FORMAT_NAME, _, _FORMAT_VERSION = SAVE_FORMAT.partition("/")


def check_header(event: dict[str, Any], display: str) -> None:
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


def check_event(event: dict[str, Any]) -> Message | None:
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


class Replay:
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
        given = start.get("settings")
        raw: dict[str, Any] = given if isinstance(given, dict) else {}
        order = raw.get("order")
        settings = Settings(
            seed=raw.get("seed") if isinstance(raw.get("seed"), int) else None,
            order=order if order in ("deck", "shuffled") else "deck",
            timer=raw.get("timer") if isinstance(raw.get("timer"), int) else None,
        )
        language = start.get("language")
        self.session = Session(
            session_id=start["session_id"],
            deck=deck,
            teams=teams,
            cards=cards,
            settings=settings,
            language=language if language in ("nl", "en") else "nl",
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
