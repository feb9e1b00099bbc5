"""A save written by goedwerk 0.1.0 reads as it did: the typed events decode every line.

``tests/golden/save-0.1.0.jsonl`` and ``save-0.1.0-unfinished.jsonl`` were written by the
0.1.0 code itself (commit bd39d21). The first: two teams, a change of mind across a
resume, a note, a skipped card, the closing step, actions, the end; the second stops
on the first card after one choice. What a session holds is compared with the file's
lines as plain JSON, independently of goedwerk's reader.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.savelog import read_save

SAVE = Path(__file__).parents[1] / "golden" / "save-0.1.0.jsonl"


def lines() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAVE.read_text(encoding="utf-8").splitlines()]


def test_the_file_is_as_0_1_0_wrote_it() -> None:
    first = SAVE.read_text(encoding="utf-8").split(",", 1)[0]
    assert first == '{"seq":0'  # 0.1.0 wrote seq first; this version writes event first
    assert lines()[0]["app_version"] == "0.1.0"


def test_a_0_1_0_save_reads_without_a_warning_and_holds_every_line() -> None:
    read = read_save(SAVE)
    assert read.warnings == []
    assert len(read.events) == len(lines())
    session = read.session
    assert session.ended and session.resumed == 1
    assert [(r.revealed, r.skipped) for r in session.rounds] == [
        (True, False),
        (False, True),
        (True, False),
    ]
    assert session.rounds[0].notes == ["Beide teams noemen loyaliteit."]
    assert session.actions == {
        line["team"]: line["text"] for line in lines() if line["event"] == "action_recorded"
    }


def test_every_choice_of_a_0_1_0_save_is_what_its_line_says() -> None:
    session = read_save(SAVE).session
    read_choices = [
        (r.number, c.team, c.stance, c.option, list(c.values_a), list(c.values_b), c.rationale)
        + (c.seconds, c.ts)
        for r in session.rounds
        for c in r.history
    ]
    written = [
        (e["round"], e["team"], e["stance"], e["option"], e["values"]["a"], e["values"]["b"])
        + (e["rationale"], e["seconds"], e["ts"])
        for e in lines()
        if e["event"] == "choice_recorded"
    ]
    assert read_choices == written and len(written) == 5


def test_a_0_1_0_save_reports_without_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    done = subprocess.run(
        [sys.executable, "-m", "goedwerk_tui", "report", str(SAVE), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert done.stderr == f"goedwerk: nabespreking geschreven naar {out}\n"  # and no warning
    assert "Volgende maand de cijfers eerst bespreken." in out.read_text(encoding="utf-8")


def test_a_session_0_1_0_left_unfinished_is_resumed_and_finished(tmp_path: Path) -> None:
    """0.1.0 stopped on card 1 of 2 after one team chose; this version goes on in the
    same file, which then holds lines of both versions and reads without a warning."""
    save = tmp_path / "save.jsonl"
    save.write_bytes((SAVE.parent / "save-0.1.0-unfinished.jsonl").read_bytes())
    game = Game.resume(save)
    try:
        assert game.warnings == [] and game.session.waiting_for() == ["t2"]
        card = game.session.current_card
        assert card is not None
        game.record_choice("t2", 2, None, [], [card.values[0]], "Later.")
        game.reveal()
        game.next()
        game.skip()
        game.next()  # no cards left: the closing step
        game.record_action("t1", "Doen.")
        game.end()
    finally:
        game.close()
    read = read_save(save)
    assert read.warnings == [] and read.session.ended
    first = read.session.rounds[0]
    assert [(c.team, c.stance, c.rationale) for c in first.history] == [
        ("t1", -2, "Eerst."),
        ("t2", 2, "Later."),
    ]
    written = save.read_text(encoding="utf-8").splitlines()
    assert written[0].startswith('{"seq":0') and written[3].startswith('{"event":"session_resumed"')
