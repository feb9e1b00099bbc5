"""The rules of play: whether an event is allowed in a session's current state.

This is the one place that decides it. ``Session.check`` calls ``check`` for every
event a live intent makes (before it is written) and for every event read back from a
save (before it is applied), so a session resumed or replayed obeys exactly the rules
it was played by. A refusal is a ``RuleError`` with a message key and parameters.

One rule is kept for live play only (``live=True``): a card is revealed when every
team has chosen. A save whose reveal comes with a team's choice missing lost that
choice's line (or had it refused); refusing the reveal too would refuse every later
card of the session, so on reading the reveal stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from goedwerk_tui.domain.errors import RuleError
from goedwerk_tui.domain.events import (
    OPTION_LETTERS,
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
    SessionEnded,
    SessionResumed,
    SessionStarted,
    StanceRevised,
    VariationPlayed,
    VariationRevealed,
)
from goedwerk_tui.domain.measure import GOALS, SCORES

if TYPE_CHECKING:
    from goedwerk_tui.domain.session import Round, Session, VariationRound

# The longest texts a session keeps, in characters.
MAX_RATIONALE: Final = 500
MAX_NOTE: Final = 1000
MAX_ACTION: Final = 500
MAX_REASON: Final = 200  # a one-line reason for a stance under a variation

_STANCES: Final = frozenset(STANCES)
_SCORES: Final = frozenset(SCORES)
_LETTER_INDEX: Final = {letter: index for index, letter in enumerate(OPTION_LETTERS)}


def check(session: Session, event: Event, *, live: bool = True) -> None:
    """Raise ``RuleError`` when the rules do not allow ``event`` now."""
    if session.ended:
        raise RuleError("rule.ended")
    match event:
        case ChoiceRecorded():  # first: nine events in ten of a long session
            _check_choice(session, event, _open_round(session, event.round, event.card))
        case CardDealt():
            _check_deal(session, event)
        case CardRevealed():
            _open_round(session, event.round, event.card)
            missing = session.waiting_for() if live else []
            if missing:
                names = ", ".join(session.team(team_id).name for team_id in missing)
                raise RuleError("rule.waiting_for", teams=names)
        case CardSkipped():
            _open_round(session, event.round, event.card)
        case NoteAdded():  # on the current card, open, revealed or skipped
            _current_round(session, event.round, event.card)
            if not event.text.strip():
                raise RuleError("rule.empty_note")
            if len(event.text) > MAX_NOTE:
                raise RuleError("rule.long_note", most=MAX_NOTE)
        case ActionRecorded():
            if not session.closing:
                raise RuleError("rule.actions_after_cards")
            _check_team(session, event.team)
            if not event.text.strip():
                raise RuleError("rule.empty_action")
            if len(event.text) > MAX_ACTION:
                raise RuleError("rule.long_action", most=MAX_ACTION)
        case VariationPlayed() | StanceRevised() | VariationRevealed():
            _check_variation_event(session, event, live)
        case MeasureRecorded():
            _check_measure(session, event)
        case ClosingStarted():
            if session.closing:
                raise RuleError("rule.closing_started")
            if session.card_open:
                raise RuleError("rule.reveal_first")
        case DealingResumed():
            if not session.closing:
                raise RuleError("rule.not_closing")
            if session.actions or session.measures["after"]:
                raise RuleError("rule.action_recorded_stays")
            if not session.has_next_card:
                raise RuleError("rule.no_cards_left")
        case SessionStarted():
            raise RuleError("rule.started_already")
        case SessionResumed() | SessionEnded():
            pass  # any time before the end
        case _:  # pragma: no cover - every event class is named above
            raise RuleError("rule.unknown_event")


def _check_deal(session: Session, event: CardDealt) -> None:
    if session.closing:
        raise RuleError("rule.closing_started")
    if session.card_open:
        raise RuleError("rule.deal_before_reveal")
    if not session.has_next_card:
        raise RuleError("rule.no_cards_left")
    number = len(session.rounds) + 1
    if event.round != number:
        raise RuleError("rule.deal_order", round=event.round, expected=number)
    if session.cards[number - 1] != event.card:
        raise RuleError("rule.deal_unplanned", round=number)


def _current_round(session: Session, number: int, card_id: str) -> Round:
    """The round an event names, which must be the current one, with its card."""
    rounds = session.rounds
    if not 1 <= number <= len(rounds):
        raise RuleError("rule.round_not_dealt", round=number)
    if number != len(rounds):  # every intent acts on the current card only
        raise RuleError("rule.earlier_round", round=number)
    current = rounds[-1]
    if current.card_id != card_id:
        raise RuleError("rule.wrong_card", round=number)
    return current


def _open_round(session: Session, number: int, card_id: str) -> Round:
    """The current round, still waiting for choices."""
    rounds = session.rounds
    if rounds and not session.closing:  # the common case at once (every choice of a save)
        current = rounds[-1]
        if (
            current.number == number
            and current.card_id == card_id
            and not (current.revealed or current.skipped)
        ):
            return current
    if session.closing:
        raise RuleError("rule.no_open_card")
    current = _current_round(session, number, card_id)
    if current.revealed:
        raise RuleError("rule.already_revealed")
    if current.skipped:
        raise RuleError("rule.already_skipped")
    return current


def _check_variation_event(
    session: Session, event: VariationPlayed | StanceRevised | VariationRevealed, live: bool
) -> None:
    """A "Maar wat als...?" variation: played, a team's stance under it, its reveal."""
    if isinstance(event, VariationPlayed):
        _check_variation_played(session, event)
        return
    variation = _open_variation(session, event.round, event.card, event.variation)
    if isinstance(event, StanceRevised):
        _check_team(session, event.team)
        _check_stance(event.stance)
        if len(event.reason) > MAX_REASON:
            raise RuleError("rule.long_reason", most=MAX_REASON)
        return
    missing = [t for t in session.team_ids if t not in variation.stances] if live else []
    if missing:
        names = ", ".join(session.team(team_id).name for team_id in missing)
        raise RuleError("rule.waiting_for", teams=names)


def _check_variation_played(session: Session, event: VariationPlayed) -> None:
    """A variation is played on the current card once it is revealed, each one once."""
    if session.closing:
        raise RuleError("rule.no_open_card")
    current = _current_round(session, event.round, event.card)
    if not current.revealed:
        raise RuleError("rule.variation_after_reveal")
    count = len(session.deck.card(current.card_id).variations)
    if not count:
        raise RuleError("rule.no_variations")
    number = event.variation
    if number.__class__ is not int or not 1 <= number <= count:
        raise RuleError("rule.unknown_variation", number=number, count=count)
    if any(played.number == number for played in current.variations):
        raise RuleError("rule.variation_played_already", number=number)


def _open_variation(session: Session, number: int, card_id: str, variation: int) -> VariationRound:
    """The variation an event names, which must be the one open on the current card."""
    if session.closing:
        raise RuleError("rule.no_open_variation")
    _current_round(session, number, card_id)
    open_variation = session.open_variation
    if open_variation is None or open_variation.number != variation:
        raise RuleError("rule.no_open_variation")
    return open_variation


def _check_measure(session: Session, event: MeasureRecorded) -> None:
    if not session.settings.measure:
        raise RuleError("rule.measure_off")
    if event.moment == "before":
        if session.rounds or session.closing:
            raise RuleError("rule.measure_before_late")
    elif event.moment == "after":
        if not session.closing:
            raise RuleError("rule.measure_after_early")
    else:
        raise RuleError("rule.measure_moment", moment=event.moment)
    _check_team(session, event.team)
    for goal in GOALS:
        score = event.scores.of(goal)
        if score.__class__ is not int or score not in _SCORES:
            raise RuleError("rule.bad_score", goal=goal)


def _check_stance(stance: int) -> None:
    # exactly an int: True or 1.0 would be written to the save, which refuses them
    if stance.__class__ is not int or stance not in _STANCES:
        raise RuleError("rule.bad_stance")


def _check_team(session: Session, team_id: str) -> None:
    if team_id not in session.team_ids_set:
        raise RuleError("rule.unknown_team", team=team_id)


def _check_choice(session: Session, event: ChoiceRecorded, current: Round) -> None:
    """Nine events in ten of a long save: the common case (known team and values, each
    named once) is decided with a few set operations, a measured hot path; the exact
    reason for a refusal is looked for only when there is one."""
    _check_team(session, event.team)
    _check_stance(event.stance)
    option = event.option
    if option is not None:
        letters = session.option_letters[current.card_id]
        if _LETTER_INDEX.get(option, len(OPTION_LETTERS)) >= len(letters):
            if not letters:
                raise RuleError("rule.no_options")
            raise RuleError("rule.bad_option", options=", ".join(letters))
    toward_a, toward_b = event.values.a, event.values.b
    named = {*toward_a, *toward_b}
    if len(named) != len(toward_a) + len(toward_b) or not named <= session.value_ids:
        _values_problem(session, toward_a, toward_b)
    if not named:
        raise RuleError("rule.need_value")
    if len(event.rationale) > MAX_RATIONALE:
        raise RuleError("rule.long_rationale", most=MAX_RATIONALE)


def _values_problem(session: Session, toward_a: tuple[str, ...], toward_b: tuple[str, ...]) -> None:
    """Raise why the values of a choice are refused (unknown, twice, toward both poles)."""
    for value in (*toward_a, *toward_b):
        if value not in session.value_ids:
            raise RuleError("rule.unknown_value", value=value)
    if len(set(toward_a)) != len(toward_a) or len(set(toward_b)) != len(toward_b):
        raise RuleError("rule.value_twice")
    raise RuleError("rule.value_both")
