"""The replay's "Maar wat als...?" steps and measure steps, and their part of the overview.

Rich renderables for ``ui/screens/replay.py``, beside ``debrief_view``. Save and deck
text is sanitized and never parsed as markup. A move is said in steps toward a pole
and with the values that decided, as the reports say it (``report/moves.py``).
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from goedwerk_tui.domain.debrief import Debrief, DebriefRound, DebriefVariation, Move
from goedwerk_tui.domain.measure import GOALS, SCORES
from goedwerk_tui.domain.replay_steps import MeasureStep, RoundSteps, VariationStep
from goedwerk_tui.domain.text import reflow, sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.card_view import value_names
from goedwerk_tui.render.labels import team_label
from goedwerk_tui.render.reveal_view import signed, stance_label, team_style


def _decimal(value: float | None, lang: str, *, sign: bool = False) -> str:
    if value is None:
        return "—"
    text = f"{value:+.1f}" if sign else f"{value:.1f}"
    text = "0.0" if text in ("+0.0", "-0.0") else text
    return text.replace(".", ",") if lang == "nl" else text


def move_text(debrief: Debrief, rnd: DebriefRound, move: Move, lang: str) -> Text:
    """``schoof +2 op naar Politieke haalbaarheid · doorslaggevend: Loyaliteit``."""
    steps = move.steps
    if steps is None:
        return Text(t("replay.no_card_choice", lang), style="dim")
    if not steps:
        return Text(t("report.stayed", lang), style="dim")
    pole = rnd.field.pole_a if steps < 0 else rnd.field.pole_b
    text = Text()
    text.append(
        t("replay.moved", lang, steps=signed(steps), pole=sanitize(pole.get(lang))),
        style="bold cyan" if steps < 0 else "bold magenta",
    )
    names = ", ".join(value_names(debrief.deck, move.decided, lang))
    if names:
        text.append(f" · {t('replay.decided', lang, values=names)}", style="")
    return text


def _variation_head(variation: DebriefVariation, state: str, lang: str) -> list[RenderableType]:
    head = Text(t("replay.variation", lang, n=variation.number), style="bold")
    head.append(f"   {state}", style="dim")
    parts: list[RenderableType] = [Text(), head]
    if variation.text is not None:
        parts.append(Text(sanitize(reflow(variation.text.get(lang))), style="italic"))
    return parts


def variation_lines(
    debrief: Debrief, rnd: DebriefRound, steps: RoundSteps, step: int, lang: str
) -> list[RenderableType]:
    """The variations played so far at ``step``, the newest first: per team its latest
    new stance shown, and once the variation is revealed (or the round's steps are all
    shown) how far each team moved and the values that decided."""
    shown = steps.variations_at(step)
    if not shown:
        return []
    index = {team.key: i for i, team in enumerate(debrief.teams)}
    newest = steps.variation_steps[step - len(steps.steps) - 1]
    parts: list[RenderableType] = []
    for found in shown:
        done = found.revealed or step == len(steps)
        state = t("report.status.revealed" if found.revealed else "replay.variation_open", lang)
        if done and not found.revealed:
            state = t("report.variation_closed", lang)
        if debrief.several_tables:
            state = f"{t('debrief.table', lang, number=found.table_number)} · {state}"
        parts += _variation_head(found.variation, state, lang)
        for item in found.latest:
            assert item.move is not None  # a "revised" step has its move
            key = item.move.team.key
            parts += _revision_lines(debrief, rnd, item, index[key], item is newest, done, lang)
    return parts


def variation_placed(
    debrief: Debrief,
    steps: RoundSteps,
    step: int,
    placed: list[tuple[int, str, int]],
) -> list[tuple[int, str, int]]:
    """The stance axis's teams on a variation step: each team's latest new stance under
    the newest variation shown (its stance on the card until it gives one), the teams
    of that variation's table only."""
    shown = steps.variations_at(step)
    if not shown:
        return placed
    current = shown[0]
    index = {team.key: i for i, team in enumerate(debrief.teams)}
    revised = {
        index[item.move.team.key]: item.revision.stance
        for item in current.latest
        if item.move is not None and item.revision is not None
    }
    at_table = [p for p in placed if debrief.teams[p[0]].table_number == current.table_number]
    return [(i, label, revised.get(i, stance)) for i, label, stance in at_table]


def _revision_lines(
    debrief: Debrief,
    rnd: DebriefRound,
    item: VariationStep,
    team_index: int,
    newest: bool,
    done: bool,
    lang: str,
) -> list[RenderableType]:
    """``Rood  -1 → +1 (neigt naar ...) “reason”``, and the move once it is revealed."""
    move, revision = item.move, item.revision
    assert move is not None and revision is not None  # a "revised" step has both
    line = Text()
    if newest:
        line.append(t("replay.newest", lang), style="bold reverse")
        line.append(" ")
    line.append(sanitize(team_label(debrief, move.team, lang)), style=team_style(team_index))
    before = "—" if move.card_stance is None else signed(move.card_stance)
    line.append(f"  {before} → {signed(revision.stance)} ", style="bold")
    line.append(f"({stance_label(revision.stance, rnd.field, lang)})", style="italic")
    if revision.reason:
        line.append("  “" + sanitize(revision.reason) + "”", style="italic")
    lines: list[RenderableType] = [Padding(line, (0, 0, 0, 3))]
    if done and revision is move.revision:
        lines.append(Padding(move_text(debrief, rnd, move, lang), (0, 0, 0, 6)))
    return lines


def measure_head(moment: str, steps: tuple[MeasureStep, ...], step: int, lang: str) -> Group:
    title = Text(t(f"replay.measure_{moment}", lang), style="bold underline")
    title.append(f"   {t('replay.step', lang, step=step, total=len(steps))}", style="dim")
    return Group(title, Text(t("replay.measure_scale", lang)))


def measure_step(
    debrief: Debrief, steps: tuple[MeasureStep, ...], step: int, lang: str
) -> RenderableType:
    """The measures recorded up to ``step``: per team its score for each goal."""
    index = {team.key: i for i, team in enumerate(debrief.teams)}
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column(t("reveal.team", lang), ratio=1)
    for goal in GOALS:
        table.add_column(t(f"report.goal.{goal}", lang), justify="right", no_wrap=True)
    for i, item in enumerate(steps[:step]):
        label = Text(
            sanitize(team_label(debrief, item.team, lang)), style=team_style(index[item.team.key])
        )
        if i == step - 1:
            # a marker, not part of the name: "Blauw  (nieuw)"
            label.append("  ")
            label.append(f"({t('replay.newest', lang)})", style="bold reverse")
        table.add_row(label, *(str(item.measure.scores.of(goal)) for goal in GOALS))
    parts: list[RenderableType] = [
        table if step else Text(t("replay.measure_start", lang), style="dim"),
        Text(),
    ]
    for goal in GOALS:
        line = Text(f"{t(f'report.goal.{goal}', lang)}: ", style="bold")
        line.append(sanitize(debrief.deck.statement(goal).get(lang)), style="italic")
        parts.append(line)
    return Group(*parts)


def overview_moves(debrief: Debrief, lang: str) -> list[RenderableType]:
    """For the overview: per card and variation, the teams that moved."""
    if not any(rnd.variations for rnd in debrief.rounds):
        return []
    index = {team.key: i for i, team in enumerate(debrief.teams)}
    parts: list[RenderableType] = [Text(), Text(t("report.moved_title", lang), style="bold")]
    found = False
    for rnd in debrief.rounds:
        for variation in rnd.variations:
            moved = variation.moved
            if not moved:
                continue
            found = True
            head = Text(f"   {rnd.number}. {sanitize(rnd.card.title.get(lang))} · ")
            head.append(t("replay.variation", lang, n=variation.number), style="bold")
            parts.append(head)
            for move in moved:
                line = Text(
                    f"{sanitize(team_label(debrief, move.team, lang))}: ",
                    style=team_style(index[move.team.key]),
                )
                line.append_text(move_text(debrief, rnd, move, lang))
                parts.append(Padding(line, (0, 0, 0, 6)))
    if not found:
        parts.append(Text("   " + t("report.moved_none", lang)))
    return parts


def overview_measures(debrief: Debrief, lang: str) -> list[RenderableType]:
    """For the overview: before → after (change) per team and goal; the distribution."""
    measures = debrief.measures
    if not measures.taken:
        return []
    index = {team.key: i for i, team in enumerate(debrief.teams)}
    parts: list[RenderableType] = [Text(), Text(t("report.measure", lang), style="bold")]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column(t("reveal.team", lang), ratio=1)
    for goal in GOALS:
        table.add_column(t(f"report.goal.{goal}", lang), justify="right", no_wrap=True)
    for entry in measures.teams:
        cells = []
        for goal in GOALS:
            before, after = entry.score("before", goal), entry.score("after", goal)
            change = entry.change(goal)
            cell = f"{before or '—'} → {after or '—'}"
            cells.append(cell + (f" ({signed(change)})" if change is not None else ""))
        label = Text(
            sanitize(team_label(debrief, entry.team, lang)), style=team_style(index[entry.team.key])
        )
        table.add_row(label, *cells)
    parts.append(table)
    parts += [Text(), Text(t("report.distribution", lang), style="bold")]
    spread = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    spread.add_column(t("report.goal", lang), no_wrap=True)
    spread.add_column("")
    for score in SCORES:
        spread.add_column(str(score), justify="right")
    spread.add_column("⌀", justify="right")
    spread.add_column(t("report.change", lang), justify="right")
    for summary in measures.goals:
        for moment, counts in (("before", summary.before), ("after", summary.after)):
            first = moment == "before"
            mean_change = _decimal(summary.mean_change, lang, sign=True) if first else ""
            spread.add_row(
                t(f"report.goal.{summary.goal}", lang) if first else "",
                t(f"report.{moment}", lang),
                *(str(n) for n in counts),
                _decimal(summary.mean(counts), lang),
                mean_change,
            )
    parts.append(spread)
    return parts
