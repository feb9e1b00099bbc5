"""The JSON report's document, declared once: one msgspec Struct per object in it.

The fields are the keys, in the order they are written; what each means is documented
with the format, at the top of ``report/json_export.py``. ``report_data`` makes the
document from a ``Debrief``.
"""

from __future__ import annotations

import json

import msgspec

from goedwerk_tui.domain.debrief import Answer, Debrief, DebriefRound, TableInfo, TeamSummary
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.messages import say
from goedwerk_tui.domain.session import Choice
from goedwerk_tui.report.json_moves import (
    MeasuresData,
    VariationData,
    measures_data,
    variation_data,
)

DEBRIEF_FORMAT = "goedwerk-debrief/1"

LocalData = dict[str, str]  # deck text in every language it has: {"nl": ..., "en": ...}
# a number of seconds, or the number as Python's json spells it where msgspec spells
# it otherwise (``1e+16`` and ``1e-05``, where msgspec writes ``1e16`` and ``0.00001``)
Seconds = float | msgspec.Raw | None


class _Data(msgspec.Struct, gc=False):
    """A part of the document; gc=False: the data is a tree, it holds no cycles."""


class ValueData(_Data):
    id: str
    name: LocalData


class CatalogueData(_Data):
    id: str
    title: LocalData
    values: list[ValueData]


class DeckData(_Data):
    id: str
    title: LocalData
    catalogue: CatalogueData


class TeamData(_Data):
    key: str
    table: int
    id: str
    name: str


class TableData(_Data):
    number: int
    path: str
    session_id: str
    language: str
    started: str
    ended: str | None
    cards_planned: int
    rounds_dealt: int
    rounds_played: int
    resumed: int
    teams: list[TeamData]


class LeanData(_Data):
    field: str
    a: int
    neutral: int
    b: int


class ValueCountData(_Data):
    value: str
    toward_a: int
    toward_b: int


class TeamSummaryData(_Data):
    team: str  # a key from tables[].teams[]
    answered: int
    changes: int
    leans: list[LeanData]
    values: list[ValueCountData]
    action: str | None


class OverviewData(_Data):
    teams: list[TeamSummaryData]
    furthest_apart: list[int]
    unused_values: tuple[str, ...]


class CardData(_Data):
    id: str
    title: LocalData
    options: list[LocalData]


class FieldData(_Data):
    id: str
    name: LocalData
    pole_a: LocalData
    pole_b: LocalData


class TableRoundData(_Data):
    """A card at one table (the key is ``plays``)."""

    table: int
    round: int
    status: str
    dealt: str
    notes: tuple[str, ...]


class ChoiceData(_Data):
    """A change of mind: a choice before the team's last one on the card."""

    stance: int
    option: str | None
    values_a: tuple[str, ...]
    values_b: tuple[str, ...]
    rationale: str
    seconds: Seconds
    ts: str


class AnswerData(_Data):
    """A team's answer to a card: its last choice (the key is ``entries``)."""

    team: str
    round: int
    status: str
    stance: int
    option: str | None
    values_a: tuple[str, ...]
    values_b: tuple[str, ...]
    rationale: str
    seconds: Seconds
    ts: str
    changes: list[ChoiceData]


class RoundData(_Data, omit_defaults=True):
    number: int
    card: CardData
    field: FieldData
    status: str
    plays: list[TableRoundData]
    spread: int | None
    contested_values: tuple[str, ...]
    different_options: int
    entries: list[AnswerData]
    # written only for a card with variations played (older readers see the same keys)
    variations: list[VariationData] = []
    span: int | None = None
    movers: int | None = None


class DebriefData(_Data, omit_defaults=True):
    format: str
    language: str
    deck: DeckData
    tables: list[TableData]
    overview: OverviewData
    rounds: list[RoundData]
    warnings: list[str]
    measures: MeasuresData | None = None  # written only when a table took the measure


def _seconds(seconds: float | None) -> Seconds:
    """Seconds as Python's json writes them: msgspec agrees from 1e-4 to below 1e16."""
    if seconds is None or 1e-4 <= seconds < 1e16 or seconds == 0.0:
        return seconds
    return msgspec.Raw(json.dumps(seconds).encode())  # 1e+16, 1e-05: json's spelling


def _deck_data(deck: Deck) -> DeckData:
    catalogue = deck.catalogue
    values = [ValueData(v.id, v.name.to_data()) for v in catalogue.values]
    return DeckData(
        deck.id,
        deck.title.to_data(),
        CatalogueData(catalogue.id, catalogue.title.to_data(), values),
    )


def _table_data(table: TableInfo) -> TableData:
    return TableData(
        table.number,
        table.path,
        table.session_id,
        table.language,
        table.started,
        table.ended or None,
        table.cards_planned,
        table.rounds_dealt,
        table.rounds_played,
        table.resumed,
        [TeamData(t.key, t.table_number, t.id, t.name) for t in table.teams],
    )


def _summary_data(s: TeamSummary) -> TeamSummaryData:
    leans = [LeanData(lean.field.id, lean.a, lean.neutral, lean.b) for lean in s.leans]
    values = [ValueCountData(c.value_id, c.toward_a, c.toward_b) for c in s.values]
    return TeamSummaryData(s.team.key, s.answered, s.changes, leans, values, s.action)


def _choice_data(c: Choice) -> ChoiceData:
    seconds = _seconds(c.seconds)
    return ChoiceData(c.stance, c.option, c.values_a, c.values_b, c.rationale, seconds, c.ts)


def _answer_data(a: Answer) -> AnswerData:
    c = a.choice
    return AnswerData(
        a.team.key,
        a.round_number,
        a.status,
        c.stance,
        c.option,
        c.values_a,
        c.values_b,
        c.rationale,
        _seconds(c.seconds),
        c.ts,
        [_choice_data(change) for change in a.changes],
    )


def _round_data(rnd: DebriefRound) -> RoundData:
    card, tension = rnd.card, rnd.field
    return RoundData(
        rnd.number,
        CardData(card.id, card.title.to_data(), [o.to_data() for o in card.options]),
        FieldData(
            tension.id,
            tension.name.to_data(),
            tension.pole_a.to_data(),
            tension.pole_b.to_data(),
        ),
        rnd.status,
        [
            TableRoundData(p.table_number, p.round_number, p.status, p.dealt, p.notes)
            for p in rnd.table_rounds
        ],
        rnd.spread,
        rnd.contested,
        rnd.different_options,
        [_answer_data(a) for a in rnd.answers],
        [variation_data(v) for v in rnd.variations],
        rnd.span if rnd.variations else None,
        rnd.movers if rnd.variations else None,
    )


def report_data(debrief: Debrief, lang: str = "en") -> DebriefData:
    """The debrief as the document's data; warnings are said in ``lang``."""
    overview = debrief.overview
    return DebriefData(
        DEBRIEF_FORMAT,
        debrief.language,
        _deck_data(debrief.deck),
        [_table_data(t) for t in debrief.tables],
        OverviewData(
            [_summary_data(s) for s in overview.teams],
            [r.number for r in overview.furthest_apart],
            overview.unused_values,
        ),
        [_round_data(r) for r in debrief.rounds],
        [say(warning, lang) for warning in debrief.warnings],
        measures_data(debrief.deck, debrief.measures),
    )
