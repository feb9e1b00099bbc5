"""The steps of a replay, indexed once so that every step and jump costs the same.

A step is one recorded choice, changes of mind included, in the order they were
made. ``RoundSteps`` sorts a round's choices once and remembers, for each team, the
positions of its steps; what the replay shows after ``n`` steps (each team's latest
choice, its earlier ones, the next team in "guess first") is then a lookup, never a
scan of the round. A save with 100,000 changes of mind on one card answers a step as
fast as a save with three.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from goedwerk_tui.domain.debrief import Debrief, DebriefRound, TeamRef
from goedwerk_tui.domain.session import Choice


@dataclass(frozen=True, slots=True)
class Step:
    """One recorded choice in a round."""

    team: TeamRef
    choice: Choice


class RoundSteps:
    """A round's steps in order, with each team's positions among them."""

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

    def __len__(self) -> int:
        return len(self.steps)

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
    """Every round of a debrief as ``RoundSteps``, built once when the replay opens."""

    def __init__(self, debrief: Debrief) -> None:
        order = {team.key: i for i, team in enumerate(debrief.teams)}
        self.rounds = tuple(RoundSteps(rnd, order) for rnd in debrief.rounds)

    def __getitem__(self, index: int) -> RoundSteps:
        return self.rounds[index]
