"""What every full screen of goedwerk offers: help, the projector theme, quitting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:  # the app module imports the screens
    from textual import getters

    from goedwerk_tui.ui.app import GoedWerkApp

# Listed last in each screen's own BINDINGS, so the footer shows the screen's keys first;
# quitting before the theme, so an 80-column footer that is cut off loses the theme key
# (also in the help and the command palette), not the way out.
CONTRAST = Binding("ctrl+t", "app.toggle_contrast", "key.contrast")
COMMON_BINDINGS = [
    Binding("question_mark", "app.help", "key.help", key_display="?"),
    Binding("q", "app.quit", "key.quit"),
    CONTRAST,
]
# Where letters type into fields, q cannot quit: ctrl+q does, before any field sees it.
QUIT_WHILE_TYPING = Binding("ctrl+q", "app.quit", "key.quit", key_display="^q", priority=True)


class GoedWerkScreen(Screen[None]):
    """A full screen; subclasses end their BINDINGS with ``*COMMON_BINDINGS``."""

    if TYPE_CHECKING:  # every goedwerk screen runs in GoedWerkApp: its game, its lang
        app = getters.app(GoedWerkApp)
