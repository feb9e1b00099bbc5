"""A checkbox whose on and off differ in shape, not only in colour: on a washed-out
projector Textual's own shows the same "X" both ways. On shows "X", off a blank."""

from __future__ import annotations

from textual.widgets import Checkbox

ON, OFF = "X", " "


class ShapeCheckbox(Checkbox):
    """Textual's Checkbox with the button's inside following the value."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Checkbox's own options
        self.BUTTON_INNER = ON if self.value else OFF

    def watch_value(self) -> None:
        self.BUTTON_INNER = ON if self.value else OFF
        super().watch_value()
