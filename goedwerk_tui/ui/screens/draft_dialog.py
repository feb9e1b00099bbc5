"""A dialog in which one team edits a draft (its choice, its stance under a variation):
what Esc and ctrl+q do with a draft that changed since the dialog opened."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.screen import ModalScreen

from goedwerk_tui.i18n import t
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.confirm import ConfirmScreen

D = TypeVar("D")


class DraftDialog(ModalScreen[D | None], Generic[D]):
    """Esc closes an unchanged draft at once and asks first about a changed one;
    ctrl+q asks first about a changed one (the app's quit asks ``quit_question``)."""

    lang: str
    initial: D | None = None  # the draft as the dialog opened

    def draft(self) -> D:
        """The draft as the fields hold it now."""
        raise NotImplementedError

    def quit_question(self) -> str | None:
        """ctrl+q on a changed draft asks first (the draft would be lost)."""
        return None if self.draft() == self.initial else t("confirm.quit_choice", self.lang)

    def action_cancel(self) -> None:
        """Esc: an unchanged draft closes; a changed one asks first."""
        if self.draft() == self.initial:
            self.dismiss(None)
            return
        question = localized(ConfirmScreen, self.lang)(
            t("confirm.discard", self.lang), t("confirm.discard_detail", self.lang)
        )
        self.app.push_screen(question, self._cancel_answered)

    def _cancel_answered(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)
