"""Tab moves to the next field in the order the keys were typed.

Textual hands a key to the focused widget's queue and runs a non-priority binding
(Tab's focus move) only when that widget has processed the key and let it bubble back
up. Keys that arrive together (typed fast, on a slow or busy machine, or from a tool
that types for you) are all queued at the field that had the focus: "A", Tab, "B"
put "AB" in the first field. A priority binding is run by the app as it reads each
key, so the focus moves before the next key is handed on.

The exception is the split-off rest of a paste: an ESC inside a bracketed paste makes
Textual's parser pass the text after it as key presses, starting with "^"
(``text_field.py``). A Tab among those keys is part of the pasted text and must reach
the text field, which keeps it as a space; the app follows them with the field's own
``PasteBurst``.
"""

from __future__ import annotations

from textual.binding import Binding

from goedwerk_tui.ui.widgets.text_field import PasteBurst

__all__ = ["FIELD_KEYS", "PasteBurst"]

FIELD_KEYS = [
    Binding("tab", "next_field", show=False, priority=True),
    Binding("shift+tab", "previous_field", show=False, priority=True),
]
