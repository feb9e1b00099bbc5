"""The debrief as Rich renderables: one round step by step, and the session overview.

Used by the replay screen. Deck text and save text are sanitized and never parsed
as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from goedwerk_tui.domain.debrief import Debrief, DebriefRound, TeamRef
from goedwerk_tui.domain.session import Choice
from goedwerk_tui.domain.text import reflow, sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.card_view import axis_text, value_names
from goedwerk_tui.render.reveal_view import (
    choices_list,
    signed,
    stance_axis,
    team_style,
)

BAR = "█"


@dataclass(frozen=True)
class Moment:
    """One recorded choice in a round, in the order it happened."""

    team: TeamRef
    choice: Choice
    final: bool  # the team's last choice on this card (a change of mind otherwise)


def timeline(rnd: DebriefRound) -> list[Moment]:
    """Every choice of the round, including changes of mind, oldest first."""
    moments = []
    for entry in rnd.entries:
        for change in entry.changes:
            moments.append(Moment(entry.team, change, False))
        moments.append(Moment(entry.team, entry.choice, True))
    return sorted(moments, key=lambda m: (m.choice.ts, m.team.key))


def round_step(
    debrief: Debrief,
    rnd: DebriefRound,
    step: int,
    lang: str,
    *,
    guessing: TeamRef | None = None,
    width: int = 76,
) -> RenderableType:
    """The round after ``step`` moments, or a 'guess first' prompt for the next team."""
    moments = timeline(rnd)
    shown = moments[:step]
    index = {team.key: i for i, team in enumerate(debrief.teams)}
    latest: dict[str, Moment] = {}
    for moment in shown:
        latest[moment.team.key] = moment
    title = Text(f"{rnd.number}. ", style="bold")
    title.append(sanitize(rnd.card.title.get(lang)), style="bold underline")
    title.append(f"   {t('replay.step', lang, step=step, total=len(moments))}", style="dim")
    parts: list[RenderableType] = [title]
    if rnd.card.setting is not None:
        parts.append(Text(sanitize(rnd.card.setting.get(lang)), style="italic"))
    if step == 0 or width >= 100:  # on a narrow screen the dilemma gives way to the answers
        parts.append(Text(sanitize(reflow(rnd.card.situation.get(lang))), style="dim"))
    parts.append(Text())
    placed = [
        (index[key], debrief.team_label(m.team, lang), m.choice.stance) for key, m in latest.items()
    ]
    parts.append(stance_axis(rnd.field, placed, lang, width))
    if guessing is not None:
        parts += [
            Text(),
            Text(
                t("replay.guess", lang, team=sanitize(debrief.team_label(guessing, lang))),
                style="bold reverse",
            ),
        ]
    if shown:
        answers = moments_table if width >= 100 else moments_list
        parts += [Text(), answers(debrief, rnd, shown, lang)]
    if step == len(moments) and guessing is None:
        if rnd.status == "skipped":
            parts += [Text(), Text(t("reveal.skipped", lang), style="italic")]
        if rnd.card.reflection is not None:
            parts += [Text(), Text(t("card.reflection", lang), style="bold")]
            parts.append(Text(sanitize(reflow(rnd.card.reflection.get(lang)))))
        if rnd.notes:
            parts += [Text(), Text(t("reveal.notes", lang), style="bold")]
            for table, note in rnd.notes:
                prefix = (
                    f"{debrief.tables[table - 1].label(lang)}: " if debrief.several_tables else ""
                )
                parts.append(Text("• " + prefix + sanitize(note)))
    return Group(*parts)


def moments_table(debrief: Debrief, rnd: DebriefRound, shown: list[Moment], lang: str) -> Table:
    index = {team.key: i for i, team in enumerate(debrief.teams)}
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
    table.add_column(t("reveal.team", lang), no_wrap=True)
    table.add_column(t("reveal.stance", lang), no_wrap=True)
    table.add_column(t("reveal.option", lang), no_wrap=True)
    table.add_column(Text("◀ " + sanitize(rnd.field.pole_a.get(lang))), ratio=1)
    table.add_column(Text(sanitize(rnd.field.pole_b.get(lang)) + " ▶"), ratio=1)
    table.add_column(t("reveal.rationale", lang), ratio=2)
    table.add_column(t("replay.seconds", lang), justify="right", no_wrap=True)
    for moment in shown:
        choice = moment.choice
        name = Text(
            sanitize(debrief.team_label(moment.team, lang)),
            style=team_style(index[moment.team.key]),
        )
        stance = Text(signed(choice.stance))
        if not moment.final:
            name.append(f" ({t('replay.changed', lang)})", style="dim italic")
            stance.stylize("strike")
        seconds = "" if choice.seconds is None else f"{choice.seconds:.0f}s"
        table.add_row(
            name,
            stance,
            Text(choice.option or "-"),
            Text(", ".join(value_names(debrief.deck, choice.values_a, lang))),
            Text(", ".join(value_names(debrief.deck, choice.values_b, lang))),
            Text(sanitize(choice.rationale)),
            Text(seconds),
        )
    return table


def moments_list(debrief: Debrief, rnd: DebriefRound, shown: list[Moment], lang: str) -> Group:
    """The answers one below the other, for screens too narrow for the table."""
    index = {team.key: i for i, team in enumerate(debrief.teams)}
    earlier = t("replay.changed", lang)
    rows = [
        (
            index[m.team.key],
            debrief.team_label(m.team, lang),
            m.choice,
            "" if m.final else earlier,
        )
        for m in shown
    ]
    return choices_list(debrief.deck, rnd.field, rows, lang)


def bar(count: int, largest: int, width: int = 20) -> str:
    if largest <= 0 or count <= 0:
        return ""
    return BAR * max(1, round(count / largest * width))


def overview(debrief: Debrief, lang: str) -> RenderableType:
    """Leans per field, values most invoked, furthest apart, unused values, actions."""
    view = debrief.overview
    index = {team.key: i for i, team in enumerate(debrief.teams)}
    parts: list[RenderableType] = [Text(t("replay.overview", lang), style="bold underline")]
    for table_info in debrief.tables:
        line = Text(f"{table_info.label(lang)}: ", style="bold")
        line.append(
            t(
                "replay.table_info",
                lang,
                played=table_info.rounds_played,
                planned=table_info.cards_planned,
                state=t("replay.finished" if table_info.finished else "replay.unfinished", lang),
            )
        )
        parts.append(line)
    parts += [Text(), Text(t("replay.leans", lang), style="bold")]
    leans = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    leans.add_column(t("reveal.team", lang), no_wrap=True)
    leans.add_column(t("deck.fields", lang))
    leans.add_column("◀ A", justify="right")
    leans.add_column("0", justify="right")
    leans.add_column("B ▶")
    for summary in view.teams:
        label = Text(
            sanitize(debrief.team_label(summary.team, lang)),
            style=team_style(index[summary.team.key]),
        )
        for lean in summary.leans:
            largest = max(lean.a, lean.neutral, lean.b, 1)
            leans.add_row(
                label,
                axis_text(lean.field, lang),
                Text(f"{bar(lean.a, largest, 8)} {lean.a}", style="cyan"),
                Text(str(lean.neutral)),
                Text(f"{lean.b} {bar(lean.b, largest, 8)}", style="magenta"),
            )
            label = Text("")
    parts.append(leans)
    parts += [Text(), Text(t("replay.values", lang), style="bold")]
    for summary in view.teams:
        parts.append(
            Text(
                sanitize(debrief.team_label(summary.team, lang)),
                style=team_style(index[summary.team.key]),
            )
        )
        top = [v for v in summary.values if v.total][:5]
        largest = max((v.total for v in top), default=0)
        if not top:
            parts.append(Text("   -"))
        for value in top:
            line = Text(f"   {sanitize(debrief.value_name(value.value, lang))[:24]:<24} ")
            line.append(bar(value.total, largest), style=team_style(index[summary.team.key]))
            line.append(f" {value.total}  (◀{value.toward_a} {value.toward_b}▶)", style="dim")
            parts.append(line)
    parts += [Text(), Text(t("replay.apart", lang), style="bold")]
    if not view.furthest_apart:
        parts.append(Text("   -"))
    for rnd in view.furthest_apart:
        line = Text(f"   {rnd.number}. {sanitize(rnd.card.title.get(lang))}")
        line.append(f"  ({t('replay.spread', lang, spread=rnd.spread or 0)})", style="dim")
        parts.append(line)
    parts += [Text(), Text(t("replay.unused", lang), style="bold")]
    unused = [sanitize(debrief.value_name(v, lang)) for v in view.unused_values]
    parts.append(Text("   " + (", ".join(unused) or "-")))
    parts += [Text(), Text(t("summary.actions", lang), style="bold")]
    if not view.actions:
        parts.append(Text("   -"))
    for team, action in view.actions:
        line = Text(
            f"   {sanitize(debrief.team_label(team, lang))}: ", style=team_style(index[team.key])
        )
        line.append(sanitize(action))
        parts.append(line)
    return Group(*parts)
