"""The save events: one Struct per event, a tagged union on ``event``.

This module is the single declaration of the save format ``goedwerk-save/1``: a save
is a JSON-lines file whose every line is one of ``SaveEvent``. Reading a line is
decoding it as that union (``decode_line``); writing one is encoding the event.
``docs/save-format.md`` describes these structs and a test checks that it names every
event and every field. What the rules allow is ``Session.check``'s; this module says
only what each event holds.

Stamps: ``seq`` (0, 1, 2... per line) and ``ts`` (UTC, ISO 8601 with milliseconds)
are set by ``SaveLog.append`` when the line is written; an event that a rule made
and that is not written yet has ``seq == NOT_WRITTEN`` and ``ts == ""``.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any, Final, Literal, TypeVar, get_args

import msgspec

from goedwerk_tui.domain.measure import Moment, Scores
from goedwerk_tui.domain.snapshot import DeckSnapshot, dec_hook, enc_hook

SAVE_FORMAT: Final = "goedwerk-save/1"
NOT_WRITTEN: Final = -1

STANCES: Final = (-2, -1, 0, 1, 2)
OPTION_LETTERS: Final = "ABCDEF"  # option A is a card's first option, F its sixth
Stance = Annotated[int, msgspec.Meta(ge=STANCES[0], le=STANCES[-1])]
OptionLetter = Literal["A", "B", "C", "D", "E", "F"]
# finite: the largest float is the bound, so an infinite duration is refused
Seconds = Annotated[float, msgspec.Meta(ge=0, le=sys.float_info.max)]
# where a team's answer was typed: the facilitator's keyboard or the team's own device
# (a live session); lines written before live sessions existed read as "keyboard"
Via = Literal["keyboard", "device"]


class Event(msgspec.Struct, tag_field="event", kw_only=True, frozen=True, gc=False):
    """What every line holds besides its kind (``event``): its place and its time."""

    seq: int = NOT_WRITTEN
    ts: str = ""


# ----- the first line ----------------------------------------------------------


class Team(msgspec.Struct, frozen=True, gc=False):
    """A team: its ``id`` (``t1``, ``t2``...) and the name typed for it."""

    id: str
    name: str = ""


class Settings(msgspec.Struct, frozen=True, gc=False):
    """How the session deals its cards."""

    seed: int | None = None  # the shuffle's seed, so the deal can be repeated
    order: Literal["deck", "shuffled"] = "deck"
    timer: int | None = None  # seconds per card, or no limit
    # the before/after measure of the three goals (measure.py); saves from before it
    # existed read as without
    measure: bool = False


class SessionStarted(Event, tag="session_started", kw_only=True, frozen=True):
    format: str
    app_version: str = ""
    session_id: str
    language: Literal["nl", "en"] = "nl"
    teams: list[Team]
    settings: Settings = Settings()
    cards: list[str]  # the card ids in deal order
    # what the session was played with, so it replays when the deck file has changed
    deck: DeckSnapshot


# ----- a card's round ----------------------------------------------------------


class CardDealt(Event, tag="card_dealt", kw_only=True, frozen=True):
    round: int  # 1-based
    card: str  # the card's id


class ValuesPicked(msgspec.Struct, frozen=True, gc=False):
    """The public values a team named: pulling toward pole A and toward pole B."""

    a: tuple[str, ...] = ()
    b: tuple[str, ...] = ()


class ChoiceRecorded(Event, tag="choice_recorded", kw_only=True, frozen=True):
    round: int
    card: str
    team: str  # the team's id
    stance: Stance  # -2 (pole A) .. +2 (pole B)
    option: OptionLetter | None = None
    values: ValuesPicked
    rationale: str = ""
    seconds: Seconds | None = None  # from the deal to this choice
    via: Via = "keyboard"

    @property
    def values_a(self) -> tuple[str, ...]:
        """The values the team named as pulling toward pole A."""
        return self.values.a

    @property
    def values_b(self) -> tuple[str, ...]:
        """The values the team named as pulling toward pole B."""
        return self.values.b


class CardRevealed(Event, tag="card_revealed", kw_only=True, frozen=True):
    round: int
    card: str


class CardSkipped(Event, tag="card_skipped", kw_only=True, frozen=True):
    round: int
    card: str


# ----- "Maar wat als...?": a variation of a revealed card -------------------------


class VariationPlayed(Event, tag="variation_played", kw_only=True, frozen=True):
    round: int
    card: str
    variation: int  # 1-based: the card's variations[variation - 1]


class StanceRevised(Event, tag="stance_revised", kw_only=True, frozen=True):
    round: int
    card: str
    variation: int
    team: str
    stance: Stance  # the team's stance under the variation
    reason: str = ""  # an optional line: what made the team move, or stay
    via: Via = "keyboard"


class VariationRevealed(Event, tag="variation_revealed", kw_only=True, frozen=True):
    round: int
    card: str
    variation: int


class NoteAdded(Event, tag="note_added", kw_only=True, frozen=True):
    round: int
    card: str
    text: str


# ----- the closing step and the session --------------------------------------


class ClosingStarted(Event, tag="closing_started", kw_only=True, frozen=True):
    rounds_played: int = 0  # informative: a reader counts the rounds itself


class DealingResumed(Event, tag="dealing_resumed", kw_only=True, frozen=True):
    pass


class ActionRecorded(Event, tag="action_recorded", kw_only=True, frozen=True):
    team: str
    text: str
    via: Via = "keyboard"


class MeasureRecorded(Event, tag="measure_recorded", kw_only=True, frozen=True):
    moment: Moment  # "before": before the first card; "after": in the closing step
    team: str
    scores: Scores
    via: Via = "keyboard"


class SessionResumed(Event, tag="session_resumed", kw_only=True, frozen=True):
    pass


class SessionEnded(Event, tag="session_ended", kw_only=True, frozen=True):
    rounds_played: int = 0


SaveEvent = (
    SessionStarted
    | CardDealt
    | ChoiceRecorded
    | CardRevealed
    | CardSkipped
    | NoteAdded
    | VariationPlayed
    | StanceRevised
    | VariationRevealed
    | ClosingStarted
    | DealingResumed
    | ActionRecorded
    | MeasureRecorded
    | SessionResumed
    | SessionEnded
)
EVENT_TYPES: Final[tuple[type[Event], ...]] = get_args(SaveEvent)


def kind_of(event: Event) -> str:
    """The ``event`` tag of an event: ``card_dealt``..."""
    tag = event.__struct_config__.tag
    assert isinstance(tag, str)  # every event class names its tag
    return tag


_DECODER: Final[msgspec.json.Decoder[SaveEvent]] = msgspec.json.Decoder(
    SaveEvent, dec_hook=dec_hook
)
_ENCODER: Final = msgspec.json.Encoder(enc_hook=enc_hook)


def decode_line(line: bytes | str) -> SaveEvent:
    """One line as its event; ``msgspec.DecodeError`` (not JSON) or
    ``msgspec.ValidationError`` (JSON, but not an event) when it is not one."""
    return _DECODER.decode(line)


def convert_event(value: dict[str, Any]) -> SaveEvent:
    """A JSON object that Python's ``json`` decoded, as its event (``ValidationError``
    when it is not one): for the rare line that msgspec's decoder does not read."""
    event: SaveEvent = msgspec.convert(value, SaveEvent, dec_hook=dec_hook)
    return event


def encode_event(event: Event) -> bytes:
    """The event as one compact line of JSON, without the newline."""
    return _ENCODER.encode(event)


E = TypeVar("E", bound=Event)


def stamped(event: E, seq: int, ts: str) -> E:
    """The event with its place and time in the save (a copy: events are frozen)."""
    return msgspec.structs.replace(event, seq=seq, ts=ts)
