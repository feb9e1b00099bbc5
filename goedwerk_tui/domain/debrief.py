"""What happened in one or more saved sessions of one deck, analysed for a debrief.

A ``Debrief`` is plain data built from saves (``read_save``); the report formats and
the replay screen only present it. Nothing here imports a UI library.

Decisions, so every presentation tells the same story:

- **Tables.** Each save is a table, numbered in the order the saves were given
  (``Tafel 1``/``Table 1``...; ``TableInfo.label``). The file name is not used: save
  names are time stamps, not what a debrief leader calls a table. Saves must be of
  one deck (same deck id and catalogue); the same session given twice is used once.
- **Rounds** are cards: with several tables, a card played at more than one table is
  one debrief round holding the answers of every table, in the order the cards
  first appear (table 1's order, then cards only later tables played).
- **An answer** (``Entry``) is a team's last choice on a card; every choice the team
  recorded before it on that card is a change of mind (``Entry.changes``).
  ``seconds`` is the time from the deal to the last choice, as the game recorded it.
- **Counting.** The overview counts the answers of rounds that were not skipped
  (an open round of an unfinished session counts with the answers it has). Lean per
  tension field (the fields with counted answers, in deck order): stance < 0 toward
  pole A, 0 neutral, > 0 toward pole B. Values are counted from last choices; a
  catalogue value nobody invoked in any counted answer is unused.
- **Furthest apart**: rounds with at least two counted answers, ranked by stance
  spread (highest minus lowest), then by contested values (pulled toward pole A by
  one team and toward pole B by another), then by the number of different options;
  the top ``TOP_CARDS`` that show any disagreement at all.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goedwerk_tui.domain.deck import Card, Deck, TensionField
from goedwerk_tui.domain.messages import Message, say
from goedwerk_tui.domain.savelog import SaveError, SaveRead, read_save
from goedwerk_tui.domain.session import Choice, Round

DEBRIEF_FORMAT = "goedwerk-debrief/1"
TOP_CARDS = 5
REVEALED, SKIPPED, OPEN = "revealed", "skipped", "open"
_TABLE_WORD = {"nl": "Tafel", "en": "Table"}


class DebriefError(SaveError):
    """Saves that cannot be debriefed together; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class TeamRef:
    """A team at a table. ``key`` is unique across the tables of a debrief."""

    key: str
    table: int
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class TableInfo:
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

    @property
    def finished(self) -> bool:
        return bool(self.ended)

    def label(self, lang: str) -> str:
        return f"{_TABLE_WORD.get(lang, _TABLE_WORD['en'])} {self.number}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One team's answer to one card: its last choice and the changes of mind before it."""

    team: TeamRef
    round: int  # the round number at the team's table
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


@dataclass(frozen=True, slots=True)
class Play:
    """A card as it went at one table."""

    table: int
    round: int
    status: str
    dealt: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class DebriefRound:
    number: int  # 1-based position in the debrief
    card: Card
    field: TensionField
    plays: tuple[Play, ...]
    entries: tuple[Entry, ...]
    spread: int | None  # highest minus lowest counted stance; None below two answers
    contested: tuple[str, ...]  # value ids pulled toward A by one team and B by another
    options: int  # different options among counted answers

    @property
    def status(self) -> str:
        """Revealed when any table revealed it, open when any still waited, else skipped."""
        statuses = {p.status for p in self.plays}
        for status in (REVEALED, OPEN):
            if status in statuses:
                return status
        return SKIPPED

    @property
    def notes(self) -> tuple[tuple[int, str], ...]:
        """The facilitators' notes as ``(table, text)``."""
        return tuple((p.table, note) for p in self.plays for note in p.notes)

    def entry(self, team_key: str) -> Entry | None:
        return next((e for e in self.entries if e.team.key == team_key), None)


@dataclass(frozen=True, slots=True)
class Lean:
    field: TensionField
    a: int
    neutral: int
    b: int

    @property
    def total(self) -> int:
        return self.a + self.neutral + self.b


@dataclass(frozen=True, slots=True)
class ValueCount:
    value: str
    toward_a: int
    toward_b: int

    @property
    def total(self) -> int:
        return self.toward_a + self.toward_b


@dataclass(frozen=True)
class TeamSummary:
    team: TeamRef
    answered: int  # counted answers
    changes: int  # changes of mind in counted answers
    leans: tuple[Lean, ...]  # per tension field of the debrief, in deck order
    values: tuple[ValueCount, ...]  # most invoked first, then catalogue order
    action: str | None


@dataclass(frozen=True)
class Overview:
    teams: tuple[TeamSummary, ...]
    furthest_apart: tuple[DebriefRound, ...]
    unused_values: tuple[str, ...]  # catalogue order

    @property
    def actions(self) -> tuple[tuple[TeamRef, str], ...]:
        return tuple((s.team, s.action) for s in self.teams if s.action is not None)


@dataclass(frozen=True)
class Debrief:
    deck: Deck
    language: str  # the first session's language: the default for presenting
    tables: tuple[TableInfo, ...]
    rounds: tuple[DebriefRound, ...]
    overview: Overview
    warnings: tuple[SaveError, ...] = field(default=())  # said with .message(lang)

    # ----- building ----------------------------------------------------------
    @classmethod
    def from_paths(cls, paths: Iterable[str | Path]) -> Debrief:
        """Read and analyse saves; SaveError (one line) when one cannot be used.

        The cyclic garbage collector is paused meanwhile: a long save makes hundreds of
        thousands of objects that all stay in use, and collector passes over them
        found nothing while taking about a quarter of the reading time. The analysis
        needs the sessions, not every event of them (``keep_events=False``).
        """
        paused = gc.isenabled()
        gc.disable()
        try:
            return cls.from_reads([read_save(Path(p), keep_events=False) for p in paths])
        finally:
            if paused:
                gc.enable()

    @classmethod
    def from_reads(cls, reads: Sequence[SaveRead]) -> Debrief:
        if not reads:
            raise DebriefError("debrief.no_saves")
        warnings: list[SaveError] = []
        kept = _distinct_sessions(reads, warnings)
        deck = _common_deck(kept)
        tables = []
        for number, read in enumerate(kept, start=1):
            warnings.extend(read.warnings)
            tables.append(_table(number, read, warnings))
        rounds = _rounds(kept, tables)
        overview = _overview(deck, tables, rounds, kept)
        return cls(
            deck=deck,
            language=kept[0].session.language,
            tables=tuple(tables),
            rounds=tuple(rounds),
            overview=overview,
            warnings=tuple(warnings),
        )

    # ----- reading -------------------------------------------------------------
    @property
    def teams(self) -> tuple[TeamRef, ...]:
        return tuple(team for table in self.tables for team in table.teams)

    @property
    def several_tables(self) -> bool:
        return len(self.tables) > 1

    def team_label(self, team: TeamRef, lang: str) -> str:
        """The team's name, after its table's label when the debrief has several tables."""
        if not self.several_tables:
            return team.name
        return f"{self.tables[team.table - 1].label(lang)} · {team.name}"

    def value_name(self, value_id: str, lang: str) -> str:
        value = self.deck.catalogue.value(value_id)
        return value.name.get(lang) if value is not None else value_id

    def to_data(self, lang: str = "en") -> dict[str, Any]:
        """The debrief as JSON-ready data (documented in ``report/json_export.py``).

        Deck text stays in every language it has (``{"nl": ..., "en": ...}``); save
        text is as recorded. Presenting it safely is the reader's job. The warnings
        are messages, said in ``lang``.
        """
        return {
            "format": DEBRIEF_FORMAT,
            "language": self.language,
            "deck": {
                "id": self.deck.id,
                "title": self.deck.title.to_data(),
                "catalogue": {
                    "id": self.deck.catalogue.id,
                    "title": self.deck.catalogue.title.to_data(),
                    "values": [
                        {"id": v.id, "name": v.name.to_data()} for v in self.deck.catalogue.values
                    ],
                },
            },
            "tables": [_table_data(t) for t in self.tables],
            "overview": _overview_data(self.overview),
            "rounds": [_round_data(r) for r in self.rounds],
            "warnings": [say(warning, lang) for warning in self.warnings],
        }


# ----- building blocks ---------------------------------------------------------


def _distinct_sessions(reads: Sequence[SaveRead], warnings: list[SaveError]) -> list[SaveRead]:
    kept: list[SaveRead] = []
    seen: dict[str, SaveRead] = {}
    for read in reads:
        first = seen.get(read.session.session_id)
        if first is not None:
            warnings.append(
                SaveError("debrief.same_session", path=str(read.path), first=str(first.path))
            )
            continue
        seen[read.session.session_id] = read
        kept.append(read)
    return kept


def _common_deck(reads: Sequence[SaveRead]) -> Deck:
    """The first save's deck with every card the other saves dealt; one deck id only."""
    first = reads[0].session.deck
    cards = {c.id: c for c in first.cards}
    for read in reads[1:]:
        deck = read.session.deck
        if deck.id != first.id:
            raise DebriefError(
                "debrief.other_deck",
                path=str(read.path),
                deck=deck.id,
                first_deck=first.id,
                first=str(reads[0].path),
            )
        if deck.catalogue.id != first.catalogue.id:
            raise DebriefError(
                "debrief.other_catalogue",
                path=str(read.path),
                catalogue=deck.catalogue.id,
                first_catalogue=first.catalogue.id,
                first=str(reads[0].path),
            )
        for card in deck.cards:
            if card.id not in cards and card.field in first.fields_by_id:
                cards[card.id] = card
    if len(cards) == len(first.cards):
        return first
    return Deck(
        id=first.id,
        title=first.title,
        language=first.language,
        catalogue_ref=first.catalogue_ref,
        catalogue=first.catalogue,
        fields=first.fields,
        cards=tuple(cards.values()),
        description=first.description,
        authors=first.authors,
    )


def _status(rnd: Round) -> str:
    if rnd.skipped:
        return SKIPPED
    return REVEALED if rnd.revealed else OPEN


def _table(number: int, read: SaveRead, warnings: list[SaveError]) -> TableInfo:
    session = read.session
    teams = tuple(TeamRef(f"{number}.{t.id}", number, t.id, t.name) for t in session.teams)
    ended = session.ended_ts if session.ended else ""
    if not session.ended:
        last = read.events[-1].ts if read.events else ""
        when: object = last if isinstance(last, str) and last else Message("debrief.time_unknown")
        current = session.current
        if current is not None and _status(current) == OPEN:
            warning = SaveError(
                "debrief.not_ended_open", path=str(read.path), last=when, round=current.number
            )
        else:
            warning = SaveError("debrief.not_ended", path=str(read.path), last=when)
        warnings.append(warning)
    return TableInfo(
        number=number,
        path=str(read.path),
        session_id=session.session_id,
        language=session.language,
        started=session.started_ts,
        ended=ended,
        cards_planned=len(session.cards),
        rounds_dealt=len(session.rounds),
        rounds_played=len(session.played_rounds),
        resumed=session.resumed,
        teams=teams,
    )


def _seconds(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None


def _clean(choice: Choice) -> Choice:
    """A choice with a usable duration (``read_save`` refuses others, a Session may not)."""
    seconds = choice.seconds
    if seconds is None or (seconds.__class__ is float and 0.0 <= seconds < math.inf):
        return choice  # what the game records; the rest of the checks are for odd values
    seconds = _seconds(seconds)
    if seconds == choice.seconds:
        return choice
    return Choice(
        choice.team,
        choice.stance,
        choice.option,
        choice.values_a,
        choice.values_b,
        choice.rationale,
        seconds,
        choice.ts,
    )


def _entries(rnd: Round, table: TableInfo) -> list[Entry]:
    earlier: dict[str, list[Choice]] = {}
    for choice in rnd.history:
        earlier.setdefault(choice.team, []).append(choice)
    status = _status(rnd)
    entries = []
    for team in table.teams:
        history = earlier.get(team.id)
        if not history:
            continue
        entries.append(
            Entry(
                team=team,
                round=rnd.number,
                status=status,
                choice=_clean(history[-1]),
                changes=tuple([_clean(c) for c in history[:-1]]),
            )
        )
    return entries


def _rounds(reads: Sequence[SaveRead], tables: Sequence[TableInfo]) -> list[DebriefRound]:
    order: dict[str, tuple[Card, TensionField]] = {}
    plays: dict[str, list[Play]] = {}
    entries: dict[str, list[Entry]] = {}
    for read, table in zip(reads, tables, strict=True):
        deck = read.session.deck
        for rnd in read.session.rounds:
            if rnd.card_id not in order:
                card = deck.card(rnd.card_id)
                order[rnd.card_id] = (card, deck.field_of(card))
            plays.setdefault(rnd.card_id, []).append(
                Play(table.number, rnd.number, _status(rnd), rnd.dealt_ts, tuple(rnd.notes))
            )
            entries.setdefault(rnd.card_id, []).extend(_entries(rnd, table))
    rounds = []
    for number, (card_id, (card, tension)) in enumerate(order.items(), start=1):
        found = tuple(entries[card_id])
        counted = [e for e in found if e.counted]
        spread = (
            max(e.stance for e in counted) - min(e.stance for e in counted)
            if len(counted) >= 2
            else None
        )
        toward_a = {v for e in counted for v in e.choice.values_a}
        toward_b = {v for e in counted for v in e.choice.values_b}
        contested = tuple(
            v
            for v in dict.fromkeys(
                v for e in counted for v in e.choice.values_a + e.choice.values_b
            )
            if v in toward_a and v in toward_b
        )
        rounds.append(
            DebriefRound(
                number=number,
                card=card,
                field=tension,
                plays=tuple(plays[card_id]),
                entries=found,
                spread=spread,
                contested=contested,
                options=len({e.option for e in counted if e.option is not None}),
            )
        )
    return rounds


def _overview(
    deck: Deck,
    tables: Sequence[TableInfo],
    rounds: Sequence[DebriefRound],
    reads: Sequence[SaveRead],
) -> Overview:
    field_ids = {r.field.id for r in rounds if any(e.counted for e in r.entries)}
    fields = [f for f in deck.fields if f.id in field_ids]
    catalogue_order = {v.id: i for i, v in enumerate(deck.catalogue.values)}
    by_team: dict[str, list[tuple[str, Entry]]] = {}
    for r in rounds:
        for e in r.entries:
            if e.counted:
                by_team.setdefault(e.team.key, []).append((r.field.id, e))
    invoked: set[str] = set()
    summaries = []
    for table, read in zip(tables, reads, strict=True):
        for team in table.teams:
            answers = by_team.get(team.key, [])
            counts = {tension.id: [0, 0, 0] for tension in fields}  # toward a, neutral, b
            for fid, e in answers:
                count = counts.get(fid)  # None: a field another table's deck alone has
                if count is not None:
                    stance = e.choice.stance
                    count[0 if stance < 0 else 1 if stance == 0 else 2] += 1
            leans = [Lean(tension, *counts[tension.id]) for tension in fields]
            toward: dict[str, list[int]] = {}
            for _, e in answers:
                for v in e.choice.values_a:
                    toward.setdefault(v, [0, 0])[0] += 1
                for v in e.choice.values_b:
                    toward.setdefault(v, [0, 0])[1] += 1
            invoked.update(toward)
            values = sorted(
                (ValueCount(v, a, b) for v, (a, b) in toward.items()),
                key=lambda c: (-c.total, catalogue_order.get(c.value, len(catalogue_order))),
            )
            summaries.append(
                TeamSummary(
                    team=team,
                    answered=len(answers),
                    changes=sum(len(e.changes) for _, e in answers),
                    leans=tuple(leans),
                    values=tuple(values),
                    action=read.session.actions.get(team.id),
                )
            )
    ranked = sorted(
        (r for r in rounds if r.spread is not None and (r.spread or r.contested or r.options > 1)),
        key=lambda r: (-(r.spread or 0), -len(r.contested), -r.options, r.number),
    )
    unused = tuple(v.id for v in deck.catalogue.values if v.id not in invoked)
    return Overview(tuple(summaries), tuple(ranked[:TOP_CARDS]), unused)


# ----- as data -------------------------------------------------------------------


def _team_data(team: TeamRef) -> dict[str, Any]:
    return {"key": team.key, "table": team.table, "id": team.id, "name": team.name}


def _table_data(table: TableInfo) -> dict[str, Any]:
    return {
        "number": table.number,
        "path": table.path,
        "session_id": table.session_id,
        "language": table.language,
        "started": table.started,
        "ended": table.ended or None,
        "cards_planned": table.cards_planned,
        "rounds_dealt": table.rounds_dealt,
        "rounds_played": table.rounds_played,
        "resumed": table.resumed,
        "teams": [_team_data(t) for t in table.teams],
    }


def _choice_data(choice: Choice) -> dict[str, Any]:
    return {
        "stance": choice.stance,
        "option": choice.option,
        "values_a": list(choice.values_a),
        "values_b": list(choice.values_b),
        "rationale": choice.rationale,
        "seconds": choice.seconds,
        "ts": choice.ts,
    }


def _entry_data(entry: Entry) -> dict[str, Any]:
    choice = entry.choice  # the keys of _choice_data in between, written out: 10,000s of these
    return {
        "team": entry.team.key,
        "round": entry.round,
        "status": entry.status,
        "stance": choice.stance,
        "option": choice.option,
        "values_a": list(choice.values_a),
        "values_b": list(choice.values_b),
        "rationale": choice.rationale,
        "seconds": choice.seconds,
        "ts": choice.ts,
        "changes": [_choice_data(c) for c in entry.changes],
    }


def _round_data(rnd: DebriefRound) -> dict[str, Any]:
    return {
        "number": rnd.number,
        "card": {
            "id": rnd.card.id,
            "title": rnd.card.title.to_data(),
            "options": [o.to_data() for o in rnd.card.options],
        },
        "field": {
            "id": rnd.field.id,
            "name": rnd.field.name.to_data(),
            "pole_a": rnd.field.pole_a.to_data(),
            "pole_b": rnd.field.pole_b.to_data(),
        },
        "status": rnd.status,
        "plays": [
            {
                "table": p.table,
                "round": p.round,
                "status": p.status,
                "dealt": p.dealt,
                "notes": list(p.notes),
            }
            for p in rnd.plays
        ],
        "spread": rnd.spread,
        "contested_values": list(rnd.contested),
        "different_options": rnd.options,
        "entries": [_entry_data(e) for e in rnd.entries],
    }


def _overview_data(overview: Overview) -> dict[str, Any]:
    return {
        "teams": [
            {
                "team": s.team.key,
                "answered": s.answered,
                "changes": s.changes,
                "leans": [
                    {"field": lean.field.id, "a": lean.a, "neutral": lean.neutral, "b": lean.b}
                    for lean in s.leans
                ],
                "values": [
                    {"value": c.value, "toward_a": c.toward_a, "toward_b": c.toward_b}
                    for c in s.values
                ],
                "action": s.action,
            }
            for s in overview.teams
        ],
        "furthest_apart": [r.number for r in overview.furthest_apart],
        "unused_values": list(overview.unused_values),
    }
