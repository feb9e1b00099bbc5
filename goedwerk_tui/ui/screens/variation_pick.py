"""Which "Maar wat als...?" to play: the card's variations not played yet on it.

Each is listed with its number on the card and its whole text; its number key plays
it at once (the line above the list says so), or ↑ ↓ and Enter; Esc goes back
without playing one.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from goedwerk_tui.domain.deck import Card
from goedwerk_tui.domain.text import reflow, sanitize
from goedwerk_tui.i18n import t

MAX_KEYED = 9  # variations 1-9 have a number key; more are picked from the list


class VariationPickScreen(ModalScreen[int | None]):
    BINDINGS = [
        *(Binding(str(n), f"pick({n})", "", show=False) for n in range(1, MAX_KEYED + 1)),
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(self, card: Card, played: set[int], lang: str) -> None:
        super().__init__()
        self.card = card
        self.lang = lang
        self.left = [n for n in range(1, len(card.variations) + 1) if n not in played]

    def compose(self) -> ComposeResult:
        lang = self.lang
        options = []
        for number in self.left:
            prompt = Text(f"{number}  ", style="bold")
            prompt.append(sanitize(reflow(self.card.variations[number - 1].get(lang))))
            options.append(Option(prompt, id=str(number)))
        with Vertical(id="pick-dialog"):
            yield Static(Text(t("variation.pick_title", lang), style="bold"))
            yield Static(Text(t("variation.pick_hint", lang), style="dim"))
            yield OptionList(*options, id="variations")
        yield Footer()

    def on_mount(self) -> None:
        variations = self.query_one(OptionList)
        variations.highlighted = 0
        variations.focus()

    def action_pick(self, number: int) -> None:
        if number in self.left:
            self.dismiss(number)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
