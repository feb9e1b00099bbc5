"""The debrief as Rich renderables: one round step by step, and the session overview.

Used by the replay screen. Deck text and save text are sanitized and never parsed
as markup.
"""

from __future__ import annotations

from itertools import islice

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from goedwerk_tui.domain.debrief import SKIPPED, Debrief, DebriefRound, TeamRef
from goedwerk_tui.domain.replay_steps import RoundSteps, Step
from goedwerk_tui.domain.text import reflow, sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.card_view import (
    LETTERS,
    axis_text,
    hanging_list,
    option_letter,
    value_names,
)
from goedwerk_tui.render.labels import table_label, team_label, value_name
from goedwerk_tui.render.reveal_view import signed, stance_axis, stance_label, team_style
from goedwerk_tui.render.variation_view import (
    overview_measures,
    overview_moves,
    variation_lines,
    variation_placed,
)

BAR = "█"
EARLIER_SHOWN = 3  # earlier choices of a team listed under its latest one
NOTES_SHOWN = 20  # a round's notes listed in the replay; the report has them all


def option_text(rnd: DebriefRound, option: str | None, lang: str) -> str | None:
    """The text of a chosen option ("A".."F"), or None when the card has no such option."""
    if option is None or option not in LETTERS:
        return None
    index = LETTERS.index(option)
    return rnd.card.options[index].get(lang) if index < len(rnd.card.options) else None


def round_head(rnd: DebriefRound, steps: RoundSteps, step: int, lang: str) -> Group:
    """Title, step count, setting and situation: the top of the replay at every step."""
    title = Text(f"{rnd.number}. ", style="bold")
    title.append(sanitize(rnd.card.title.get(lang)), style="bold underline")
    title.append(f"   {t('replay.step', lang, step=step, total=len(steps))}", style="dim")
    if rnd.status == SKIPPED:
        title.append(f"   {t('replay.skipped_mark', lang)}", style="bold reverse")
    parts: list[RenderableType] = [title]
    if rnd.card.setting is not None:
        parts.append(Text(sanitize(rnd.card.setting.get(lang)), style="italic"))
    parts.append(Text(sanitize(reflow(rnd.card.situation.get(lang)))))
    return Group(*parts)


def options_list(rnd: DebriefRound, lang: str) -> list[RenderableType]:
    if not rnd.card.options:
        return []
    return [
        Text(),
        Text(t("card.options", lang), style="bold"),
        hanging_list(
            [(f" {option_letter(i)} ", o.get(lang)) for i, o in enumerate(rnd.card.options)]
        ),
    ]


def answer_lines(
    debrief: Debrief, rnd: DebriefRound, step_: Step, newest: bool, lang: str, style: str
) -> list[RenderableType]:
    """One team's latest choice: stance in words, option with its text, values, rationale."""
    choice = step_.choice
    head = Text(sanitize(team_label(debrief, step_.team, lang)), style=style)
    head.append(f"  {signed(choice.stance)} ", style="bold")
    head.append(f"({stance_label(choice.stance, rnd.field, lang)})", style="italic")
    if choice.seconds is not None:
        head.append(f"  · {choice.seconds:.0f}s", style="dim")
    if newest:
        head.append(f"   {t('replay.newest', lang)}", style="bold reverse")
    lines: list[RenderableType] = [head]
    if choice.option is not None:
        text = option_text(rnd, choice.option, lang)
        option = Table.grid(padding=(0, 1))
        option.add_column(no_wrap=True, style="bold")
        option.add_column(ratio=1)
        option.add_row(
            Text(f"   {t('reveal.option', lang)} {choice.option}:"),
            Text(sanitize(text) if text is not None else ""),
        )
        lines.append(option)
    values = Text("   ◀ ", style="cyan")
    values.append(", ".join(value_names(debrief.deck, choice.values_a, lang)) or "-", style="")
    values.append("  |  ", style="dim")
    values.append(", ".join(value_names(debrief.deck, choice.values_b, lang)) or "-", style="")
    values.append(" ▶", style="magenta")
    lines.append(values)
    if choice.rationale:
        lines.append(Text("   “" + sanitize(choice.rationale) + "”", style="italic"))
    return lines


def earlier_lines(
    steps: RoundSteps, team_key: str, step: int, before: int, lang: str
) -> list[Text]:
    """The team's changes of mind before its latest choice (the newest few)."""
    shown = steps.earlier(team_key, step, EARLIER_SHOWN)
    lines = []
    hidden = before - len(shown)
    if hidden > 0:
        lines.append(Text(f"   {t('replay.more_earlier', lang, count=hidden)}", style="dim"))
    for old in shown:
        line = Text(f"   ({t('replay.changed', lang)}) ", style="dim italic")
        line.append(signed(old.choice.stance), style="strike")
        if old.choice.option:
            line.append(f" · {old.choice.option}")
        if old.choice.rationale:
            line.append(" · “" + sanitize(old.choice.rationale) + "”", style="dim")
        lines.append(line)
    return lines


def round_end(debrief: Debrief, rnd: DebriefRound, lang: str) -> list[RenderableType]:
    """After the last step: skipped or not, the reflection and the facilitators' notes."""
    parts: list[RenderableType] = []
    if rnd.status == SKIPPED:
        parts += [Text(), Text(t("reveal.skipped", lang), style="italic")]
    if rnd.card.reflection is not None:
        parts += [Text(), Text(t("card.reflection", lang), style="bold")]
        parts.append(Text(sanitize(reflow(rnd.card.reflection.get(lang)))))
    # the first notes only, taken without building the list of all (a round can hold
    # 100,000 of them; ``rnd.notes`` would copy every one on every step)
    count = sum(len(p.notes) for p in rnd.table_rounds)
    if count:
        parts += [Text(), Text(t("reveal.notes", lang), style="bold")]
        notes = ((p.table_number, note) for p in rnd.table_rounds for note in p.notes)
        first = islice(notes, NOTES_SHOWN)
        for table, note in first:
            prefix = f"{table_label(table, lang)}: " if debrief.several_tables else ""
            parts.append(Text("• " + sanitize(prefix + note)))
        if count > NOTES_SHOWN:
            more = t("replay.more_notes", lang, count=count - NOTES_SHOWN)
            parts.append(Text(more, style="dim italic"))
    return parts


def round_step(
    debrief: Debrief,
    rnd: DebriefRound,
    steps: RoundSteps,
    step: int,
    lang: str,
    *,
    guessing: TeamRef | None = None,
    width: int = 76,
) -> RenderableType:
    """Below the situation: the axis, the newest choice first (marked), every other
    team's latest choice, the options, and after the last step the reflection and notes.
    On a "Maar wat als...?" step the axis shows the stances under that variation, and
    the variations played so far come first, the newest on top.

    The work is bounded whatever the round holds: each team's latest choice and a
    few of its earlier ones, looked up in ``steps``.
    """
    index = {team.key: i for i, team in enumerate(debrief.teams)}
    latest = steps.latest(step)
    placed = [
        (index[s.team.key], team_label(debrief, s.team, lang), s.choice.stance) for s, _ in latest
    ]
    placed = variation_placed(debrief, steps, step, placed)
    parts: list[RenderableType] = [stance_axis(rnd.field, placed, lang, width)]
    parts += variation_lines(debrief, rnd, steps, step, lang)
    if guessing is not None:
        prompt = t("replay.guess", lang, team=sanitize(team_label(debrief, guessing, lang)))
        parts += [Text(), Text(prompt, style="bold reverse")]
    newest = steps.steps[step - 1] if 0 < step <= len(steps.steps) else None
    latest.sort(key=lambda found: found[0] is not newest)  # the newest first, then in order
    for latest_step, before in latest:
        key = latest_step.team.key
        style = team_style(index[key])
        parts.append(Text())
        parts += answer_lines(debrief, rnd, latest_step, latest_step is newest, lang, style)
        parts += earlier_lines(steps, key, step, before, lang)
    parts += options_list(rnd, lang)
    if step == len(steps) and guessing is None:
        parts += round_end(debrief, rnd, lang)
    return Group(*parts)


def bar(count: int, largest: int, width: int = 20) -> str:
    if largest <= 0 or count <= 0:
        return ""
    return BAR * max(1, round(count / largest * width))


def overview(debrief: Debrief, lang: str) -> RenderableType:
    """Leans per field, values most invoked, furthest apart, unused values, actions."""
    view = debrief.overview
    index = {team.key: i for i, team in enumerate(debrief.teams)}
    parts: list[RenderableType] = [Text(t("replay.overview", lang), style="bold underline")]
    parts += _table_lines(debrief, lang)
    parts += [Text(), Text(t("replay.leans", lang), style="bold"), _leans(debrief, index, lang)]
    parts += [Text(), Text(t("replay.values", lang), style="bold")]
    parts += _value_lines(debrief, index, lang)
    parts += [Text(), Text(t("replay.apart", lang), style="bold")]
    if not view.furthest_apart:
        parts.append(Text("   -"))
    for rnd in view.furthest_apart:
        line = Text(f"   {rnd.number}. {sanitize(rnd.card.title.get(lang))}")
        spread = t("replay.spread", lang, count=rnd.spread or 0)
        if rnd.movers:
            spread += "; " + t("report.movers", lang, count=rnd.movers)
        line.append(f"  ({spread})", style="dim")
        parts.append(line)
    parts += overview_moves(debrief, lang)
    parts += [Text(), Text(t("replay.unused", lang), style="bold")]
    unused = [sanitize(value_name(debrief.deck, v, lang)) for v in view.unused_values]
    parts.append(Text("   " + (", ".join(unused) or "-")))
    parts += [Text(), Text(t("summary.actions", lang), style="bold")]
    if not view.actions:
        parts.append(Text("   -"))
    for team, action in view.actions:
        line = Text(
            f"   {sanitize(team_label(debrief, team, lang))}: ", style=team_style(index[team.key])
        )
        line.append(sanitize(action))
        parts.append(line)
    parts += overview_measures(debrief, lang)
    return Group(*parts)


def _table_lines(debrief: Debrief, lang: str) -> list[RenderableType]:
    """Per table: how many cards were played, and whether the session ended."""
    lines: list[RenderableType] = []
    for table_info in debrief.tables:
        line = Text(f"{table_label(table_info.number, lang)}: ", style="bold")
        line.append(
            t(
                "replay.table_info",
                lang,
                played=table_info.rounds_played,
                count=table_info.cards_planned,
                state=t("replay.finished" if table_info.finished else "replay.unfinished", lang),
            )
        )
        lines.append(line)
    return lines


def _leans(debrief: Debrief, index: dict[str, int], lang: str) -> Table:
    """Per team and tension field: how many answers leaned to each side."""
    leans = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    leans.add_column(t("reveal.team", lang), no_wrap=True)
    leans.add_column(t("deck.fields", lang))
    leans.add_column("◀", justify="right")  # the field column names the poles
    leans.add_column("0", justify="right")
    leans.add_column("▶")
    for summary in debrief.overview.teams:
        label = Text(
            sanitize(team_label(debrief, summary.team, lang)),
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
    return leans


def _value_lines(debrief: Debrief, index: dict[str, int], lang: str) -> list[RenderableType]:
    """Per team: the values it invoked most, with a bar each."""
    lines: list[RenderableType] = []
    for summary in debrief.overview.teams:
        style = team_style(index[summary.team.key])
        lines.append(Text(sanitize(team_label(debrief, summary.team, lang)), style=style))
        top = [v for v in summary.values if v.total][:5]
        largest = max((v.total for v in top), default=0)
        if not top:
            lines.append(Text("   -"))
        for value in top:
            line = Text(f"   {sanitize(value_name(debrief.deck, value.value_id, lang))[:24]:<24} ")
            line.append(bar(value.total, largest), style=style)
            line.append(f" {value.total}  (◀{value.toward_a} {value.toward_b}▶)", style="dim")
            lines.append(line)
    return lines
