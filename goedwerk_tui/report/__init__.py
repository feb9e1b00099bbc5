"""Debrief reports (``goedwerk report``): Markdown, HTML, CSV and JSON of a ``Debrief``.

This module holds the wording the text formats share: stances, durations, options
and value lists, each as plain text that is already sanitized (no control or
bidirectional characters). Each format escapes that text for its own syntax.
"""

from __future__ import annotations

from collections.abc import Iterable

from goedwerk_tui.domain.debrief import Debrief, DebriefRound, TableInfo
from goedwerk_tui.domain.deck import Card, TensionField
from goedwerk_tui.domain.session import Choice
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t

LETTERS = "ABCDEF"
TOP_VALUES = 8  # values per team in the "invoked most" charts
FORMATS = ("md", "html", "csv", "json")


def one_line(text: str) -> str:
    """Sanitized text on one line (newlines and runs of spaces folded)."""
    return " ".join(sanitize(text).split())


def duration(seconds: float | None) -> str:
    """``0:42``, ``12:05``, ``1:02:03``; ``—`` when unknown."""
    if seconds is None:
        return "—"
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def signed(stance: int) -> str:
    return f"{stance:+d}" if stance else "0"


def stance_axis(stance: int) -> str:
    """Five positions from pole A to pole B, the stance marked: ``·●···``."""
    return "".join("●" if s == stance else "·" for s in range(-2, 3))


def pole_a(tension: TensionField, lang: str) -> str:
    return one_line(tension.pole_a.get(lang))


def pole_b(tension: TensionField, lang: str) -> str:
    return one_line(tension.pole_b.get(lang))


def stance_words(stance: int, tension: TensionField, lang: str) -> str:
    """``-2`` as "strongly toward Content", ``0`` as "in the middle"."""
    if stance == 0:
        return t("report.stance.middle", lang)
    pole = pole_a(tension, lang) if stance < 0 else pole_b(tension, lang)
    key = "report.stance.full" if abs(stance) == 2 else "report.stance.lean"
    return t(key, lang, pole=pole)


def option_text(card: Card, letter: str | None, lang: str) -> str:
    """The option's text; "" without an option or when the card has no such option."""
    if letter is None or letter not in LETTERS:
        return ""
    index = LETTERS.index(letter)
    return one_line(card.options[index].get(lang)) if index < len(card.options) else ""


def value_names(debrief: Debrief, ids: Iterable[str], lang: str) -> list[str]:
    return [one_line(debrief.value_name(v, lang)) for v in ids]


def team_name(debrief: Debrief, team_key: str, lang: str) -> str:
    team = next(team for team in debrief.teams if team.key == team_key)
    return one_line(debrief.team_label(team, lang))


def table_summary(debrief: Debrief, table: TableInfo, lang: str) -> str:
    """One line about a table: when, how far it got, which teams."""
    teams = ", ".join(one_line(team.name) for team in table.teams)
    text = t(
        "report.table_line",
        lang,
        when=when(table.started),
        played=table.rounds_played,
        planned=table.cards_planned,
        teams=teams,
    )
    if not table.finished:
        text += f" ({t('report.not_ended', lang)})"
    return text


def when(ts: str) -> str:
    """A saved time stamp as ``2025-03-01 09:00 UTC`` (the time stamp as is when odd)."""
    stamp = one_line(ts)
    if len(stamp) >= 16 and stamp[10] == "T" and stamp.endswith("Z"):
        return f"{stamp[:10]} {stamp[11:16]} UTC"
    return stamp or "—"


def round_places(debrief: Debrief, rnd: DebriefRound, lang: str) -> str:
    """Where the card was played: "revealed" or "Table 1: round 2, revealed; ..."."""
    if not debrief.several_tables:
        play = rnd.plays[0]
        return t(f"report.status.{play.status}", lang)
    return "; ".join(
        f"{debrief.tables[p.table - 1].label(lang)}: "
        f"{t('report.round', lang, n=p.round)}, {t(f'report.status.{p.status}', lang)}"
        for p in rnd.plays
    )


def disagreement(debrief: Debrief, rnd: DebriefRound, lang: str) -> str:
    """Why a card ranks among the furthest apart, in words."""
    parts = [t("report.spread", lang, n=rnd.spread or 0)]
    if rnd.contested:
        names = ", ".join(value_names(debrief, rnd.contested, lang))
        parts.append(t("report.contested", lang, values=names))
    if rnd.options > 1:
        parts.append(t("report.options_count", lang, n=rnd.options))
    return "; ".join(parts)


def choice_summary(debrief: Debrief, rnd: DebriefRound, choice: Choice, lang: str) -> str:
    """An earlier choice in one line: time, stance, option, values, rationale."""
    parts = [
        duration(choice.seconds),
        f"{signed(choice.stance)} ({stance_words(choice.stance, rnd.field, lang)})",
    ]
    if choice.option:
        parts.append(f"{t('report.option', lang).lower()} {one_line(choice.option)}")
    for pole, values in ((pole_a, choice.values_a), (pole_b, choice.values_b)):
        if values:
            names = ", ".join(value_names(debrief, values, lang))
            parts.append(f"{t('report.toward_inline', lang, pole=pole(rnd.field, lang))}: {names}")
    if choice.rationale.strip():
        parts.append(f"“{one_line(choice.rationale)}”")
    return " · ".join(parts)
