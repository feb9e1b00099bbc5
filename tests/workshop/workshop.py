"""One whole workshop played through the real program, as the tests in this folder use it.

Three teams with hostile names, three cards: on the first a change of mind, a note;
on the second the facilitator quits mid-round and resumes with the command the
program printed; the third is skipped (confirmed); then each team's action, typed
with Tab between the fields, and ctrl+s. Everything the facilitator would notice is
checked on the screen on the way; the save and the raw output are returned for the
tests to check line by line.
"""

from __future__ import annotations

import json
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goedwerk_tui.i18n import t
from tests.workshop.screens import choose, focused_field, new_session_from_home
from tests.workshop.terminal import (
    CTRL_S,
    ENTER,
    START_TIMEOUT,
    TAB,
    Terminal,
    goedwerk,
    program_env,
)

TYPED_NAMES = "[/], [@click=app.quit]KLIK[/], "
PASTED_NAME = "Rood\x1b]52;c;aGk=\x07<script>"  # OSC 52 would set the clipboard
TEAMS = ["[/]", "[@click=app.quit]KLIK[/]", "Rood<script>"]  # as cleaned and shown
RATIONALE = "[b]vet[/b] <i>schuin</i>"
NOTE = "[link=https://x.example]klik[/link] hier"
ACTIONS_TYPED: tuple[str, None, str] = (
    "[red]Elke maand[/red] een dilemma",
    None,
    "<b>Vraag</b> stellen",
)
# OSC 0 would set the window title; U+009B is the one-byte (C1) form of ESC [
PASTED_ACTION = "Rood\x1b]0;TITEL\x07 bespreekt \u009b2Jhet"
ACTIONS = ["[red]Elke maand[/red] een dilemma", "Rood bespreekt het", "<b>Vraag</b> stellen"]
# What must never reach the terminal: the payloads of the hostile texts above.
# Textual itself writes CSI and OSC sequences (and may end an OSC with BEL), but never
# these: an OSC 52 or OSC 0 with the typed payload, or a BEL right after it.
HOSTILE_PAYLOADS = [b"\x1b]52;c;aGk=", b"aGk=\x07", b"\x1b]0;TITEL", b"TITEL\x07"]

CARDS = 3


@dataclass
class Played:
    save: Path
    raw: list[bytes] = field(default_factory=list)  # the raw output of each program run
    resume_line: str = ""
    resume_command: str = ""
    size: tuple[int, int] = (80, 24)  # the terminal size at the end of the first run


def wait_focus(term: Terminal, team: str) -> None:
    """Wait until the focused field is the one under ``team``'s label (nothing pressed)."""

    def on_team() -> bool:
        found = focused_field(term)
        return found is not None and found[0].startswith(team)

    term.wait_until(on_team, f"the focus on {team!r}'s field")


def events(save: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in save.read_text(encoding="utf-8").splitlines()]


def resume_command(lines: list[str]) -> tuple[str, str]:
    """The one line the program printed on quitting, and the command in it.

    ux.md: "goedwerk: ... <command>", the command starting with the absolute
    sys.executable; failing that, whatever follows the line's last ": ".
    """
    found = [line for line in lines if line.startswith("goedwerk:")]
    assert len(found) == 1, f"expected one 'goedwerk:' line after quitting, got {lines!r}"
    line = found[0]
    python = shlex.quote(sys.executable)
    start = line.find(python + " ")
    return line, line[start:] if start >= 0 else line.rsplit(": ", 1)[1]


def first_round(term: Terminal, lang: str) -> None:
    choose(term, lang, 1, TEAMS[0], steps=-2, option="A", pole_a=1, rationale="Eerst dit")
    choose(term, lang, 2, TEAMS[1], steps=1, option="B", pole_b=1, rationale=RATIONALE)
    choose(term, lang, 3, TEAMS[2], steps=0, option="C", pole_a=1)
    # a change of mind: team 1 moves from -2 to +1 and takes option D
    choose(term, lang, 1, TEAMS[0], steps=3, option="D", rationale="Toch anders")
    term.press("r")
    screen = term.wait_for(t("reveal.title", lang), *TEAMS[:1])
    flat = term.wait_for(RATIONALE, flat=True)
    for name in TEAMS:
        assert name in flat, f"{name!r} not shown literally on the reveal\n{screen}"
    term.press("o")
    term.wait_for(t("note.title", lang))
    term.type(NOTE)
    term.press(ENTER)
    term.wait_for(t("ui.note_saved", lang))  # the note itself is below the reveal's fold
    term.press("n")
    term.wait_for(t("ui.status.round", lang, n=2, total=CARDS))


def play_until_quit(
    home: Path,
    lang: str,
    size: tuple[int, int],
    lang_args: list[str],
    resize_to: tuple[int, int] | None = None,
) -> Played:
    saves = home / "saves"
    term = Terminal(
        goedwerk(*lang_args, "--save-dir", str(saves)), env=program_env(home), cwd=home, size=size
    )
    try:
        language = "English" if lang == "en" else None  # the deck is Dutch; the screens not
        new_session_from_home(term, lang, TYPED_NAMES, PASTED_NAME, CARDS, language)
        # each name is shown literally: in its choice dialog's title and on the reveal
        first_round(term, lang)
        if resize_to is not None:  # mid-session, as when a projector is plugged in
            term.resize(*resize_to)
            # the card's frame is drawn anew, its right corner inside the narrower screen
            term.wait_until(lambda: "╮" in term.screen.display[1], "the card redrawn")
            term.wait_for(t("ui.status.round", lang, n=2, total=CARDS))
            size = resize_to
        choose(term, lang, 1, TEAMS[0], steps=-1, option="B", pole_a=1, rationale="Ronde twee")
        term.wait_for("✓")
        term.send("q")  # mid-round: teams 2 and 3 have not chosen yet
        assert term.wait_exit() == 0
    finally:
        term.close()
    [save] = sorted(saves.glob("*.jsonl"))
    played = Played(save=save, raw=[bytes(term.raw)], size=size)
    played.resume_line, played.resume_command = resume_command(term.after_exit_lines())
    return played


def resume_and_finish(home: Path, played: Played, lang: str, size: tuple[int, int]) -> str:
    """Run the printed command as printed, via a shell, from another folder."""
    elsewhere = home / "elsewhere"
    elsewhere.mkdir()
    env = program_env(home)
    env["PATH"] = "/usr/bin:/bin"  # the command must not need goedwerk on PATH
    term = Terminal([played.resume_command], env=env, cwd=elsewhere, size=size, shell=True)
    try:
        term.wait_for(t("ui.status.round", lang, n=2, total=CARDS), timeout=START_TIMEOUT)
        choose(term, lang, 2, TEAMS[1], steps=2, option="A", pole_b=1)
        choose(term, lang, 3, TEAMS[2], steps=-2, option="C", pole_a=1)
        term.press("r")
        term.wait_for(t("reveal.title", lang))
        term.press("n")
        term.wait_for(t("ui.status.round", lang, n=3, total=CARDS))
        term.press("s")  # skip: ux.md says it asks first (ConfirmScreen), Enter = yes
        term.wait_until(lambda: "esc" in term.text().splitlines()[-1], "the confirm's footer")
        assert t("closing.title", lang) not in term.text(), "s skipped without asking"
        term.press(ENTER)
        term.wait_for(t("closing.title", lang))
        wait_focus(term, TEAMS[0])  # a person sees where the cursor is before typing
        term.type(ACTIONS_TYPED[0])
        term.press(TAB)
        wait_focus(term, TEAMS[1])
        term.paste(PASTED_ACTION)
        term.press(TAB)
        wait_focus(term, TEAMS[2])
        term.type(ACTIONS_TYPED[2])
        term.press(CTRL_S)  # ux.md: records every typed action, then the summary
        summary = term.wait_for(t("summary.title", lang), t("summary.actions", lang))
        # each team's action, literally, after its name (waited for: the summary may be
        # drawn over the closing screen in more than one frame)
        term.wait_for(*(f"{n}: {a}" for n, a in zip(TEAMS, ACTIONS, strict=True)), flat=True)
        term.send("q")
        assert term.wait_exit() == 0
        played.raw.append(bytes(term.raw))
        return summary
    finally:
        term.close()


def play_workshop(
    home: Path,
    lang: str = "nl",
    size: tuple[int, int] = (80, 24),
    resize_to: tuple[int, int] | None = None,
) -> Played:
    """The whole workshop; with ``resize_to`` the terminal shrinks after the first card
    and the resumed run starts at that size."""
    lang_args = ["--lang", lang] if lang != "nl" else []
    played = play_until_quit(home, lang, size, lang_args, resize_to)
    resume_and_finish(home, played, lang, played.size)
    return played


def check_resume_command(played: Played, python: str) -> None:
    """ux.md: '<absolute sys.executable> -m goedwerk_tui resume <absolute save path>'."""
    expected = f"{shlex.quote(python)} -m goedwerk_tui resume {shlex.quote(str(played.save))}"
    assert played.resume_command == expected, played.resume_line


def check_raw_output(raw_runs: list[bytes]) -> None:
    """No control sequence that came from typed or pasted text reached the terminal."""
    for run, raw in enumerate(raw_runs):
        for payload in HOSTILE_PAYLOADS:
            assert payload not in raw, f"run {run}: {payload!r} reached the terminal"
        # a C1 control is U+0080..U+009F, in UTF-8 0xC2 0x80..0x9F: Textual writes none
        c1 = [i for i in range(len(raw) - 1) if raw[i] == 0xC2 and 0x80 <= raw[i + 1] <= 0x9F]
        assert not c1, f"run {run}: C1 control bytes reached the terminal: {raw[c1[0] :][:8]!r}"
