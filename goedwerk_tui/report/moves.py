"""The words the reports share for "Maar wat als...?" variations and the measure.

Every function takes the report's ``Words`` (language and escaping) and returns text
escaped for its format. A move is said in steps toward a pole (``+2 naar Politieke
haalbaarheid``), never as A/B; a score change and a mean change carry their sign;
decimals are written as the language writes them (``2,5`` in Dutch, ``2.5`` in English).
"""

from __future__ import annotations

from collections.abc import Iterator

from goedwerk_tui.domain.debrief import DebriefRound, DebriefVariation, Move, TeamMeasure
from goedwerk_tui.i18n import t, tn
from goedwerk_tui.report import Words, signed


def decimal(value: float | None, lang: str, *, sign: bool = False) -> str:
    """``2,5`` / ``2.5`` (one decimal); ``+1,0`` with ``sign``; ``—`` for None."""
    if value is None:
        return "—"
    text = f"{value:+.1f}" if sign else f"{value:.1f}"
    if text in ("+0.0", "-0.0"):
        text = "0.0"
    return text.replace(".", ",") if lang == "nl" else text


def variation_title(w: Words, variation: DebriefVariation) -> str:
    """``variant 1: Maar wat als ...?`` (the text in the report's language)."""
    label = w.t("report.variation", n=variation.number)
    return f"{label}: {w.local(variation.text)}" if variation.text is not None else label


def variation_places(w: Words, variation: DebriefVariation) -> str:
    """Revealed or closed without its reveal, per table when there are several."""

    def status(revealed: bool) -> str:
        return t("report.status.revealed" if revealed else "report.variation_closed", w.lang)

    if not w.debrief.several_tables:
        return w.escape(status(variation.plays[0].revealed))
    return "; ".join(
        f"{w.table(p.table_number)}: {w.escape(status(p.revealed))}" for p in variation.plays
    )


def move_words(w: Words, rnd: DebriefRound, move: Move) -> str:
    """``+2 naar Politieke haalbaarheid``, ``bleef staan``, or ``—`` without a card choice."""
    steps = move.steps
    if steps is None:
        return "—"
    if not steps:
        return w.t("report.stayed")
    pole = w.pole_a(rnd.field) if steps < 0 else w.pole_b(rnd.field)
    return w.with_pole("report.moved_toward", pole, steps=signed(steps))


def decided(w: Words, move: Move) -> str:
    """The values that decided, or ``—``."""
    return w.values(move.decided) or "—"


def card_stance(move: Move) -> str:
    return "—" if move.card_stance is None else signed(move.card_stance)


def disagreement_extra(w: Words, rnd: DebriefRound) -> list[str]:
    """What the variations add to why a card is contested (nothing without them)."""
    parts = []
    if rnd.variations and rnd.span is not None and rnd.span != rnd.spread:
        parts.append(w.t("report.span", n=rnd.span))
    if rnd.movers:
        parts.append(w.escape(tn("report.movers", w.lang, rnd.movers)))
    return parts


def moved_lines(w: Words) -> Iterator[tuple[DebriefRound, DebriefVariation, list[Move]]]:
    """Each card's variations under which teams moved, with the moves."""
    for rnd in w.debrief.rounds:
        for variation in rnd.variations:
            moved = [m for m in variation.moves if m.steps]
            if moved:
                yield rnd, variation, moved


def goal_name(w: Words, goal: str) -> str:
    return w.t(f"report.goal.{goal}")


def statement(w: Words, goal: str) -> str:
    return w.local(w.debrief.deck.statement(goal))


def paired(w: Words, count: int) -> str:
    """``2 teams gaven beide``: how many teams the mean change is over."""
    return w.escape(tn("report.paired", w.lang, count))


def score(value: int | None) -> str:
    return "—" if value is None else str(value)


def measure_cell(entry: TeamMeasure, goal: str) -> str:
    """``2 → 4 (+2)``; ``2 → —`` when the team gave no after."""
    before, after = entry.score("before", goal), entry.score("after", goal)
    change = entry.change(goal)
    text = f"{score(before)} → {score(after)}"
    return text + f" ({signed(change)})" if change is not None else text
