"""A one-line, focusable choice moved with ← and →: the base of the stance and option pickers."""

from __future__ import annotations

from textual.binding import Binding
from textual.widget import Widget


class ArrowPicker(Widget, can_focus=True):
    DEFAULT_CSS = """
    ArrowPicker { height: 1; padding: 0 1; background: $boost; }
    ArrowPicker:focus { background: $accent 40%; }
    """
    BINDINGS = [
        Binding("left", "move(-1)", "←", show=False),
        Binding("right", "move(1)", "→", show=False),
    ]

    def action_move(self, step: int) -> None:  # pragma: no cover - each picker moves its own way
        raise NotImplementedError
