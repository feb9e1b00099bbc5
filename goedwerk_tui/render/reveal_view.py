"""The reveal: every team's stance on one axis, side by side. Shared by play and replay."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from goedwerk_tui.domain.deck import Deck, TensionField
from goedwerk_tui.domain.session import STANCES, Choice
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.card_view import axis_text, value_names

TEAM_STYLES = ("bold yellow", "bold green", "bold cyan", "bold magenta", "bold red", "bold blue")


def signed(stance: int) -> str:
    return f"{stance:+d}".replace("+0", "0")


def team_style(index: int) -> str:
    return TEAM_STYLES[index % len(TEAM_STYLES)]


def stance_label(stance: int, field: TensionField, lang: str) -> str:
    pole = field.pole_a.get(lang) if stance < 0 else field.pole_b.get(lang)
    key = {
        -2: "stance.full",
        -1: "stance.lean",
        0: "stance.middle",
        1: "stance.lean",
        2: "stance.full",
    }
    return t(key[stance], lang, pole=sanitize(pole))


def stance_axis(
    field: TensionField, placed: list[tuple[int, str, int]], lang: str, width: int = 70
) -> Group:
    """The axis with team names stacked under their stance.

    ``placed`` holds ``(team index, team name, stance)``.
    """
    slot = max(6, width // len(STANCES))  # 30 columns still hold the whole scale
    scale = Text()
    for stance in STANCES:
        scale.append(signed(stance).center(slot), style="bold")
    columns: dict[int, list[tuple[int, str]]] = {s: [] for s in STANCES}
    for index, name, stance in placed:
        columns[stance].append((index, name))
    rows = []
    for row in range(max((len(c) for c in columns.values()), default=0)):
        line = Text()
        for stance in STANCES:
            names = columns[stance]
            if row < len(names):
                index, name = names[row]
                shown = sanitize(name)
                shown = shown if len(shown) < slot else shown[: slot - 2] + "…"
                line.append(shown.center(slot), style=team_style(index))
            else:
                line.append(" " * slot)
        rows.append(line)
    line = Text("─" * (slot * len(STANCES)), style="dim")
    return Group(axis_text(field, lang, slot * len(STANCES)), scale, line, *rows)


def choices_table(
    deck: Deck,
    teams: list[tuple[int, str]],
    choices: dict[str, Choice],
    field: TensionField,
    team_ids: list[str],
    lang: str,
) -> Table:
    """Team | stance | option | values toward A | values toward B | rationale."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
    table.add_column(t("reveal.team", lang), no_wrap=True)
    table.add_column(t("reveal.stance", lang), no_wrap=True)
    table.add_column(t("reveal.option", lang), no_wrap=True)
    table.add_column(Text("◀ " + sanitize(field.pole_a.get(lang))), ratio=1)
    table.add_column(Text(sanitize(field.pole_b.get(lang)) + " ▶"), ratio=1)
    table.add_column(t("reveal.rationale", lang), ratio=2)
    for (index, name), team_id in zip(teams, team_ids, strict=True):
        choice = choices.get(team_id)
        if choice is None:
            table.add_row(Text(sanitize(name), style=team_style(index)), "-", "", "", "", "")
            continue
        table.add_row(
            Text(sanitize(name), style=team_style(index)),
            Text(signed(choice.stance)),
            Text(choice.option or "-"),
            Text(", ".join(value_names(deck, choice.values_a, lang))),
            Text(", ".join(value_names(deck, choice.values_b, lang))),
            Text(sanitize(choice.rationale)),
        )
    return table


def furthest_apart(choices: dict[str, Choice], names: dict[str, str], lang: str) -> Text | None:
    """Which teams are furthest apart, or that the teams agree."""
    if len(choices) < 2:
        return None
    low = min(choices.values(), key=lambda c: c.stance)
    high = max(choices.values(), key=lambda c: c.stance)
    if low.stance == high.stance:
        return Text(t("reveal.agree", lang), style="bold")
    return Text(
        t(
            "reveal.apart",
            lang,
            a=sanitize(names[low.team]),
            sa=signed(low.stance),
            b=sanitize(names[high.team]),
            sb=signed(high.stance),
            count=high.stance - low.stance,
        ),
        style="bold",
    )


def reveal_renderable(
    deck: Deck,
    field: TensionField,
    team_rows: list[tuple[str, str]],
    choices: dict[str, Choice],
    lang: str,
    width: int = 70,
) -> RenderableType:
    """The whole reveal: axis, furthest apart, the table. ``team_rows``: (id, name)."""
    indexed = [(i, name) for i, (_, name) in enumerate(team_rows)]
    ids = [team_id for team_id, _ in team_rows]
    placed = [
        (i, name, choices[team_id].stance)
        for (i, name), team_id in zip(indexed, ids, strict=True)
        if team_id in choices
    ]
    names = dict(team_rows)
    parts: list[RenderableType] = [stance_axis(field, placed, lang, width)]
    apart = furthest_apart(choices, names, lang)
    if apart is not None:
        parts += [Text(), apart]
    if width >= 100:
        parts += [Text(), choices_table(deck, indexed, choices, field, ids, lang)]
    else:  # a narrow screen or a projector: one team below the other
        rows = [
            (i, name, choices[team_id], "")
            for (i, name), team_id in zip(indexed, ids, strict=True)
            if team_id in choices
        ]
        parts += [Text(), choices_list(deck, field, rows, lang)]
    return Group(*parts)


def choices_list(
    deck: Deck, field: TensionField, rows: list[tuple[int, str, Choice, str]], lang: str
) -> Group:
    """Choices one below the other: ``rows`` hold (team index, name, choice, remark).

    A remark (like "earlier" for a change of mind) strikes the stance through.
    """
    lines: list[RenderableType] = []
    for index, name, choice, remark in rows:
        head = Text(sanitize(name), style=team_style(index))
        head.append(f"  {signed(choice.stance)} ", style="strike" if remark else "bold")
        head.append(f"({stance_label(choice.stance, field, lang)})", style="italic")
        if choice.option:
            head.append(f"  · {t('reveal.option', lang)} {choice.option}")
        if choice.seconds is not None:
            head.append(f"  · {choice.seconds:.0f}s", style="dim")
        if remark:
            head.append(f"  ({remark})", style="dim italic")
        lines.append(head)
        values = Text("   ◀ ", style="cyan")
        values.append(", ".join(value_names(deck, choice.values_a, lang)) or "-")
        values.append("  |  ", style="dim")
        values.append(", ".join(value_names(deck, choice.values_b, lang)) or "-")
        values.append(" ▶", style="magenta")
        lines.append(values)
        if choice.rationale:
            lines.append(Text("   “" + sanitize(choice.rationale) + "”", style="italic"))
    return Group(*lines)
