"""Modules stay small and functions short, so each file can be read at once.

A module holds at most 400 lines and a function at most 60, except a measured hot
loop that says so in a comment at its top ("hot loop"): splitting it would cost time
on every event of a long save or a big deck.
"""

from __future__ import annotations

import ast
from pathlib import Path

import goedwerk_tui

PACKAGE = Path(goedwerk_tui.__file__).parent
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in sources()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_function_is_over_60_lines_unless_it_is_a_measured_hot_loop() -> None:
    long = []
    for path in sources():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            assert node.end_lineno is not None
            size = node.end_lineno - node.lineno + 1
            top = "\n".join(lines[node.lineno - 1 : node.lineno + 6])
            if size > MAX_FUNCTION_LINES and "hot loop" not in top:
                long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({size})")
    assert long == []
