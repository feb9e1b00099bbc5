"""The one text field of goedwerk: an Input that keeps typed and pasted text harmless.

- Pasted text is cleaned once (``clean_input``: escape sequences, control and bidi
  characters removed, line breaks and tabs become spaces) and inserted where the
  cursor is, in its own order; every line of a multi-line paste is kept.
- Typed text never holds control or bidi characters either (U+202E never shows).
- Text past the field's limit is cut silently (no terminal bell) and a note under
  the field says so ("ingekort tot 500 tekens").
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Input, Static

from goedwerk_tui.domain.text import ESCAPE_SEQUENCE, UNSAFE_CHARS, clean_input
from goedwerk_tui.i18n import t


def strip_unsafe(text: str) -> str:
    """Typed text without escape sequences or unsafe characters; breaks become spaces."""
    text = ESCAPE_SEQUENCE.sub("", text)
    return UNSAFE_CHARS.sub("", text.replace("\n", " ").replace("\t", " "))


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
        super().__init__(strip_unsafe(value), max_length=max_length, **kwargs)  # type: ignore[arg-type]
        self.lang = lang
        self.note = TextFieldNote()

    def on_mount(self) -> None:
        if self.parent is not None:
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

    def on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input keeps only the first line and rings on overflow
        event.stop()
        text = clean_input(event.text, len(event.text))
        if not text:
            return
        # clean_input trims; a paste between words keeps the spaces at its ends
        text = (" " if event.text[:1].isspace() else "") + text
        text += " " if event.text[-1:].isspace() else ""
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
