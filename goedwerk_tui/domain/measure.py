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
    "ownership": _lt(
        "Ik kan invloed uitoefenen op de kwaliteit van mijn werk en voel me er eigenaar van.",
        "I can influence the quality of my work and I feel I own it.",
    ),
    "meaningfulness": _lt(
        "Ik zie hoe mijn werk bijdraagt aan een groter doel voor de samenleving.",
        "I can see how my work contributes to a larger goal for society.",
    ),
    "identification": _lt(
        "Ik voel me verbonden met mijn organisatie en mijn beroepsgroep.",
        "I feel connected to my organisation and my profession.",
    ),
}
