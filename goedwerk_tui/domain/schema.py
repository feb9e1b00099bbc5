"""A small schema language for our YAML formats.

The same definitions drive two things: the validator (``Walker``), which turns a
YAML node tree (``yamlsource`` nodes) into plain data while collecting every mistake
with its line and column, and ``json_schema()``, which writes the JSON Schema editors
use. Nothing is maintained twice.

Objects come back as dicts. Beside each key ``k`` the dict holds ``"@k"``, the
``(line, col)`` of its value, and ``"@"`` holds the object's own position, so
later checks (references, uniqueness) can point at the right place.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeGuard, TypeVar

from goedwerk_tui.domain.diagnostics import ERROR, WARNING, Diagnostic, did_you_mean
from goedwerk_tui.domain.messages import Message, OneOf
from goedwerk_tui.domain.text import LANGUAGES, find_unsafe
from goedwerk_tui.domain.yamlsource import MappingNode, Node, ScalarNode, SequenceNode

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
_A_LIST = Message("check.got.list")
_A_MAPPING = Message("check.got.mapping")
_A_SCALAR = Message("check.got.scalar")

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)


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
            kind = _A_LIST if isinstance(node, SequenceNode) else _A_MAPPING
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


class Kind:
    description: str = ""

    def walk(self, node: Node, w: Walker) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _doc(self, schema: dict[str, Any]) -> dict[str, Any]:
        if self.description:
            schema["description"] = self.description
        return schema


@dataclass
class String(Kind):
    description: str = ""
    pattern: str | None = None
    enum: tuple[str, ...] | None = None
    what: str = "check.what.text"  # message keys
    pattern_hint: str = ""

    def walk(self, node: Node, w: Walker) -> Any:
        if not w.enter(node):
            return INVALID
        value = w.string(node, self.what)
        if value is INVALID:
            return INVALID
        if self.enum is not None and value not in self.enum:
            options = ", ".join(f"'{e}'" for e in self.enum)
            w.error(
                mark_of(node),
                "check.not_allowed",
                value=value,
                options=options,
                hint=did_you_mean(value, self.enum),
            )
            return INVALID
        if self.pattern is not None and re.match(self.pattern, value) is None:
            hint = Message(self.pattern_hint) if self.pattern_hint else ""
            w.error(
                mark_of(node), "check.not_what", value=value, what=Message(self.what), hint=hint
            )
            return INVALID
        return value

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string"}
        if self.enum is not None:
            schema["enum"] = list(self.enum)
        if self.pattern is not None:
            schema["pattern"] = self.pattern
        return self._doc(schema)


def Slug(description: str = "") -> String:  # noqa: N802 - reads like a type in definitions
    return String(
        description=description,
        pattern=SLUG_PATTERN,
        what="check.what.id",
        pattern_hint="check.slug_hint",
    )


@dataclass
class Text(Kind):
    """Human-readable text: a string in the file's language, or ``{nl: ..., en: ...}``."""

    description: str = ""

    def walk(self, node: Node, w: Walker) -> Any:
        if isinstance(node, MappingNode) and node.tag == MAP:
            if not w.enter(node):
                return INVALID
            result: dict[str, str] = {}
            ok = True
            for key_node, value_node in node.value:
                if not w.enter(key_node):
                    ok = False
                    continue
                lang = key_node.value
                if not isinstance(key_node, ScalarNode) or lang not in LANGUAGES:
                    w.error(
                        mark_of(key_node),
                        "check.unknown_language",
                        lang=str(lang),
                        languages=OneOf(LANGUAGES),
                        hint=did_you_mean(str(lang), LANGUAGES),
                    )
                    ok = False
                    continue
                if lang in result:
                    w.error(mark_of(key_node), "check.duplicate_language", lang=lang)
                    ok = False
                    continue
                value = w.string(value_node, "check.what.text") if w.enter(value_node) else INVALID
                if value is INVALID:
                    ok = False
                    continue
                if not value.strip():
                    w.error(mark_of(value_node), "check.language_text_empty", lang=lang)
                    ok = False
                    continue
                result[lang] = value
            if ok and not result:
                w.error(mark_of(node), "check.text_no_language")
                return INVALID
            if not ok:
                return INVALID
            w.note_text(mark_of(node), tuple(result))
            return result
        if not w.enter(node):
            return INVALID
        value = w.string(node, "check.what.text")
        if value is not INVALID:
            if not value.strip():
                w.error(mark_of(node), "check.text_empty")
                return INVALID
            w.note_text(mark_of(node), ())
        return value

    def json_schema(self) -> dict[str, Any]:
        return self._doc({"$ref": "#/definitions/text"})


TEXT_DEFINITION: dict[str, Any] = {
    "description": "Text in the file's language, or a mapping of language code to text.",
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
            "additionalProperties": False,
            "minProperties": 1,
        },
    ],
}


@dataclass
class ListOf(Kind):
    item: Kind
    description: str = ""
    min_items: int | None = None
    max_items: int | None = None
    count_what: str = "check.count.items"  # a plural message key

    def walk(self, node: Node, w: Walker) -> Any:
        if not w.enter(node):
            return INVALID
        if not isinstance(node, SequenceNode):
            got = _A_MAPPING if isinstance(node, MappingNode) else _A_SCALAR
            w.error(mark_of(node), "check.expected_list", got=got)
            return INVALID
        n = len(node.value)
        if (
            self.min_items is not None
            and n < self.min_items
            or (self.max_items is not None and n > self.max_items)
        ):
            message = self._range()
            if n == 0:
                w.error(mark_of(node), message.code, **message.params)
            else:
                w.error(mark_of(node), "check.range_has", range=message, count=n)
        items = []
        marks = []
        for child in node.value:
            value = self.item.walk(child, w)
            if value is not INVALID:
                items.append(value)
                marks.append(mark_of(child))
        return Located(items, marks)

    def walk_stream(
        self,
        node: Node,
        next_item: Callable[[], Node | None],
        w: Walker,
        each: Callable[[Any], None],
    ) -> Any:
        """``walk`` for a list read one item at a time, so that its items need not all be
        in memory: ``node`` is the list's node without items, ``next_item()`` gives the
        next item's node (None after the last), and ``each(value)`` gets every valid
        item's value as soon as it is checked. Returns the number of items, or INVALID.

        Only for lists whose size can be wrong only when empty: ``walk`` reports a bad
        size before the items' own mistakes, which this can do only when there are none.
        """
        if self.max_items is not None or (self.min_items or 0) > 1:
            raise ValueError("walk_stream needs a list with no maximum and a minimum of 0 or 1")
        ok = w.enter(node) and isinstance(node, SequenceNode)
        n = 0
        while (child := next_item()) is not None:
            n += 1
            if ok:
                value = self.item.walk(child, w)
                if value is not INVALID:
                    each(value)
        if not ok:
            return INVALID
        if self.min_items is not None and n < self.min_items:
            message = self._range()
            w.error(mark_of(node), message.code, **message.params)
        return n

    def _range(self) -> Message:
        lo, hi, what = self.min_items, self.max_items, self.count_what
        if lo is not None and hi is not None:
            return Message("check.range", low=lo, high=hi, what=Message(what, count=hi))
        if lo == 1:
            return Message("check.range_empty")
        if lo is not None:
            return Message("check.range_min", low=lo, what=Message(what, count=lo))
        return Message("check.range_max", high=hi, what=Message(what, count=hi))

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items is not None:
            schema["minItems"] = self.min_items
        if self.max_items is not None:
            schema["maxItems"] = self.max_items
        return self._doc(schema)


class Located(list):
    """A list that also knows where each of its items stands in the file."""

    __slots__ = ("marks",)

    def __init__(self, items: list[Any], marks: list[Mark]) -> None:
        super().__init__(items)
        self.marks = marks


@dataclass
class Field:
    kind: Kind
    required: bool = False


@dataclass
class Obj(Kind):
    name: str  # a message key: what the object is called in messages ("check.obj.card")
    fields: dict[str, Field]
    description: str = ""
    # extra checks on the finished object (cross-field rules)
    checks: list[Callable[[dict[str, Any], Walker], None]] = field(default_factory=list)

    def walk(self, node: Node, w: Walker) -> Any:
        result = self.begin(node, w)
        if result is INVALID:
            return INVALID
        for key_node, value_node in node.value:
            kind = self.member(result, key_node, w)
            if kind is not None:
                key = key_node.value
                result[key] = kind.walk(value_node, w)
                result["@" + key] = mark_of(value_node)
        return self.finish(result, w)

    # ``walk`` in three steps, for a caller that reads the mapping's pairs one by one

    def begin(self, node: Node, w: Walker) -> Any:
        """The object's dict, still without keys, or INVALID (with an error)."""
        if not w.enter(node):
            return INVALID
        if not isinstance(node, MappingNode):
            got = _A_LIST if isinstance(node, SequenceNode) else _A_SCALAR
            w.error(mark_of(node), "check.expected_object", what=Message(self.name), got=got)
            return INVALID
        return {"@": mark_of(node)}

    def member(self, result: dict[str, Any], key_node: Node, w: Walker) -> Kind | None:
        """The kind of the value under ``key_node``, or None (with an error, or for a
        reused alias) when that pair is to be left out. The caller walks the value and
        stores it as ``result[key]``, its mark as ``result["@" + key]``."""
        if not w.enter(key_node):
            return None
        if not isinstance(key_node, ScalarNode) or key_node.tag != STR:
            if isinstance(key_node, ScalarNode):
                w.error(mark_of(key_node), "check.key_not_word", key=key_node.value)
            else:
                w.error(mark_of(key_node), "check.key_not_word_unnamed")
            return None
        key = key_node.value
        spec = self.fields.get(key)
        if spec is None:
            w.error(
                mark_of(key_node),
                "check.unknown_key",
                key=key,
                where=Message(self.name),
                hint=did_you_mean(key, self.fields),
            )
            return None
        if key in result:
            first = result["@" + key]
            w.error(mark_of(key_node), "check.duplicate_key", key=key, first=first[0])
            return None
        return spec.kind

    def finish(self, result: dict[str, Any], w: Walker) -> dict[str, Any]:
        """After the last pair: required keys, then the object's own checks."""
        fields = self.fields
        for key, spec in fields.items():
            if spec.required and key not in result:
                w.error(result["@"], "check.missing_key", what=Message(self.name), key=key)
        for check in self.checks:
            check(result, w)
        return result

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {key: spec.kind.json_schema() for key, spec in self.fields.items()},
            "additionalProperties": False,
        }
        required = [key for key, spec in self.fields.items() if spec.required]
        if required:
            schema["required"] = required
        return self._doc(schema)


_T = TypeVar("_T")


def valid(value: _T | None) -> TypeGuard[_T]:
    """Neither missing (None) nor INVALID (so, for mypy, not None)."""
    return value is not INVALID and value is not None


def valid_items(value: Any) -> list[Any]:
    """The valid entries of a list field (nothing when the field is missing or broken)."""
    return [item for item in value if valid(item)] if valid(value) else []
