"""Small builders for deck text used by the validation tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

from goedwerk_tui.domain.deck_loader import DeckResult, parse_deck

HEADER = """\
format: goedwerk-deck/1
id: test-deck
title: Testdeck
language: nl
catalogue: kernaghan-2003
"""

GOOD_CARD = """\
- id: kaart-1
  title: Een kaart
  field: professie-politiek
  situation: Een situatie waarin je moet kiezen.
  values: [integriteit, loyaliteit]
"""


def deck_text(cards: str = GOOD_CARD, header: str = HEADER) -> str:
    """A deck: ``header`` plus ``cards`` (list items written at column 0)."""
    return header + "cards:\n" + textwrap.indent(textwrap.dedent(cards), "  ")


def parse(text: str, base: Path = Path(".")) -> DeckResult:
    return parse_deck(text, "deck.yaml", base)


def messages(text: str, base: Path = Path(".")) -> list[str]:
    return [str(d) for d in parse(text, base).diagnostics]


def errors(text: str, base: Path = Path(".")) -> list[str]:
    return [str(d) for d in parse(text, base).diagnostics if d.is_error]
