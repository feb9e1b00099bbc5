"""What every full screen of goedwerk offers: help, the projector theme, quitting."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from goedwerk_tui.ui.widgets.live_status import LiveChanged

if TYPE_CHECKING:  # the app module imports the screens
    from textual import getters

    from goedwerk_tui.ui.app import GoedWerkApp

# Listed last in each screen's own BINDINGS, so the footer shows the screen's keys first;
# quitting before the theme, so an 80-column footer that is cut off loses the theme key
# (also in the help and the command palette), not the way out.
CONTRAST = Binding("ctrl+t", "app.toggle_contrast", "key.contrast")
# The screens with the fullest footers (card, reveal, variation, replay) put these
# first, so that a 60-column footer, cut off at the right, still shows help and the way
# out: ``[*WAY_OUT, ...own keys..., *AFTER_OWN]``.
WAY_OUT = [
    Binding("question_mark", "app.help", "key.help", key_display="?"),
    Binding("q", "app.quit", "key.quit"),
]
AFTER_OWN = [
    # the live join screen, only in a live session (the app's check_action); said on
    # the live line, as the card's footer is full
    Binding("l", "app.live", "key.live", show=False),
    CONTRAST,
]
COMMON_BINDINGS = [AFTER_OWN[0], *WAY_OUT, CONTRAST]
# Where letters type into fields, q cannot quit: ctrl+q does, before any field sees it.
QUIT_WHILE_TYPING = Binding("ctrl+q", "app.quit", "key.quit", key_display="^q", priority=True)


class GoedWerkScreen(Screen[None]):
    """A full screen; subclasses end their BINDINGS with ``*COMMON_BINDINGS``."""

    if TYPE_CHECKING:  # every goedwerk screen runs in GoedWerkApp: its game, its lang
        app = getters.app(GoedWerkApp)

    LIVE_STATUS: ClassVar[bool] = True  # in a live session, the live line above the footer

    @classmethod
    def types_letters(cls) -> bool:
        """Whether letters type into fields here (ctrl+q quits instead of q)."""
        keys = (binding.key for binding in cls.BINDINGS if isinstance(binding, Binding))
        return QUIT_WHILE_TYPING.key in keys  # (``localized`` copies the bindings)

    def on_mount(self) -> None:
        """In a live session, the compact live line (subclasses' on_mount run too)."""
        live = self.app.live
        if live is None or not self.LIVE_STATUS:
            return
        from textual.widgets import Footer

        from goedwerk_tui.ui.widgets.live_status import LiveStatus

        footers = self.query(Footer)
        key = "^l" if self.types_letters() else "l"
        status = LiveStatus(live, self.app.lang, key)
        self.mount(status, before=footers.first() if footers else None)

    def on_live_changed(self, _message: LiveChanged) -> None:
        from goedwerk_tui.ui.widgets.live_status import LiveStatus

        for status in self.query(LiveStatus):
            status.show()
