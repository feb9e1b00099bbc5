"""The spreadsheet rows of "Maar wat als...?" variations and of the measure.

Two more tables beside the one of ``report/rows.py`` (``choices``): ``variations``,
one row per team per variation played (its latest revised stance; how often it
revised before is a number), and ``measures``, one row per team per goal (before,
after, change), so a pivot table over several tables gives the distribution. The
CSV report writes one table (``--sheet``); the workbook has a sheet for each table
that has rows. Cells follow ``rows.py``: numbers are numbers, an empty cell is None,
``clean`` is applied to all text from a save or a deck.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.domain.measure import GOALS
from goedwerk_tui.i18n import t
from goedwerk_tui.report import Words, plain
from goedwerk_tui.report.rows import Row

VARIATION_COLUMNS = (
    "session",
    "table",
    "round",
    "card",
    "field",
    "pole_left",
    "pole_right",
    "variation",
    "variation_text",
    "status",
    "team",
    "card_stance",
    "revised_stance",
    "stance_words",
    "move",
    "toward",
    "reason",
    "decided",
    "revisions",
)
MEASURE_COLUMNS = ("session", "table", "team", "goal", "statement", "before", "after", "change")


class VariationRows:
    """The ``variations`` table: the header row, then one row per team per variation."""

    def __init__(self, debrief: Debrief, lang: str, clean: Callable[[str], str]) -> None:
        self.debrief = debrief
        self.lang = lang
        self.clean = clean
        self.w = Words(debrief, lang, plain)

    def __iter__(self) -> Iterator[Row]:
        lang, clean, w = self.lang, self.clean, self.w
        yield tuple(t(f"report.col.{column}", lang) for column in VARIATION_COLUMNS)
        sessions = [clean(table.session_id) for table in self.debrief.tables]
        revealed, closed = t("report.status.revealed", lang), t("report.variation_closed", lang)
        for rnd in self.debrief.rounds:
            tension = rnd.field
            card = (
                clean(rnd.card.title.get(lang)),
                clean(tension.name.get(lang)),
                clean(tension.pole_a.get(lang)),
                clean(tension.pole_b.get(lang)),
            )
            for variation in rnd.variations:
                text = clean(variation.text.get(lang)) if variation.text is not None else None
                for move in variation.moves:
                    team = move.team
                    toward = move.toward
                    yield (
                        sessions[team.table_number - 1],
                        team.table_number,
                        move.round_number,
                        *card,
                        variation.number,
                        text,
                        revealed if move.revealed else closed,
                        clean(team.name),
                        move.card_stance,
                        move.stance,
                        clean(w.stance(move.stance, tension)),
                        move.steps,
                        card[2] if toward == "a" else card[3] if toward == "b" else None,
                        clean(move.reason) if move.reason else None,
                        clean(w.values(move.decided, "; ")) if move.decided else None,
                        len(move.earlier),
                    )


class MeasureRows:
    """The ``measures`` table: the header row, then one row per team per goal."""

    def __init__(self, debrief: Debrief, lang: str, clean: Callable[[str], str]) -> None:
        self.debrief = debrief
        self.lang = lang
        self.clean = clean

    def __iter__(self) -> Iterator[Row]:
        lang, clean = self.lang, self.clean
        yield tuple(t(f"report.col.{column}", lang) for column in MEASURE_COLUMNS)
        sessions = [clean(table.session_id) for table in self.debrief.tables]
        texts = {g: clean(self.debrief.deck.statement(g).get(lang)) for g in GOALS}
        for entry in self.debrief.measures.teams:
            team = entry.team
            for goal in GOALS:
                yield (
                    sessions[team.table_number - 1],
                    team.table_number,
                    clean(team.name),
                    t(f"report.goal.{goal}", lang),
                    texts[goal],
                    entry.score("before", goal),
                    entry.score("after", goal),
                    entry.change(goal),
                )


def sheet_rows(
    debrief: Debrief, lang: str, clean: Callable[[str], str], sheet: str
) -> Iterator[Row]:
    """The rows of one of ``SHEETS``, its header first."""
    if sheet == "variations":
        return iter(VariationRows(debrief, lang, clean))
    if sheet == "measures":
        return iter(MeasureRows(debrief, lang, clean))
    from goedwerk_tui.report.rows import SheetRows

    return iter(SheetRows(debrief, lang, clean))
