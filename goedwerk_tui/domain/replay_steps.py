"""The steps of a replay, indexed once so that every step and jump costs the same.

A step is one recorded choice, changes of mind included, in the order they were
made; after a round's choices come its "Maar wat als...?" steps (``VariationStep``),
variation by variation and table by table: the variation played, each revised stance
in the order recorded, and its reveal. The measure's steps (``MeasureStep``) are each
team's latest before or after measure, in the order recorded.

``RoundSteps`` sorts a round's choices once and remembers, for each team, the
positions of its steps; what the replay shows after ``n`` steps (each team's latest
choice, its earlier ones, the next team in "guess first") is then a lookup, never a
scan of the round. A save with 100,000 changes of mind on one card answers a step as
fast as a save with three.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

from goedwerk_tui.domain.debrief import Debrief, DebriefRound, DebriefVariation, Move, TeamRef
from goedwerk_tui.domain.events import MeasureRecorded, StanceRevised
from goedwerk_tui.domain.session import Choice


@dataclass(frozen=True, slots=True)
class Step:
    """One recorded choice in a round."""

    team: TeamRef
    choice: Choice


@dataclass(frozen=True, slots=True)
class VariationStep:
    """A "Maar wat als...?" step: a variation played, a stance revised, or its reveal."""

    kind: Literal["played", "revised", "revealed"]
    variation: DebriefVariation
    table_number: int
    move: Move | None = None  # "revised": the team's move (its latest revision in it)
    revision: StanceRevised | None = None  # "revised": this revision


@dataclass(frozen=True, slots=True)
class MeasureStep:
    """A team's measure (its latest of the moment)."""

    team: TeamRef
    measure: MeasureRecorded


@dataclass(frozen=True, slots=True)
class VariationShown:
    """One variation at one table as far as the first ``n`` steps show it."""

    variation: DebriefVariation
    table_number: int
    latest: list[VariationStep]  # each team's latest new stance shown, in team order
    revealed: bool  # its reveal is among the steps shown


class _Group:
    """The steps of one variation at one table: a contiguous run of variation steps."""

    def __init__(self, start: int, items: list[VariationStep], order: dict[str, int]) -> None:
        self.start, self.end = start, start + len(items)
        self.first = items[0]
        positions: dict[str, list[int]] = {}
        for offset, item in enumerate(items):
            if item.move is not None:
                positions.setdefault(item.move.team.key, []).append(start + offset)
        self.positions = {
            key: positions[key] for key in sorted(positions, key=lambda k: order.get(k, len(order)))
        }
        self.reveal = self.end - 1 if items[-1].kind == "revealed" else None


def variation_steps(rnd: DebriefRound) -> tuple[VariationStep, ...]:
    """A round's variation steps: per variation and table, played, revisions, reveal."""
    found: list[VariationStep] = []
    for variation in rnd.variations:
        for play in variation.plays:
            found.append(VariationStep("played", variation, play.table_number))
            revisions = sorted(
                (
                    (revision.ts, revision.seq, move, revision)
                    for move in variation.moves
                    if move.team.table_number == play.table_number
                    for revision in (*move.earlier, move.revision)
                ),
                key=lambda item: (item[0], item[1]),
            )
            found += [
                VariationStep("revised", variation, play.table_number, move, revision)
                for _, _, move, revision in revisions
            ]
            if play.revealed:
                found.append(VariationStep("revealed", variation, play.table_number))
    return tuple(found)


def measure_steps(debrief: Debrief, moment: str) -> tuple[MeasureStep, ...]:
    """Each team's latest measure of ``moment``, in the order recorded (table by table)."""
    found = []
    for entry in debrief.measures.teams:
        measure = entry.before if moment == "before" else entry.after
        if measure is not None:
            found.append((entry.team.table_number, measure.seq, MeasureStep(entry.team, measure)))
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(step for _, _, step in found)


class RoundSteps:
    """A round's steps in order, with each team's positions among them: its choices
    (``steps``), then its variation steps (``variation_steps``)."""

    def __init__(self, rnd: DebriefRound, team_order: dict[str, int]) -> None:
        keyed: list[tuple[str, str, int, Step]] = []
        for answer in rnd.answers:
            for choice in (*answer.changes, answer.choice):
                keyed.append((choice.ts, answer.team.key, len(keyed), Step(answer.team, choice)))
        keyed.sort()  # by time; a tie by team, then in the order recorded
        self.steps: tuple[Step, ...] = tuple(item[3] for item in keyed)
        positions: dict[str, list[int]] = {}
        for index, step in enumerate(self.steps):
            positions.setdefault(step.team.key, []).append(index)
        order = sorted(positions, key=lambda key: team_order.get(key, len(team_order)))
        self.positions = {key: positions[key] for key in order}  # teams in debrief order
        self.variation_steps = variation_steps(rnd) if rnd.variations else ()
        self._groups = self._group(team_order)

    def _group(self, order: dict[str, int]) -> list[_Group]:
        """The runs of steps of one variation at one table (each starts "played")."""
        groups: list[_Group] = []
        items: list[VariationStep] = []
        for index, item in enumerate(self.variation_steps):
            if item.kind == "played" and items:
                groups.append(_Group(index - len(items), items, order))
                items = []
            items.append(item)
        if items:
            groups.append(_Group(len(self.variation_steps) - len(items), items, order))
        return groups

    def __len__(self) -> int:
        return len(self.steps) + len(self.variation_steps)

    def variations_at(self, step: int) -> list[VariationShown]:
        """The variations the first ``step`` steps show, the newest first: a lookup per
        team (bisect), never a scan of the revisions."""
        shown = step - len(self.steps)
        found = []
        for group in self._groups:
            if group.start >= shown:
                break
            latest = []
            for positions in group.positions.values():
                count = bisect_left(positions, shown)
                if count:
                    latest.append(self.variation_steps[positions[count - 1]])
            revealed = group.reveal is not None and group.reveal < shown
            found.append(
                VariationShown(group.first.variation, group.first.table_number, latest, revealed)
            )
        found.reverse()
        return found

    def shown(self, team_key: str, step: int) -> int:
        """How many of the team's steps are among the first ``step``."""
        return bisect_left(self.positions.get(team_key, []), step)

    def latest(self, step: int) -> list[tuple[Step, int]]:
        """Each team's last step among the first ``step``, and how many it made before."""
        found = []
        for positions in self.positions.values():
            count = bisect_left(positions, step)
            if count:
                found.append((self.steps[positions[count - 1]], count - 1))
        return found

    def earlier(self, team_key: str, step: int, most: int) -> list[Step]:
        """Up to ``most`` of the team's changes of mind before its latest shown step,
        newest last."""
        positions = self.positions.get(team_key, [])
        count = bisect_left(positions, step)
        first = max(0, count - 1 - most)
        return [self.steps[i] for i in positions[first : max(0, count - 1)]]


class ReplayIndex:
    """Every round of a debrief as ``RoundSteps``, built once when the replay opens;
    the measure's steps before the first card and after the last."""

    def __init__(self, debrief: Debrief) -> None:
        order = {team.key: i for i, team in enumerate(debrief.teams)}
        self.rounds = tuple(RoundSteps(rnd, order) for rnd in debrief.rounds)
        self.measures = {moment: measure_steps(debrief, moment) for moment in ("before", "after")}

    def __getitem__(self, index: int) -> RoundSteps:
        return self.rounds[index]
