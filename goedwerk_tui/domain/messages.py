"""A message for people as a key of the i18n catalogue and its values, said later.

The domain never builds sentences: it makes a ``Message`` (or raises a
``GoedwerkError``, which carries one the same way) and whoever shows it, the UI or
the CLI, calls ``message(lang)``. ``render`` is the one path from a key and its
values to the text on a screen, and the one place where values from files are made
harmless: every text value has its control characters and line breaks made visible
(``sanitize``).
A value that is itself a Message or a GoedwerkError is said in the same language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from goedwerk_tui.domain.text import sanitize


def render(code: str, params: Mapping[str, object], lang: str) -> str:
    """The message ``code`` in ``lang`` with ``params`` filled in, sanitized.

    A code that is not a catalogue key is shown as it is (a literal sentence still
    reads; a test checks that the package raises none).
    """
    from goedwerk_tui.i18n import has_key, t

    values = {name: _value(value, lang) for name, value in params.items()}
    if not has_key(code):
        return sanitize(code.format(**values) if values else code)
    return t(code, lang, **values)


def _value(value: object, lang: str) -> object:
    # what says itself in a language: a Message or a GoedwerkError (``message``), or a
    # file's Diagnostic (``render``, its whole ``PATH:LINE:COL: ...`` line)
    for method in ("message", "render"):
        said = getattr(value, method, None)
        if callable(said):
            return said(lang)
    if isinstance(value, str):  # one line: a newline from a file cannot fake a second one
        return sanitize(value).replace("\n", "\\n")
    return value


class Message:
    """A message key and its values; ``message(lang)`` says it, ``str()`` in English."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params

    def message(self, lang: str = "en") -> str:
        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.message("en")

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Message({self.code!r}{args})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self.code == other.code and self.params == other.params

    def __hash__(self) -> int:
        return hash(self.code)


class OneOf:
    """Alternatives as a message value: ``a, b or c`` (Dutch ``a, b of c``)."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[str]) -> None:
        self.items = tuple(items)

    def message(self, lang: str = "en") -> str:
        from goedwerk_tui.i18n import t

        items = [sanitize(item) for item in self.items]
        if len(items) < 2:
            return "".join(items)
        return t("list.or", lang, rest=", ".join(items[:-1]), last=items[-1])


class Sayable(Protocol):
    """Anything that says itself in a language: a Message, an error, a OneOf."""

    def message(self, lang: str = "en") -> str: ...


def say(text: Sayable | str, lang: str) -> str:
    """A Message in ``lang``; a plain string (a value from a file) sanitized as it is."""
    if isinstance(text, str):
        return sanitize(text)
    return text.message(lang)
