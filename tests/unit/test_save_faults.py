"""Nothing confirmed is ever lost: a full disk, a deleted or replaced save, a save too big.

Each test plays the way a facilitator does (choices confirmed through ``Game``) and
then reads the save back the way ``replay`` and ``resume`` do.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.errors import SaveError
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.savelog import read_save
from tests.conftest import DECKS, present
from tests.unit.save_helpers import assert_complete, choose


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")


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
    assert "t2" not in present(game.session.current).choices  # nothing confirmed
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
    assert "t1" in present(again.session.current).choices
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


class QuitAfter:
    """Stands in for the app in ``launch``: its ``run`` is the session, up to ``q``."""

    lang = "en"
    live = None  # not a live session

    def __init__(self, game: Game, during: Callable[[], None]) -> None:
        self.current_game = game
        self.during = during

    def run(self) -> None:
        self.during()
        self.current_game.close()  # what the app does when it unmounts


def quit_with(
    game: Game, during: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    from goedwerk_tui.ui import launch

    monkeypatch.setattr(launch, "build_app", lambda *args: QuitAfter(game, during))
    errors = io.StringIO()
    monkeypatch.setattr(sys, "stderr", errors)
    code = launch.launch(argparse.Namespace(command="play"), None, None)
    return code, errors.getvalue()


def test_the_quit_line_is_true_after_the_save_was_deleted(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = Game.new(deck, ["Rood"], save_dir=tmp_path, cards=1)
    choose(game, "t1")
    code, said = quit_with(game, game.path.unlink, monkeypatch)
    assert code == 0 and "resume" in said
    assert_complete(game.path, ["session_started", "card_dealt", "choice_recorded"])


def test_quitting_when_the_save_cannot_be_written_again_says_so(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "saves"
    game = Game.new(deck, ["Rood"], save_dir=folder, cards=1)

    def folder_becomes_a_file() -> None:
        shutil.rmtree(folder)
        folder.write_text("nu een bestand\n", encoding="utf-8")

    code, said = quit_with(game, folder_becomes_a_file, monkeypatch)
    assert code == 1
    assert said.startswith(f"goedwerk: {game.path}: the save was deleted or replaced")
    assert "resume" not in said and said.count("\n") == 1
