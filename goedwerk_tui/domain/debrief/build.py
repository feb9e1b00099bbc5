"""Building a ``Debrief`` from saves: tables, debrief rounds and every team's answer.

The rules of what the debrief shows are in the package docstring (``debrief/__init__``);
the counting and ranking of the overview are in ``debrief/overview.py``.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

from goedwerk_tui.domain.debrief.model import (
    OPEN,
    REVEALED,
    SKIPPED,
    Answer,
    Debrief,
    DebriefRound,
    DebriefVariation,
    TableInfo,
    TableRound,
    TeamRef,
)
from goedwerk_tui.domain.debrief.overview import build_overview
from goedwerk_tui.domain.debrief.variations import (
    VariationsOfCard,
    build_measures,
    span_and_movers,
)
from goedwerk_tui.domain.deck import Card, Deck, TensionField
from goedwerk_tui.domain.errors import DebriefError, SaveError
from goedwerk_tui.domain.messages import Message
from goedwerk_tui.domain.savelog import SaveRead, read_save
from goedwerk_tui.domain.session import Choice, Round


def debrief_from_paths(paths: Iterable[str | Path]) -> Debrief:
    """Read and analyse saves; SaveError (one line) when one cannot be used.

    The cyclic garbage collector is paused meanwhile: a long save makes hundreds of
    thousands of objects that all stay in use, and collector passes over them
    found nothing while taking about a quarter of the reading time. The analysis
    needs the sessions, not every event of them (``keep_events=False``).
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return debrief_from_reads([read_save(Path(p), keep_events=False) for p in paths])
    finally:
        if paused:
            gc.enable()


def debrief_from_reads(reads: Sequence[SaveRead]) -> Debrief:
    if not reads:
        raise DebriefError("debrief.no_saves")
    warnings: list[SaveError] = []
    kept = _distinct_sessions(reads, warnings)
    deck = _common_deck(kept)
    tables = []
    for number, read in enumerate(kept, start=1):
        warnings.extend(read.warnings)
        tables.append(_table(number, read, warnings))
    rounds = _rounds(kept, tables)
    actions = [read.session.actions for read in kept]
    return Debrief(
        deck=deck,
        language=kept[0].session.language,
        tables=tuple(tables),
        rounds=tuple(rounds),
        overview=build_overview(deck, tables, rounds, actions),
        warnings=tuple(warnings),
        measures=build_measures(tables, [read.session for read in kept]),
    )


def _distinct_sessions(reads: Sequence[SaveRead], warnings: list[SaveError]) -> list[SaveRead]:
    kept: list[SaveRead] = []
    seen: dict[str, SaveRead] = {}
    for read in reads:
        first = seen.get(read.session.session_id)
        if first is not None:
            warnings.append(
                SaveError("debrief.same_session", path=str(read.path), first=str(first.path))
            )
            continue
        seen[read.session.session_id] = read
        kept.append(read)
    return kept


def _common_deck(reads: Sequence[SaveRead]) -> Deck:
    """The first save's deck with every card the other saves dealt; one deck id only."""
    first = reads[0].session.deck
    cards = {c.id: c for c in first.cards}
    for read in reads[1:]:
        deck = read.session.deck
        if deck.id != first.id:
            raise DebriefError(
                "debrief.other_deck",
                path=str(read.path),
                deck=deck.id,
                first_deck=first.id,
                first=str(reads[0].path),
            )
        if deck.catalogue.id != first.catalogue.id:
            raise DebriefError(
                "debrief.other_catalogue",
                path=str(read.path),
                catalogue=deck.catalogue.id,
                first_catalogue=first.catalogue.id,
                first=str(reads[0].path),
            )
        for card in deck.cards:
            if card.id not in cards and card.field in first.fields_by_id:
                cards[card.id] = card
    if len(cards) == len(first.cards):
        return first
    # every other field as the first deck has it (its measure statements too)
    return msgspec.structs.replace(first, cards=tuple(cards.values()))


def _status(rnd: Round) -> str:
    if rnd.skipped:
        return SKIPPED
    return REVEALED if rnd.revealed else OPEN


def _last_saved(read: SaveRead) -> str:
    """The time stamp of the save's last event, "" when it has none."""
    return read.events[-1].ts if read.events else ""


def _table(number: int, read: SaveRead, warnings: list[SaveError]) -> TableInfo:
    session = read.session
    teams = tuple(TeamRef(f"{number}.{t.id}", number, t.id, t.name) for t in session.teams)
    ended = session.ended_ts if session.ended else ""
    if not session.ended:
        when: object = _last_saved(read) or Message("debrief.time_unknown")
        current = session.current
        if current is not None and _status(current) == OPEN:
            warning = SaveError(
                "debrief.not_ended_open", path=str(read.path), last=when, round=current.number
            )
        else:
            warning = SaveError("debrief.not_ended", path=str(read.path), last=when)
        warnings.append(warning)
    return TableInfo(
        number=number,
        path=str(read.path),
        session_id=session.session_id,
        language=session.language,
        started=session.started_ts,
        ended=ended,
        cards_planned=len(session.cards),
        rounds_dealt=len(session.rounds),
        rounds_played=len(session.played_rounds),
        resumed=session.resumed,
        teams=teams,
        measure=session.settings.measure,
    )


def _seconds(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None


def _clean(choice: Choice) -> Choice:
    """A choice with a usable duration (``read_save`` refuses others, a Session may not)."""
    cleaned = _seconds(choice.seconds)
    if cleaned == choice.seconds:  # None, or a number that was usable (an int stays one)
        return choice
    return msgspec.structs.replace(choice, seconds=cleaned)


def _usable_durations(history: list[Choice]) -> bool:
    """Whether every duration is None or a finite float >= 0, as the game records them.

    Checked for a whole round at once, in C where it can be (``map``, ``sum``, ``min``):
    a NaN or an infinity makes the sum NaN or infinite; a huge but finite total only
    costs the careful path.
    """
    durations = [c.seconds for c in history if c.seconds is not None]
    if not durations:
        return True
    return (
        set(map(type, durations)) == {float}
        and math.isfinite(sum(durations))
        and min(durations) >= 0.0
    )


def _answers(rnd: Round, table: TableInfo) -> list[Answer]:
    """Each team's answer to the round's card: its last choice, its earlier ones.

    Runs for every round of every save (10,000s of choices): the choices are
    grouped in one pass and cleaned only when a duration is not as the game writes.
    """
    history = rnd.history if _usable_durations(rnd.history) else [_clean(c) for c in rnd.history]
    by_team: dict[str, list[Choice]] = {team.id: [] for team in table.teams}
    for choice in history:
        found = by_team.get(choice.team)
        if found is not None:  # None: not a team of the table (read_save refuses that)
            found.append(choice)
    status = _status(rnd)
    number = rnd.number
    return [
        Answer(team, number, status, choices[-1], tuple(choices[:-1]))
        for team in table.teams
        if (choices := by_team[team.id])
    ]


def _rounds(reads: Sequence[SaveRead], tables: Sequence[TableInfo]) -> list[DebriefRound]:
    """One debrief round per card, in the order the cards first appear."""
    order: dict[str, tuple[Card, TensionField]] = {}
    table_rounds: dict[str, list[TableRound]] = {}
    answers: dict[str, list[Answer]] = {}
    variations: dict[str, VariationsOfCard] = {}
    for read, table in zip(reads, tables, strict=True):
        deck = read.session.deck
        for rnd in read.session.rounds:
            card_id = rnd.card_id
            if card_id not in order:
                card = deck.card(card_id)
                order[card_id] = (card, deck.field_of(card))
                variations[card_id] = VariationsOfCard(card)
            table_rounds.setdefault(card_id, []).append(
                TableRound(table.number, rnd.number, _status(rnd), rnd.dealt_ts, tuple(rnd.notes))
            )
            found = _answers(rnd, table)
            answers.setdefault(card_id, []).extend(found)
            if rnd.variations:
                variations[card_id].add(table, rnd, found)
    return [
        _debrief_round(
            number,
            card,
            tension,
            table_rounds[card_id],
            answers[card_id],
            variations[card_id].build(),
        )
        for number, (card_id, (card, tension)) in enumerate(order.items(), start=1)
    ]


def _debrief_round(
    number: int,
    card: Card,
    tension: TensionField,
    table_rounds: list[TableRound],
    answers: list[Answer],
    variations: tuple[DebriefVariation, ...] = (),
) -> DebriefRound:
    """A card's round with how far apart its counted answers are, its variations too."""
    counted = [a for a in answers if a.counted]
    stances = [a.choice.stance for a in counted]
    spread = max(stances) - min(stances) if len(counted) >= 2 else None
    both = {v for a in counted for v in a.choice.values_a}
    both &= {v for a in counted for v in a.choice.values_b}
    contested = (
        tuple(  # in the order first invoked
            dict.fromkeys(
                v for a in counted for v in a.choice.values_a + a.choice.values_b if v in both
            )
        )
        if both
        else ()
    )
    span, movers = span_and_movers(counted, variations) if variations else (spread, 0)
    return DebriefRound(
        number=number,
        card=card,
        field=tension,
        table_rounds=tuple(table_rounds),
        answers=tuple(answers),
        spread=spread,
        contested=contested,
        different_options=len({a.option for a in counted if a.option is not None}),
        variations=variations,
        span=span,
        movers=movers,
    )
