"""What one team's device may see of a session: a pure function of the ``Session``,
the team and the live part's state (open, paused, ended), as typed Structs.

Nothing of another team's choice is in it before the card's reveal: other teams
appear only as ``answered`` or not. Texts are in the session's language; they are
data (JSON), never markup: the page puts them in the document as text.
"""

from __future__ import annotations

from typing import Final, Literal

import msgspec

from goedwerk_tui.domain.deck import Card, Deck
from goedwerk_tui.domain.events import OPTION_LETTERS, ChoiceRecorded, ValuesPicked
from goedwerk_tui.domain.measure import GOALS, Scores
from goedwerk_tui.domain.session import CLOSING, ENDED, STARTING, Round, Session
from goedwerk_tui.domain.text import LocalText, reflow

Live = Literal["open", "paused", "ended"]


class Option(msgspec.Struct, frozen=True):
    letter: str
    text: str


class FieldView(msgspec.Struct, frozen=True):
    name: str
    pole_a: str
    pole_b: str


class ValueView(msgspec.Struct, frozen=True):
    id: str
    name: str
    description: str | None


class Named(msgspec.Struct, frozen=True):
    """A value or a team by its id and its name."""

    id: str
    name: str


class CardView(msgspec.Struct, frozen=True):
    id: str
    title: str
    setting: str | None
    situation: str
    options: list[Option]
    questions: list[str]
    field: FieldView
    values: list[ValueView]  # the card's own values, in the card's order
    reflection: str | None  # after the reveal only


class TeamView(msgspec.Struct, frozen=True):
    id: str
    name: str
    answered: bool


class ChoiceView(msgspec.Struct, frozen=True):
    stance: int
    option: str | None
    values: ValuesPicked
    rationale: str


class TeamChoice(msgspec.Struct, frozen=True):
    team: str
    stance: int
    option: str | None
    values: ValuesPicked
    rationale: str


class RevealView(msgspec.Struct, frozen=True):
    choices: list[TeamChoice]


class StanceView(msgspec.Struct, frozen=True):
    stance: int
    reason: str


class TeamStance(msgspec.Struct, frozen=True):
    team: str
    stance: int
    reason: str


class VariationView(msgspec.Struct, frozen=True):
    number: int
    text: str
    revealed: bool
    mine: StanceView | None
    stances: list[TeamStance] | None  # after the variation's reveal only


class MeasureView(msgspec.Struct, frozen=True):
    moment: str
    statements: dict[str, str]
    mine: Scores | None


class LiveState(msgspec.Struct, frozen=True):
    live: Live
    phase: str
    round: int | None
    card: CardView | None
    all_values: list[Named]
    teams: list[TeamView]
    me: Named
    mine: ChoiceView | None
    reveal: RevealView | None
    variation: VariationView | None
    measure: MeasureView | None
    action: str | None


_ENCODER: Final = msgspec.json.Encoder()


def encode(state: LiveState) -> bytes:
    return _ENCODER.encode(state)


def asked_measure(session: Session) -> str | None:
    """The moment of the measure the teams are asked for now, if any."""
    if not session.settings.measure:
        return None
    phase = session.phase
    return "before" if phase == STARTING else "after" if phase == CLOSING else None


def answered(session: Session, team_id: str) -> bool:
    """Whether the team has answered what is asked of it now: the measure before the
    first card; its choice on the open card; its stance under an open variation; in
    the closing step its action (and the measure after, when the session measures)."""
    phase = session.phase
    if phase == STARTING:
        return team_id in session.measures["before"]
    if phase in (CLOSING, ENDED):
        measured = not session.settings.measure or team_id in session.measures["after"]
        return team_id in session.actions and measured
    variation = session.open_variation
    if variation is not None:
        return team_id in variation.stances
    current = session.current
    return current is not None and team_id in current.choices


def project(session: Session, team_id: str, live: Live = "open") -> LiveState:
    """The state ``team_id``'s device may see now."""
    lang = session.language
    me = session.team(team_id)
    current = None if session.closing or session.ended else session.current
    card = session.deck.card(current.card_id) if current else None
    shown = current is not None and current.revealed
    mine = current.choices.get(team_id) if current else None
    reveal = None
    if current is not None and shown:
        order = [current.choices[t] for t in session.team_ids if t in current.choices]
        reveal = RevealView([_team_choice(c) for c in order])
    return LiveState(
        live=live,
        phase=session.phase,
        round=current.number if current else None,
        card=_card(session.deck, card, lang, reflection=shown) if card else None,
        all_values=_all_values(session.deck, card, lang),
        teams=[TeamView(t.id, t.name, answered(session, t.id)) for t in session.teams],
        me=Named(me.id, me.name),
        mine=_choice(mine) if mine else None,
        reveal=reveal,
        variation=_variation(session, card, current, team_id) if card and current else None,
        measure=_measure(session, team_id),
        action=session.actions.get(team_id),
    )


def _text(text: LocalText | None, lang: str) -> str | None:
    return None if text is None else reflow(text.get(lang))


def _card(deck: Deck, card: Card, lang: str, *, reflection: bool) -> CardView:
    field = deck.field_of(card)
    catalogue = deck.catalogue
    values = []
    for value_id in card.values:
        value = catalogue.value(value_id)
        if value is not None:
            values.append(ValueView(value.id, value.name.get(lang), _text(value.description, lang)))
    return CardView(
        id=card.id,
        title=card.title.get(lang),
        setting=_text(card.setting, lang),
        situation=reflow(card.situation.get(lang)),
        options=[Option(OPTION_LETTERS[i], o.get(lang)) for i, o in enumerate(card.options)],
        questions=[q.get(lang) for q in card.questions],
        field=FieldView(field.name.get(lang), field.pole_a.get(lang), field.pole_b.get(lang)),
        values=values,
        reflection=_text(card.reflection, lang) if reflection else None,
    )


def _all_values(deck: Deck, card: Card | None, lang: str) -> list[Named]:
    """Every value of the catalogue: the card's own first, then the rest by name."""
    own = set(card.values) if card else set()
    first = [v for v in (deck.catalogue.value(i) for i in card.values) if v] if card else []
    rest = sorted(
        (v for v in deck.catalogue.values if v.id not in own),
        key=lambda v: v.name.get(lang).casefold(),
    )
    return [Named(v.id, v.name.get(lang)) for v in (*first, *rest)]


def _variation(session: Session, card: Card, current: Round, team_id: str) -> VariationView | None:
    """The variation played last on the current card: open, or revealed with everyone's
    stance under it."""
    if not current.variations:
        return None
    played = current.variations[-1]
    mine = played.stances.get(team_id)
    stances = None
    if played.revealed:
        order = [played.stances[t] for t in session.team_ids if t in played.stances]
        stances = [TeamStance(s.team, s.stance, s.reason) for s in order]
    return VariationView(
        number=played.number,
        text=card.variations[played.number - 1].get(session.language),
        revealed=played.revealed,
        mine=StanceView(mine.stance, mine.reason) if mine else None,
        stances=stances,
    )


def _measure(session: Session, team_id: str) -> MeasureView | None:
    moment = asked_measure(session)
    if moment is None:
        return None
    lang = session.language
    statements = {goal: session.deck.statement(goal).get(lang) for goal in GOALS}
    mine = session.measures[moment].get(team_id)
    return MeasureView(moment=moment, statements=statements, mine=mine.scores if mine else None)


def _choice(choice: ChoiceRecorded) -> ChoiceView:
    return ChoiceView(choice.stance, choice.option, choice.values, choice.rationale)


def _team_choice(choice: ChoiceRecorded) -> TeamChoice:
    return TeamChoice(choice.team, choice.stance, choice.option, choice.values, choice.rationale)


__all__ = ["LiveState", "answered", "encode", "project"]
