"""The walker that turns a YAML node tree into plain data, collecting every mistake.

``Walker`` holds one file's diagnostics (each with its line and column) and what the
translation checks need; the kinds of ``schema`` call it for every value. ``INVALID``
stands for a value that had an error, ``valid`` tells it from a good one.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeGuard, TypeVar

from goedwerk_tui.domain.diagnostics import ERROR, WARNING, Diagnostic
from goedwerk_tui.domain.messages import Message
from goedwerk_tui.domain.text import LANGUAGES, find_unsafe
from goedwerk_tui.domain.yamlsource import Node, ScalarNode, SequenceNode

Mark = tuple[int, int]

_Y = "tag:yaml.org,2002:"
STR, BOOL, INT, FLOAT, NULL, TIMESTAMP = (
    _Y + "str",
    _Y + "bool",
    _Y + "int",
    _Y + "float",
    _Y + "null",
    _Y + "timestamp",
)
SEQ, MAP = _Y + "seq", _Y + "map"
_ALLOWED_TAGS = frozenset({STR, BOOL, INT, FLOAT, NULL, TIMESTAMP, SEQ, MAP})
_READ_AS = {
    BOOL: Message("check.read_as.bool"),
    INT: Message("check.read_as.number"),
    FLOAT: Message("check.read_as.number"),
    NULL: Message("check.read_as.null"),
    TIMESTAMP: Message("check.read_as.date"),
}
A_LIST = Message("check.got.list")
A_MAPPING = Message("check.got.mapping")
A_SCALAR = Message("check.got.scalar")


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


def mark_of(node: Node) -> Mark:
    return node.mark


def show_tag(tag: str) -> str:
    return "!!" + tag[len(_Y) :] if tag.startswith(_Y) else tag


def describe_char(char: str) -> Message:
    """A readable name for a character that must not reach a terminal."""
    code = f"U+{ord(char):04X}"
    if char == "\x1b":
        return Message("check.char.esc")
    if (
        0x202A <= ord(char) <= 0x202E
        or 0x2066 <= ord(char) <= 0x2069
        or char in "\u200e\u200f\u061c"
    ):
        return Message("check.char.bidi", code=code)
    return Message("check.char.control", code=code)


_ALL_LANGUAGES = frozenset(LANGUAGES)


@dataclass
class Walker:
    """Walks one file's node tree; collects diagnostics and what text checks need."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error_count: int = 0
    # For the translation warnings: every language any text is given in, and, in file
    # order, where each text stands that lacks one of LANGUAGES (a plain string or a
    # one-language mapping) and which languages it has. Texts in every language never
    # get a warning, so they are not kept. Marks are packed ``line << 32 | col``.
    languages: set[str] = field(default_factory=set)
    _text_marks: array[int] = field(default_factory=lambda: array("q"))
    _text_langs: bytearray = field(default_factory=bytearray)
    _lang_sets: dict[tuple[str, ...], int] = field(default_factory=dict)
    # only an anchored node can be reached twice (through an alias); these are kept
    # alive by the composer's anchors while the file is walked, so ids stay theirs
    _seen: set[int] = field(default_factory=set)

    def error(self, at: Mark, code: str, /, **params: object) -> None:
        """An error at ``at``: a message key of the catalogue and its values."""
        self.error_count += 1
        message = Message(code, **params)
        self.diagnostics.append(Diagnostic(self.path, at[0], at[1], ERROR, message))

    def warning(self, at: Mark, code: str, /, **params: object) -> None:
        message = Message(code, **params)
        self.diagnostics.append(Diagnostic(self.path, at[0], at[1], WARNING, message))

    def note_text(self, at: Mark, langs: tuple[str, ...]) -> None:
        """A localized text at ``at`` in ``langs`` (``()`` for a plain string)."""
        self.languages.update(langs)
        if _ALL_LANGUAGES.issubset(langs):
            return
        code = self._lang_sets.setdefault(langs, len(self._lang_sets))
        self._text_marks.append(at[0] << 32 | at[1])
        self._text_langs.append(code)

    def incomplete_texts(self) -> Iterator[tuple[Mark, tuple[str, ...]]]:
        """The texts ``note_text`` kept, in file order: mark and languages."""
        sets = list(self._lang_sets)
        for packed, code in zip(self._text_marks, self._text_langs, strict=True):
            yield (packed >> 32, packed & 0xFFFFFFFF), sets[code]

    def enter(self, node: Node) -> bool:
        """False (with an error) when the node may not be used: anchored or odd tag.

        An anchored value is refused where it is defined, used by an alias or not:
        one message per anchor, however often aliases repeat it (so an alias bomb
        is never expanded).
        """
        if node.anchor is not None:
            key = id(node)
            if key not in self._seen:
                self._seen.add(key)
                self.error(mark_of(node), "check.anchor")
            return False
        if node.tag not in _ALLOWED_TAGS:
            self.error(mark_of(node), "check.tag", tag=show_tag(node.tag))
            return False
        return True

    def string(self, node: Node, what: str) -> Any:
        """A scalar's text, or INVALID with an error explaining what YAML made of it.

        ``what`` is the message key naming what was expected (``check.what.text``).
        """
        if not isinstance(node, ScalarNode):
            kind = A_LIST if isinstance(node, SequenceNode) else A_MAPPING
            self.error(mark_of(node), "check.expected", what=Message(what), got=kind)
            return INVALID
        if node.tag != STR:
            read_as = _READ_AS.get(node.tag, show_tag(node.tag))
            if node.tag == NULL and node.value in ("", "~"):
                self.error(mark_of(node), "check.expected_empty", what=Message(what))
            else:
                self.error(
                    mark_of(node),
                    "check.expected_read_as",
                    what=Message(what),
                    value=node.value,
                    read_as=read_as,
                )
            return INVALID
        value: str = node.value
        bad = find_unsafe(value)
        if bad is not None:
            self.error(mark_of(node), "check.unsafe_char", char=describe_char(bad.group()))
            return INVALID
        return value


_T = TypeVar("_T")


def valid(value: _T | None) -> TypeGuard[_T]:
    """Neither missing (None) nor INVALID (so, for mypy, not None)."""
    return value is not INVALID and value is not None


def valid_items(value: Any) -> list[Any]:
    """The valid entries of a list field (nothing when the field is missing or broken)."""
    return [item for item in value if valid(item)] if valid(value) else []
