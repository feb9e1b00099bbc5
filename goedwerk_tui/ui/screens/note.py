"""A one-line note by the facilitator."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label

from goedwerk_tui.domain.session import MAX_NOTE
from goedwerk_tui.i18n import t
from goedwerk_tui.ui.screens.base import QUIT_WHILE_TYPING
from goedwerk_tui.ui.widgets.text_field import TextField


class NoteScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel"),
        QUIT_WHILE_TYPING,
    ]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Label(t("note.title", self.lang))
            yield TextField(
                lang=self.lang, placeholder=t("note.placeholder", self.lang), max_length=MAX_NOTE
            )
        yield Footer()

    def on_input_submitted(self, event: TextField.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
