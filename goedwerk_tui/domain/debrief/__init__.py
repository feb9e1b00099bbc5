"""What happened in one or more saved sessions of one deck, analysed for a debrief.

A ``Debrief`` is plain data built from saves (``read_save``); the report formats and
the replay screen only present it. Nothing here imports a UI library, and nothing
here makes words for people (table labels and team labels are in ``render/labels.py``).

- ``model``: the data (``Debrief``, ``TableInfo``, ``DebriefRound``, ``Answer``...);
- ``build``: building it from saves;
- ``overview``: counting leans and values, ranking the rounds furthest apart.

Decisions, so every presentation tells the same story:

- **Tables.** Each save is a table, numbered in the order the saves were given
  (``Tafel 1``/``Table 1``...). The file name is not used: save names are time
  stamps, not what a debrief leader calls a table. Saves must be of one deck (same
  deck id and catalogue); the same session given twice is used once.
- **Debrief rounds** are cards: with several tables, a card played at more than one
  table is one debrief round holding the answers of every table, in the order the
  cards first appear (table 1's order, then cards only later tables played). How the
  card went at each table is a ``TableRound``.
- **An answer** (``Answer``) is a team's last choice on a card; every choice the team
  recorded before it on that card is a change of mind (``Answer.changes``).
  ``seconds`` is the time from the deal to the last choice, as the game recorded it.
- **Counting.** The overview counts the answers of rounds that were not skipped
  (an open round of an unfinished session counts with the answers it has). Lean per
  tension field (the fields with counted answers, in deck order): stance < 0 toward
  pole A, 0 neutral, > 0 toward pole B. Values are counted from last choices; a
  catalogue value nobody invoked in any counted answer is unused.
- **"Maar wat als...?"** (``variations``): per card the variations played, in the
  order first played (table 1's order, then later tables); per variation each team's
  move (``Move``): its latest revised stance against its last choice on the card, in
  signed steps, with the values that decided (those it named on the card toward the
  pole it moved to). A variation closed without its reveal still counts.
- **Furthest apart** (the most contested cards): rounds ranked by ``contest``, the
  spread over the card and its variations (``span``: highest minus lowest of the
  counted stances and every team's latest revised stance) plus the number of teams
  that moved under a variation (``movers``); then by contested values (pulled toward
  pole A by one team and toward pole B by another), then by the number of different
  options; the top ``TOP_CARDS`` with at least two stances that show any disagreement
  at all. Without variations ``contest`` is the card's stance spread.
- **The measure** (``measures``): every team of a table that took the before/after
  measure, its latest "before" and "after"; per goal the counts of the scores 1-5
  over all those teams (all tables together: the distribution) and the mean change
  over the teams that gave both.
"""

from __future__ import annotations

from goedwerk_tui.domain.debrief.model import (
    OPEN,
    REVEALED,
    SKIPPED,
    TOP_CARDS,
    Answer,
    Debrief,
    DebriefRound,
    DebriefVariation,
    GoalMeasure,
    Lean,
    Measures,
    Move,
    Overview,
    TableInfo,
    TableRound,
    TeamMeasure,
    TeamRef,
    TeamSummary,
    ValueCount,
    VariationPlay,
)
from goedwerk_tui.domain.errors import DebriefError

__all__ = [
    "OPEN",
    "REVEALED",
    "SKIPPED",
    "TOP_CARDS",
    "Answer",
    "Debrief",
    "DebriefError",
    "DebriefRound",
    "DebriefVariation",
    "GoalMeasure",
    "Lean",
    "Measures",
    "Move",
    "Overview",
    "TableInfo",
    "TableRound",
    "TeamMeasure",
    "TeamRef",
    "TeamSummary",
    "ValueCount",
    "VariationPlay",
]
