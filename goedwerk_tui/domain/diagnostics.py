"""Messages about files users hand us, in the ``PATH:LINE:COL: severity: message`` form.

The message is a ``Message`` (a catalogue key and its values), said in the language
the command runs in; so is the severity: ``error``/``warning`` in English,
``fout``/``waarschuwing`` in Dutch.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from goedwerk_tui.domain.errors import GoedwerkError
from goedwerk_tui.domain.messages import Message
from goedwerk_tui.domain.text import sanitize

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int  # 1-based; 0 when the message is about the whole file
    col: int  # 1-based
    severity: str  # ERROR or WARNING
    message: Message

    def render(self, lang: str) -> str:
        """The whole line in ``lang``, safe for a terminal."""
        from goedwerk_tui.i18n import t

        severity = t(f"diagnostic.{self.severity}", lang)
        text = self.message.message(lang)
        where = sanitize(self.path).replace("\n", "\\n")
        if self.line:
            return f"{where}:{self.line}:{self.col}: {severity}: {text}"
        return f"{where}: {severity}: {text}"

    def text(self, lang: str) -> str:
        """The message alone, in ``lang``."""
        return self.message.message(lang)

    def __str__(self) -> str:
        return self.render("en")

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class FileProblem(GoedwerkError):
    """A user file (a deck, a catalogue) could not be used; ``diagnostics`` say why,
    each with its place (at least one is an error). Its message is the first error."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        self.first = next((d for d in diagnostics if d.is_error), diagnostics[0])
        super().__init__(self.first.message.code, **self.first.message.params)

    def message(self, lang: str = "en") -> str:
        return self.first.render(lang)


def did_you_mean(word: str, candidates: Iterable[str]) -> Message | str:
    """A `` (did you mean 'x'?)`` hint when a close candidate exists, else ``""``."""
    options = list(candidates)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    if not close and len(word) >= 4:
        close = [o for o in options if o.startswith(word)][:1]
        close = close or difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return Message("hint.did_you_mean", word=close[0]) if close else ""
