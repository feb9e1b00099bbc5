"""Nothing confirmed is ever lost: a full disk, a deleted or replaced save, a save too big.

Each test plays the way a facilitator does (choices confirmed through ``Game``) and
then reads the save back the way ``replay`` and ``resume`` do.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from goedwerk_tui.domain import savelog
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import load_deck, parse_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.savelog import SaveError, read_save
from goedwerk_tui.domain.session import MAX_CARDS_PER_SESSION, RuleError
from tests.conftest import DECKS, ROOT
from tests.unit.deck_helpers import GOOD_CARD, deck_text


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")


def choose(game: Game, team: str, rationale: str = "Omdat het moet.") -> dict[str, Any]:
    card = game.session.current_card
    assert card is not None
    return game.record_choice(team, -1, "A", [card.values[0]], [], rationale)


def lines_of(path: Path) -> list[dict[str, Any]]:
    """Every line of the save, each one a whole JSON object ending in a newline."""
    raw = path.read_bytes()
    assert raw.endswith(b"\n")
    return [json.loads(line) for line in raw.decode("utf-8").split("\n")[:-1]]


def assert_complete(path: Path, kinds: list[str]) -> None:
    """The save holds exactly these events, in order, seq counting up from 0, and
    reads without a warning."""
    lines = lines_of(path)
    assert [line["event"] for line in lines] == kinds
    assert [line["seq"] for line in lines] == list(range(len(lines)))
    assert read_save(path).warnings == []


class FailingWrites:
    """``os.write`` that writes ``budget`` more bytes and then fails as a full disk does."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.real = os.write

    def __call__(self, fd: int, data: bytes) -> int:
        if self.budget <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        part = bytes(data[: self.budget])
        written = self.real(fd, part)
        self.budget -= written
        return written


# ----- 1. a failed write leaves the file exactly as it was --------------------------


@pytest.mark.parametrize("budget", [0, 1, 40, 400])
def test_a_write_that_fails_leaves_the_save_as_it_was(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=tmp_path, cards=2)
    choose(game, "t1")
    before = game.path.read_bytes()
    with monkeypatch.context() as patch:
        patch.setattr(os, "write", FailingWrites(budget))
        with pytest.raises(SaveError) as caught:
            choose(game, "t2", "Een lange uitleg. " * 25)
    assert game.path.read_bytes() == before  # not half a line
    assert caught.value.message("en") == (
        f"{game.path}: cannot write the save: No space left on device"
    )
    assert "t2" not in game.session.current.choices  # nothing confirmed
    # the disk has room again: the same choice is confirmed and read back whole
    choose(game, "t2", "Een lange uitleg. " * 25)
    game.reveal()
    game.close()
    assert_complete(
        game.path,
        ["session_started", "card_dealt", "choice_recorded", "choice_recorded", "card_revealed"],
    )
    assert read_save(game.path).session.rounds[0].choices["t2"].rationale.startswith("Een lange")


def test_a_failed_write_that_cannot_be_undone_at_once_is_undone_before_the_next(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=tmp_path, cards=2)
    before = game.path.read_bytes()

    def no_truncate(fd: int, size: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", FailingWrites(30))
        patch.setattr(os, "ftruncate", no_truncate)
        with pytest.raises(SaveError):
            choose(game, "t1")
    assert game.path.read_bytes() != before  # 30 bytes of a half line are still there
    choose(game, "t1")
    game.close()
    assert_complete(game.path, ["session_started", "card_dealt", "choice_recorded"])


@contextlib.contextmanager
def tiny_disk(folder: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs at ``folder`` (only as root, where mounting is allowed)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_really_full_disk_loses_no_line(deck: Deck, tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        game = Game.new(deck, ["Rood", "Blauw"], save_dir=disk, cards=1)
        filler = disk / "filler"
        with contextlib.suppress(OSError), open(filler, "wb", buffering=0) as handle:
            while True:
                handle.write(b"x" * 512)
        confirmed = 0
        for _ in range(20):  # changes of mind until the save's last page is full too
            before = game.path.read_bytes()
            try:
                choose(game, "t1", "Een lange uitleg. " * 25)
            except SaveError:
                break
            confirmed += 1
        else:
            pytest.fail("the disk never filled up")
        assert game.path.read_bytes() == before
        filler.unlink()
        choose(game, "t2", "Een lange uitleg. " * 25)
        game.close()
        kinds = ["session_started", "card_dealt"] + ["choice_recorded"] * (confirmed + 1)
        assert_complete(game.path, kinds)


# ----- 2. the save deleted or replaced mid-session ----------------------------------


def test_a_deleted_save_is_written_again_whole(deck: Deck, tmp_path: Path) -> None:
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=tmp_path, cards=2)
    choose(game, "t1")
    original = game.path.read_bytes()
    game.path.unlink()
    choose(game, "t2")  # returns normally
    notices = game.take_notices()
    assert [n.code for n in notices] == ["save.recreated"]
    assert "\n" not in notices[0].message("nl")
    assert game.take_notices() == []  # taken once
    assert game.path.read_bytes().startswith(original)  # the same lines, byte for byte
    game.reveal()
    game.next()
    choose(game, "t1")
    game.close()
    assert_complete(
        game.path,
        [
            "session_started",
            "card_dealt",
            "choice_recorded",
            "choice_recorded",
            "card_revealed",
            "card_dealt",
            "choice_recorded",
        ],
    )
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file


def test_a_save_replaced_by_another_file_is_written_again_and_the_other_kept(
    deck: Deck, tmp_path: Path
) -> None:
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=tmp_path, cards=2)
    choose(game, "t1")
    intruder = tmp_path / "ander.txt"
    intruder.write_text("iets anders\n", encoding="utf-8")
    os.replace(intruder, game.path)  # mv ander.txt <save>
    choose(game, "t2")
    (notice,) = game.take_notices()
    assert notice.code == "save.replaced"
    kept = Path(str(notice.params["kept"]))
    assert kept.read_text(encoding="utf-8") == "iets anders\n"  # nothing of theirs lost
    game.close()
    assert_complete(
        game.path, ["session_started", "card_dealt", "choice_recorded", "choice_recorded"]
    )


def test_the_recreated_save_is_locked_and_carries_on(deck: Deck, tmp_path: Path) -> None:
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=tmp_path, cards=1)
    game.path.unlink()
    choose(game, "t1")
    with pytest.raises(SaveError, match="open in another goedwerk window"):
        Game.resume(game.path)
    game.close()


def test_quitting_after_the_save_was_deleted_leaves_it_on_disk(deck: Deck, tmp_path: Path) -> None:
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=tmp_path, cards=1)
    choose(game, "t1")
    game.path.unlink()
    game.close()  # what `q` does: the quit message "everything is saved" must be true
    assert game.unsaved is None
    assert_complete(game.path, ["session_started", "card_dealt", "choice_recorded"])
    again = Game.resume(game.path)
    assert "t1" in again.session.current.choices
    again.close()


def test_a_resumed_session_rebuilds_its_save_from_what_it_read(deck: Deck, tmp_path: Path) -> None:
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=tmp_path, cards=2)
    choose(game, "t1")
    game.close()
    again = Game.resume(game.path)
    again.path.unlink()
    choose(again, "t2")
    again.close()
    assert_complete(
        game.path,
        ["session_started", "card_dealt", "choice_recorded", "session_resumed", "choice_recorded"],
    )


def test_a_deleted_save_folder_is_made_again(deck: Deck, tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    game = Game.new(deck, ["Rood"], save_dir=folder, cards=1)
    choose(game, "t1")
    shutil.rmtree(folder)  # rm -r saves
    game.reveal()
    assert [n.code for n in game.take_notices()] == ["save.recreated"]
    game.close()
    assert_complete(
        game.path, ["session_started", "card_dealt", "choice_recorded", "card_revealed"]
    )


def test_when_the_save_cannot_be_written_again_quitting_says_so(deck: Deck, tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    game = Game.new(deck, ["Rood"], save_dir=folder, cards=1)
    game.path.unlink()
    folder.rmdir()
    folder.write_text("nu een bestand\n", encoding="utf-8")  # the folder itself is gone
    game.close()
    assert game.unsaved is not None and game.unsaved.code == "save.recreate_failed"


# ----- 3. every save goedwerk writes is one it can read -----------------------------


def tiny_deck(cards: int) -> Deck:
    text = deck_text("".join(GOOD_CARD.replace("kaart-1", f"k{i}") for i in range(cards)))
    result = parse_deck(text, "deck.yaml", Path("."))
    assert result.deck is not None
    return result.deck


def test_a_huge_deck_deals_at_most_the_cap_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("goedwerk_tui.domain.game.MAX_CARDS_PER_SESSION", 5)
    game = Game.new(tiny_deck(8), ["Rood"], save_dir=tmp_path)
    assert game.session.cards == ["k0", "k1", "k2", "k3", "k4"]
    (notice,) = game.take_notices()
    assert notice.code == "session.cards_capped"
    assert "8" in notice.message("en") and "5" in notice.message("nl")
    game.close()
    assert len(read_save(game.path).session.cards) == 5


def test_asking_for_more_cards_than_the_cap_is_refused_before_a_save_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("goedwerk_tui.domain.game.MAX_CARDS_PER_SESSION", 5)
    with pytest.raises(RuleError) as caught:
        Game.new(tiny_deck(8), ["Rood"], save_dir=tmp_path, cards=6)
    assert caught.value.code == "session.too_many_cards"
    assert "5" in caught.value.message("nl")
    assert not tmp_path.exists() or not list(tmp_path.iterdir())
    small = Game.new(tiny_deck(3), ["Rood"], save_dir=tmp_path, cards=6)  # only 3 to deal
    assert len(small.session.cards) == 3
    small.close()


def test_the_cap_keeps_a_deck_of_many_tiny_cards_readable() -> None:
    assert MAX_CARDS_PER_SESSION == 500
    # a card's snapshot of the bundled deck is ~1-2 KB; with six teams' choices and
    # notes each card adds well under 64 KB, so 500 cards stay far under the limit
    assert MAX_CARDS_PER_SESSION * 64 * 1024 < savelog.MAX_SAVE_BYTES - savelog.SAVE_RESERVE_BYTES


def test_an_append_that_would_pass_the_read_limit_is_refused_and_nothing_written(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = Game.new(deck, ["Rood"], save_dir=tmp_path, cards=1)
    size = game.path.stat().st_size
    monkeypatch.setattr(savelog, "MAX_SAVE_BYTES", size + 1500)
    monkeypatch.setattr(savelog, "SAVE_RESERVE_BYTES", 1000)
    choose(game, "t1")  # a short line fits
    before = game.path.read_bytes()
    with pytest.raises(SaveError) as caught:
        game.add_note("x" * 600)  # an ordinary event may not use the reserve
    assert caught.value.code == "save.full"
    assert game.path.read_bytes() == before
    game.reveal()
    with pytest.raises(SaveError):
        game.add_note("x" * 600)
    game.next()  # the closing step fits in the reserve
    game.record_action("t1", "We bespreken het volgende week.")
    game.end()
    game.close()
    assert game.path.stat().st_size <= savelog.MAX_SAVE_BYTES
    read = read_save(game.path)
    assert read.session.ended and read.warnings == []


def test_a_deck_whose_snapshot_does_not_fit_leaves_no_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(savelog, "MAX_SAVE_BYTES", 4096)
    monkeypatch.setattr(savelog, "SAVE_RESERVE_BYTES", 0)
    with pytest.raises(SaveError) as caught:
        Game.new(tiny_deck(40), ["Rood"], save_dir=tmp_path)
    assert caught.value.code == "save.full"
    assert list(tmp_path.iterdir()) == []


def test_a_nearly_full_save_can_still_be_resumed_and_closed(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = Game.new(deck, ["Rood"], save_dir=tmp_path, cards=1)
    game.close()
    monkeypatch.setattr(savelog, "MAX_SAVE_BYTES", game.path.stat().st_size + 1000)
    monkeypatch.setattr(savelog, "SAVE_RESERVE_BYTES", 1000)
    again = Game.resume(game.path)  # session_resumed uses the reserve
    with pytest.raises(SaveError):
        choose(again, "t1")
    again.stop_dealing()
    again.record_action("t1", "Volgende keer beter.")
    again.end()
    again.close()
    assert read_save(game.path).session.actions == {"t1": "Volgende keer beter."}


def test_play_with_more_cards_than_the_cap_is_one_line_at_start(tmp_path: Path) -> None:
    cards = "".join(GOOD_CARD.replace("kaart-1", f"k{i}") for i in range(MAX_CARDS_PER_SESSION + 1))
    (tmp_path / "groot.yaml").write_text(deck_text(cards), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "goedwerk_tui",
            "--lang",
            "en",
            "play",
            "groot.yaml",
            "--cards",
            "501",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT), "GOEDWERK_SAVES": str(tmp_path / "saves")},
    )
    assert result.returncode == 1
    assert result.stderr == (
        "goedwerk: at most 500 cards in one session (asked for 501); use --cards 500 or fewer\n"
    )
    assert not (tmp_path / "saves").exists()
