"""The debrief as CSV: one row per team per card, safe to open in a spreadsheet.

Columns (stable English names, so scripts can rely on them):

``session`` (session id), ``table`` (1, 2... in the order the saves were given),
``round`` (round number at that table), ``card`` (card title), ``field`` (tension
field name), ``team`` (team name), ``stance`` (-2..2: negative toward pole A),
``option`` (A-F or empty), ``values_a`` / ``values_b`` (value names toward pole A/B,
separated by "; "), ``rationale``, ``seconds`` (from the deal to the last choice;
empty when unknown), ``status`` (revealed, skipped or open), ``changes`` (how
often the team changed its mind before its last choice).

Text is in the report language. Every text cell is sanitized; a cell that a
spreadsheet could read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return, also after leading spaces) gets a leading ``'``. The numbers
we write ourselves (table, round, stance, seconds, changes) stay numbers.
"""

from __future__ import annotations

import csv
import io

from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.report import Words, plain

COLUMNS = (
    "session",
    "table",
    "round",
    "card",
    "field",
    "team",
    "stance",
    "option",
    "values_a",
    "values_b",
    "rationale",
    "seconds",
    "status",
    "changes",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """Text as a spreadsheet shows it literally: sanitized, formulas neutralised."""
    text = sanitize(text)
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START):
        return "'" + text
    return text


def render_csv(debrief: Debrief, lang: str) -> str:
    w = Words(debrief, lang, plain)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    sessions = [cell(table.session_id) for table in debrief.tables]
    for rnd in debrief.rounds:
        card = cell(rnd.card.title.get(lang))
        tension = cell(rnd.field.name.get(lang))
        for entry in rnd.entries:
            choice = entry.choice
            writer.writerow(
                (
                    sessions[entry.team.table - 1],
                    entry.team.table,
                    entry.round,
                    card,
                    tension,
                    cell(entry.team.name),
                    choice.stance,
                    cell(choice.option or ""),
                    cell(w.values(choice.values_a, "; ")),
                    cell(w.values(choice.values_b, "; ")),
                    cell(choice.rationale),
                    "" if choice.seconds is None else f"{choice.seconds:.1f}",
                    entry.status,
                    len(entry.changes),
                )
            )
    return buffer.getvalue()
