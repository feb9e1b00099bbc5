"""Fixtures of the report tests: the golden saves, and the time zone they are read in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.golden.sessions import golden_saves, local_zone, variation_saves


@pytest.fixture
def amsterdam_time() -> Iterator[None]:
    """Reports show local time: a test using this runs in Amsterdam (its subprocesses too)."""
    with local_zone("Europe/Amsterdam"):
        yield


@pytest.fixture
def saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """``tafel-1.jsonl`` (a finished session) and ``tafel-2.jsonl`` (stopped early)."""
    return golden_saves(tmp_path, monkeypatch)


@pytest.fixture
def what_if(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """``wat-als-1.jsonl`` (two teams, variations, the measure) and ``wat-als-2.jsonl``
    (one team of another table)."""
    return variation_saves(tmp_path, monkeypatch)
