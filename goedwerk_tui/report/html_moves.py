"""The HTML of "Maar wat als...?" variations and of the before/after measure.

Parts of ``report/html.py``'s page, written only when the debrief has them. Tables
scroll in their own focusable region like the answers; the measure's chart draws per
goal a bar for the mean score before and one after, each labelled with its moment and
its value in words, so it reads without colour (the after bar is also solid, the
before bar outlined).
"""

from __future__ import annotations

from goedwerk_tui.domain.debrief import DebriefRound, GoalMeasure
from goedwerk_tui.domain.measure import GOALS, SCORES
from goedwerk_tui.report import signed
from goedwerk_tui.report.html_charts import WIDTH, HtmlWords, h
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


def _table(w: HtmlWords, label: str, head: list[str], rows: list[list[str]]) -> list[str]:
    out = [f'<div class="scroll" role="region" tabindex="0" aria-label="{label}">', "<table>"]
    out.append("<tr>" + "".join(f'<th scope="col">{cell}</th>' for cell in head) + "</tr>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    out.append("</table></div>")
    return out


def moved_overview(w: HtmlWords, out: list[str]) -> None:
    """Per card and variation, the teams that moved, and the values that decided."""
    if not any(rnd.variations for rnd in w.debrief.rounds):
        return
    out.append(f"<h3>{w.t('report.moved_title')}</h3>")
    items = []
    for rnd, variation, moved in moved_lines(w):
        teams = "".join(
            f"<li><strong>{w.team(m.team)}</strong>: {move_words(w, rnd, m)} · "
            f"{w.t('report.decided')}: {decided(w, m)}</li>"
            for m in moved
        )
        items.append(
            f"<li><strong>{w.local(rnd.card.title)}</strong> ({rnd.number}), "
            f"{variation_title(w, variation)}<ul>{teams}</ul></li>"
        )
    out.append("<ul>" + "".join(items) + "</ul>" if items else f"<p>{w.t('report.moved_none')}</p>")


def round_variations(w: HtmlWords, rnd: DebriefRound, out: list[str]) -> None:
    """A card's variations, a table of moves each, earlier revisions under it."""
    if not rnd.variations:
        return
    out.append(f"<h4>{w.t('report.variations')}</h4>")
    head = [
        w.t("report.team"),
        w.t("report.card_stance"),
        w.t("report.revised"),
        w.t("report.move"),
        w.t("report.reason"),
        w.t("report.decided"),
    ]
    for variation in rnd.variations:
        out.append(
            f"<p><em>{variation_title(w, variation)}</em> · {variation_places(w, variation)}</p>"
        )
        if not variation.moves:
            out.append(f'<p class="muted">{w.t("report.no_revisions")}</p>')
            continue
        rows = [
            [
                w.team(m.team),
                card_stance(m),
                f"{signed(m.stance)} {w.stance(m.stance, rnd.field)}",
                move_words(w, rnd, m),
                w.typed(m.team.table_number, m.reason) or "—",
                decided(w, m),
            ]
            for m in variation.moves
        ]
        label = f"{w.t('report.variations')} {rnd.number}.{variation.number}"
        out += _table(w, label, head, rows)
        earlier = [m for m in variation.moves if m.earlier]
        if earlier:
            out.append(f"<p>{w.t('report.revised_before')}:</p><ul>")
            for m in earlier:
                steps = ", ".join(
                    signed(r.stance)
                    + (f" “{w.typed(m.team.table_number, r.reason)}”" if r.reason else "")
                    for r in m.earlier
                )
                out.append(f"<li><strong>{w.team(m.team)}</strong>: {steps}</li>")
            out.append("</ul>")


def measure_overview(w: HtmlWords, out: list[str]) -> None:
    """Before and after per team with the change; the distribution; a chart of means."""
    measures = w.debrief.measures
    if not measures.taken:
        return
    out.append(f"<h3>{w.t('report.measure')}</h3>")
    out.append(f"<p>{w.t('report.measure_scale')}</p><ul>")
    for goal in GOALS:
        out.append(f"<li><strong>{goal_name(w, goal)}</strong>: {statement(w, goal)}</li>")
    out.append("</ul>")
    out.append(measure_chart(w, measures.goals))
    moments = f"{w.t('report.before')} → {w.t('report.after')}"
    head = [f"{w.t('report.team')} ({moments})", *(goal_name(w, g) for g in GOALS)]
    rows = [[w.team(e.team), *(measure_cell(e, g) for g in GOALS)] for e in measures.teams]
    out += _table(w, w.t("report.measure"), head, rows)
    out.append(f"<h4>{w.t('report.distribution')}</h4>")
    head = [
        w.t("report.goal"),
        w.t("report.moment"),
        *(str(s) for s in SCORES),
        w.t("report.mean"),
        w.t("report.mean_change"),
    ]
    rows = []
    for summary in measures.goals:
        change = f"{decimal(summary.mean_change, w.lang, sign=True)} ({paired(w, summary.paired)})"
        for moment, counts in (("before", summary.before), ("after", summary.after)):
            first = moment == "before"
            rows.append(
                [
                    goal_name(w, summary.goal) if first else "",
                    w.t(f"report.{moment}"),
                    *(str(n) for n in counts),
                    decimal(summary.mean(counts), w.lang),
                    change if first else "",
                ]
            )
    out += _table(w, w.t("report.distribution"), head, rows)


def measure_chart(w: HtmlWords, goals: tuple[GoalMeasure, ...]) -> str:
    """Per goal its name, then a bar for the mean before and one for the mean after."""
    label_room, row = 92, 20
    room = WIDTH - label_room - 40
    body = []
    y = 0
    for summary in goals:
        name = goal_name(w, summary.goal)
        body.append(f'<text x="0" y="{y + 14}" font-weight="bold">{name}</text>')
        y += 20
        for moment, counts in (("before", summary.before), ("after", summary.after)):
            mean = summary.mean(counts)
            words = w.t(f"report.{moment}")
            value = decimal(mean, w.lang)
            body.append(f'<text x="0" y="{y + 12}">{words}</text>')
            if mean is not None:
                width = max(2, round(room * mean / SCORES[-1]))
                css = (
                    'class="bar"'
                    if moment == "after"
                    else 'class="measure-before" fill="#fff" stroke="#6b6b6b" stroke-width="2"'
                )
                body.append(
                    f'<rect {css} x="{label_room}" y="{y + 2}" width="{width}" height="12"/>'
                )
                body.append(f'<text x="{label_room + width + 6}" y="{y + 12}">{value}</text>')
            else:
                body.append(f'<text x="{label_room}" y="{y + 12}">{h(value)}</text>')
            y += row
        y += 6
    label = w.t("report.chart.measure")
    return (
        f'<svg width="{WIDTH}" height="{y}" viewBox="0 0 {WIDTH} {y}" role="img" '
        f'aria-label="{label}">' + "".join(body) + "</svg>"
    )
