"""The keys, explained."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from goedwerk_tui.i18n import t


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "key.back"),
        Binding("question_mark", "close", "", show=False),
    ]

    def __init__(self, lang: str, key: str = "help.text", more: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.lang = lang
        self.key = key  # the keys of the screen it was opened from
        self.more = more  # keys that screen adds to them

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static(Text(t("help.title", self.lang), style="bold"))
            yield Static(Text("\n".join(t(key, self.lang) for key in (self.key, *self.more))))
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
