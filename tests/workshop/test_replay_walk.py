"""A debrief leader walks a saved session through ``goedwerk replay`` in a real terminal.

The save is written by the real session rules (tests/tui/sessions.py), with team
names that are Textual markup and a note that holds an OSC 52 (clipboard) sequence,
written into the file as a hand-edited save would have it.
"""

from __future__ import annotations

import json
from pathlib import Path

from goedwerk_tui.i18n import t
from tests.tui.sessions import played_save
from tests.workshop.terminal import (
    END,
    ESC,
    LEFT,
    RIGHT,
    START_TIMEOUT,
    Terminal,
    goedwerk,
    program_env,
)
from tests.workshop.workshop import check_raw_output

TEAMS = ("[/]", "[@click=app.quit]KLIK[/]")
HOSTILE_NOTE = "Goed gesprek\x1b]52;c;aGk=\x07 over [b]trots[/b]"


def hostile_save(folder: Path) -> Path:
    """Two cards (the first revealed, team 1 changed its mind; the second skipped)."""
    save = played_save(folder, TEAMS)
    lines = [json.loads(line) for line in save.read_text(encoding="utf-8").splitlines()]
    for event in lines:
        if event["event"] == "note_added":
            event["text"] = HOSTILE_NOTE  # as a hand-edited file could hold it
    text = "".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n" for e in lines)
    save.write_text(text, encoding="utf-8")
    return save


def first_card(save: Path) -> tuple[str, list[str]]:
    """The Dutch situation and options of the save's first card, each on one line."""
    start = json.loads(save.read_text(encoding="utf-8").splitlines()[0])
    card = start["deck"]["cards"][0]
    situation = " ".join(str(card["situation"]["nl"]).split())
    return situation, [" ".join(str(option["nl"]).split()) for option in card["options"]]


def start_replay(tmp_path: Path, size: tuple[int, int] = (80, 24)) -> tuple[Terminal, Path]:
    save = hostile_save(tmp_path / "saves")
    term = Terminal(
        goedwerk("replay", str(save)), env=program_env(tmp_path), cwd=tmp_path, size=size
    )
    term.wait_for(t("replay.step", "nl", step=0, total=3), timeout=START_TIMEOUT)
    return term, save


def test_a_replay_walk_steps_cards_and_overview(tmp_path: Path) -> None:
    """→/← step through the choices (the change of mind too), n/p between cards, o the
    overview; every name is shown literally and the note's OSC 52 never reaches the
    terminal."""
    term, save = start_replay(tmp_path)
    try:
        situation, _ = first_card(save)
        term.wait_for(situation[:40], flat=True)  # the dilemma, before the first step
        term.press(RIGHT)
        term.wait_for(t("replay.step", "nl", step=1, total=3), "Eerst dit", TEAMS[0], flat=True)
        term.press(RIGHT, RIGHT)
        term.wait_for(t("replay.step", "nl", step=3, total=3), "Toch dit", TEAMS[1], flat=True)
        term.press(END)  # the end of the round: the note, drawn inert
        term.wait_for("Goed gesprek", "over [b]trots[/b]", flat=True)
        term.press(LEFT)
        term.wait_for(t("replay.step", "nl", step=2, total=3))
        term.press("n")
        term.wait_for("2. ")
        term.press("p")
        term.wait_for("1. ")
        term.press("o")
        term.wait_for(t("replay.overview", "nl"), *TEAMS, flat=True)
        term.press(ESC)
        term.wait_for(t("replay.step", "nl", step=0, total=3))
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
    check_raw_output([bytes(term.raw)])


def test_the_replay_keeps_the_situation_and_shows_the_options(tmp_path: Path) -> None:
    """At 80x24, after a step the dilemma is still there, and every option's text is
    shown (the last ones once the round is scrolled to its end)."""
    term, save = start_replay(tmp_path)
    try:
        situation, options = first_card(save)
        term.press(RIGHT)
        term.wait_for(t("replay.step", "nl", step=1, total=3), "Eerst dit")
        term.quiet()  # the step's frame is drawn whole
        screen = term.flat()
        assert situation[:40] in screen, f"the situation is gone after a step\n{term.dump()}"
        term.press(END)  # the rest of the round, scrolled into view
        term.quiet()
        seen = screen + " " + term.flat()
        for option in options:
            assert option[:30] in seen, f"option {option[:30]!r} not shown\n{term.dump()}"
    finally:
        term.close()
