"""The one text field of goedwerk: an Input that keeps typed and pasted text harmless.

- Pasted text is cleaned once (``clean_input``: escape sequences, control and bidi
  characters removed, line breaks and tabs become spaces) and inserted where the
  cursor is, in its own order; every line of a multi-line paste is kept.
- Typed text never holds control or bidi characters either (U+202E never shows).
- Coming back to a field (Tab, a click) puts the cursor at the end of its text, and
  does not select it (Textual's default): a key typed then adds to what a team wrote
  instead of replacing it.
- Text past the field's limit is cut silently (no terminal bell) and a note under
  the field says so ("ingekort tot 500 tekens").

An ESC inside a bracketed paste makes Textual's terminal parser hand everything
after it to the app as separate key presses (the ESC itself as "^"), *before* the
Paste event with the text in front of the ESC. The field recognises that burst (a
"^" followed by keys within a few milliseconds, then the Paste within half a second):
Tab and Enter in it do not move focus or submit, and when the Paste arrives the burst
is taken back and the whole text is cleaned once, in its real order.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widget import Widget
from textual.widgets import Input, Static

from goedwerk_tui.domain.text import ESCAPE_SEQUENCE, UNSAFE_CHARS, clean_input
from goedwerk_tui.i18n import t

# Keys of one terminal read arrive microseconds apart (a few ms on a loaded machine);
# no one types "^" and then another key within 30 ms.
BURST_SECONDS = 0.03
# The Paste with the text in front of the ESC follows the burst's last key, but not
# always within milliseconds: 0.2 s was measured on a busy machine. A pending burst
# is still taken back that long after; someone who types "^" and pastes within half a
# second would see the "^" after the pasted text.
PASTE_AFTER_BURST_SECONDS = 0.5
BREAKS = frozenset(("tab", "enter", "ctrl+j", "ctrl+m"))
# Line breaks a paste may hold (terminals send CR for a pasted line end): each becomes
# a space, not nothing, so that "regel 1\rregel 2" does not read "regel 1regel 2".
LINE_BREAKS = str.maketrans(dict.fromkeys("\r\n\v\f\x85\u2028\u2029", " "))


def strip_unsafe(text: str) -> str:
    """Typed text without escape sequences or unsafe characters; breaks become spaces."""
    text = ESCAPE_SEQUENCE.sub("", text)
    return UNSAFE_CHARS.sub("", text.translate(LINE_BREAKS).replace("\t", " "))


class PasteBurst:
    """Follows keys as they come: which of them are the split-off rest of a paste, the
    keys after a "^" that arrive within ``BURST_SECONDS`` of each other. The text field
    and the app (``key_order.py``) both follow them."""

    def __init__(self) -> None:
        self.active = False  # the latest key started or continued a burst
        self.last = 0.0  # when the latest key came

    def see(self, event: events.Key) -> bool:
        """Whether ``event`` continues a burst (a "^" starts one and does not)."""
        continues = self.active and event.time - self.last < BURST_SECONDS
        if not continues:
            self.active = event.character == "^"  # how the parser passes on the ESC
        self.last = event.time
        return continues


class TextFieldNote(Static):
    """The line under a text field that says its text was cut to the limit."""

    DEFAULT_CSS = """
    TextFieldNote { height: auto; color: $text-warning; padding: 0 1; display: none; }
    TextFieldNote.-shown { display: block; }
    """


class TextField(Input):
    """A one-line text field; ``lang`` is the language of its note."""

    def __init__(
        self, value: str = "", *, lang: str = "nl", max_length: int = 0, **kwargs: object
    ) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(
            strip_unsafe(value),
            max_length=max_length,
            **kwargs,  # type: ignore[arg-type]  # the caller's Input options
        )
        self.lang = lang
        self.note = TextFieldNote()
        self._burst = PasteBurst()
        self._burst_start: int | None = None  # where a "^"-started burst of keys began
        self._burst_raw: list[str] = []  # the burst's characters as the terminal sent them

    def on_mount(self) -> None:
        if isinstance(self.parent, Widget):
            self.parent.mount(self.note, after=self)

    @property
    def was_cut(self) -> bool:
        """Whether the note about the limit is showing."""
        return self.note.has_class("-shown")

    def show_cut_note(self) -> None:
        text = t("field.cut", self.lang, count=self.max_length)
        self.note.update(Text(text))
        self.note.add_class("-shown")

    def restricted(self) -> None:
        """Typing past the limit: no bell, a visible note instead."""
        if self.max_length and len(self.value) >= self.max_length:
            self.show_cut_note()

    def replace(self, text: str, start: int, end: int) -> None:
        """Every edit (typed, pasted, inserted) passes here: unsafe characters never enter."""
        super().replace(self._fit(strip_unsafe(text), start, end), start, end)

    def on_key(self, event: events.Key) -> None:
        """Follow a burst of keys that an ESC in a paste turned the rest of it into."""
        if self._burst.see(event) and self._burst_start is not None:
            # kept raw, control characters too: a BEL ends an OSC sequence, and without
            # it cleaning the paste would take the text after the sequence for part of it
            self._burst_raw.append(event.character or "")
            if event.key in BREAKS:  # part of the paste: no focus move, no submit
                event.stop()
                event.prevent_default()
                self.insert_text_at_cursor(" ")
        elif event.character == "^":  # how the parser passes on the ESC of a paste
            self._burst_start = min(self.selection)
            self._burst_raw = ["\x1b"]
        else:
            self._burst_start = None

    def _take_back_burst(self, event: events.Paste) -> str:
        """The paste's whole text: its start plus the keys the parser split off."""
        start = self._burst_start
        self._burst_start = None
        if start is None or event.time - self._burst.last >= PASTE_AFTER_BURST_SECONDS:
            return event.text
        end = self.cursor_position
        rest = "".join(self._burst_raw)
        super().replace("", start, end)
        self.cursor_position = start
        return event.text + rest

    def on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input keeps only the first line and rings on overflow
        event.stop()
        raw = self._take_back_burst(event).replace("\r\n", "\n").translate(LINE_BREAKS)
        text = clean_input(raw, len(raw))
        if not text:
            return
        # clean_input trims; a paste between words keeps the spaces at its ends
        text = (" " if raw[:1].isspace() else "") + text
        text += " " if raw[-1:].isspace() else ""
        selection = self.selection
        start, end = sorted((selection.start, selection.end))
        self.replace(text, start, end)

    def _fit(self, text: str, start: int, end: int) -> str:
        """``text`` cut so that the value stays within the limit (showing the note)."""
        if not self.max_length:
            return text
        low, high = sorted((max(0, start), min(len(self.value), end)))
        room = self.max_length - (len(self.value) - (high - low))
        if len(text) > room:
            self.show_cut_note()
            return text[: max(0, room)]
        return text
