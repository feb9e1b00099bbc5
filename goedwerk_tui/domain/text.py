"""Localized text and the rules that keep user-supplied text harmless on a terminal."""

from __future__ import annotations

import re
from collections.abc import Mapping

LANGUAGES = ("nl", "en")

# C0 controls except tab and newline, DEL, C1 controls (ESC starts ANSI sequences;
# C1 CSI does too) and the Unicode bidirectional overrides/isolates/marks that can
# make text read differently from how it is stored ("Trojan Source"), and lone
# surrogates (half a character: JSON in a save can hold one; no terminal can show it).
UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def find_unsafe(text: str) -> re.Match[str] | None:
    """The first character that must never reach a terminal, if any."""
    return UNSAFE_CHARS.search(text)


def sanitize(text: str) -> str:
    """Text safe to show: every unsafe character replaced by a visible escape.

    Saves and typed names can contain anything; what reaches the terminal must not
    contain control sequences. Newlines and tabs are kept.
    """
    if UNSAFE_CHARS.search(text) is None:
        return text
    return UNSAFE_CHARS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# A whole terminal escape sequence (CSI, OSC, or a two-byte one), so that no
# leftover like "[31m" stays in typed text once the ESC itself is gone.
ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[@-Z\\-_]"
)


def clean_input(text: str, limit: int = 200) -> str:
    """What we keep of a line typed by a user: escape sequences and unsafe characters
    dropped, white space folded, at most ``limit`` characters."""
    text = ESCAPE_SEQUENCE.sub("", text)
    text = UNSAFE_CHARS.sub("", text).replace("\n", " ").replace("\t", " ")
    return " ".join(text.split())[:limit]


class LocalText:
    """Human-readable text in one or more languages (``{"nl": ..., "en": ...}``).

    Stored compactly, as a deck holds tens of thousands of these: text in one language
    (the usual case) is its language code and its text; text in several languages
    (or none) is a tuple of ``(language, text)`` pairs.
    """

    __slots__ = ("_lang", "_text")

    _lang: str | None  # the one language, or None when ``_text`` holds the pairs
    _text: str | tuple[tuple[str, str], ...]

    def __init__(self, by_lang: Mapping[str, str]) -> None:
        if len(by_lang) == 1:
            ((self._lang, self._text),) = by_lang.items()
        else:
            self._lang = None
            self._text = tuple(by_lang.items())

    @classmethod
    def one(cls, lang: str, text: str) -> LocalText:
        """Text in one language (what ``LocalText({lang: text})`` makes, made faster)."""
        local = object.__new__(cls)
        local._lang = lang
        local._text = text
        return local

    @classmethod
    def of(cls, value: str | Mapping[str, str] | LocalText, default_lang: str) -> LocalText:
        if isinstance(value, LocalText):
            return value
        if isinstance(value, str):
            return cls.one(default_lang, value)
        return cls(value)

    @property
    def by_lang(self) -> dict[str, str]:
        """The texts by language (a new dict)."""
        if self._lang is not None:
            return {self._lang: self._text}  # type: ignore[dict-item]  # a str when _lang is set
        return dict(self._text)  # type: ignore[arg-type]  # the pairs when _lang is None

    def get(self, lang: str) -> str:
        """The text in ``lang``, else in the other known language, else any."""
        if self._lang is not None:
            return self._text  # type: ignore[return-value]  # a str when _lang is set
        pairs: tuple[tuple[str, str], ...] = self._text  # type: ignore[assignment]  # _lang None
        for wanted in (lang, *LANGUAGES):
            for code, text in pairs:
                if code == wanted:
                    return text
        return pairs[0][1] if pairs else ""

    def to_data(self) -> dict[str, str]:
        return self.by_lang

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LocalText):
            return False
        if self._lang is not None and other._lang is not None:
            return self._lang == other._lang and self._text == other._text
        return other.by_lang == self.by_lang

    def __hash__(self) -> int:
        if self._lang is not None:
            return hash(((self._lang, self._text),))
        return hash(tuple(sorted(self._text)))

    def __repr__(self) -> str:
        return f"LocalText({self.by_lang!r})"


def reflow(text: str) -> str:
    """Paragraphs as authors mean them: single line breaks folded, blank lines kept.

    Block scalars in YAML keep the author's own line breaks; the screen wraps itself.
    """
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
