"""The "Maar wat als...?" variations of a debrief, and the before/after measure.

A variation's **move** (``Move``) is one team's latest revised stance under it,
against the team's last choice on the card: signed steps (below 0 toward pole A,
above 0 toward pole B). **The values that decided** are the values the team named on
the card toward the pole it moved to (its ``values_a`` when it moved toward A, its
``values_b`` toward B); a team that stayed has none. A team that revised without a
choice on the card has no move (``steps`` None).

The measure: each team's latest "before" and latest "after" (``Session.measures``);
per goal the counts of the scores 1..5 over every team of the tables that took it,
and the mean change over the teams that gave both.
"""

from __future__ import annotations

from collections.abc import Sequence

from goedwerk_tui.domain.debrief.model import (
    Answer,
    DebriefVariation,
    GoalMeasure,
    Measures,
    Move,
    TableInfo,
    TeamMeasure,
    VariationPlay,
)
from goedwerk_tui.domain.deck import Card
from goedwerk_tui.domain.events import StanceRevised
from goedwerk_tui.domain.measure import GOALS, SCORES
from goedwerk_tui.domain.session import Round, Session, VariationRound


def _move(
    table: TableInfo, rnd: Round, played: VariationRound, answers: dict[str, Answer]
) -> list[Move]:
    """Each team's move under one variation at one table, in the table's team order."""
    by_team: dict[str, list[StanceRevised]] = {}
    for revision in played.history:
        by_team.setdefault(revision.team, []).append(revision)
    moves = []
    for team in table.teams:
        revisions = by_team.get(team.id)
        if not revisions:
            continue
        latest, earlier = revisions[-1], tuple(revisions[:-1])
        answer = answers.get(team.id)
        card_stance = answer.choice.stance if answer is not None else None
        steps = None if card_stance is None else latest.stance - card_stance
        decided: tuple[str, ...] = ()
        if answer is not None and steps:
            decided = answer.choice.values_a if steps < 0 else answer.choice.values_b
        moves.append(Move(team, rnd.number, card_stance, latest, earlier, decided, played.revealed))
    return moves


class VariationsOfCard:
    """Collects one card's variations over the tables, in the order first played."""

    def __init__(self, card: Card) -> None:
        self.card = card
        self.plays: dict[int, list[VariationPlay]] = {}
        self.moves: dict[int, list[Move]] = {}

    def add(self, table: TableInfo, rnd: Round, answers: Sequence[Answer]) -> None:
        by_id = {a.team.id: a for a in answers}
        for played in rnd.variations:
            number = played.number
            self.plays.setdefault(number, []).append(
                VariationPlay(table.number, rnd.number, played.played_ts, played.revealed)
            )
            self.moves.setdefault(number, []).extend(_move(table, rnd, played, by_id))

    def build(self) -> tuple[DebriefVariation, ...]:
        texts = self.card.variations
        return tuple(
            DebriefVariation(
                number,
                texts[number - 1] if 0 < number <= len(texts) else None,
                tuple(plays),
                tuple(self.moves[number]),
            )
            for number, plays in self.plays.items()
        )


def span_and_movers(
    answers: Sequence[Answer], variations: Sequence[DebriefVariation]
) -> tuple[int | None, int]:
    """The spread over the counted stances and every revised stance (None below two),
    and the number of teams that moved under at least one variation."""
    stances = [a.choice.stance for a in answers if a.counted]
    stances += [m.stance for v in variations for m in v.moves]
    span = max(stances) - min(stances) if len(stances) >= 2 else None
    movers = len({m.team.key for v in variations for m in v.moves if m.steps})
    return span, movers


def build_measures(tables: Sequence[TableInfo], sessions: Sequence[Session]) -> Measures:
    """Every team of the tables that took the measure (or recorded one), and per goal
    the distribution of the scores before and after."""
    entries = []
    for table, session in zip(tables, sessions, strict=True):
        before, after = session.measures.get("before", {}), session.measures.get("after", {})
        if not (table.measure or before or after):
            continue
        entries += [TeamMeasure(t, before.get(t.id), after.get(t.id)) for t in table.teams]
    if not entries:
        return Measures()
    goals = []
    for goal in GOALS:
        counts = {"before": [0] * len(SCORES), "after": [0] * len(SCORES)}
        changes = []
        for entry in entries:
            for moment in counts:
                score = entry.score(moment, goal)
                if score is not None:
                    counts[moment][score - 1] += 1
            change = entry.change(goal)
            if change is not None:
                changes.append(change)
        mean = round(sum(changes) / len(changes), 2) if changes else None
        goals.append(
            GoalMeasure(goal, tuple(counts["before"]), tuple(counts["after"]), len(changes), mean)
        )
    return Measures(tuple(entries), tuple(goals))
