from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
DECKS = ROOT / "decks"

T = TypeVar("T")


def present(value: T | None) -> T:
    """``value``, which the test expects to be there (the current card, a loaded deck):
    fails the test where it is None, and tells the type checker so."""
    assert value is not None
    return value


@pytest.fixture(autouse=True)
def _isolated_saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test saves into its own folder, never into the checkout's saves/."""
    saves = tmp_path / "saves"
    monkeypatch.setenv("GOEDWERK_SAVES", str(saves))
    monkeypatch.setenv("GOEDWERK_CACHE", str(tmp_path / "cache"))
    return saves


@pytest.fixture
def saves_dir() -> Path:
    return Path(os.environ["GOEDWERK_SAVES"])
