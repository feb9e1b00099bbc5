"""The debrief as one self-contained HTML page: inline CSS, inline SVG bar charts.

No script, no external asset, no link: the page works offline and from a USB stick.
Every piece of save or deck text is sanitized and then ``html.escape``d, also
inside the SVG.
"""

from __future__ import annotations

from html import escape

from goedwerk_tui.domain.debrief import Debrief, DebriefRound, Entry, Lean, TeamSummary
from goedwerk_tui.domain.text import reflow
from goedwerk_tui.i18n import t
from goedwerk_tui.report import (
    LETTERS,
    TOP_VALUES,
    choice_summary,
    disagreement,
    duration,
    one_line,
    pole_a,
    pole_b,
    round_places,
    signed,
    stance_words,
    table_summary,
    value_names,
)

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.7rem}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.n{text-align:right;white-space:nowrap}
blockquote{margin:.5rem 0;padding:.2rem 1rem;border-left:4px solid #ccc;color:#333}
.meta{color:#555}.muted{color:#777;font-style:italic}
section.card{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1.5rem}
svg{display:block;margin:.5rem 0;max-width:100%;height:auto}
svg text{font-family:inherit;font-size:12px;fill:#1b1b1b}
.pa{fill:#1f6fb2}.pb{fill:#a8327a}.pn{fill:#b9b9b9}.bar{fill:#3d7f4f}
.axis{stroke:#777;stroke-width:1}
@media print{section.card{break-inside:avoid}}
""".strip()


def h(text: str) -> str:
    """Save or deck text as escaped HTML text on one line."""
    return escape(one_line(text), quote=True)


def render_html(debrief: Debrief, lang: str) -> str:
    deck = debrief.deck
    title = h(t("report.title", lang, deck=deck.title.get(lang)))
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        f'<p class="meta">{h(t("report.catalogue", lang))}: '
        f"{h(deck.catalogue.title.get(lang))}</p>",
        f"<h2>{h(t('report.tables' if debrief.several_tables else 'report.session', lang))}</h2>",
        "<ul>",
    ]
    for table in debrief.tables:
        out.append(
            f"<li><strong>{h(table.label(lang))}</strong>: "
            f"{h(table_summary(debrief, table, lang))}</li>"
        )
    out.append("</ul>")
    _overview(debrief, lang, out)
    out.append(f"<h2>{h(t('report.rounds', lang))}</h2>")
    for rnd in debrief.rounds:
        _round(debrief, rnd, lang, out)
    if debrief.warnings:
        out.append(f"<h2>{h(t('report.warnings', lang))}</h2>")
        out.append("<ul>" + "".join(f"<li>{h(w)}</li>" for w in debrief.warnings) + "</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _team(debrief: Debrief, summary: TeamSummary, lang: str) -> str:
    return h(debrief.team_label(summary.team, lang))


def _overview(debrief: Debrief, lang: str, out: list[str]) -> None:
    overview = debrief.overview
    out.append(f"<h2>{h(t('report.overview', lang))}</h2>")
    out.append(f"<h3>{h(t('report.furthest', lang))}</h3>")
    if overview.furthest_apart:
        out.append("<ol>")
        for rnd in overview.furthest_apart:
            out.append(
                f"<li><strong>{h(rnd.card.title.get(lang))}</strong> ({rnd.number}): "
                f"{h(disagreement(debrief, rnd, lang))}</li>"
            )
        out.append("</ol>")
    else:
        out.append(f"<p>{h(t('report.furthest_none', lang))}</p>")

    out.append(f"<h3>{h(t('report.leans', lang))}</h3>")
    fields = overview.teams[0].leans if overview.teams else ()
    for index, lean in enumerate(fields):
        rows = [(debrief.team_label(s.team, lang), s.leans[index]) for s in overview.teams]
        out.append(f"<h4>{h(lean.field.name.get(lang))}</h4>")
        out.append(_lean_chart(rows, lang, lean))

    out.append(f"<h3>{h(t('report.values_most', lang))}</h3>")
    for summary in overview.teams:
        name = debrief.team_label(summary.team, lang)
        answered = t("report.answered", lang, n=summary.answered, changes=summary.changes)
        out.append(f"<h4>{h(name)}</h4>")
        out.append(f'<p class="meta">{h(answered)}</p>')
        if summary.values:
            bars = [
                (debrief.value_name(c.value, lang), c.total) for c in summary.values[:TOP_VALUES]
            ]
            out.append(_bar_chart(bars, t("report.chart.values", lang, team=name)))
        else:
            out.append(f'<p class="muted">{h(t("report.values_none", lang))}</p>')

    out.append(f"<h3>{h(t('report.unused', lang))}</h3>")
    unused = value_names(debrief, overview.unused_values, lang)
    out.append(f"<p>{h(', '.join(unused) or t('report.values_none', lang))}</p>")

    out.append(f"<h3>{h(t('report.actions', lang))}</h3>")
    out.append("<ul>")
    for summary in overview.teams:
        if summary.action:
            action = h(summary.action)
        else:
            action = f'<span class="muted">{h(t("report.no_action", lang))}</span>'
        out.append(f"<li><strong>{_team(debrief, summary, lang)}</strong>: {action}</li>")
    out.append("</ul>")


def _svg(width: int, height: int, label: str, body: list[str]) -> str:
    return (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{h(label)}">' + "".join(body) + "</svg>"
    )


def _bar_chart(bars: list[tuple[str, int]], label: str) -> str:
    """Horizontal bars: a value's name, its bar and its count."""
    top = max(count for _, count in bars) or 1
    row, left, room = 22, 210, 330
    body = []
    for i, (name, count) in enumerate(bars):
        y = i * row
        width = max(2, round(room * count / top))
        body.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{h(_short(name))}</text>'
            f'<rect class="bar" x="{left}" y="{y + 4}" width="{width}" height="14"/>'
            f'<text x="{left + width + 6}" y="{y + 15}">{count}</text>'
        )
    return _svg(left + room + 40, row * len(bars) + 4, label, body)


def _lean_chart(rows: list[tuple[str, Lean]], lang: str, lean: Lean) -> str:
    """Per team one bar split into toward A, neutral and toward B, with a legend."""
    tension = lean.field
    row, left, room = 24, 210, 360
    top = max((r.total for _, r in rows), default=0) or 1
    legend = [
        ("pa", f"← {pole_a(tension, lang)}"),
        ("pn", t("report.neutral", lang)),
        ("pb", f"{pole_b(tension, lang)} →"),
    ]
    body = []
    x = left
    for css, text in legend:
        body.append(
            f'<rect class="{css}" x="{x}" y="4" width="12" height="12"/>'
            f'<text x="{x + 16}" y="14">{h(_short(text, 22))}</text>'
        )
        x += 130
    for i, (name, counts) in enumerate(rows, start=1):
        y = i * row
        body.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{h(_short(name))}</text>')
        x = left
        for css, count in (("pa", counts.a), ("pn", counts.neutral), ("pb", counts.b)):
            if count:
                width = round(room * count / top)
                body.append(
                    f'<rect class="{css}" x="{x}" y="{y + 3}" width="{width}" height="16"/>'
                    f'<text x="{x + 4}" y="{y + 15}" style="fill:#fff">{count}</text>'
                )
                x += width
        if not counts.total:
            body.append(f'<text x="{left}" y="{y + 15}">—</text>')
    label = t("report.chart.lean", lang, field=tension.name.get(lang))
    return _svg(left + room + 20, row * (len(rows) + 1) + 4, label, body)


def _stance_chart(debrief: Debrief, rnd: DebriefRound, lang: str) -> str:
    """The axis from pole A to pole B with each team's name under its stance."""
    slot, top = 130, 40
    by_stance: dict[int, list[str]] = {}
    for entry in rnd.entries:
        by_stance.setdefault(entry.stance, []).append(debrief.team_label(entry.team, lang))
    depth = max((len(names) for names in by_stance.values()), default=0)
    width = slot * 5
    a, b = h(_short(pole_a(rnd.field, lang), 30)), h(_short(pole_b(rnd.field, lang), 30))
    body = [
        f'<text x="0" y="14">{a}</text>',
        f'<text x="{width}" y="14" text-anchor="end">{b}</text>',
        f'<line class="axis" x1="{slot // 2}" y1="{top}" x2="{width - slot // 2}" y2="{top}"/>',
    ]
    for i, stance in enumerate(range(-2, 3)):
        x = slot * i + slot // 2
        css = "pa" if stance < 0 else "pb" if stance > 0 else "pn"
        body.append(
            f'<line class="axis" x1="{x}" y1="{top - 5}" x2="{x}" y2="{top + 5}"/>'
            f'<text x="{x}" y="{top - 10}" text-anchor="middle">{signed(stance)}</text>'
        )
        for j, name in enumerate(by_stance.get(stance, [])):
            y = top + 22 + j * 18
            body.append(
                f'<circle class="{css}" cx="{x - slot // 2 + 10}" cy="{y - 4}" r="5"/>'
                f'<text x="{x - slot // 2 + 20}" y="{y}">{h(_short(name, 16))}</text>'
            )
    return _svg(width, top + 22 + depth * 18, t("report.chart.axis", lang), body)


def _short(text: str, limit: int = 30) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _round(debrief: Debrief, rnd: DebriefRound, lang: str, out: list[str]) -> None:
    card, tension = rnd.card, rnd.field
    a, b = pole_a(tension, lang), pole_b(tension, lang)
    out.append(f'<section class="card" id="card-{rnd.number}">')
    out.append(f"<h3>{rnd.number}. {h(card.title.get(lang))}</h3>")
    out.append(
        f'<p class="meta"><em>{h(tension.name.get(lang))}</em>: {h(a)} ↔ {h(b)} · '
        f"{h(round_places(debrief, rnd, lang))}</p>"
    )
    if card.setting is not None:
        out.append(f"<p><em>{h(card.setting.get(lang))}</em></p>")
    paragraphs = reflow(card.situation.get(lang)).split("\n\n")
    out.append("<blockquote>" + "".join(f"<p>{h(p)}</p>" for p in paragraphs) + "</blockquote>")
    if card.options:
        out.append("<ul>")
        for letter, option in zip(LETTERS, card.options, strict=False):
            out.append(f"<li><strong>{letter}</strong>: {h(option.get(lang))}</li>")
        out.append("</ul>")
    if not rnd.entries:
        out.append(f'<p class="muted">{h(t("report.no_answers", lang))}</p>')
    else:
        out.append(_stance_chart(debrief, rnd, lang))
        head = [
            t("report.team", lang),
            t("report.stance", lang),
            t("report.option", lang),
            t("report.toward", lang, pole=a),
            t("report.toward", lang, pole=b),
            t("report.rationale", lang),
            t("report.time", lang),
        ]
        out.append("<table>")
        out.append("<tr>" + "".join(f"<th>{h(cell)}</th>" for cell in head) + "</tr>")
        for entry in rnd.entries:
            out.append(_entry_row(debrief, rnd, entry, lang))
        out.append("</table>")
    changed = [e for e in rnd.entries if e.changes]
    if changed:
        out.append(f"<h4>{h(t('report.changes', lang))}</h4>")
        out.append("<ul>")
        for entry in changed:
            steps = "".join(
                f"<li>{h(choice_summary(debrief, rnd, choice, lang))}</li>"
                for choice in (*entry.changes, entry.choice)
            )
            team = h(debrief.team_label(entry.team, lang))
            out.append(f"<li><strong>{team}</strong><ul>{steps}</ul></li>")
        out.append("</ul>")
    if rnd.notes:
        out.append(f"<h4>{h(t('report.notes', lang))}</h4>")
        out.append("<ul>")
        for table, note in rnd.notes:
            prefix = (
                f"{h(debrief.tables[table - 1].label(lang))}: " if debrief.several_tables else ""
            )
            out.append(f"<li>{prefix}{h(note)}</li>")
        out.append("</ul>")
    out.append("</section>")


def _entry_row(debrief: Debrief, rnd: DebriefRound, entry: Entry, lang: str) -> str:
    choice = entry.choice
    cells = [
        h(debrief.team_label(entry.team, lang)),
        f"{signed(choice.stance)} {h(stance_words(choice.stance, rnd.field, lang))}",
        h(choice.option or "") or "—",
        h(", ".join(value_names(debrief, choice.values_a, lang))) or "—",
        h(", ".join(value_names(debrief, choice.values_b, lang))) or "—",
        h(choice.rationale) or "—",
    ]
    row = "".join(f"<td>{cell}</td>" for cell in cells)
    return f'<tr>{row}<td class="n">{duration(choice.seconds)}</td></tr>'
