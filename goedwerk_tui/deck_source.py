"""Opening the deck a session is played with: from the cache when it is current.

Kept apart from ``authoring`` so that starting a game imports the YAML and validation
machinery only when the deck really has to be read (see ``domain/deck_cache.py``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from goedwerk_tui.domain import deck_cache
from goedwerk_tui.domain.deck import Deck
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
    from goedwerk_tui.domain.diagnostics import FileProblem

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


def read_ahead(ref: str) -> Callable[[], Deck]:
    """Start opening a deck before the UI is imported; the result gives the deck.

    With a current cache entry the deck is read here. Without one, importing Textual
    (about 150 ms) and reading and validating the YAML (about 45 ms for the bundled
    deck, most of it PyYAML's import and libyaml's parse) need not wait for each other:
    where the process can fork and runs no other thread, a child process opens the deck
    (which writes its cache entry) while this one goes on, and the result waits for the
    child and opens the deck again, now from the cache. Whatever the child did, that
    last step is ``open_deck`` itself: a deck with mistakes (never cached), a cache
    folder that cannot be written or a child that failed leave it to read the YAML here,
    with the same messages and errors as without reading ahead. When Textual is
    imported already (tests building the app in their process) there is nothing to
    overlap: no child then.

    A fork, not a second Python: the child starts with every module this process has
    imported, so it does only the deck's work (about 50 ms of CPU time, against about
    120 ms for a new interpreter, which would then finish after the UI's imports).
    """
    path = resolve_deck(ref)
    if path.is_file():
        cached = deck_cache.load(cache_dir(), path)
        if cached is not None:
            return lambda: cached
        if "textual" not in sys.modules and _can_fork() and _cacheable(path):
            child = _open_in_child(ref)
            if child is not None:
                return lambda: _after_child(child, ref)
    return lambda: open_deck(ref)


def _can_fork() -> bool:
    """fork() copies only the calling thread: with other threads (a test runner's, the
    UI's) a lock one of them holds would stay held in the child, so never then."""
    if not hasattr(os, "fork"):  # pragma: no cover - Windows
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def _cacheable(path: os.PathLike[str]) -> bool:
    try:
        return os.stat(path).st_size <= deck_cache.MAX_CACHED_DECK_BYTES
    except OSError:
        return False


def _open_in_child(ref: str) -> int | None:
    """The process id of a child that opens the deck (and so caches it), or None."""
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid:
        return pid
    status = 1
    try:  # the child: nothing it does may reach the terminal or run the parent's exit code
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        open_deck(ref)
        status = 0
    except BaseException:  # noqa: BLE001 - whatever failed, the parent reads the deck itself
        pass
    finally:
        os._exit(status)


def _after_child(pid: int, ref: str) -> Deck:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # reaped already: open_deck reads whatever is there
    return open_deck(ref)
