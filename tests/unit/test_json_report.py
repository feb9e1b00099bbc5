"""The JSON report's writer: msgspec, with what it does unlike Python's json made equal."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest
from msgspec.structs import replace

from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.domain.text import UNSAFE_CHARS, sanitize
from goedwerk_tui.report.json_data import _seconds
from goedwerk_tui.report.json_export import _needs_cleaning, render_json
from tests.golden.sessions import golden_saves

UNSAFE = [
    chr(c) for c in range(0x110000) if UNSAFE_CHARS.match(chr(c)) and not 0xD800 <= c < 0xE000
]


def test_every_character_sanitize_replaces_is_found_in_the_written_json() -> None:
    """The quick check on the encoded bytes follows ``UNSAFE_CHARS`` (surrogates aside:
    msgspec refuses to encode them, which takes the same slow path)."""
    missed = [c for c in UNSAFE if not _needs_cleaning(msgspec.json.encode(f"a{c}b"))]
    assert missed == []


def test_safe_text_takes_the_quick_path() -> None:
    safe = "".join(chr(c) for c in range(0x20, 0x3000) if not UNSAFE_CHARS.match(chr(c)))
    safe = safe.replace("\\", "")  # an escaped backslash before "b" is a (harmless) false alarm
    assert not _needs_cleaning(msgspec.json.encode(safe + "\n\t"))


@pytest.mark.parametrize("seconds", [0.0, 1e-4, 54.0, 0.1 + 0.2, 1e15, 1e16, 1e-05, 1.5e300])
def test_seconds_are_spelled_as_pythons_json_spells_them(seconds: float) -> None:
    assert msgspec.json.encode(_seconds(seconds)) == json.dumps(seconds).encode()


def test_the_report_with_odd_text_and_numbers_is_what_json_dumps_would_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lone surrogate, a control character and seconds in exponent notation."""
    read = read_save(golden_saves(tmp_path, monkeypatch)[0])
    first = read.session.rounds[0]
    first.history[:] = [
        replace(c, seconds=1e16, rationale="x\ud800\x1by") if c.team == "t1" else c
        for c in first.history
    ]
    first.notes[:] = ["bel \x07"]
    text = render_json(Debrief.from_reads([read]), "en").decode("utf-8")
    data = json.loads(text)
    entry = data["rounds"][0]["entries"][0]
    assert entry["rationale"] == sanitize("x\ud800\x1by") == "x\\ud800\\u001by"
    assert entry["seconds"] == 1e16 and '"seconds": 1e+16' in text
    assert data["rounds"][0]["plays"][0]["notes"] == ["bel \\u0007"]
    # the layout of the golden report: one line per round, keys as Python's json writes
    round_line = next(line for line in text.splitlines() if '"entries": ' in line)
    assert json.loads(round_line.rstrip(",")) == data["rounds"][0]
    assert round_line.strip().rstrip(",") == json.dumps(data["rounds"][0], ensure_ascii=False)
