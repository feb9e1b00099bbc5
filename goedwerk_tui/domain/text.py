"""Localized text and the rules that keep user-supplied text harmless on a terminal."""

from __future__ import annotations

import re
from collections.abc import Mapping

LANGUAGES = ("nl", "en")

# C0 controls except tab and newline, DEL, C1 controls (ESC starts ANSI sequences;
# C1 CSI does too) and the Unicode bidirectional overrides/isolates/marks that can
# make text read differently from how it is stored ("Trojan Source").
UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def find_unsafe(text: str) -> re.Match[str] | None:
    """The first character that must never reach a terminal, if any."""
    return UNSAFE_CHARS.search(text)


def describe_char(char: str) -> str:
    """A readable name for an unsafe character, as used in messages."""
    code = ord(char)
    if char == "\x1b":
        return "ESC (U+001B, starts an ANSI escape sequence)"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069 or char in "\u200e\u200f\u061c":
        return f"U+{code:04X} (a bidirectional control character)"
    return f"U+{code:04X} (a control character)"


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
    """Human-readable text in one or more languages (``{"nl": ..., "en": ...}``)."""

    __slots__ = ("by_lang",)

    def __init__(self, by_lang: Mapping[str, str]) -> None:
        self.by_lang = dict(by_lang)

    @classmethod
    def of(cls, value: str | Mapping[str, str] | LocalText, default_lang: str) -> LocalText:
        if isinstance(value, LocalText):
            return value
        if isinstance(value, str):
            return cls({default_lang: value})
        return cls(value)

    def get(self, lang: str) -> str:
        """The text in ``lang``, else in the other known language, else any."""
        if lang in self.by_lang:
            return self.by_lang[lang]
        for other in LANGUAGES:
            if other in self.by_lang:
                return self.by_lang[other]
        return next(iter(self.by_lang.values()), "")

    def to_data(self) -> dict[str, str]:
        return dict(self.by_lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LocalText) and other.by_lang == self.by_lang

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.by_lang.items())))

    def __repr__(self) -> str:
        return f"LocalText({self.by_lang!r})"


def reflow(text: str) -> str:
    """Paragraphs as authors mean them: single line breaks folded, blank lines kept.

    Block scalars in YAML keep the author's own line breaks; the screen wraps itself.
    """
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
