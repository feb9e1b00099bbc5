"""The parts of the JSON report's document for "Maar wat als...?" variations and the
measure (``report/json_data.py`` holds the rest; ``json_export.py`` documents them)."""

from __future__ import annotations

import msgspec

from goedwerk_tui.domain.debrief import DebriefVariation, Measures, Move
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.measure import GOALS

LocalData = dict[str, str]


class _Data(msgspec.Struct, gc=False):
    """A part of the document; gc=False: the data is a tree, it holds no cycles."""


class RevisionData(_Data):
    """A revised stance before the team's latest one under a variation."""

    stance: int
    reason: str
    via: str
    ts: str


class MoveData(_Data):
    """One team under one variation: its stance on the card, its revised stance."""

    team: str
    round: int
    card_stance: int | None
    stance: int
    steps: int | None
    toward: str | None  # "a", "b", or null when the team did not move
    reason: str
    decided: tuple[str, ...]
    via: str
    ts: str
    revealed: bool
    earlier: list[RevisionData]


class VariationPlayData(_Data):
    table: int
    round: int
    played: str
    revealed: bool


class VariationData(_Data):
    number: int
    text: LocalData | None
    plays: list[VariationPlayData]
    moves: list[MoveData]


class ScoresData(_Data):
    ownership: int
    meaningfulness: int
    identification: int


class TeamMeasureData(_Data):
    team: str
    before: ScoresData | None
    after: ScoresData | None
    change: ScoresData | None  # after minus before, when the team gave both


class GoalMeasureData(_Data):
    goal: str
    before: tuple[int, ...]  # teams that scored 1, 2, 3, 4, 5
    after: tuple[int, ...]
    mean_before: float | None
    mean_after: float | None
    paired: int
    mean_change: float | None


class MeasuresData(_Data):
    statements: dict[str, LocalData]  # per goal, the statement the teams scored
    teams: list[TeamMeasureData]
    goals: list[GoalMeasureData]


def _move_data(m: Move) -> MoveData:
    r = m.revision
    earlier = [RevisionData(e.stance, e.reason, e.via, e.ts) for e in m.earlier]
    toward = m.toward or None
    return MoveData(
        m.team.key,
        m.round_number,
        m.card_stance,
        r.stance,
        m.steps,
        toward,
        r.reason,
        m.decided,
        r.via,
        r.ts,
        m.revealed,
        earlier,
    )


def variation_data(v: DebriefVariation) -> VariationData:
    plays = [
        VariationPlayData(p.table_number, p.round_number, p.played, p.revealed) for p in v.plays
    ]
    text = v.text.to_data() if v.text is not None else None
    return VariationData(v.number, text, plays, [_move_data(m) for m in v.moves])


def measures_data(deck: Deck, measures: Measures) -> MeasuresData | None:
    if not measures.taken:
        return None

    def scores(values: list[int | None]) -> ScoresData | None:
        if any(v is None for v in values):
            return None
        return ScoresData(*(v for v in values if v is not None))

    goals = GOALS
    teams = [
        TeamMeasureData(
            e.team.key,
            scores([e.score("before", g) for g in goals]),
            scores([e.score("after", g) for g in goals]),
            scores([e.change(g) for g in goals]),
        )
        for e in measures.teams
    ]
    summaries = [
        GoalMeasureData(
            g.goal,
            g.before,
            g.after,
            _mean(g.mean(g.before)),
            _mean(g.mean(g.after)),
            g.paired,
            g.mean_change,
        )
        for g in measures.goals
    ]
    statements = {goal: deck.statement(goal).to_data() for goal in GOALS}
    return MeasuresData(statements, teams, summaries)


def _mean(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
