"""Reading a YAML file users hand us: size-limited, safe, with line and column marks.

We never construct Python objects from YAML directly. ``yaml.compose`` (with the C
parser when available) gives a node tree that keeps every value's position and the
tag YAML resolved for it; the schema walker turns that tree into plain data. No
constructor runs, so ``!!python/...`` tags can never execute anything.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from goedwerk_tui.domain.diagnostics import ERROR, Diagnostic, FileProblem

try:  # the C parser is several times faster; fall back to pure Python when absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 16 * 1024 * 1024


def read_text(path: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The file's text, or a FileProblem with one clear error."""

    def fail(message: str) -> FileProblem:
        return FileProblem([Diagnostic(display, 0, 0, ERROR, message)])

    try:
        size = path.stat().st_size
        if path.is_dir():
            raise fail("is a folder, not a file")
        if size > max_bytes:
            raise fail(f"file is {size:,} bytes; the limit is {max_bytes:,} bytes")
        data = path.read_bytes()
    except FileNotFoundError:
        raise fail("no such file") from None
    except PermissionError:
        raise fail("permission denied") from None
    except IsADirectoryError:
        raise fail("is a folder, not a file") from None
    except OSError as exc:
        raise fail(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # the file grew while we looked
        raise fail(f"file is over the limit of {max_bytes:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FileProblem(
            [
                Diagnostic(
                    display, line, col, ERROR, "file is not valid UTF-8 text; save it as UTF-8"
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def compose(text: str, display: str) -> yaml.Node | None:
    """The document's node tree (None for an empty document), or a FileProblem."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem and "expected a single document" in exc.context:
            problem = "a deck file holds one YAML document; remove the extra '---' section"
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise FileProblem(
            [Diagnostic(display, line, col, ERROR, f"YAML syntax error: {_tidy(problem)}")]
        ) from None
    except yaml.YAMLError as exc:  # reader errors: unacceptable characters and the like
        mark = getattr(exc, "position", None)
        message = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        if isinstance(mark, int):
            line = text.count("\n", 0, mark) + 1
            col = mark - (text.rfind("\n", 0, mark) + 1) + 1
        else:
            line, col = 0, 0
        raise FileProblem(
            [Diagnostic(display, line, col, ERROR, f"YAML error: {message}")]
        ) from None
    except RecursionError:
        raise FileProblem(
            [Diagnostic(display, 0, 0, ERROR, "YAML nesting is too deep to be a deck")]
        ) from None


def _tidy(problem: str) -> str:
    return " ".join(problem.split())
