"""What a list of saves shows, read without replaying the saves.

The home screen lists up to ``MAX_LISTED`` saves. Replaying each one (``read_save``)
would parse every event of every file; a list needs only the first line (deck,
teams, cards) and three counts that a byte search finds in the rest: how many cards
were dealt and skipped, and whether the session ended. A quote inside typed text is
escaped in the JSON (``\\"``), so ``"event":"card_dealt"`` only matches a real event.

Opening a listed save still reads it completely and says why when it cannot be used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goedwerk_tui.domain.savelog import MAX_SAVE_BYTES

MAX_LISTED = 50
_CHUNK = 1024 * 1024
_DEALT = b'"event":"card_dealt"'
_SKIPPED = b'"event":"card_skipped"'
_ENDED = b'"event":"session_ended"'


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
    except OSError:
        return None
    teams = tuple(str(team.get("name", "")) for team in start["teams"] if isinstance(team, dict))
    return SaveSummary(
        path=path,
        deck_title=_text(start["deck"].get("title")),
        language=str(start.get("language", "")),
        teams=teams,
        cards_planned=len(start["cards"]),
        rounds_played=max(0, dealt - skipped),
        ended=ended,
    )


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
