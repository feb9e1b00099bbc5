"""Opening the deck a session is played with: from the cache when it is current.

Kept apart from ``authoring`` so that starting a game imports the YAML and validation
machinery only when the deck really has to be read (see ``domain/deck_cache.py``).
"""

from __future__ import annotations

from goedwerk_tui.domain import deck_cache
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.diagnostics import FileProblem
from goedwerk_tui.files import CommandError
from goedwerk_tui.locations import cache_dir, resolve_deck


def open_deck(ref: str) -> Deck:
    """A DECK argument (path or bundled id) as a Deck, or CommandError with one line."""
    path = resolve_deck(ref)
    cache = cache_dir()
    if path.is_file():
        cached = deck_cache.load(cache, path)
        if cached is not None:
            return cached
    from goedwerk_tui.domain.deck_loader import load_deck

    try:
        deck = load_deck(path, str(path) if path.exists() else ref)
    except FileProblem as problem:
        errors = [d for d in problem.diagnostics if d.is_error]
        more = len(errors) - 1
        if more:
            raise CommandError(
                "file.more_problems", problem=errors[0], count=more, ref=ref
            ) from None
        raise CommandError("file.problem", problem=errors[0]) from None
    deck_cache.store(cache, path, deck)
    return deck
