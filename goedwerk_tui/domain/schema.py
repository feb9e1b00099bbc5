"""A small schema language for our YAML formats.

The kinds here (``String``, ``Text``, ``ListOf``, ``Obj``) are the validator's table of
objects and fields; ``models`` derives that table from the msgspec declaration of the
deck model, and never writes it by hand. The same table drives two things: the
validator, whose kinds walk a YAML node tree (``yamlsource`` nodes) into plain data
while the ``Walker`` collects every mistake with its line and column, and
``json_schema()``, which writes the JSON Schema editors use.

Objects come back as dicts. Beside each key ``k`` the dict holds ``"@k"``, the
``(line, col)`` of its value, and ``"@"`` holds the object's own position, so
later checks (references, uniqueness) can point at the right place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from goedwerk_tui.domain.declare import SLUG_PATTERN
from goedwerk_tui.domain.diagnostics import did_you_mean
from goedwerk_tui.domain.messages import Message, OneOf
from goedwerk_tui.domain.text import LANGUAGES
from goedwerk_tui.domain.walker import (
    A_LIST,
    A_MAPPING,
    A_SCALAR,
    INVALID,
    MAP,
    STR,
    Mark,
    Walker,
    mark_of,
    valid,
    valid_items,
)
from goedwerk_tui.domain.yamlsource import MappingNode, Node, ScalarNode, SequenceNode


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
            got = A_MAPPING if isinstance(node, MappingNode) else A_SCALAR
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


class Located(list[Any]):
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
    # other words users write for a key (a goal's Dutch name): an unknown key that is
    # one of them gets the key meant as its hint
    aliases: dict[str, str] = field(default_factory=dict)

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
            got = A_LIST if isinstance(node, SequenceNode) else A_SCALAR
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
                hint=self._hint(key),
            )
            return None
        if key in result:
            first = result["@" + key]
            w.error(mark_of(key_node), "check.duplicate_key", key=key, first=first[0])
            return None
        return spec.kind

    def _hint(self, key: str) -> Message | str:
        meant = self.aliases.get(key)
        if meant is not None:
            return Message("hint.did_you_mean", word=meant)
        return did_you_mean(key, self.fields)

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


__all__ = [
    "INVALID",
    "SLUG_PATTERN",
    "Field",
    "Kind",
    "ListOf",
    "Located",
    "Mark",
    "Obj",
    "String",
    "Text",
    "Walker",
    "valid",
    "valid_items",
]
