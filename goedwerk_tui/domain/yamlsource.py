"""Reading a YAML file users hand us: size-limited, safe, with line and column marks.

We never construct Python objects from YAML directly. The parser (libyaml's, when
PyYAML has it) gives a stream of events; ``Composer`` turns them into small nodes
that keep each value's position and the tag YAML resolves for it, and the schema
walker turns nodes into plain data. No constructor runs, so ``!!python/...`` tags can
never execute anything.

``Composer`` builds what ``yaml.compose`` would (same tags, same alias and anchor
rules, same errors), but it can stop after any node: a deck's cards are composed,
checked and dropped one at a time, so a big deck never has its whole node tree in
memory. Nodes hold ``(line, col)`` tuples instead of PyYAML's two ``Mark`` objects.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from goedwerk_tui.domain.diagnostics import ERROR, Diagnostic, FileProblem
from goedwerk_tui.domain.files import FileTooLarge, NotARegularFile, read_regular_file
from goedwerk_tui.domain.messages import Message

try:  # the C parser is several times faster; fall back to pure Python when absent
    from yaml import CSafeLoader as _Loader

    _WITH_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # same API, in Python

    _WITH_LIBYAML = False

MAX_FILE_BYTES = 16 * 1024 * 1024
# Without libyaml (whose parser stops at 1,000 levels) PyYAML's composer recursed and
# ran out of stack on deep nesting; ours does not recurse, so it stops itself.
_MAX_DEPTH = 1000
_BOM = "\ufeff"
_BOM_BYTES = _BOM.encode("utf-8")
_CHECK_CHUNK = 1 << 16  # bytes decoded at a time when only checking that a file is UTF-8


def _fail(display: str, code: str, /, **params: object) -> FileProblem:
    return FileProblem([Diagnostic(display, 0, 0, ERROR, Message(code, **params))])


def _read_bytes(path: Path, display: str, max_bytes: int) -> bytes:
    try:
        return read_regular_file(path, max_bytes)
    except FileNotFoundError:
        raise _fail(display, "file.missing") from None
    except PermissionError:
        raise _fail(display, "file.permission_denied") from None
    except NotARegularFile as exc:
        if exc.kind == "folder":
            raise _fail(display, "file.is_folder") from None
        raise _fail(display, f"file.is_{exc.kind}") from None
    except FileTooLarge as exc:
        raise _fail(display, "file.too_big", size=exc.size, limit=max_bytes) from None
    except IsADirectoryError:  # pragma: no cover - the folder is caught above
        raise _fail(display, "file.is_folder") from None
    except OSError as exc:
        raise _fail(display, "file.cannot_read", reason=exc.strerror or str(exc)) from None


def _not_utf8(data: bytes, exc: UnicodeDecodeError, display: str) -> FileProblem:
    line = data[: exc.start].count(b"\n") + 1
    col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
    return FileProblem([Diagnostic(display, line, col, ERROR, Message("file.not_utf8"))])


def read_text(path: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The file's text, or a FileProblem with one clear error."""
    data = _read_bytes(path, display, max_bytes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(data, exc, display) from None
    return text.removeprefix(_BOM)


def read_utf8(path: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """What ``read_text`` gives, still encoded: the same checks and messages, but the
    file is never held twice (bytes and text), and the parser reads the bytes as they are.
    """
    data = _read_bytes(path, display, max_bytes)
    if not data.isascii():
        decoder = codecs.getincrementaldecoder("utf-8")()
        view = memoryview(data)
        try:
            for start in range(0, len(data), _CHECK_CHUNK):
                decoder.decode(view[start : start + _CHECK_CHUNK])
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            try:  # decode it all once more, for the position the whole-file decode reports
                data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise _not_utf8(data, exc, display) from None
            raise  # pragma: no cover - the two decoders always agree
    return data[len(_BOM_BYTES) :] if data.startswith(_BOM_BYTES) else data


# --- nodes -----------------------------------------------------------------------


class Node:
    """A composed YAML value: resolved ``tag``, ``value``, 1-based ``(line, col)`` mark.

    ``anchor`` is the YAML anchor name (``&name``) or None. Only an anchored node can
    be reached twice (through an alias), so only those need remembering.
    """

    __slots__ = ("tag", "value", "mark", "anchor")

    def __init__(self, tag: str, value: Any, mark: tuple[int, int], anchor: str | None) -> None:
        self.tag = tag
        self.value = value
        self.mark = mark
        self.anchor = anchor

    def __repr__(self) -> str:  # as PyYAML's nodes; a message can quote a key that is a list
        return f"{type(self).__name__}(tag={self.tag!r}, value={self.value!r})"


class ScalarNode(Node):
    """``value`` is the scalar's text."""

    __slots__ = ()


class SequenceNode(Node):
    """``value`` is the list of item nodes."""

    __slots__ = ()


class MappingNode(Node):
    """``value`` is the list of ``(key node, value node)`` pairs, in file order."""

    __slots__ = ()


class _TextReader:
    """Hands text to the parser a piece at a time (the parser encodes each piece), so
    the whole text is never copied into one more UTF-8 buffer."""

    __slots__ = ("_text", "_pos")

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0

    def read(self, size: int = -1, /) -> str:  # as a file's: no or negative size: the rest
        start = self._pos
        self._pos = start + size if size >= 0 else len(self._text)
        return self._text[start : self._pos]


class Composer:
    """Nodes from the events of one YAML document, composed one value at a time.

    It follows PyYAML's composer (the C one, which ``yaml.compose`` uses with
    CSafeLoader) rule for rule: the same tags (scalars resolved by the loader's own
    implicit resolvers), an anchor is known from its node's start (so ``&a [*a]`` is
    a node inside itself), an undefined alias and a reused anchor name are
    ComposerErrors, and a second document is an error once the first is done.
    PyYAML's path resolvers are not supported; PyYAML has none unless a program adds
    them, and goedwerk adds none.
    """

    def __init__(self, source: str | bytes) -> None:
        loader = _Loader(source if isinstance(source, bytes) else _TextReader(source))
        self._get = loader.get_event
        self.peek = loader.peek_event
        self.anchors: dict[str, Node] = {}
        self._resolvers: dict[Any, list[tuple[str, Any]]] = loader.yaml_implicit_resolvers
        self._wildcard: list[tuple[str, Any]] = self._resolvers.get(None, [])
        self._str_tag: str = loader.DEFAULT_SCALAR_TAG
        self._seq_tag: str = loader.DEFAULT_SEQUENCE_TAG
        self._map_tag: str = loader.DEFAULT_MAPPING_TAG
        self._root_mark: Any = None

    def start(self) -> bool:
        """Read up to the document's root; False when the stream holds no document."""
        self._get()  # stream start
        if self.peek().__class__ is StreamEndEvent:
            return False
        self._get()  # document start
        root = self.peek()
        assert root is not None  # the parser gives None only after the stream's end
        self._root_mark = root.start_mark
        return True

    def finish(self) -> None:
        """After the root node: the document ends, and no other document follows."""
        self._get()  # document end
        self.anchors = {}
        event = self._get()
        assert event is not None  # the parser gives None only after the stream's end
        if event.__class__ is not StreamEndEvent:
            raise ComposerError(
                "expected a single document in the stream",
                self._root_mark,
                "but found another document",
                event.start_mark,  # type: ignore[arg-type]  # libyaml Mark: PyYAML passes them too
            )

    def at_end(self) -> bool:
        """True when the collection being read has no more items (its end is next)."""
        cls = self.peek().__class__
        return cls is SequenceEndEvent or cls is MappingEndEvent

    def skip_end(self) -> None:
        """Consume the end of the collection being read."""
        self._get()

    def open(self, kind: type[Node]) -> Node | None:
        """When the next value is a ``kind`` (SequenceNode or MappingNode), read only its
        start and return it without items (they then come from ``node()`` until
        ``at_end()``, and ``skip_end()`` reads its end); else None, with nothing read."""
        event = self.peek()
        mapping = kind is MappingNode
        if event.__class__ is not (MappingStartEvent if mapping else SequenceStartEvent):
            return None
        self._get()
        return self._collection(event, mapping)

    def _collection(self, event: Any, mapping: bool) -> Node:
        anchor = event.anchor
        if anchor is not None and anchor in self.anchors:
            raise self._duplicate_anchor(event)
        tag = event.tag
        start = event.start_mark
        mark = (start.line + 1, start.column + 1)
        node: Node
        if mapping:
            node = MappingNode(
                self._map_tag if tag is None or tag == "!" else tag, [], mark, anchor
            )
        else:
            node = SequenceNode(
                self._seq_tag if tag is None or tag == "!" else tag, [], mark, anchor
            )
        if anchor is not None:
            self.anchors[anchor] = node
        return node

    def _duplicate_anchor(self, event: Any) -> ComposerError:
        # as the C composer words it; only the second mark is ever shown
        return ComposerError(
            "found duplicate anchor; first occurrence", None, "second occurrence", event.start_mark
        )

    def node(self) -> Node:
        """The next value, whole (an alias gives the node its anchor named)."""
        # A measured hot loop, over 60 lines on purpose: it runs for every YAML event of
        # a deck (millions for 10,000 cards), and a call per event costs a tenth more.
        # Any: events are told apart by their exact class below (no isinstance per
        # event, on the hot path), which mypy does not follow; inside a document the
        # parser never gives None (only after the stream's end)
        get: Callable[[], Any] = self._get
        anchors = self.anchors
        resolvers = self._resolvers
        wildcard = self._wildcard
        str_tag = self._str_tag
        stack: list[Node] = []  # the collections being filled, innermost last
        keys: list[Node | None] = []  # per open collection: a mapping's key awaiting its value
        while True:
            event = get()
            cls = event.__class__
            if cls is ScalarEvent:
                anchor = event.anchor
                if anchor is not None and anchor in anchors:
                    raise self._duplicate_anchor(event)
                value = event.value
                tag = event.tag
                if tag is None or tag == "!":
                    # Resolver.resolve(ScalarNode, value, implicit), path resolvers aside
                    tag = str_tag
                    if event.implicit[0]:
                        found = resolvers.get(value[:1])
                        if found is not None or wildcard:
                            for candidate, regexp in (found or []) + wildcard:
                                if regexp.match(value):
                                    tag = candidate
                                    break
                start = event.start_mark
                node: Node = ScalarNode(tag, value, (start.line + 1, start.column + 1), anchor)
                if anchor is not None:
                    anchors[anchor] = node
            elif cls is SequenceStartEvent or cls is MappingStartEvent:
                if len(stack) >= _MAX_DEPTH:
                    raise RecursionError("YAML nesting too deep")
                stack.append(self._collection(event, cls is MappingStartEvent))
                keys.append(None)
                continue
            elif cls is SequenceEndEvent or cls is MappingEndEvent:
                node = stack.pop()
                keys.pop()
            elif cls is AliasEvent:
                found_node = anchors.get(event.anchor)
                if found_node is None:
                    problem = "found undefined alias"  # libyaml's words; PyYAML's name it
                    if not _WITH_LIBYAML:  # pragma: no cover - depends on how PyYAML was built
                        problem += f" {event.anchor!r}"
                    raise ComposerError(None, None, problem, event.start_mark)
                node = found_node
            else:  # pragma: no cover - the parser never gives other events inside a node
                raise ComposerError(None, None, f"unexpected {cls.__name__}", event.start_mark)
            if not stack:
                return node
            parent = stack[-1]
            if parent.__class__ is SequenceNode:
                parent.value.append(node)
            else:
                key = keys[-1]
                if key is None:
                    keys[-1] = node
                else:
                    parent.value.append((key, node))
                    keys[-1] = None


def compose(text: str, display: str) -> Node | None:
    """The document's node tree (None for an empty document), or a FileProblem."""
    try:
        composer = Composer(text)  # PyYAML's pure-Python reader can fail here already
        if not composer.start():
            return None
        root = composer.node()
        composer.finish()
        return root
    except YAML_PROBLEMS as exc:
        raise yaml_problem(exc, text, display) from None


# what parsing and composing can raise on bad input (deep nesting only without libyaml,
# whose parser stops at 1,000 levels)
YAML_PROBLEMS = (yaml.YAMLError, RecursionError)


def yaml_problem(exc: BaseException, source: str | bytes, display: str) -> FileProblem:
    """The one error a YAML_PROBLEMS exception means, as a FileProblem."""

    def one(line: int, col: int, code: str, /, **params: object) -> FileProblem:
        return FileProblem([Diagnostic(display, line, col, ERROR, Message(code, **params))])

    # libyaml's own words stay as they are, inside our translated frame
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem: Message | str = _tidy(exc.problem or exc.context or "") or _INVALID
        if exc.context and exc.problem and "expected a single document" in exc.context:
            problem = Message("yaml.one_document")
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return one(line, col, "yaml.syntax_error", problem=problem)
    if isinstance(exc, yaml.YAMLError):  # reader errors: unacceptable characters and the like
        mark = getattr(exc, "position", None)
        message = str(exc).splitlines()[0] if str(exc) else _INVALID
        if isinstance(mark, int):
            # as before: the parser's byte offset, counted in the decoded text
            text = source.decode("utf-8") if isinstance(source, bytes) else source
            line = text.count("\n", 0, mark) + 1
            col = mark - (text.rfind("\n", 0, mark) + 1) + 1
        else:
            line, col = 0, 0
        return one(line, col, "yaml.error", problem=message)
    return one(0, 0, "yaml.too_deep")


_INVALID = Message("yaml.invalid")


def _tidy(problem: str) -> str:
    return " ".join(problem.split())
