"""The state of a session, and the intents of play turned into events.

``Session`` never does I/O. Each user intent (``record_choice``, ``reveal``...) makes
its event (``events.py``), which ``check`` (the rules, ``rules.py``) must allow;
whoever owns the save writes it and then hands it to ``apply``. Reading a save is
checking and applying its events in order, which is also how a session resumes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, TypeVar, cast

from goedwerk_tui.domain import rules
from goedwerk_tui.domain.deck import Card, Deck, TensionField
from goedwerk_tui.domain.errors import RuleError
from goedwerk_tui.domain.events import (
    OPTION_LETTERS,
    SAVE_FORMAT,
    STANCES,
    ActionRecorded,
    CardDealt,
    CardRevealed,
    CardSkipped,
    ChoiceRecorded,
    ClosingStarted,
    DealingResumed,
    Event,
    MeasureRecorded,
    NoteAdded,
    OptionLetter,
    SessionEnded,
    SessionResumed,
    SessionStarted,
    Settings,
    StanceRevised,
    Team,
    ValuesPicked,
    VariationPlayed,
    VariationRevealed,
    Via,
)
from goedwerk_tui.domain.measure import MOMENTS, Moment, Scores
from goedwerk_tui.domain.rules import MAX_ACTION, MAX_NOTE, MAX_RATIONALE, MAX_REASON
from goedwerk_tui.domain.snapshot import deck_snapshot

__all__ = [
    "MAX_ACTION",
    "MAX_NOTE",
    "MAX_RATIONALE",
    "MAX_REASON",
    "SAVE_FORMAT",
    "STANCES",
    "Choice",
    "Round",
    "Session",
    "Settings",
    "Team",
    "VariationRound",
]

E = TypeVar("E", bound=Event)

MAX_TEAMS: Final = 6
MAX_NAME: Final = 40
# Cards dealt in one session at most, so every save stays far under what a reader
# accepts (savelog.MAX_SAVE_BYTES): the deck snapshot holds only the dealt cards.
MAX_CARDS_PER_SESSION: Final = 500

# phases
STARTING: Final = "starting"  # no card dealt yet: the teams' before-measure is taken now
CHOOSING: Final = "choosing"  # a card is on the table; teams record their choices
REVEALED: Final = "revealed"  # between cards: the last one is revealed or skipped
CLOSING: Final = "closing"  # no more cards: each team records an action
ENDED: Final = "ended"


# A team's choice on a card, as the session keeps it: the event itself (with its
# ``ts``), so replaying a save builds nothing more per choice than decoding it did.
Choice = ChoiceRecorded


@dataclass
class VariationRound:
    """A "Maar wat als...?" variation played on a revealed card (``number`` from 1)."""

    number: int
    played_ts: str = ""
    stances: dict[str, StanceRevised] = field(default_factory=dict)  # the latest per team
    history: list[StanceRevised] = field(default_factory=list)  # every revision, in order
    revealed: bool = False


@dataclass
class Round:
    """A card dealt in the session (``number`` counts from 1)."""

    number: int
    card_id: str
    dealt_ts: str = ""
    choices: dict[str, Choice] = field(default_factory=dict)  # the latest per team
    history: list[Choice] = field(default_factory=list)  # every recorded choice, in order
    revealed: bool = False
    skipped: bool = False
    notes: list[str] = field(default_factory=list)
    variations: list[VariationRound] = field(default_factory=list)  # in the order played


class Session:
    def __init__(
        self,
        *,
        session_id: str,
        deck: Deck,
        teams: list[Team],
        cards: list[str],
        settings: Settings,
        language: str,
        app_version: str = "",
    ) -> None:
        self.session_id = session_id
        self.deck = deck
        self.teams = teams
        self.cards = cards
        self.settings = settings
        self.language = language
        self.app_version = app_version
        self.rounds: list[Round] = []
        self.actions: dict[str, str] = {}
        # the latest measure per moment ("before", "after") and team
        self.measures: dict[str, dict[str, MeasureRecorded]] = {m: {} for m in MOMENTS}
        self.ended = False
        self.closing = False
        self.started_ts = ""
        self.ended_ts = ""
        self.resumed = 0
        # looked up for every choice a long save replays
        self.team_ids_set = frozenset(t.id for t in teams)
        self.value_ids = frozenset(deck.catalogue.by_id)
        # each card's option letters ("ABC" for three options), looked up per choice
        self.option_letters = {
            card_id: OPTION_LETTERS[: len(deck.card(card_id).options)] for card_id in cards
        }

    # ----- reading the state -------------------------------------------------
    @property
    def team_ids(self) -> list[str]:
        return [t.id for t in self.teams]

    def team(self, team_id: str) -> Team:
        for team in self.teams:
            if team.id == team_id:
                return team
        raise RuleError("rule.unknown_team", team=team_id)

    @property
    def current(self) -> Round | None:
        return self.rounds[-1] if self.rounds else None

    @property
    def phase(self) -> str:
        if self.ended:
            return ENDED
        if self.closing:
            return CLOSING
        if not self.rounds:
            return STARTING
        # between cards (revealed or skipped): the next intent deals or starts closing
        return CHOOSING if self.card_open else REVEALED

    @property
    def card_open(self) -> bool:
        """A card is on the table waiting for choices (dealt, not revealed, not skipped)."""
        current = self.current
        return current is not None and not (current.revealed or current.skipped)

    @property
    def has_next_card(self) -> bool:
        return len(self.rounds) < len(self.cards)

    @property
    def current_card(self) -> Card | None:
        return self.deck.card(self.current.card_id) if self.current else None

    @property
    def current_field(self) -> TensionField | None:
        card = self.current_card
        return self.deck.field_of(card) if card else None

    @property
    def open_variation(self) -> VariationRound | None:
        """The variation played on the current card and not revealed yet: dealing the
        next card, another variation or the closing step closes it."""
        current = self.current
        if current is None or self.closing or not current.variations:
            return None
        last = current.variations[-1]
        return None if last.revealed else last

    def waiting_for(self) -> list[str]:
        """Teams that have not recorded a choice for the current card yet."""
        current = self.current
        if current is None:
            return []
        return [t for t in self.team_ids if t not in current.choices]

    @property
    def played_rounds(self) -> list[Round]:
        return [r for r in self.rounds if not r.skipped]

    # ----- the rules -----------------------------------------------------------
    def check(self, event: Event, *, live: bool = True) -> None:
        """Raise ``RuleError`` unless the rules allow ``event`` now (``rules.check``);
        ``live=False`` for an event read from a save."""
        rules.check(self, event, live=live)

    def _allowed(self, event: E) -> E:
        self.check(event)
        return event

    # ----- intents -> events (checked, not applied) ----------------------------
    def start_event(self) -> SessionStarted:
        """The first line: the teams, the settings, the deal and the deck snapshot."""
        return SessionStarted(
            format=SAVE_FORMAT,
            app_version=self.app_version,
            session_id=self.session_id,
            language="en" if self.language == "en" else "nl",
            teams=list(self.teams),
            settings=self.settings,
            cards=list(self.cards),
            deck=deck_snapshot(self.deck, self.cards),
        )

    def deal(self) -> CardDealt:
        number = len(self.rounds) + 1
        card_id = self.cards[number - 1] if number <= len(self.cards) else ""
        return self._allowed(CardDealt(round=number, card=card_id))

    def record_choice(
        self,
        team: str,
        stance: int,
        option: str | None,
        values_a: Sequence[str],
        values_b: Sequence[str],
        rationale: str = "",
        seconds: float | None = None,
        via: Via = "keyboard",
    ) -> ChoiceRecorded:
        current = self._dealt()
        event = ChoiceRecorded(
            round=current.number,
            card=current.card_id,
            team=team,
            stance=stance,
            option=cast("OptionLetter | None", option),  # check refuses a wrong letter
            values=ValuesPicked(tuple(dict.fromkeys(values_a)), tuple(dict.fromkeys(values_b))),
            rationale=rationale,
            seconds=None if seconds is None else round(seconds, 1),
            via=via,
        )
        return self._allowed(event)

    def reveal(self) -> CardRevealed:
        current = self._dealt()
        return self._allowed(CardRevealed(round=current.number, card=current.card_id))

    def skip(self) -> CardSkipped:
        current = self._dealt()
        return self._allowed(CardSkipped(round=current.number, card=current.card_id))

    def add_note(self, text: str) -> NoteAdded:
        current = self.current
        if current is None and not self.ended:
            raise RuleError("rule.no_card_for_note")
        number, card_id = (current.number, current.card_id) if current else (0, "")
        return self._allowed(NoteAdded(round=number, card=card_id, text=text))

    def record_action(self, team: str, text: str, via: Via = "keyboard") -> ActionRecorded:
        return self._allowed(ActionRecorded(team=team, text=text, via=via))

    def play_variation(self, number: int) -> VariationPlayed:
        """Play the card's variation ``number`` (from 1) after its reveal."""
        current = self._dealt()
        return self._allowed(
            VariationPlayed(round=current.number, card=current.card_id, variation=number)
        )

    def revise_stance(
        self, team: str, stance: int, reason: str = "", via: Via = "keyboard"
    ) -> StanceRevised:
        """A team's quick new stance under the open variation."""
        current = self._dealt()
        open_variation = self.open_variation
        event = StanceRevised(
            round=current.number,
            card=current.card_id,
            variation=open_variation.number if open_variation else 0,
            team=team,
            stance=stance,
            reason=reason,
            via=via,
        )
        return self._allowed(event)

    def reveal_variation(self) -> VariationRevealed:
        current = self._dealt()
        open_variation = self.open_variation
        number = open_variation.number if open_variation else 0
        return self._allowed(
            VariationRevealed(round=current.number, card=current.card_id, variation=number)
        )

    def record_measure(
        self, moment: Moment, team: str, scores: Scores, via: Via = "keyboard"
    ) -> MeasureRecorded:
        """A team's rating of the three goals, before the first card or in the closing step."""
        return self._allowed(MeasureRecorded(moment=moment, team=team, scores=scores, via=via))

    def start_closing(self) -> ClosingStarted:
        """Stop dealing (after the last card, or early): each team records an action next."""
        return self._allowed(ClosingStarted(rounds_played=len(self.played_rounds)))

    def resume_dealing(self) -> DealingResumed:
        """Back from the closing step to the cards, while cards remain and no team has
        recorded an action yet (an action answers the whole session, so it closes it)."""
        return self._allowed(DealingResumed())

    def end(self) -> SessionEnded:
        return self._allowed(SessionEnded(rounds_played=len(self.played_rounds)))

    def _dealt(self) -> Round:
        """The current round, for an intent on a card; refused before the first deal."""
        if self.ended:
            raise RuleError("rule.ended")
        current = self.current
        if current is None or self.closing:
            raise RuleError("rule.no_open_card")
        return current

    # ----- applying events -----------------------------------------------------
    def apply(self, event: Event) -> None:
        """Apply one event that ``check`` allowed."""
        ts = event.ts
        match event:
            case ChoiceRecorded():  # first: nine events in ten in a long session
                choice = event
                current = self.rounds[event.round - 1]
                current.choices[choice.team] = choice
                current.history.append(choice)
            case CardDealt():
                self.rounds.append(Round(number=event.round, card_id=event.card, dealt_ts=ts))
            case CardRevealed():
                self.rounds[event.round - 1].revealed = True
            case CardSkipped():
                self.rounds[event.round - 1].skipped = True
            case NoteAdded():
                self.rounds[event.round - 1].notes.append(event.text)
            case ActionRecorded():
                self.actions[event.team] = event.text
            case VariationPlayed():
                self.rounds[event.round - 1].variations.append(
                    VariationRound(number=event.variation, played_ts=ts)
                )
            case StanceRevised():
                variation = self.rounds[event.round - 1].variations[-1]
                variation.stances[event.team] = event
                variation.history.append(event)
            case VariationRevealed():
                self.rounds[event.round - 1].variations[-1].revealed = True
            case MeasureRecorded():
                self.measures[event.moment][event.team] = event
            case SessionResumed():
                self.resumed += 1
            case ClosingStarted():
                self.closing = True
            case DealingResumed():
                self.closing = False
            case SessionEnded():
                self.ended = True
                self.ended_ts = ts
            case SessionStarted():
                self.started_ts = ts
