"""Files users name are opened safely: only regular files, never more than the limit.

A deck, catalogue or save path that is ``/dev/zero``, ``/dev/urandom``, a FIFO or a
folder gives one clear line at once: no hang (a FIFO with no writer), no MemoryError.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from goedwerk_tui.domain import deck_cache
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.diagnostics import FileProblem
from goedwerk_tui.domain.errors import SaveError
from goedwerk_tui.domain.files import FileTooLarge, NotARegularFile, read_regular_file
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.domain.yamlsource import read_text
from goedwerk_tui.files import CommandError, atomic_write
from tests.conftest import DECKS, ROOT


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pijp.yaml"
    os.mkfifo(path)
    return path


def test_only_a_regular_file_is_read(tmp_path: Path, fifo: Path) -> None:
    plain = tmp_path / "gewoon.txt"
    plain.write_bytes(b"twaalf bytes")
    assert read_regular_file(plain, 12) == b"twaalf bytes"
    with pytest.raises(FileTooLarge):
        read_regular_file(plain, 11)
    kinds = {}
    for path in (Path("/dev/zero"), Path("/dev/urandom"), fifo, tmp_path):
        with pytest.raises(NotARegularFile) as caught:
            read_regular_file(path, 1024)
        kinds[str(path)] = caught.value.kind
    assert kinds == {"/dev/zero": "device", "/dev/urandom": "device", str(fifo): "fifo"} | {
        str(tmp_path): "folder"
    }


@pytest.mark.parametrize("name", ["/dev/zero", "/dev/urandom", "FIFO", "FOLDER"])
def test_a_deck_that_is_not_a_file_is_one_clear_error(
    name: str, fifo: Path, tmp_path: Path
) -> None:
    path = {"FIFO": fifo, "FOLDER": tmp_path}.get(name, Path(name))
    with pytest.raises(FileProblem) as caught:
        load_deck(path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.is_error
    text = str(diagnostic.message)  # in English
    assert "not a regular file" in text or "is a folder" in text
    with pytest.raises(FileProblem):
        read_text(path, name)


def test_a_catalogue_that_is_a_device_or_fifo_stops_the_deck_at_once(
    tmp_path: Path, fifo: Path
) -> None:
    for ref in ("/dev/zero", f"./{fifo.name}"):
        deck = tmp_path / "deck.yaml"
        text = (DECKS / "goed-werk-openbaar-bestuur.yaml").read_text(encoding="utf-8")
        deck.write_text(
            text.replace("catalogue: kernaghan-2003", f"catalogue: {ref}"), encoding="utf-8"
        )
        with pytest.raises(FileProblem) as caught:
            load_deck(deck)
        assert any("not a regular file" in str(d.message) for d in caught.value.diagnostics)


@pytest.mark.parametrize("name", ["/dev/zero", "/dev/urandom", "FIFO"])
def test_a_save_that_is_not_a_file_is_one_clear_error(name: str, fifo: Path) -> None:
    path = fifo if name == "FIFO" else Path(name)
    with pytest.raises(SaveError) as caught:
        read_save(path)
    assert caught.value.code == "save.not_regular"
    assert caught.value.message("nl") == f"{path}: geen gewoon bestand, dus geen opgeslagen sessie"


def test_the_deck_cache_ignores_what_is_not_a_regular_file(tmp_path: Path, fifo: Path) -> None:
    assert deck_cache.load(tmp_path, fifo) is None
    assert deck_cache.load(tmp_path, Path("/dev/zero")) is None


def goedwerk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "goedwerk_tui", "--lang", "en", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,  # a hang fails the test instead of blocking the suite
        stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_every_command_refuses_a_device_or_fifo_with_one_line(tmp_path: Path, fifo: Path) -> None:
    for args in (
        ["play", "/dev/zero"],
        ["play", fifo.name],
        ["resume", fifo.name],
        ["replay", "/dev/urandom"],
        ["report", fifo.name],
        ["values", "/dev/zero"],
    ):
        result = goedwerk(*args, cwd=tmp_path)
        assert result.returncode == 1, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, args
        assert "not a regular file" in result.stderr, (args, result.stderr)
    checked = goedwerk("validate", "/dev/urandom", fifo.name, cwd=tmp_path)
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [
        "/dev/urandom: error: is a device, not a regular file",
        f"{fifo.name}: error: is a named pipe (FIFO), not a regular file",
    ]


# ----- report -o where it cannot write ------------------------------------------------


def test_atomic_write_into_an_impossible_place_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map\n", encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        atomic_write(blocker / "verslag.md", "tekst")  # its "folder" is a file
    assert "cannot write" in str(caught.value)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)  # a read-only folder, as root cannot see one
    monkeypatch.setattr(Path, "unlink", refuse)
    with pytest.raises(CommandError, match="Permission denied"):
        atomic_write(tmp_path / "verslag.md", "tekst")


def test_report_into_a_read_only_folder_says_so_in_one_line(tmp_path: Path) -> None:
    from goedwerk_tui.domain.game import Game

    if os.geteuid() != 0:
        pytest.skip("mounting a read-only tmpfs needs root")
    game = Game.new(
        load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml"), ["Rood"], save_dir=tmp_path, cards=1
    )
    game.record_choice("t1", 0, None, ["integriteit"], [])
    game.reveal()
    game.close()
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "ro,size=16k", "tmpfs", str(folder)]
    if subprocess.run(mount, capture_output=True, check=False).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:  # read-only even for root, as a folder without write permission is for users
        result = goedwerk("report", str(game.path), "-o", "alleen-lezen/verslag.md", cwd=tmp_path)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "goedwerk: alleen-lezen/verslag.md: cannot write: Read-only file system"
    )
