"""Issue 3: loading a big deck takes memory in proportion to its file, not to its YAML tree.

Measured with tracemalloc (what Python allocates), never with time, on a deck of
2,000 cards from the benchmark's own generator (``benchmarks/gen_deck.py``, about
2.7 MB).
"""

from __future__ import annotations

import importlib.util
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from goedwerk_tui.domain.catalogue_file import builtin_catalogue
from goedwerk_tui.domain.deck_loader import DeckResult, parse_deck, parse_deck_file

ROOT = Path(__file__).resolve().parents[2]
CARDS = 2_000

# Bounds, as multiples of the deck file's size in bytes. Measured (Python 3.11, PyYAML
# 6.0 with libyaml) on this deck:
#
#   what                      kept after   peak while   the old whole-tree loader
#                             loading      loading      (peak)
#   parse_deck(text)          0.71x        0.91x        17.3x
#   parse_deck_file(path)     0.71x        1.91x        18.3x
#
# "kept" is the Deck itself (the texts, shared where cards repeat them). The file
# version's peak also holds the file's bytes, which the parser reads in place (1x).
# The old loader composed the whole node tree (every value a node with two Mark
# objects), then walked it into dicts with a mark for every key, before building a
# single card. The bounds leave about twice the measured figure for other Python and
# PyYAML versions, and stay some six times under what the whole-tree approach takes.
TEXT_PEAK_BOUND = 2.0
FILE_PEAK_BOUND = 3.0
KEPT_BOUND = 1.5


def _deck_text(cards: int) -> str:
    spec = importlib.util.spec_from_file_location("gen_deck", ROOT / "benchmarks" / "gen_deck.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text: str = module.deck_text(cards)
    return text


@pytest.fixture(scope="module")
def big_deck_text() -> str:
    return _deck_text(CARDS)


def _traced(load: Callable[[], DeckResult]) -> tuple[DeckResult, int, int]:
    """The result, the bytes still allocated after ``load`` and the peak while it ran."""
    builtin_catalogue("kernaghan-2003")  # cached for the process: not part of the deck
    tracemalloc.start()
    try:
        result = load()
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, kept, peak


def _check(result: DeckResult, kept: int, peak: int, size: int, bound: float) -> None:
    assert result.ok, result.diagnostics[:3]
    assert result.deck is not None and len(result.deck.cards) == CARDS
    assert result.diagnostics == []
    assert peak <= bound * size, f"peak {peak:,} bytes is {peak / size:.2f}x the file"
    assert kept <= KEPT_BOUND * size, f"kept {kept:,} bytes is {kept / size:.2f}x the file"


def test_validating_a_big_deck_allocates_in_proportion_to_its_text(big_deck_text: str) -> None:
    size = len(big_deck_text.encode("utf-8"))
    result, kept, peak = _traced(lambda: parse_deck(big_deck_text, "deck.yaml", Path(".")))
    _check(result, kept, peak, size, TEXT_PEAK_BOUND)


def test_loading_a_big_deck_file_allocates_in_proportion_to_the_file(
    big_deck_text: str, tmp_path: Path
) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(big_deck_text, encoding="utf-8")
    size = path.stat().st_size
    result, kept, peak = _traced(lambda: parse_deck_file(path))
    _check(result, kept, peak, size, FILE_PEAK_BOUND)


def test_a_big_deck_with_errors_is_checked_in_the_same_memory(big_deck_text: str) -> None:
    # a mistake in the first card: no Card objects are kept after it, but every
    # card is still checked (here: one unknown value per card, reported in order)
    text = big_deck_text.replace("values: [", "values: [onbekend, ")
    size = len(text.encode("utf-8"))
    result: Any
    result, _, peak = _traced(lambda: parse_deck(text, "deck.yaml", Path(".")))
    assert result.deck is None
    unknown = [d for d in result.diagnostics if "unknown value 'onbekend'" in d.text("en")]
    assert len(unknown) == CARDS
    assert unknown == sorted(unknown, key=lambda d: d.line)
    assert peak <= TEXT_PEAK_BOUND * size, f"peak is {peak / size:.2f}x the text"
