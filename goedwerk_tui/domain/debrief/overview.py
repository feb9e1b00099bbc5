"""The overview of a debrief: each team's leans and values, and the rounds furthest apart.

Counting follows the package docstring (``debrief/__init__``): only answers of rounds
that were not skipped count; a stance below 0 leans toward pole A, 0 is neutral,
above 0 toward pole B.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from goedwerk_tui.domain.debrief.model import (
    TOP_CARDS,
    Answer,
    DebriefRound,
    Lean,
    Overview,
    TableInfo,
    TeamRef,
    TeamSummary,
    ValueCount,
)
from goedwerk_tui.domain.deck import Deck, TensionField


def build_overview(
    deck: Deck,
    tables: Sequence[TableInfo],
    rounds: Sequence[DebriefRound],
    actions: Sequence[Mapping[str, str]],
) -> Overview:
    """``actions``: per table, each team's closing action by team id."""
    field_ids = {r.field.id for r in rounds if any(a.counted for a in r.answers)}
    fields = [f for f in deck.fields if f.id in field_ids]
    catalogue_order = {v.id: i for i, v in enumerate(deck.catalogue.values)}
    by_team: dict[str, list[tuple[str, Answer]]] = {}
    for r in rounds:
        for answer in r.answers:
            if answer.counted:
                by_team.setdefault(answer.team.key, []).append((r.field.id, answer))
    summaries = [
        _summary(team, by_team.get(team.key, []), fields, catalogue_order, table_actions)
        for table, table_actions in zip(tables, actions, strict=True)
        for team in table.teams
    ]
    invoked = {count.value_id for summary in summaries for count in summary.values}
    unused = tuple(v.id for v in deck.catalogue.values if v.id not in invoked)
    return Overview(tuple(summaries), furthest_apart(rounds), unused)


def _summary(
    team: TeamRef,
    answers: list[tuple[str, Answer]],
    fields: Sequence[TensionField],
    catalogue_order: Mapping[str, int],
    actions: Mapping[str, str],
) -> TeamSummary:
    """One team's counted answers (with their field ids) summed up."""
    counts = {tension.id: [0, 0, 0] for tension in fields}  # toward a, neutral, b
    toward: dict[str, list[int]] = {}
    for field_id, answer in answers:
        choice = answer.choice
        count = counts.get(field_id)  # None: a field another table's deck alone has
        if count is not None:
            stance = choice.stance
            count[0 if stance < 0 else 1 if stance == 0 else 2] += 1
        for v in choice.values_a:
            toward.setdefault(v, [0, 0])[0] += 1
        for v in choice.values_b:
            toward.setdefault(v, [0, 0])[1] += 1
    values = sorted(
        (ValueCount(v, a, b) for v, (a, b) in toward.items()),
        key=lambda c: (-c.total, catalogue_order.get(c.value_id, len(catalogue_order))),
    )
    return TeamSummary(
        team=team,
        answered=len(answers),
        changes=sum(len(answer.changes) for _, answer in answers),
        leans=tuple(Lean(tension, *counts[tension.id]) for tension in fields),
        values=tuple(values),
        action=actions.get(team.id),
    )


def furthest_apart(rounds: Sequence[DebriefRound]) -> tuple[DebriefRound, ...]:
    """The top ``TOP_CARDS`` rounds by how contested they are (``contest``: the spread
    over the card and its variations plus the teams that moved), then contested values,
    then options; only rounds with two stances or more that show any disagreement.
    Without variations ``contest`` is the card's spread."""
    ranked = sorted(
        (
            r
            for r in rounds
            if r.span is not None and (r.contest or r.contested or r.different_options > 1)
        ),
        key=lambda r: (-r.contest, -len(r.contested), -r.different_options, r.number),
    )
    return tuple(ranked[:TOP_CARDS])
