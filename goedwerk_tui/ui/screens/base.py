"""What every full screen of goedwerk offers: help, the projector theme, quitting."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

# Listed last in each screen's own BINDINGS, so the footer shows the screen's keys first.
COMMON_BINDINGS = [
    Binding("question_mark", "app.help", "key.help", key_display="?"),
    Binding("ctrl+t", "app.toggle_contrast", "key.contrast"),
    Binding("q", "app.quit", "key.quit"),
]


class GoedWerkScreen(Screen[None]):
    """A full screen; subclasses end their BINDINGS with ``*COMMON_BINDINGS``."""
