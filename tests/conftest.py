from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DECKS = ROOT / "decks"


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
