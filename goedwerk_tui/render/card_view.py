"""A card and a deck as Rich renderables: what players see, and what ``show`` previews.

All deck text goes into ``rich.text.Text`` objects, never through markup, so ``[bold]``
in a deck is shown as written.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from goedwerk_tui.domain.deck import Card, Deck, TensionField
from goedwerk_tui.domain.events import OPTION_LETTERS
from goedwerk_tui.domain.text import reflow, sanitize
from goedwerk_tui.i18n import t

LETTERS = OPTION_LETTERS  # A is a card's first option


def option_letter(index: int) -> str:
    return LETTERS[index]


def axis_text(field: TensionField, lang: str, width: int | None = None) -> Text:
    """``Pole A ◀━━━━━━━━▶ Pole B`` on one line; a shorter arrow when ``width`` is tight."""
    pole_a, pole_b = sanitize(field.pole_a.get(lang)), sanitize(field.pole_b.get(lang))
    arrow = "  ◀━━━━━━━━▶  "
    if width is not None and len(pole_a) + len(arrow) + len(pole_b) > width:
        arrow = " ◀━▶ "
    axis = Text()
    axis.append(pole_a, style="bold cyan")
    axis.append(arrow, style="dim")
    axis.append(pole_b, style="bold magenta")
    return axis


def hanging_list(items: list[tuple[str, str]]) -> Table:
    """Marker + text rows whose wrapped lines stay indented under the text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for marker, text in items:
        grid.add_row(Text(marker), Text(sanitize(text)))
    return grid


def value_names(deck: Deck, ids: tuple[str, ...] | list[str], lang: str) -> list[str]:
    names = []
    for value_id in ids:
        value = deck.catalogue.value(value_id)
        names.append(sanitize(value.name.get(lang)) if value else value_id)
    return names


def card_body(deck: Deck, card: Card, lang: str, *, reflection: bool = False) -> Group:
    """The card's content without a frame: setting, axis, situation, options, questions."""
    parts: list[RenderableType] = []
    if card.setting is not None:
        parts.append(Text(sanitize(card.setting.get(lang)), style="italic"))
    parts.append(axis_text(deck.field_of(card), lang))
    parts.append(Text())
    parts.append(Text(sanitize(reflow(card.situation.get(lang)))))
    if card.options:
        parts.append(Text())
        parts.append(Text(t("card.options", lang), style="bold"))
        parts.append(
            hanging_list(
                [
                    (f" {option_letter(i)} ", option.get(lang))
                    for i, option in enumerate(card.options)
                ]
            )
        )
    if card.questions:
        parts.append(Text())
        parts.append(Text(t("card.questions", lang), style="bold"))
        parts.append(hanging_list([(" •", q.get(lang)) for q in card.questions]))
    if card.values:
        parts.append(Text())
        line = Text(t("card.values", lang) + ": ", style="bold")
        line.append(" · ".join(value_names(deck, card.values, lang)), style="not bold")
        parts.append(line)
    if reflection and card.reflection is not None:
        parts.append(Text())
        parts.append(Text(t("card.reflection", lang), style="bold"))
        parts.append(Text(sanitize(reflow(card.reflection.get(lang)))))
    if reflection and card.variations:
        parts.append(Text())
        parts.append(Text(t("card.variations", lang), style="bold"))
        parts.append(hanging_list([(" •", v.get(lang)) for v in card.variations]))
    return Group(*parts)


def card_panel(
    deck: Deck,
    card: Card,
    lang: str,
    *,
    number: int | None = None,
    total: int | None = None,
    reflection: bool = False,
) -> Panel:
    subtitle = Text(t("card.count", lang, n=number, total=total)) if number and total else None
    return Panel(
        card_body(deck, card, lang, reflection=reflection),
        title=Text(sanitize(card.title.get(lang)), style="bold"),
        subtitle=subtitle,
        box=box.ROUNDED,
        padding=(0, 1),
    )


def deck_overview(deck: Deck, lang: str) -> Group:
    """The deck's title, description, fields and card list."""
    header = Text(sanitize(deck.title.get(lang)), style="bold")
    header.append(f"  ({deck.id}, {t('deck.cards', lang, n=len(deck.cards))})", style="dim")
    parts: list[RenderableType] = [header]
    if deck.description is not None:
        parts.append(Text(sanitize(reflow(deck.description.get(lang)))))
    parts.append(Text(f"{t('deck.catalogue', lang)}: {sanitize(deck.catalogue.title.get(lang))}"))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column(t("deck.fields", lang))
    table.add_column("#", justify="right")
    counts: dict[str, list[Card]] = {f.id: [] for f in deck.fields}
    for card in deck.cards:
        counts[card.field].append(card)
    for field in deck.fields:
        table.add_row(Text(field.id), axis_text(field, lang), str(len(counts[field.id])))
    parts.append(table)
    cards = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    cards.add_column("id", no_wrap=True, style="cyan")
    cards.add_column(t("deck.card_title", lang), ratio=1)
    cards.add_column(t("deck.card_field", lang), style="dim")
    for card in deck.cards:
        cards.add_row(Text(card.id), Text(sanitize(card.title.get(lang))), Text(card.field))
    parts.append(cards)
    return Group(*parts)
