"""What a list of saves shows, read without replaying the saves.

The home screen lists up to ``MAX_LISTED`` saves. Replaying each one (``read_save``)
would parse every event of every file; a list needs only the first line (deck,
teams, cards) and how many rounds were played, and whether the session ended. An
ended session says both in its last line (``session_ended`` with ``rounds_played``),
so for it only the first line and the file's last few KiB are read. For any other
save a byte search over the rest counts the cards dealt and skipped. A quote inside
typed text is escaped in the JSON (``\\"``), so ``"event":"card_dealt"`` only matches
a real event.

Opening a listed save still reads it completely and says why when it cannot be used.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from goedwerk_tui.domain.savelog import MAX_SAVE_BYTES

MAX_LISTED = 50
_CHUNK = 1024 * 1024
_DEALT = b'"event":"card_dealt"'
_SKIPPED = b'"event":"card_skipped"'
_ENDED = b'"event":"session_ended"'
_TAIL = 4096  # bytes read from the end for the last line; session_ended is far shorter


@dataclass(frozen=True, slots=True)
class SaveSummary:
    path: Path
    deck_title: dict[str, str]  # by language, as the snapshot holds it
    language: str
    teams: tuple[str, ...]
    cards_planned: int
    rounds_played: int
    ended: bool

    def title(self, lang: str) -> str:
        return (
            self.deck_title.get(lang)
            or self.deck_title.get(self.language)
            or next(iter(self.deck_title.values()), "")
        )


def _text(value: Any) -> dict[str, str]:
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items() if isinstance(v, str)}
    return {"": value} if isinstance(value, str) else {}


def _header(line: bytes) -> dict[str, Any] | None:
    try:
        start = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not (
        isinstance(start, dict)
        and start.get("event") == "session_started"
        and isinstance(start.get("format"), str)
        and start["format"].startswith("goedwerk-save/")
        and isinstance(start.get("teams"), list)
        and isinstance(start.get("cards"), list)
        and isinstance(start.get("deck"), dict)
    ):
        return None
    return start


def save_summary(path: Path) -> SaveSummary | None:
    """The listing of one save, or None when it is not a readable goedwerk save."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_SAVE_BYTES:
            return None  # a FIFO or a device named *.jsonl is never opened
        with open(path, "rb") as handle:
            start = _header(handle.readline(MAX_SAVE_BYTES))
            if start is None:
                return None
            played = _ended_rounds(handle, len(start["cards"]))
            ended = played is not None
            if played is None:
                played, ended = _count_rounds(handle)
    except OSError:
        return None
    teams = tuple(str(team.get("name", "")) for team in start["teams"] if isinstance(team, dict))
    return SaveSummary(
        path=path,
        deck_title=_text(start["deck"].get("title")),
        language=str(start.get("language", "")),
        teams=teams,
        cards_planned=len(start["cards"]),
        rounds_played=played,
        ended=ended,
    )


def _ended_rounds(handle: BinaryIO, cards: int) -> int | None:
    """``rounds_played`` of a save whose last line is a plausible ``session_ended``;
    else None (and the handle is back where it was: just after the first line)."""
    body = handle.tell()
    size = handle.seek(0, os.SEEK_END)
    start = max(body, size - _TAIL)
    handle.seek(start)
    lines = handle.read(_TAIL).rstrip(b"\n").rsplit(b"\n", 1)
    handle.seek(body)
    if len(lines) == 1 and start != body:
        return None  # no line starts inside the tail: the last line is longer than it
    last = lines[-1]
    if _ENDED not in last:
        return None
    try:
        event = json.loads(last)
    except (ValueError, RecursionError):
        return None
    if not isinstance(event, dict) or event.get("event") != "session_ended":
        return None
    rounds = event.get("rounds_played")
    return rounds if type(rounds) is int and 0 <= rounds <= cards else None


def _count_rounds(handle: BinaryIO) -> tuple[int, bool]:
    """Rounds played (cards dealt, less those skipped) and whether the session ended,
    by a byte search over the rest of the file."""
    dealt = skipped = 0
    ended = False
    tail = b""
    while chunk := handle.read(_CHUNK):
        # the overlap: a pattern cut by the chunk boundary is still found once
        data = tail + chunk
        dealt += data.count(_DEALT) - tail.count(_DEALT)
        skipped += data.count(_SKIPPED) - tail.count(_SKIPPED)
        ended = ended or _ENDED in data
        tail = data[-len(_ENDED) :]
    return max(0, dealt - skipped), ended


def list_saves(folder: Path, *, unfinished: bool) -> list[SaveSummary]:
    """The newest ``MAX_LISTED`` saves in ``folder`` (newest first) that can be listed."""
    try:
        names = sorted(folder.glob("*.jsonl"), reverse=True)
    except OSError:
        return []
    found = []
    for path in names[:MAX_LISTED]:
        summary = save_summary(path)
        if summary is None or (unfinished and summary.ended):
            continue
        found.append(summary)
    return found
