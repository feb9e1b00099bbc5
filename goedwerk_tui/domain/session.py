"""The rules of a session, as a pure object that reads and writes save events.

``Session`` never does I/O. Each user intent (``record_choice``, ``reveal``...) is
checked against the rules and returned as an event dict; whoever owns the save log
writes it and then hands it to ``apply``. Replaying a save is applying its events in
order, which is also how a session resumes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from goedwerk_tui.domain.deck import Card, Deck, TensionField
from goedwerk_tui.domain.errors import RuleError

SAVE_FORMAT = "goedwerk-save/1"
STANCES = (-2, -1, 0, 1, 2)
MAX_TEAMS = 6
MAX_NAME = 40
MAX_RATIONALE = 500
MAX_NOTE = 1000
MAX_ACTION = 500
# Cards dealt in one session at most, so every save stays far under what a reader
# accepts (savelog.MAX_SAVE_BYTES): the deck snapshot holds only the dealt cards.
MAX_CARDS_PER_SESSION = 500

# phases
CHOOSING = "choosing"  # a card is on the table; teams record their choices
REVEALED = "revealed"  # all choices shown; notes can be added
CLOSING = "closing"  # no more cards: each team records an action
ENDED = "ended"


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Choice:
    team: str
    stance: int
    option: str | None  # "A".."F" or None
    values_a: tuple[str, ...]
    values_b: tuple[str, ...]
    rationale: str
    seconds: float | None
    ts: str = ""


@dataclass
class Round:
    number: int  # 1-based
    card: str
    dealt_ts: str = ""
    choices: dict[str, Choice] = field(default_factory=dict)  # the latest per team
    history: list[Choice] = field(default_factory=list)  # every recorded choice, in order
    revealed: bool = False
    skipped: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Settings:
    seed: int | None = None
    order: str = "deck"  # "deck" or "shuffled"
    timer: int | None = None  # seconds per card


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
        self.ended = False
        self.closing = False
        self.started_ts = ""
        self.ended_ts = ""
        self.resumed = 0

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
        current = self.current
        if current is None or current.revealed or current.skipped:
            return REVEALED  # between cards: the next intent deals or starts closing
        return CHOOSING

    @property
    def has_next_card(self) -> bool:
        return len(self.rounds) < len(self.cards)

    @property
    def current_card(self) -> Card | None:
        return self.deck.card(self.current.card) if self.current else None

    @property
    def current_field(self) -> TensionField | None:
        card = self.current_card
        return self.deck.field_of(card) if card else None

    def waiting_for(self) -> list[str]:
        """Teams that have not recorded a choice for the current card yet."""
        current = self.current
        if current is None:
            return []
        return [t for t in self.team_ids if t not in current.choices]

    @property
    def played_rounds(self) -> list[Round]:
        return [r for r in self.rounds if not r.skipped]

    # ----- intents -> events (not applied) -----------------------------------
    def start_event(self, cards_placeholder: str | None = None) -> dict[str, Any]:
        """The first line; see ``snapshot.deck_to_data`` for ``cards_placeholder``."""
        from goedwerk_tui.domain.snapshot import deck_to_data

        return {
            "event": "session_started",
            "format": SAVE_FORMAT,
            "app_version": self.app_version,
            "session_id": self.session_id,
            "language": self.language,
            "teams": [{"id": t.id, "name": t.name} for t in self.teams],
            "settings": {
                "seed": self.settings.seed,
                "order": self.settings.order,
                "timer": self.settings.timer,
            },
            "cards": list(self.cards),
            "deck": deck_to_data(self.deck, self.cards, cards_placeholder),
        }

    def deal(self) -> dict[str, Any]:
        if self.ended:
            raise RuleError("rule.ended")
        current = self.current
        if self.closing:
            raise RuleError("rule.closing_started")
        if current is not None and not (current.revealed or current.skipped):
            raise RuleError("rule.deal_before_reveal")
        if not self.has_next_card:
            raise RuleError("rule.no_cards_left")
        number = len(self.rounds) + 1
        return {"event": "card_dealt", "round": number, "card": self.cards[number - 1]}

    def record_choice(
        self,
        team: str,
        stance: int,
        option: str | None,
        values_a: list[str] | tuple[str, ...],
        values_b: list[str] | tuple[str, ...],
        rationale: str = "",
        seconds: float | None = None,
    ) -> dict[str, Any]:
        current = self._open_round()
        self.team(team)
        # exactly an int: true or 1.0 would be written to the save, which refuses them on resume
        if not isinstance(stance, int) or isinstance(stance, bool) or stance not in STANCES:
            raise RuleError("rule.bad_stance")
        card = self.deck.card(current.card)
        if option is not None:
            letters = "ABCDEF"[: len(card.options)]
            if len(option) != 1 or option not in letters:
                if not letters:
                    raise RuleError("rule.no_options")
                raise RuleError("rule.bad_option", options=", ".join(letters))
        catalogue = self.deck.catalogue
        a, b = list(dict.fromkeys(values_a)), list(dict.fromkeys(values_b))
        if not a and not b:
            raise RuleError("rule.need_value")
        for value in a + b:
            if catalogue.value(value) is None:
                raise RuleError("rule.unknown_value", value=value)
        if set(a) & set(b):
            raise RuleError("rule.value_both")
        if len(rationale) > MAX_RATIONALE:
            raise RuleError("rule.long_rationale", most=MAX_RATIONALE)
        return {
            "event": "choice_recorded",
            "round": current.number,
            "card": current.card,
            "team": team,
            "stance": stance,
            "option": option,
            "values": {"a": a, "b": b},
            "rationale": rationale,
            "seconds": None if seconds is None else round(seconds, 1),
        }

    def reveal(self) -> dict[str, Any]:
        current = self._open_round()
        missing = self.waiting_for()
        if missing:
            names = ", ".join(self.team(t).name for t in missing)
            raise RuleError("rule.waiting_for", teams=names)
        return {"event": "card_revealed", "round": current.number, "card": current.card}

    def skip(self) -> dict[str, Any]:
        current = self._open_round()
        return {"event": "card_skipped", "round": current.number, "card": current.card}

    def add_note(self, text: str) -> dict[str, Any]:
        current = self.current
        if current is None or self.ended:
            raise RuleError("rule.no_card_for_note")
        if not text.strip():
            raise RuleError("rule.empty_note")
        if len(text) > MAX_NOTE:
            raise RuleError("rule.long_note", most=MAX_NOTE)
        return {"event": "note_added", "round": current.number, "card": current.card, "text": text}

    def record_action(self, team: str, text: str) -> dict[str, Any]:
        if self.phase != CLOSING:
            raise RuleError("rule.actions_after_cards")
        self.team(team)
        if not text.strip():
            raise RuleError("rule.empty_action")
        if len(text) > MAX_ACTION:
            raise RuleError("rule.long_action", most=MAX_ACTION)
        return {"event": "action_recorded", "team": team, "text": text}

    def start_closing(self) -> dict[str, Any]:
        """Stop dealing (after the last card, or early): each team records an action next."""
        if self.phase != REVEALED:
            raise RuleError("rule.reveal_first")
        return {"event": "closing_started", "rounds_played": len(self.played_rounds)}

    def resume_dealing(self) -> dict[str, Any]:
        """Back from the closing step to the cards, while cards remain and no team has
        recorded an action yet (an action answers the whole session, so it closes it)."""
        if self.phase != CLOSING:
            raise RuleError("rule.not_closing")
        if self.actions:
            raise RuleError("rule.action_recorded_stays")
        if not self.has_next_card:
            raise RuleError("rule.no_cards_left")
        return {"event": "dealing_resumed"}

    def end(self) -> dict[str, Any]:
        if self.ended:
            raise RuleError("rule.ended_already")
        return {"event": "session_ended", "rounds_played": len(self.played_rounds)}

    def _open_round(self) -> Round:
        current = self.current
        if self.phase != CHOOSING or current is None:
            raise RuleError("rule.no_open_card")
        return current

    # ----- applying events ---------------------------------------------------
    def apply(self, event: dict[str, Any]) -> None:
        """Apply one event (already checked or read from a trusted replay)."""
        kind = event["event"]
        ts = event.get("ts", "")
        if kind == "choice_recorded":  # first: nine events in ten in a long session
            values = event["values"]
            choice = Choice(
                team=event["team"],
                stance=event["stance"],
                option=event.get("option"),
                values_a=tuple(values.get("a", ())),
                values_b=tuple(values.get("b", ())),
                rationale=event.get("rationale") or "",
                seconds=event.get("seconds"),
                ts=ts,
            )
            current = self.rounds[event["round"] - 1]
            current.choices[choice.team] = choice
            current.history.append(choice)
        elif kind == "card_dealt":
            self.rounds.append(Round(number=event["round"], card=event["card"], dealt_ts=ts))
        elif kind == "card_revealed":
            self.rounds[event["round"] - 1].revealed = True
        elif kind == "card_skipped":
            self.rounds[event["round"] - 1].skipped = True
        elif kind == "note_added":
            self.rounds[event["round"] - 1].notes.append(event["text"])
        elif kind == "action_recorded":
            self.actions[event["team"]] = event["text"]
        elif kind == "session_resumed":
            self.resumed += 1
        elif kind == "closing_started":
            self.closing = True
        elif kind == "dealing_resumed":
            self.closing = False
        elif kind == "session_ended":
            self.ended = True
            self.ended_ts = ts
        # unknown kinds from a newer minor version are ignored on purpose
