"""The debrief as one self-contained HTML page: inline CSS, inline SVG charts.

No script, no external asset, no link: the page works offline and from a USB stick.
Every piece of save or deck text is sanitized and then ``html.escape``d, also
inside the SVG.

The page fits a phone's width (390 px) without scrolling sideways: the charts
scale (``html_charts``), long words wrap, and each table of answers scrolls inside
its own focusable region when it is wider than the screen. Colours meet WCAG AA
on white: text at least 4.5:1 (``.muted`` #666 5.7:1; the coloured counts 5.3:1 and
more), chart marks at least 3:1 (the grey "middle" #6b6b6b 5.3:1). Deck text
without a translation to the report language, and text typed in a session of
another language, carries a ``lang`` attribute of its own.
"""

from __future__ import annotations

from goedwerk_tui.domain.debrief import Answer, Debrief, DebriefRound
from goedwerk_tui.domain.text import reflow
from goedwerk_tui.render.labels import team_label
from goedwerk_tui.report import (
    LETTERS,
    TOP_VALUES,
    one_line,
    signed,
    text_language,
    warning_text,
)
from goedwerk_tui.report.html_charts import HtmlWords, bar_chart, h, lean_chart, stance_chart

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#1b1b1b;line-height:1.45;overflow-wrap:break-word}
h1{font-size:1.7rem}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}
.scroll{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.n{text-align:right;white-space:nowrap}
blockquote{margin:.5rem 0;padding:.2rem 1rem;border-left:4px solid #ccc;color:#333}
.meta{color:#555}.muted{color:#666;font-style:italic}
section.card{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1.5rem}
svg{display:block;margin:.5rem 0;width:100%;max-width:26rem;height:auto}
svg text{font-family:inherit;font-size:13px;fill:#1b1b1b}
.pa{fill:#1f6fb2}.pb{fill:#a8327a}.pn{fill:#6b6b6b}.bar{fill:#3d7f4f}
.tpa{fill:#1f6fb2}.tpb{fill:#a8327a}.tpn{fill:#6b6b6b}
.axis{stroke:#6b6b6b;stroke-width:1}.grid{stroke:#ddd;stroke-width:1}
@media print{section.card{break-inside:avoid}}
""".strip()
_DECK = "\x00"  # where the deck's title goes in the page's heading


def render_html(debrief: Debrief, lang: str) -> str:
    w = HtmlWords(debrief, lang)
    deck = debrief.deck
    title = w.t("report.title", deck=one_line(deck.title.get(lang)))
    heading = w.t("report.title", deck=_DECK).replace(_DECK, w.local(deck.title))
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
        "<main>",
        f"<h1>{heading}</h1>",
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
        said = (w.text(warning_text(warning, w.lang)) for warning in debrief.warnings)
        out.append("<ul>" + "".join(f"<li>{x}</li>" for x in said) + "</ul>")
    out += ["</main>", "</body>", "</html>", ""]  # "": the newline at the end, without a copy
    return "\n".join(out)


def _overview(w: HtmlWords, out: list[str]) -> None:
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
    if w.moves:  # imported only for a debrief that has them
        from goedwerk_tui.report.html_moves import moved_overview

        moved_overview(w, out)

    out.append(f"<h3>{w.t('report.leans')}</h3>")
    fields = overview.teams[0].leans if overview.teams else ()
    for index, lean in enumerate(fields):
        rows = [(w.team(s.team), s.leans[index]) for s in overview.teams]
        out.append(f"<h4>{w.local(lean.field.name)}</h4>")
        out.append(lean_chart(w, rows, lean))

    out.append(f"<h3>{w.t('report.values_most')}</h3>")
    for summary in overview.teams:
        answered = w.t("report.answered", n=summary.answered, changes=summary.changes)
        out.append(f"<h4>{w.team(summary.team)}</h4>")
        out.append(f'<p class="meta">{answered}</p>')
        if summary.values:
            bars = [(c.value_id, c.total) for c in summary.values[:TOP_VALUES]]
            name = one_line(team_label(w.debrief, summary.team, w.lang))
            out.append(bar_chart(w, bars, w.t("report.chart.values", team=name)))
        else:
            out.append(f'<p class="muted">{w.t("report.values_none")}</p>')

    out.append(f"<h3>{w.t('report.unused')}</h3>")
    out.append(f"<p>{w.values(overview.unused_values) or w.t('report.values_none')}</p>")

    out.append(f"<h3>{w.t('report.actions')}</h3>")
    out.append("<ul>")
    for summary in overview.teams:
        if summary.action:
            action = w.typed(summary.team.table_number, summary.action)
        else:
            action = f'<span class="muted">{w.t("report.no_action")}</span>'
        out.append(f"<li><strong>{w.team(summary.team)}</strong>: {action}</li>")
    out.append("</ul>")
    if w.moves:  # imported only for a debrief that has them
        from goedwerk_tui.report.html_moves import measure_overview

        measure_overview(w, out)


# ----- the cards ------------------------------------------------------------------------


def _round(w: HtmlWords, rnd: DebriefRound, out: list[str]) -> None:
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
    code = text_language(card.situation, w.lang)
    out.append(
        (f'<blockquote lang="{h(code)}">' if code != w.lang else "<blockquote>")
        + "".join(f"<p>{w.text(p)}</p>" for p in paragraphs)
        + "</blockquote>"
    )
    if card.options:
        out.append("<ul>")
        for letter, option in zip(LETTERS, card.options, strict=False):
            out.append(f"<li><strong>{letter}</strong>: {w.local(option)}</li>")
        out.append("</ul>")
    if not rnd.answers:
        out.append(f'<p class="muted">{w.t("report.no_answers")}</p>')
    else:
        out.append(stance_chart(w, rnd))
        head = w.answer_columns(tension)
        region = w.t("report.answers_region", n=rnd.number)
        out.append(f'<div class="scroll" role="region" tabindex="0" aria-label="{region}">')
        out.append("<table>")
        out.append("<tr>" + "".join(f'<th scope="col">{cell}</th>' for cell in head) + "</tr>")
        out.extend([_answer_row(w, rnd, answer) for answer in rnd.answers])
        out.append("</table></div>")
    changed = [a for a in rnd.answers if a.changes]
    if changed:
        out.append(f"<h4>{w.t('report.changes')}</h4>")
        out.append("<ul>")
        for answer in changed:
            table = answer.team.table_number
            steps = "".join([f"<li>{w.choice(rnd, c, table)}</li>" for c in answer.changes])
            out.append(
                f"<li><strong>{w.team(answer.team)}</strong><ul>{steps}"
                f"<li>{w.choice(rnd, answer.choice, table)}</li></ul></li>"
            )
        out.append("</ul>")
    if w.moves:  # imported only for a debrief that has them
        from goedwerk_tui.report.html_moves import round_variations

        round_variations(w, rnd, out)
    if rnd.notes:
        out.append(f"<h4>{w.t('reveal.notes')}</h4>")
        out.append("<ul>")
        for table, note in rnd.notes:
            prefix = f"{w.table(table)}: " if w.debrief.several_tables else ""
            out.append(f"<li>{prefix}{w.typed(table, note)}</li>")
        out.append("</ul>")
    out.append("</section>")


def _answer_row(w: HtmlWords, rnd: DebriefRound, answer: Answer) -> str:
    choice = answer.choice
    return (
        f"<tr><td>{w.team(answer.team)}</td>"
        f"<td>{signed(choice.stance)} {w.stance(choice.stance, rnd.field)}</td>"
        f"<td>{w.option(choice.option) or '—'}</td>"
        f"<td>{w.values(choice.values_a) or '—'}</td>"
        f"<td>{w.values(choice.values_b) or '—'}</td>"
        f"<td>{w.typed(answer.team.table_number, choice.rationale) or '—'}</td>"
        f'<td class="n">{w.duration(choice.seconds)}</td></tr>'
    )
