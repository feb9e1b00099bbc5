"""The debrief as Markdown: a readable document for participants.

Every piece of save or deck text goes through ``md``: sanitized, on one line, and
with the characters that start Markdown syntax backslash-escaped, so a team called
``[x](javascript:alert(1))`` or ``<script>`` is shown as written, never as a link
or HTML.
"""

from __future__ import annotations

import re

from goedwerk_tui.domain.debrief import Debrief, DebriefRound, Entry, TeamSummary
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
    stance_axis,
    stance_words,
    table_summary,
    value_names,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#!{}])")
BAR = "█"


def md(text: str) -> str:
    """Save or deck text as literal Markdown inline text."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def render_markdown(debrief: Debrief, lang: str) -> str:
    out: list[str] = []
    deck = debrief.deck
    out.append(f"# {t('report.title', lang, deck=md(deck.title.get(lang)))}")
    out.append("")
    out.append(f"{t('report.catalogue', lang)}: {md(deck.catalogue.title.get(lang))}")
    out.append("")
    out.append(f"## {t('report.tables' if debrief.several_tables else 'report.session', lang)}")
    out.append("")
    for table in debrief.tables:
        out.append(f"- **{md(table.label(lang))}**: {md(table_summary(debrief, table, lang))}")
    out.append("")
    _overview(debrief, lang, out)
    out.append(f"## {t('report.rounds', lang)}")
    out.append("")
    for rnd in debrief.rounds:
        _round(debrief, rnd, lang, out)
    if debrief.warnings:
        out.append(f"## {t('report.warnings', lang)}")
        out.append("")
        out.extend(f"- {md(w)}" for w in debrief.warnings)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _team(debrief: Debrief, summary: TeamSummary, lang: str) -> str:
    return md(debrief.team_label(summary.team, lang))


def _overview(debrief: Debrief, lang: str, out: list[str]) -> None:
    overview = debrief.overview
    out.append(f"## {t('report.overview', lang)}")
    out.append("")
    out.append(f"### {t('report.furthest', lang)}")
    out.append("")
    if not overview.furthest_apart:
        out.append(t("report.furthest_none", lang))
    for rank, rnd in enumerate(overview.furthest_apart, start=1):
        title = md(rnd.card.title.get(lang))
        out.append(f"{rank}. **{title}** ({rnd.number}): {md(disagreement(debrief, rnd, lang))}")
    out.append("")

    out.append(f"### {t('report.leans', lang)}")
    out.append("")
    fields = overview.teams[0].leans if overview.teams else ()
    for index, lean in enumerate(fields):
        tension = lean.field
        out.append(f"**{md(tension.name.get(lang))}**")
        out.append("")
        a, b = md(pole_a(tension, lang)), md(pole_b(tension, lang))
        out.append(f"| {t('report.team', lang)} | ← {a} | {t('report.neutral', lang)} | {b} → |")
        out.append("|---|---:|---:|---:|")
        for summary in overview.teams:
            row = summary.leans[index]
            out.append(f"| {_team(debrief, summary, lang)} | {row.a} | {row.neutral} | {row.b} |")
        out.append("")

    out.append(f"### {t('report.values_most', lang)}")
    out.append("")
    for summary in overview.teams:
        out.append(f"**{_team(debrief, summary, lang)}**")
        out.append("")
        if not summary.values:
            out.append(f"- {t('report.values_none', lang)}")
        for count in summary.values[:TOP_VALUES]:
            name = md(debrief.value_name(count.value, lang))
            detail = t("report.value_poles", lang, a=count.toward_a, b=count.toward_b)
            out.append(f"- `{BAR * count.total}` {count.total} {name} ({detail})")
        out.append("")

    out.append(f"### {t('report.unused', lang)}")
    out.append("")
    unused = value_names(debrief, overview.unused_values, lang)
    out.append(", ".join(md(name) for name in unused) or t("report.values_none", lang))
    out.append("")

    out.append(f"### {t('report.actions', lang)}")
    out.append("")
    for summary in overview.teams:
        action = md(summary.action) if summary.action else f"*{t('report.no_action', lang)}*"
        out.append(f"- **{_team(debrief, summary, lang)}**: {action}")
    out.append("")


def _cell(text: str) -> str:
    return text or "—"


def _round(debrief: Debrief, rnd: DebriefRound, lang: str, out: list[str]) -> None:
    card, tension = rnd.card, rnd.field
    a, b = md(pole_a(tension, lang)), md(pole_b(tension, lang))
    out.append(f"### {rnd.number}. {md(card.title.get(lang))}")
    out.append("")
    out.append(
        f"*{md(tension.name.get(lang))}*: {a} ↔ {b} · {md(round_places(debrief, rnd, lang))}"
    )
    out.append("")
    if card.setting is not None:
        out.append(f"*{md(card.setting.get(lang))}*")
        out.append("")
    for paragraph in reflow(card.situation.get(lang)).split("\n\n"):
        out.append(f"> {md(paragraph)}")
    out.append("")
    for letter, option in zip(LETTERS, card.options, strict=False):
        out.append(f"- **{letter}**: {md(option.get(lang))}")
    if card.options:
        out.append("")
    if not rnd.entries:
        out.append(f"*{t('report.no_answers', lang)}*")
        out.append("")
    else:
        head = [
            t("report.team", lang),
            t("report.stance", lang),
            t("report.option", lang),
            t("report.toward", lang, pole=a),
            t("report.toward", lang, pole=b),
            t("report.rationale", lang),
            t("report.time", lang),
        ]
        out.append("| " + " | ".join(head) + " |")
        out.append("|---|---|---|---|---|---|---:|")
        for entry in rnd.entries:
            out.append(_entry_row(debrief, rnd, entry, lang))
        out.append("")
    changed = [e for e in rnd.entries if e.changes]
    if changed:
        out.append(f"**{t('report.changes', lang)}**")
        out.append("")
        for entry in changed:
            out.append(f"- **{md(debrief.team_label(entry.team, lang))}**")
            for choice in (*entry.changes, entry.choice):
                out.append(f"  - {md(choice_summary(debrief, rnd, choice, lang))}")
        out.append("")
    if rnd.notes:
        out.append(f"**{t('report.notes', lang)}**")
        out.append("")
        for table, note in rnd.notes:
            prefix = (
                f"{md(debrief.tables[table - 1].label(lang))}: " if debrief.several_tables else ""
            )
            out.append(f"- {prefix}{md(note)}")
        out.append("")


def _entry_row(debrief: Debrief, rnd: DebriefRound, entry: Entry, lang: str) -> str:
    choice = entry.choice
    stance = f"`{stance_axis(choice.stance)}` {signed(choice.stance)} "
    stance += md(stance_words(choice.stance, rnd.field, lang))
    cells = [
        md(debrief.team_label(entry.team, lang)),
        stance,
        _cell(md(choice.option or "")),
        _cell(", ".join(md(n) for n in value_names(debrief, choice.values_a, lang))),
        _cell(", ".join(md(n) for n in value_names(debrief, choice.values_b, lang))),
        _cell(md(choice.rationale)),
        duration(choice.seconds),
    ]
    return "| " + " | ".join(cells) + " |"
