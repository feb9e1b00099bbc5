"""The before/after measure as Rich renderables: a goal's name, and the table of each
team's scores before and after the session with the change (the session summary)."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from goedwerk_tui.domain.events import MeasureRecorded, Team
from goedwerk_tui.domain.measure import GOALS
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.reveal_view import signed, team_style


def goal_name(goal: str, lang: str) -> str:
    """ "Eigenaarschap" for ``ownership``."""
    return t(f"measure.goal.{goal}", lang)


def change_text(before: int | None, after: int | None) -> Text:
    """ "2 → 4 (+2)"; a missing score is "-" and has no change."""
    shown = Text(f"{before if before is not None else '-'} → {after if after is not None else '-'}")
    if before is not None and after is not None:
        style = "green" if after > before else "red" if after < before else "dim"
        shown.append(f" ({signed(after - before)})", style=style)
    return shown


def measure_table(
    teams: list[Team],
    before: dict[str, MeasureRecorded],
    after: dict[str, MeasureRecorded],
    lang: str,
) -> Table:
    """Team | one column per goal: "before → after (change)"."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(t("reveal.team", lang), no_wrap=True)
    for goal in GOALS:
        table.add_column(goal_name(goal, lang), no_wrap=True)
    for index, team in enumerate(teams):
        first, last = before.get(team.id), after.get(team.id)
        cells = [
            change_text(
                first.scores.of(goal) if first else None, last.scores.of(goal) if last else None
            )
            for goal in GOALS
        ]
        table.add_row(Text(sanitize(team.name), style=team_style(index)), *cells)
    return table
