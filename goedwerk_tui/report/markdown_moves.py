"""The Markdown of "Maar wat als...?" variations and of the before/after measure.

Parts of ``report/markdown.py``'s document, written only when the debrief has them
(a session without variations or measure reads as before). ``w`` escapes for Markdown.
"""

from __future__ import annotations

from goedwerk_tui.domain.debrief import DebriefRound
from goedwerk_tui.domain.measure import GOALS, SCORES
from goedwerk_tui.report import Words, signed
from goedwerk_tui.report.moves import (
    card_stance,
    decided,
    decimal,
    goal_name,
    measure_cell,
    move_words,
    moved_lines,
    paired,
    statement,
    variation_places,
    variation_title,
)


def moved_overview(w: Words, out: list[str]) -> None:
    """Per card and variation, the teams that moved: how far, and the values that decided."""
    if not any(rnd.variations for rnd in w.debrief.rounds):
        return
    out.append(f"### {w.t('report.moved_title')}")
    out.append("")
    found = False
    for rnd, variation, moved in moved_lines(w):
        found = True
        out.append(
            f"- **{w.local(rnd.card.title)}** ({rnd.number}), {variation_title(w, variation)}"
        )
        for move in moved:
            out.append(
                f"  - **{w.team(move.team)}**: {move_words(w, rnd, move)}"
                f" · {w.t('report.decided')}: {decided(w, move)}"
            )
    if not found:
        out.append(w.t("report.moved_none"))
    out.append("")


def round_variations(w: Words, rnd: DebriefRound, out: list[str]) -> None:
    """A card's variations: per team the stance on the card, the revised stance, the
    move, the reason and the values that decided; earlier revisions under it."""
    if not rnd.variations:
        return
    out.append(f"**{w.t('report.variations')}**")
    out.append("")
    for variation in rnd.variations:
        out.append(f"*{variation_title(w, variation)}* · {variation_places(w, variation)}")
        out.append("")
        if not variation.moves:
            out.append(f"*{w.t('report.no_revisions')}*")
            out.append("")
            continue
        head = [
            w.t("report.team"),
            w.t("report.card_stance"),
            w.t("report.revised"),
            w.t("report.move"),
            w.t("report.reason"),
            w.t("report.decided"),
        ]
        out.append("| " + " | ".join(head) + " |")
        out.append("|---|---:|---|---|---|---|")
        for move in variation.moves:
            out.append(
                f"| {w.team(move.team)} | {card_stance(move)} "
                f"| {signed(move.stance)} {w.stance(move.stance, rnd.field)} "
                f"| {move_words(w, rnd, move)} | {w.text(move.reason) or '—'} "
                f"| {decided(w, move)} |"
            )
        out.append("")
        earlier = [m for m in variation.moves if m.earlier]
        if earlier:
            out.append(f"{w.t('report.revised_before')}:")
            out.append("")
            for move in earlier:
                steps = ", ".join(
                    signed(r.stance) + (f" “{w.text(r.reason)}”" if r.reason else "")
                    for r in move.earlier
                )
                out.append(f"- **{w.team(move.team)}**: {steps}")
            out.append("")


def measure_overview(w: Words, out: list[str]) -> None:
    """Before and after per team and goal with the change; the distribution per goal."""
    measures = w.debrief.measures
    if not measures.taken:
        return
    lang = w.lang
    out.append(f"### {w.t('report.measure')}")
    out.append("")
    out.append(w.t("report.measure_scale"))
    out.append("")
    for goal in GOALS:
        out.append(f"- **{goal_name(w, goal)}**: {statement(w, goal)}")
    out.append("")
    names = [goal_name(w, goal) for goal in GOALS]
    moments = f"{w.t('report.before')} → {w.t('report.after')}"
    out.append(f"| {w.t('report.team')} ({moments}) | " + " | ".join(names) + " |")
    out.append("|---|---|---|---|")
    for entry in measures.teams:
        cells = [measure_cell(entry, goal) for goal in GOALS]
        out.append(f"| {w.team(entry.team)} | " + " | ".join(cells) + " |")
    out.append("")
    out.append(f"**{w.t('report.distribution')}**")
    out.append("")
    scores = " | ".join(str(s) for s in SCORES)
    out.append(
        f"| {w.t('report.goal')} | {w.t('report.moment')} | {scores} "
        f"| {w.t('report.mean')} | {w.t('report.mean_change')} |"
    )
    out.append("|---|---|" + "---:|" * len(SCORES) + "---:|---|")
    for summary in measures.goals:
        for moment, counts in (("before", summary.before), ("after", summary.after)):
            first = moment == "before"
            change = (
                f"{decimal(summary.mean_change, lang, sign=True)} ({paired(w, summary.paired)})"
                if first
                else ""
            )
            out.append(
                f"| {goal_name(w, summary.goal) if first else ''} "
                f"| {w.t('report.' + moment)} | "
                + " | ".join(str(n) for n in counts)
                + f" | {decimal(summary.mean(counts), lang)} | {change} |"
            )
    out.append("")
