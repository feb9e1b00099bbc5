"""The home screen's save list: what it shows, read without replaying each save."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import BinaryIO

import pytest

import goedwerk_tui.domain.save_index as save_index
from goedwerk_tui.domain.save_index import list_saves, save_summary
from tests.conftest import present
from tests.tui.sessions import played_save


def test_a_finished_save_is_listed_with_its_teams_deck_and_cards(tmp_path: Path) -> None:
    path = played_save(tmp_path, teams=("[/]", "[@click=app.quit]KLIK[/]"))
    summary = save_summary(path)
    assert summary is not None
    assert summary.teams == ("[/]", "[@click=app.quit]KLIK[/]")
    assert summary.title("nl") == "Goed werk in het openbaar bestuur"
    assert (summary.cards_planned, summary.rounds_played, summary.ended) == (2, 1, True)
    assert list_saves(tmp_path, unfinished=True) == []
    assert [s.path for s in list_saves(tmp_path, unfinished=False)] == [path]


def test_counts_are_right_across_the_read_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = played_save(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    unended = tmp_path / "open.jsonl"
    unended.write_text("".join(lines[:-1]), encoding="utf-8")  # no session_ended line
    for chunk in (7, 13, 64, 1 << 20):  # patterns cut at every place by the chunks
        monkeypatch.setattr(save_index, "_CHUNK", chunk)
        summary = save_summary(unended)
        assert summary is not None
        assert (summary.rounds_played, summary.ended) == (1, False), chunk
        assert present(save_summary(path)).ended is True


def test_text_that_looks_like_an_event_is_not_counted(tmp_path: Path) -> None:
    path = played_save(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    note = json.loads(lines[5])
    note["text"] = '"event":"session_ended" "event":"card_dealt"'
    lines.insert(5, json.dumps(note, ensure_ascii=False, separators=(",", ":")) + "\n")
    other = tmp_path / "other.jsonl"
    other.write_text("".join(lines[:-1]), encoding="utf-8")
    summary = save_summary(other)
    assert summary is not None and summary.ended is False and summary.rounds_played == 1


def test_what_is_not_a_save_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "garbage.jsonl").write_text("{nope\n", encoding="utf-8")
    (tmp_path / "list.jsonl").write_text("[1, 2]\n", encoding="utf-8")
    (tmp_path / "deep.jsonl").write_text("[" * 100_000 + "\n", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.jsonl")  # never opened: it would hang the list
    assert list_saves(tmp_path, unfinished=False) == []


def test_an_ended_save_is_listed_from_its_first_and_last_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = played_save(tmp_path)
    lines = path.read_bytes().splitlines(keepends=True)
    # a long session in between: 2 MiB of notes the list must not read
    note = json.loads(lines[5])
    note["text"] = "x" * 1000
    filler = json.dumps(note, separators=(",", ":")).encode("utf-8") + b"\n"
    path.write_bytes(b"".join([*lines[:6], filler * 2048, *lines[6:]]))
    read: list[int] = []
    real_open = open

    def counting_open(file: Path, mode: str = "rb") -> BinaryIO:
        handle = real_open(file, "rb")
        read_method = handle.read

        def counted(size: int | None = -1) -> bytes:
            data = read_method(size)
            read.append(len(data))
            return data

        handle.read = counted  # type: ignore[method-assign]  # a spy on what is read
        return handle

    monkeypatch.setattr(save_index, "open", counting_open, raising=False)
    summary = save_summary(path)
    assert summary is not None
    assert (summary.cards_planned, summary.rounds_played, summary.ended) == (2, 1, True)
    assert sum(read) <= 4096  # the tail; the first line is read by readline


def test_an_implausible_last_line_is_not_believed(tmp_path: Path) -> None:
    path = played_save(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for claim in ('"rounds_played":99', '"rounds_played":-1', '"rounds_played":"1"'):
        last = lines[-1].replace('"rounds_played":1', claim)
        assert last != lines[-1]
        path.write_text("".join([*lines[:-1], last]), encoding="utf-8")
        summary = save_summary(path)
        assert summary is not None  # counted instead: 2 cards dealt, 1 skipped
        assert (summary.rounds_played, summary.ended) == (1, True), claim
