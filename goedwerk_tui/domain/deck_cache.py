"""A cache of validated decks, so starting a session does not parse and check YAML.

A deck is cached as its snapshot (``snapshot.deck_to_data``, the form saves use) in
``cache_dir()``, keyed by the deck's resolved path and guarded by the SHA-256 of its
bytes, of the bytes of a catalogue file it names, and by goedwerk's version: any
change to any of them, and the deck is read and validated again. Only decks that
validated without errors are cached, and only small ones (a big deck's snapshot
would cost more memory to load than streaming the YAML does).

The cache is an optimisation only: a missing, unreadable, damaged or hostile cache
entry is ignored and the deck is read from its file. Text from the cache is shown
through the same sanitizing renderers as any deck text.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from goedwerk_tui import __version__
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.errors import SnapshotError
from goedwerk_tui.domain.files import read_regular_file
from goedwerk_tui.domain.snapshot import deck_from_data, deck_to_data

CACHE_FORMAT = "goedwerk-deck-cache/1"
MAX_CACHED_DECK_BYTES = 1024 * 1024
_MAX_ENTRY_BYTES = 64 * 1024 * 1024  # a snapshot of a deck of at most MAX_CACHED_DECK_BYTES
_MAX_CATALOGUE_BYTES = 16 * 1024 * 1024  # yamlsource.MAX_FILE_BYTES (not imported: no YAML)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _entry_path(cache_dir: Path, deck_path: Path) -> Path:
    name = hashlib.sha256(str(deck_path.resolve()).encode("utf-8")).hexdigest()[:32]
    return cache_dir / f"{name}.json"


def _dependency(deck: Deck, deck_path: Path) -> Path | None:
    """The catalogue file a deck names by path (built-in catalogues go with the version)."""
    ref = deck.catalogue_ref
    if "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml")):
        return deck_path.parent / ref
    return None


def load(cache_dir: Path, deck_path: Path) -> Deck | None:
    """The cached deck for ``deck_path`` if it is current, else None."""
    try:
        data = read_regular_file(deck_path, MAX_CACHED_DECK_BYTES)  # a bigger one: OSError
        entry = json.loads(read_regular_file(_entry_path(cache_dir, deck_path), _MAX_ENTRY_BYTES))
        if not (
            isinstance(entry, dict)
            and entry.get("format") == CACHE_FORMAT
            and entry.get("app_version") == __version__
            and entry.get("sha256") == _digest(data)
        ):
            return None
        dependency = entry.get("catalogue")
        if dependency is not None:
            if not isinstance(dependency, dict) or not isinstance(dependency.get("path"), str):
                return None
            catalogue = read_regular_file(Path(dependency["path"]), _MAX_CATALOGUE_BYTES)
            if _digest(catalogue) != dependency.get("sha256"):
                return None
        return deck_from_data(entry["deck"])
    except (OSError, ValueError, KeyError, TypeError, SnapshotError, RecursionError):
        return None


def store(cache_dir: Path, deck_path: Path, deck: Deck) -> None:
    """Remember a deck that validated without errors; failing to is not an error."""
    try:
        data = read_regular_file(deck_path, MAX_CACHED_DECK_BYTES)  # a bigger one: OSError
        entry: dict[str, Any] = {
            "format": CACHE_FORMAT,
            "app_version": __version__,
            "sha256": _digest(data),
            "catalogue": None,
            "deck": deck_to_data(deck, [card.id for card in deck.cards]),
        }
        dependency = _dependency(deck, deck_path)
        if dependency is not None:
            entry["catalogue"] = {
                "path": str(dependency.resolve()),
                "sha256": _digest(read_regular_file(dependency, _MAX_CATALOGUE_BYTES)),
            }
        cache_dir.mkdir(parents=True, exist_ok=True)
        target = _entry_path(cache_dir, deck_path)
        # unique per writer: two threads of one process (the form's workers) may store at once
        tmp = target.with_name(f".{target.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp")
        tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        return  # a read-only or full cache folder only costs the next start some time
