"""The debrief's data: tables, debrief rounds, answers and the overview.

Plain frozen data, built by ``debrief.build`` and read by the report formats, the
replay screen and its steps. The classes are msgspec Structs (frozen, without the
cyclic collector's tracking: the data is a tree) rather than frozen dataclasses: a long
session makes tens of thousands of them, and a Struct is made several times faster;
the classes themselves are made at import in a fraction of the time too.

No words for people here: labels such as "Tafel 1" and a team's name with its table
are made by the render layer (``render/labels.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

import msgspec

from goedwerk_tui.domain.deck import Card, Deck, TensionField
from goedwerk_tui.domain.errors import SaveError
from goedwerk_tui.domain.events import MeasureRecorded, StanceRevised
from goedwerk_tui.domain.session import Choice
from goedwerk_tui.domain.text import LocalText

if TYPE_CHECKING:
    from goedwerk_tui.domain.savelog import SaveRead

TOP_CARDS: Final = 5
REVEALED: Final = "revealed"
SKIPPED: Final = "skipped"
OPEN: Final = "open"


class _Data(msgspec.Struct, frozen=True, gc=False):
    """Immutable; not tracked by the cyclic collector (a tree holds no cycles)."""


class TeamRef(_Data, frozen=True):
    """A team at a table. ``key`` is unique across the tables of a debrief."""

    key: str
    table_number: int
    id: str
    name: str


class TableInfo(_Data, frozen=True):
    """One save: a session at one table."""

    number: int  # 1-based, in the order the saves were given
    path: str
    session_id: str
    language: str
    started: str  # time stamps as saved (ISO 8601, UTC); "" when unknown
    ended: str  # "" when the session did not end
    cards_planned: int
    rounds_dealt: int
    rounds_played: int  # dealt and not skipped
    resumed: int
    teams: tuple[TeamRef, ...]
    measure: bool = False  # the session took the before/after measure (Settings.measure)

    @property
    def finished(self) -> bool:
        return bool(self.ended)


class Answer(_Data, frozen=True):
    """One team's answer to one card: its last choice and the changes of mind before it."""

    team: TeamRef
    round_number: int  # the round number at the team's table
    status: str  # of that round at that table: revealed, skipped or open
    choice: Choice
    changes: tuple[Choice, ...]

    @property
    def stance(self) -> int:
        return self.choice.stance

    @property
    def option(self) -> str | None:
        return self.choice.option

    @property
    def counted(self) -> bool:
        return self.status != SKIPPED


class TableRound(_Data, frozen=True):
    """A card as it went at one table: that table's round with it."""

    table_number: int
    round_number: int
    status: str
    dealt: str
    notes: tuple[str, ...]


class Move(_Data, frozen=True):
    """One team under one "Maar wat als...?" variation: from its stance on the card to
    its latest revised stance, and the values that decided."""

    team: TeamRef
    round_number: int  # the round number at the team's table
    card_stance: int | None  # its last choice on the card; None when it chose nothing
    revision: StanceRevised  # its latest revised stance (stance, reason, via, ts)
    earlier: tuple[StanceRevised, ...]  # revisions before it, oldest first
    decided: tuple[str, ...]  # value ids it named on the card toward the pole moved to
    revealed: bool  # the variation was revealed at the team's table

    @property
    def stance(self) -> int:
        return self.revision.stance

    @property
    def reason(self) -> str:
        return self.revision.reason

    @property
    def steps(self) -> int | None:
        """Signed steps from the card's stance: < 0 toward pole A, > 0 toward pole B."""
        return None if self.card_stance is None else self.revision.stance - self.card_stance

    @property
    def toward(self) -> str:
        """``a`` or ``b``: the pole the team moved toward; ``""`` when it did not move."""
        steps = self.steps
        return "" if not steps else "a" if steps < 0 else "b"


class VariationPlay(_Data, frozen=True):
    """A variation as played at one table."""

    table_number: int
    round_number: int
    played: str  # time stamp of variation_played
    revealed: bool


class DebriefVariation(_Data, frozen=True):
    """A card's variation (``number`` from 1) across the tables that played it."""

    number: int
    text: LocalText | None  # the card's variations[number - 1]; None if the card lacks it
    plays: tuple[VariationPlay, ...]
    moves: tuple[Move, ...]  # per team that revised, tables in order, teams in order

    @property
    def moved(self) -> tuple[Move, ...]:
        """The moves of teams whose stance changed."""
        return tuple(m for m in self.moves if m.steps)


class DebriefRound(_Data, frozen=True):
    """A card across the tables that played it, with every team's answer to it."""

    number: int  # 1-based position in the debrief
    card: Card
    field: TensionField
    table_rounds: tuple[TableRound, ...]
    answers: tuple[Answer, ...]
    spread: int | None  # highest minus lowest counted stance; None below two answers
    contested: tuple[str, ...]  # value ids pulled toward A by one team and B by another
    different_options: int  # different options among counted answers
    # "Maar wat als...?": the variations played, in the order they first were
    variations: tuple[DebriefVariation, ...] = ()
    # highest minus lowest of the counted stances and every revised stance; None when
    # there are fewer than two of them
    span: int | None = None
    movers: int = 0  # teams that moved under at least one variation

    @property
    def contest(self) -> int:
        """How contested the card is: ``span`` plus the teams that moved."""
        return (self.span or 0) + self.movers

    @property
    def status(self) -> str:
        """Revealed when any table revealed it, open when any still waited, else skipped."""
        statuses = {p.status for p in self.table_rounds}
        for status in (REVEALED, OPEN):
            if status in statuses:
                return status
        return SKIPPED

    @property
    def notes(self) -> tuple[tuple[int, str], ...]:
        """The facilitators' notes as ``(table number, text)``."""
        return tuple((p.table_number, note) for p in self.table_rounds for note in p.notes)

    def answer(self, team_key: str) -> Answer | None:
        return next((a for a in self.answers if a.team.key == team_key), None)


class Lean(_Data, frozen=True):
    """How one team's counted answers on one tension field lean."""

    field: TensionField
    a: int
    neutral: int
    b: int

    @property
    def total(self) -> int:
        return self.a + self.neutral + self.b


class ValueCount(_Data, frozen=True):
    """How often one team invoked one value, toward each pole."""

    value_id: str
    toward_a: int
    toward_b: int

    @property
    def total(self) -> int:
        return self.toward_a + self.toward_b


class TeamSummary(_Data, frozen=True):
    team: TeamRef
    answered: int  # counted answers
    changes: int  # changes of mind in counted answers
    leans: tuple[Lean, ...]  # per tension field of the debrief, in deck order
    values: tuple[ValueCount, ...]  # most invoked first, then catalogue order
    action: str | None


class TeamMeasure(_Data, frozen=True):
    """One team's before and after measure (its latest of each), None when not taken."""

    team: TeamRef
    before: MeasureRecorded | None
    after: MeasureRecorded | None

    def score(self, moment: str, goal: str) -> int | None:
        measure = self.before if moment == "before" else self.after
        return None if measure is None else measure.scores.of(goal)

    def change(self, goal: str) -> int | None:
        """After minus before, when the team gave both."""
        if self.before is None or self.after is None:
            return None
        return self.after.scores.of(goal) - self.before.scores.of(goal)


class GoalMeasure(_Data, frozen=True):
    """One goal over every team that took the measure: the distribution of scores."""

    goal: str  # measure.GOALS
    before: tuple[int, ...]  # how many teams scored 1, 2, 3, 4, 5 before
    after: tuple[int, ...]  # and after
    paired: int  # teams with both scores
    mean_change: float | None  # of those teams' changes; None when none has both

    @staticmethod
    def mean(counts: tuple[int, ...]) -> float | None:
        total = sum(counts)
        return sum(n * s for s, n in enumerate(counts, start=1)) / total if total else None


class Measures(_Data, frozen=True):
    """The before/after measure of every table that took it."""

    teams: tuple[TeamMeasure, ...] = ()  # the teams of those tables, in debrief order
    goals: tuple[GoalMeasure, ...] = ()  # measure.GOALS order; empty when none took it

    @property
    def taken(self) -> bool:
        return bool(self.teams)


class Overview(_Data, frozen=True):
    teams: tuple[TeamSummary, ...]
    furthest_apart: tuple[DebriefRound, ...]
    unused_values: tuple[str, ...]  # value ids, catalogue order

    @property
    def actions(self) -> tuple[tuple[TeamRef, str], ...]:
        return tuple((s.team, s.action) for s in self.teams if s.action is not None)


class Debrief(msgspec.Struct, frozen=True):
    """The analysed saves (tracked by the collector: its warnings are exceptions)."""

    deck: Deck
    language: str  # the first session's language: the default for presenting
    tables: tuple[TableInfo, ...]
    rounds: tuple[DebriefRound, ...]
    overview: Overview
    warnings: tuple[SaveError, ...] = ()  # said with .message(lang)
    measures: Measures = Measures()

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path]) -> Debrief:
        """Read and analyse saves; SaveError (one line) when one cannot be used."""
        from goedwerk_tui.domain.debrief.build import debrief_from_paths  # builds this class

        return debrief_from_paths(paths)

    @classmethod
    def from_reads(cls, reads: Sequence[SaveRead]) -> Debrief:
        """Analyse saves already read; DebriefError when they cannot go together."""
        from goedwerk_tui.domain.debrief.build import debrief_from_reads  # builds this class

        return debrief_from_reads(reads)

    @property
    def teams(self) -> tuple[TeamRef, ...]:
        return tuple(team for table in self.tables for team in table.teams)

    @property
    def several_tables(self) -> bool:
        return len(self.tables) > 1

    def table_of(self, team: TeamRef) -> TableInfo:
        return self.tables[team.table_number - 1]
