"""One yes/no question over the screen below: Enter = yes, Esc = no."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static


class ConfirmScreen(ModalScreen[bool]):
    """Ask before something that cannot be undone; dismissed with True (Enter) or False."""

    BINDINGS = [
        Binding("enter", "answer(True)", "key.yes", priority=True),
        Binding("escape", "answer(False)", "key.no", priority=True),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(Text(self.question, style="bold"), id="confirm-question")
            if self.detail:
                yield Static(Text(self.detail), id="confirm-detail")
        yield Footer()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def ask_first(screen: Screen[Any], lang: str, question_key: str, then: Callable[[], None]) -> None:
    """Ask ``question_key`` over ``screen`` and run ``then`` only on yes (Enter)."""
    from goedwerk_tui.i18n import t
    from goedwerk_tui.ui.localize import localized

    question = localized(ConfirmScreen, lang)(t(question_key, lang), t("confirm.enter_esc", lang))
    screen.app.push_screen(question, lambda yes: then() if yes else None)
