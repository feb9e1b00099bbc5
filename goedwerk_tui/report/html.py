"""The debrief as one self-contained HTML page: inline CSS, inline SVG bar charts.

No script, no external asset, no link: the page works offline and from a USB stick.
Every piece of save or deck text is sanitized and then ``html.escape``d, also
inside the SVG.
"""

from __future__ import annotations

from html import escape, unescape

from goedwerk_tui.domain.debrief import Debrief, DebriefRound, Entry, Lean
from goedwerk_tui.domain.messages import say
from goedwerk_tui.domain.text import reflow
from goedwerk_tui.report import LETTERS, TOP_VALUES, Words, one_line, signed

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
    """Sanitized one-line text escaped for HTML (also inside attribute values)."""
    return escape(text, quote=True)


def render_html(debrief: Debrief, lang: str) -> str:
    w = Words(debrief, lang, h)
    deck = debrief.deck
    title = w.t("report.title", deck=one_line(deck.title.get(lang)))
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{h(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        f'<p class="meta">{w.t("report.catalogue")}: {w.local(deck.catalogue.title)}</p>',
        f"<h2>{w.t('report.tables' if debrief.several_tables else 'report.session')}</h2>",
        "<ul>",
    ]
    for table in debrief.tables:
        out.append(f"<li><strong>{w.table(table.number)}</strong>: {w.table_summary(table)}</li>")
    out.append("</ul>")
    _overview(w, out)
    out.append(f"<h2>{w.t('report.rounds')}</h2>")
    for rnd in debrief.rounds:
        _round(w, rnd, out)
    if debrief.warnings:
        out.append(f"<h2>{w.t('report.warnings')}</h2>")
        said = (w.text(say(warning, w.lang)) for warning in debrief.warnings)
        out.append("<ul>" + "".join(f"<li>{x}</li>" for x in said) + "</ul>")
    out += ["</body>", "</html>", ""]  # "" for the newline at the end, without another copy
    return "\n".join(out)


def _overview(w: Words, out: list[str]) -> None:
    overview = w.debrief.overview
    out.append(f"<h2>{w.t('report.overview')}</h2>")
    out.append(f"<h3>{w.t('report.furthest')}</h3>")
    if overview.furthest_apart:
        out.append("<ol>")
        for rnd in overview.furthest_apart:
            out.append(
                f"<li><strong>{w.local(rnd.card.title)}</strong> ({rnd.number}): "
                f"{w.disagreement(rnd)}</li>"
            )
        out.append("</ol>")
    else:
        out.append(f"<p>{w.t('report.furthest_none')}</p>")

    out.append(f"<h3>{w.t('report.leans')}</h3>")
    fields = overview.teams[0].leans if overview.teams else ()
    for index, lean in enumerate(fields):
        rows = [(w.team(s.team), s.leans[index]) for s in overview.teams]
        out.append(f"<h4>{w.local(lean.field.name)}</h4>")
        out.append(_lean_chart(w, rows, lean))

    out.append(f"<h3>{w.t('report.values_most')}</h3>")
    for summary in overview.teams:
        answered = w.t("report.answered", n=summary.answered, changes=summary.changes)
        out.append(f"<h4>{w.team(summary.team)}</h4>")
        out.append(f'<p class="meta">{answered}</p>')
        if summary.values:
            bars = [(w.value(c.value), c.total) for c in summary.values[:TOP_VALUES]]
            name = one_line(w.debrief.team_label(summary.team, w.lang))
            out.append(_bar_chart(bars, w.t("report.chart.values", team=name)))
        else:
            out.append(f'<p class="muted">{w.t("report.values_none")}</p>')

    out.append(f"<h3>{w.t('report.unused')}</h3>")
    out.append(f"<p>{w.values(overview.unused_values) or w.t('report.values_none')}</p>")

    out.append(f"<h3>{w.t('report.actions')}</h3>")
    out.append("<ul>")
    for summary in overview.teams:
        if summary.action:
            action = w.text(summary.action)
        else:
            action = f'<span class="muted">{w.t("report.no_action")}</span>'
        out.append(f"<li><strong>{w.team(summary.team)}</strong>: {action}</li>")
    out.append("</ul>")


# ----- inline SVG charts: every label passed in is already escaped --------------------


def _svg(width: int, height: int, label: str, body: list[str]) -> str:
    return (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{label}">' + "".join(body) + "</svg>"
    )


def _label(text: str, limit: int = 30) -> str:
    """An escaped label cut to ``limit`` characters, the whole of it as a tooltip."""
    raw = unescape(text)
    if len(raw) <= limit:
        return text
    return f"{h(raw[: limit - 1])}…<title>{text}</title>"


def _bar_chart(bars: list[tuple[str, int]], label: str) -> str:
    """Horizontal bars: a value's name, its bar and its count."""
    top = max(count for _, count in bars) or 1
    row, left, room = 22, 210, 330
    body = []
    for i, (name, count) in enumerate(bars):
        y = i * row
        width = max(2, round(room * count / top))
        body.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{_label(name)}</text>'
            f'<rect class="bar" x="{left}" y="{y + 4}" width="{width}" height="14"/>'
            f'<text x="{left + width + 6}" y="{y + 15}">{count}</text>'
        )
    return _svg(left + room + 40, row * len(bars) + 4, label, body)


def _lean_chart(w: Words, rows: list[tuple[str, Lean]], lean: Lean) -> str:
    """Per team one bar split into toward A, neutral and toward B, with a legend."""
    tension = lean.field
    row, left, room = 24, 210, 360
    top = max((r.total for _, r in rows), default=0) or 1
    legend = [
        ("pa", f"← {w.pole_a(tension)}"),
        ("pn", w.t("report.neutral")),
        ("pb", f"{w.pole_b(tension)} →"),
    ]
    body = []
    for i, (css, text) in enumerate(legend):
        x = i * 200
        body.append(
            f'<rect class="{css}" x="{x}" y="4" width="12" height="12"/>'
            f'<text x="{x + 16}" y="14">{_label(text, 26)}</text>'
        )
    for i, (name, counts) in enumerate(rows, start=1):
        y = i * row
        body.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{_label(name)}</text>')
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
    label = w.t("report.chart.lean", field=one_line(tension.name.get(w.lang)))
    return _svg(left + room + 20, row * (len(rows) + 1) + 4, label, body)


def _stance_chart(w: Words, rnd: DebriefRound) -> str:
    """The axis from pole A to pole B with each team's name under its stance."""
    slot, top = 150, 40
    by_stance: dict[int, list[str]] = {}
    for entry in rnd.entries:
        by_stance.setdefault(entry.stance, []).append(w.team(entry.team))
    depth = max((len(names) for names in by_stance.values()), default=0)
    width = slot * 5
    body = [
        f'<text x="0" y="14">{_label(w.pole_a(rnd.field))}</text>',
        f'<text x="{width}" y="14" text-anchor="end">{_label(w.pole_b(rnd.field))}</text>',
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
                f'<text x="{x - slot // 2 + 20}" y="{y}">{_label(name, 20)}</text>'
            )
    return _svg(width, top + 22 + depth * 18, w.t("report.chart.axis"), body)


# ----- the cards ------------------------------------------------------------------------


def _round(w: Words, rnd: DebriefRound, out: list[str]) -> None:
    card, tension = rnd.card, rnd.field
    out.append(f'<section class="card" id="card-{rnd.number}">')
    out.append(f"<h3>{rnd.number}. {w.local(card.title)}</h3>")
    out.append(
        f'<p class="meta"><em>{w.local(tension.name)}</em>: '
        f"{w.pole_a(tension)} ↔ {w.pole_b(tension)} · {w.places(rnd)}</p>"
    )
    if card.setting is not None:
        out.append(f"<p><em>{w.local(card.setting)}</em></p>")
    paragraphs = reflow(card.situation.get(w.lang)).split("\n\n")
    out.append(
        "<blockquote>" + "".join(f"<p>{w.text(p)}</p>" for p in paragraphs) + "</blockquote>"
    )
    if card.options:
        out.append("<ul>")
        for letter, option in zip(LETTERS, card.options, strict=False):
            out.append(f"<li><strong>{letter}</strong>: {w.local(option)}</li>")
        out.append("</ul>")
    if not rnd.entries:
        out.append(f'<p class="muted">{w.t("report.no_answers")}</p>')
    else:
        out.append(_stance_chart(w, rnd))
        head = w.answer_columns(tension)
        out.append("<table>")
        out.append("<tr>" + "".join(f"<th>{cell}</th>" for cell in head) + "</tr>")
        out.extend([_entry_row(w, rnd, entry) for entry in rnd.entries])
        out.append("</table>")
    changed = [e for e in rnd.entries if e.changes]
    if changed:
        out.append(f"<h4>{w.t('report.changes')}</h4>")
        out.append("<ul>")
        for entry in changed:
            steps = "".join([f"<li>{w.choice(rnd, c)}</li>" for c in entry.changes])
            out.append(
                f"<li><strong>{w.team(entry.team)}</strong><ul>{steps}"
                f"<li>{w.choice(rnd, entry.choice)}</li></ul></li>"
            )
        out.append("</ul>")
    if rnd.notes:
        out.append(f"<h4>{w.t('report.notes')}</h4>")
        out.append("<ul>")
        for table, note in rnd.notes:
            prefix = f"{w.table(table)}: " if w.debrief.several_tables else ""
            out.append(f"<li>{prefix}{w.text(note)}</li>")
        out.append("</ul>")
    out.append("</section>")


def _entry_row(w: Words, rnd: DebriefRound, entry: Entry) -> str:
    choice = entry.choice
    return (
        f"<tr><td>{w.team(entry.team)}</td>"
        f"<td>{signed(choice.stance)} {w.stance(choice.stance, rnd.field)}</td>"
        f"<td>{w.option(choice.option) or '—'}</td>"
        f"<td>{w.values(choice.values_a) or '—'}</td>"
        f"<td>{w.values(choice.values_b) or '—'}</td>"
        f"<td>{w.text(choice.rationale) or '—'}</td>"
        f'<td class="n">{w.duration(choice.seconds)}</td></tr>'
    )
