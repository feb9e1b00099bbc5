"""A "Maar wat als...?" variation: its text with the card, and its reveal (who moved,
which way, how far, and why).

Every text from the deck or a team goes into ``Text`` objects, never through markup.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from goedwerk_tui.domain.deck import Card, TensionField
from goedwerk_tui.domain.events import ChoiceRecorded, StanceRevised
from goedwerk_tui.domain.text import reflow, sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.reveal_view import signed, stance_axis, team_style


def variation_panel(card: Card, number: int, lang: str) -> Panel:
    """The variation's text in a frame of its own, titled "Maar wat als...? (2 van 3)"."""
    text = Text(sanitize(reflow(card.variations[number - 1].get(lang))))
    title = t("variation.title", lang, n=number, total=len(card.variations))
    return Panel(
        text,
        title=Text(title, style="bold"),
        title_align="left",
        box=box.HEAVY,
        border_style="yellow",
        padding=(0, 1),
    )


def movement(
    name: str,
    before: int | None,
    after: int | None,
    field: TensionField,
    lang: str,
) -> str:
    """ "Rood: -1 → +1 (2 stappen naar Draagvlak)", or that the team stayed."""
    name = sanitize(name)
    if after is None:
        shown = signed(before) if before is not None else "-"
        return t("variation.not_revised", lang, team=name, stance=shown)
    if before is None:
        return t("variation.no_card_stance", lang, team=name, stance=signed(after))
    if after == before:
        return t("variation.stayed", lang, team=name, stance=signed(after))
    pole = field.pole_b if after > before else field.pole_a
    return t(
        "variation.moved",
        lang,
        team=name,
        before=signed(before),
        after=signed(after),
        count=abs(after - before),
        pole=sanitize(pole.get(lang)),
    )


def variation_reveal(
    field: TensionField,
    teams: list[tuple[str, str]],
    choices: Mapping[str, ChoiceRecorded],
    stances: Mapping[str, StanceRevised],
    lang: str,
    width: int = 70,
) -> RenderableType:
    """Each team on the axis under the variation, who moved, then one line per team
    with its stance on the card and now, and its reason. ``teams``: (id, name)."""
    placed = []
    for index, (team_id, name) in enumerate(teams):
        revised = stances.get(team_id)
        if revised is not None:
            placed.append((index, name, revised.stance))
    parts: list[RenderableType] = [stance_axis(field, placed, lang, width), Text()]
    moved = [
        sanitize(name)
        for team_id, name in teams
        if team_id in stances
        and team_id in choices
        and stances[team_id].stance != choices[team_id].stance
    ]
    if moved:
        summary = t("variation.who_moved", lang, teams=", ".join(moved))
    else:
        summary = t("variation.nobody_moved", lang)
    parts += [Text(summary, style="bold"), Text()]
    for index, (team_id, name) in enumerate(teams):
        choice, revised = choices.get(team_id), stances.get(team_id)
        before = choice.stance if choice is not None else None
        after = revised.stance if revised is not None else None
        parts.append(Text(movement(name, before, after, field, lang), style=team_style(index)))
        if revised is not None and revised.reason:
            parts.append(Text("   “" + sanitize(revised.reason) + "”", style="italic"))
    return Group(*parts)
