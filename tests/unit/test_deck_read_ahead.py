"""Reading a deck ahead (``deck_source.read_ahead``): the same deck and the same errors
as ``open_deck``, with the YAML read in a child process while the parent starts the UI.

The fork path runs in a fresh interpreter (``python -c``), as the ``goedwerk`` command
does: ``read_ahead`` never forks once Textual is imported (nothing left to overlap) or
while other threads run, and a test runner has both.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from goedwerk_tui.deck_source import open_deck, read_ahead
from goedwerk_tui.domain import deck_cache
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.snapshot import deck_to_data
from goedwerk_tui.files import CommandError
from goedwerk_tui.locations import cache_dir
from tests.conftest import DECKS, ROOT
from tests.unit.deck_helpers import deck_text

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="reads ahead only with fork()")

# In a fresh interpreter: open the deck through read_ahead and say what the parent saw.
CHILD_SCRIPT = """
import json, os, sys
from goedwerk_tui.deck_source import read_ahead
from goedwerk_tui.domain.snapshot import deck_to_data
from goedwerk_tui.files import CommandError
forks = []
fork = os.fork
def counting_fork():
    forks.append(1)
    return fork()
os.fork = counting_fork
if "--other-thread" in sys.argv:
    import threading
    stop = threading.Event()
    threading.Thread(target=stop.wait, daemon=True).start()
result = read_ahead(sys.argv[1])
try:
    deck = result()
    out = {"deck": deck_to_data(deck, [card.id for card in deck.cards])}
except CommandError as exc:
    out = {"error": exc.message("en")}
out["forks"] = len(forks)
out["yaml_in_parent"] = "yaml" in sys.modules
print(json.dumps(out))
"""


def snapshot(deck: Deck) -> dict[str, object]:
    return deck_to_data(deck, [card.id for card in deck.cards])


def read_in_fresh_process(ref: str, *options: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD_SCRIPT, ref, *options],
        cwd=ROOT,
        env=os.environ.copy(),  # the test's own GOEDWERK_CACHE
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stderr == ""  # the child writes nothing to the terminal
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_an_uncached_deck_is_read_by_a_child_and_the_parent_never_parses_yaml(
    tmp_path: Path,
) -> None:
    path = tmp_path / "deck.yaml"
    path.write_bytes((DECKS / "goed-werk-openbaar-bestuur.yaml").read_bytes())
    seen = read_in_fresh_process(str(path))
    assert seen["forks"] == 1
    assert seen["yaml_in_parent"] is False  # the child parsed it and wrote the cache
    assert deck_cache.load(cache_dir(), path) is not None
    assert seen["deck"] == json.loads(json.dumps(snapshot(open_deck(str(path)))))


def test_a_cached_deck_is_read_in_the_process_without_a_child(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(deck_text(), encoding="utf-8")
    expected = snapshot(open_deck(str(path)))  # now cached
    seen = read_in_fresh_process(str(path))
    assert seen["forks"] == 0 and seen["yaml_in_parent"] is False
    assert seen["deck"] == json.loads(json.dumps(expected))


def test_a_deck_with_mistakes_gives_the_same_error_as_without_reading_ahead(
    tmp_path: Path,
) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(deck_text().replace("title: Een kaart", "title: NO"), encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        open_deck(str(path))
    seen = read_in_fresh_process(str(path))
    assert seen["forks"] == 1  # the child found the mistake and cached nothing
    assert seen["error"] == raised.value.message("en")
    assert "YAML reads NO" in str(seen["error"])


def test_a_missing_deck_is_reported_as_by_open_deck(tmp_path: Path) -> None:
    ref = str(tmp_path / "nowhere.yaml")
    with pytest.raises(CommandError) as raised:
        open_deck(ref)
    seen = read_in_fresh_process(ref)
    assert seen["forks"] == 0 and seen["error"] == raised.value.message("en")


def test_an_unwritable_cache_still_gives_the_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    path = tmp_path / "deck.yaml"
    path.write_text(deck_text(), encoding="utf-8")
    monkeypatch.setenv("GOEDWERK_CACHE", str(blocked / "cache"))
    seen = read_in_fresh_process(str(path))
    assert seen["forks"] == 1 and seen["yaml_in_parent"] is True  # read again in the parent
    assert seen["deck"] == json.loads(json.dumps(snapshot(open_deck(str(path)))))


def test_with_other_threads_running_it_never_forks(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(deck_text(), encoding="utf-8")
    seen = read_in_fresh_process(str(path), "--other-thread")
    assert seen["forks"] == 0 and seen["yaml_in_parent"] is True  # read in the process
    assert seen["deck"] == json.loads(json.dumps(snapshot(open_deck(str(path)))))


def test_with_textual_imported_already_it_reads_in_the_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import textual  # noqa: F401 - as in the tests that build the app in their process

    def no_fork() -> int:
        raise AssertionError("forked with nothing to overlap")

    monkeypatch.setattr(os, "fork", no_fork)
    path = tmp_path / "deck.yaml"
    path.write_text(deck_text(), encoding="utf-8")
    assert read_ahead(str(path))().cards[0].title.get("nl") == "Een kaart"
    assert deck_cache.load(cache_dir(), path) is not None  # cached in this process
