"""The rows of the spreadsheet reports (CSV and XLSX): everything a session recorded.

One row per recorded thing, its ``kind`` in the first column:

- ``choice``: a team's last choice on a card (one per team per card answered);
- ``earlier choice``: a choice the team changed afterwards (oldest first, just
  before that team's last choice on the card);
- ``note``: a facilitator's note on a card, after the card's choices;
- ``action``: a team's closing action, after all cards.

The header row and the words in the cells (kinds, stance words, statuses) are in
the report language; the columns are the same whatever the deck, so a spreadsheet
of one session lines up with the next. A tension field's poles are named in every
row (``left pole`` is the pole at -2, ``right pole`` the pole at +2), since the
cards of one session belong to different fields. Numbers (table, round, stance,
seconds, changes) are numbers; an empty cell is ``None``.

``clean`` is applied to every text cell taken from a save or a deck: the CSV
writer neutralises formulas there, the XLSX writer only sanitizes (its cells are
typed strings, never formulas).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from goedwerk_tui.domain.debrief import Answer, Debrief, DebriefRound
from goedwerk_tui.domain.session import Choice
from goedwerk_tui.i18n import t
from goedwerk_tui.report import LETTERS, Words, plain

COLUMNS = (
    "kind",
    "session",
    "table",
    "round",
    "card",
    "field",
    "pole_left",
    "pole_right",
    "team",
    "stance",
    "stance_words",
    "option",
    "option_text",
    "values_left",
    "values_right",
    "text",
    "seconds",
    "status",
    "changes",
)
KINDS = ("choice", "earlier_choice", "note", "action")

Cell = str | int | float | None
Row = tuple[Cell, ...]


def header(lang: str) -> list[str]:
    """The column names in ``lang``."""
    return [t(f"report.col.{column}", lang) for column in COLUMNS]


class _Card:
    """The cells every row of one card shares, cleaned once."""

    def __init__(self, w: Words, rnd: DebriefRound, clean: Callable[[str], str]) -> None:
        lang = w.lang
        card, tension = rnd.card, rnd.field
        self.title = clean(card.title.get(lang))
        self.field = clean(tension.name.get(lang))
        self.left = clean(tension.pole_a.get(lang))
        self.right = clean(tension.pole_b.get(lang))
        self.options = {
            letter: clean(option.get(lang))
            for letter, option in zip(LETTERS, card.options, strict=False)
        }


class SheetRows:
    """The rows of a debrief in ``lang``; iterate for the header row and then every row."""

    def __init__(self, debrief: Debrief, lang: str, clean: Callable[[str], str]) -> None:
        self.debrief = debrief
        self.lang = lang
        self.clean = clean
        self.w = Words(debrief, lang, plain)
        self._kinds = {kind: t(f"report.kind.{kind}", lang) for kind in KINDS}
        self._statuses: dict[str, str] = {}
        self._stances: dict[tuple[str, int], str] = {}
        self._teams: dict[str, str] = {}
        self._values: dict[tuple[str, ...], str] = {}
        self._sessions = [clean(table.session_id) for table in debrief.tables]

    def __iter__(self) -> Iterator[Row]:
        yield tuple(header(self.lang))
        for rnd in self.debrief.rounds:
            card = _Card(self.w, rnd, self.clean)
            for answer in rnd.answers:
                for choice in answer.changes:
                    yield self._choice(rnd, card, answer, choice, "earlier_choice")
                yield self._choice(rnd, card, answer, answer.choice, "choice")
            yield from self._notes(rnd, card)
        yield from self._actions()

    def _status(self, status: str) -> str:
        words = self._statuses.get(status)
        if words is None:
            words = self._statuses[status] = t(f"report.status.{status}", self.lang)
        return words

    def _team(self, key: str, name: str) -> str:
        cleaned = self._teams.get(key)
        if cleaned is None:
            cleaned = self._teams[key] = self.clean(name)
        return cleaned

    def _value_list(self, ids: tuple[str, ...]) -> str | None:
        if not ids:
            return None
        names = self._values.get(ids)
        if names is None:
            names = self._values[ids] = self.clean(self.w.values(ids, "; "))
        return names

    def _choice(
        self, rnd: DebriefRound, card: _Card, answer: Answer, choice: Choice, kind: str
    ) -> Row:
        team = answer.team
        key = (rnd.field.id, choice.stance)
        stance_words = self._stances.get(key)
        if stance_words is None:
            stance_words = self._stances[key] = self.clean(self.w.stance(choice.stance, rnd.field))
        option = choice.option
        return (
            self._kinds[kind],
            self._sessions[team.table_number - 1],
            team.table_number,
            answer.round_number,
            card.title,
            card.field,
            card.left,
            card.right,
            self._team(team.key, team.name),
            choice.stance,
            stance_words,
            self.clean(option) if option else None,
            card.options.get(option) if option else None,
            self._value_list(choice.values_a),
            self._value_list(choice.values_b),
            self.clean(choice.rationale) if choice.rationale else None,
            None if choice.seconds is None else round(choice.seconds, 1),
            self._status(answer.status),
            len(answer.changes) if kind == "choice" else None,
        )

    def _notes(self, rnd: DebriefRound, card: _Card) -> Iterator[Row]:
        note = self._kinds["note"]
        for table_round in rnd.table_rounds:
            for text in table_round.notes:
                yield (
                    note,
                    self._sessions[table_round.table_number - 1],
                    table_round.table_number,
                    table_round.round_number,
                    card.title,
                    card.field,
                    card.left,
                    card.right,
                    *(None,) * 7,
                    self.clean(text),
                    None,
                    self._status(table_round.status),
                    None,
                )

    def _actions(self) -> Iterator[Row]:
        action = self._kinds["action"]
        for summary in self.debrief.overview.teams:
            if summary.action is None:
                continue
            team = summary.team
            yield (
                action,
                self._sessions[team.table_number - 1],
                team.table_number,
                *(None,) * 5,
                self._team(team.key, team.name),
                *(None,) * 6,
                self.clean(summary.action),
                *(None,) * 3,
            )
