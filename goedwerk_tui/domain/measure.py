"""The before/after measure of the session's three goals (the seed's "Doelstellingen").

Goed Werk aims at ownership (eigenaarschap), meaningfulness (zinvolheid) and
identification (identificatie): the opposites of Blauner's (1964) powerlessness,
meaninglessness and social isolation. When the measure is on (``Settings.measure``),
each team rates one statement per goal on a 1-5 scale when the session starts and
again in the closing step (``measure_recorded``). A deck may word the statements
itself (``measure:`` in the deck file); these are the defaults.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

import msgspec

from goedwerk_tui.domain.declare import text
from goedwerk_tui.domain.text import LocalText

GOALS: Final = ("ownership", "meaningfulness", "identification")
Goal = Literal["ownership", "meaningfulness", "identification"]
MOMENTS: Final = ("before", "after")
Moment = Literal["before", "after"]
SCORES: Final = (1, 2, 3, 4, 5)
Score = Annotated[int, msgspec.Meta(ge=SCORES[0], le=SCORES[-1])]


class Scores(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A team's rating of each goal's statement: 1 (not at all) .. 5 (fully)."""

    ownership: Score
    meaningfulness: Score
    identification: Score

    def of(self, goal: str) -> int:
        """The score of one goal by its id."""
        score: int = getattr(self, goal)
        return score


def _lt(nl: str, en: str) -> LocalText:
    return LocalText({"nl": nl, "en": en})


DEFAULT_STATEMENTS: Final[dict[str, LocalText]] = {
    # Worded after slide 15 ("Doelstellingen"), each the opposite of slide 11's
    # alienation. "We": a team rates them (``MeasureRecorded.team``).
    "ownership": _lt(
        "We kunnen invloed uitoefenen op de kwaliteit van ons werk en voelen ons er eigenaar van.",
        "We can influence the quality of our work and feel that we own it.",
    ),
    "meaningfulness": _lt(
        "We begrijpen hoe ons eigen werk bijdraagt aan een groter doel.",
        "We understand how our own work contributes to a larger goal.",
    ),
    "identification": _lt(
        "We identificeren ons met onze organisatie of onze beroepsgroep, en zijn er trots op.",
        "We identify with our organisation or our profession, and are proud of it.",
    ),
}

DUTCH_GOALS: Final = {
    "eigenaarschap": "ownership",
    "zinvolheid": "meaningfulness",
    "identificatie": "identification",
}
"""The seed's Dutch names of the goals: a deck's ``measure:`` keys are the English ids,
and the validator suggests the id when a Dutch name is written instead."""


class MeasureStatements(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """The statement teams rate for each goal: a deck's ``measure:`` block, what the
    save's deck snapshot stores, what the measure screen and the reports show. A goal
    the deck does not word keeps its default (``DEFAULT_STATEMENTS``)."""

    ownership: Annotated[
        LocalText,
        text("Eigenaarschap: the statement on influence over the quality of the work."),
    ] = DEFAULT_STATEMENTS["ownership"]
    meaningfulness: Annotated[
        LocalText,
        text("Zinvolheid: the statement on seeing one's contribution to a larger goal."),
    ] = DEFAULT_STATEMENTS["meaningfulness"]
    identification: Annotated[
        LocalText,
        text("Identificatie: the statement on identifying with the organisation or profession."),
    ] = DEFAULT_STATEMENTS["identification"]

    def statement(self, goal: str) -> LocalText:
        """The statement of one goal by its id (one of ``GOALS``); KeyError for another."""
        if goal not in GOALS:
            raise KeyError(goal)
        statement: LocalText = getattr(self, goal)
        return statement


DEFAULT_MEASURE: Final = MeasureStatements()
"""Every goal with its default statement: the measure of a deck without ``measure:``."""
