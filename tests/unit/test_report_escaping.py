"""Markdown escaping: every special character and nothing else, whatever surrounds it."""

from __future__ import annotations

from goedwerk_tui.report.markdown import _SPECIAL, md

_ALL = str.maketrans({char: "\\" + char for char in _SPECIAL})


def test_md_escapes_exactly_the_special_characters() -> None:
    for code in range(0x3000):
        text = f"a{chr(code)}bé€"
        assert md(text) == text.translate(_ALL), hex(code)
