"""One card from the command line on a 60x20 terminal, each step confirmed with Enter.

This path works with today's keys, so it guards the terminal harness and the hostile
names on a small screen while the ux.md workshop tests still wait for their fixes.
"""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.i18n import t
from tests.workshop.screens import choose
from tests.workshop.terminal import ENTER, START_TIMEOUT, Terminal, goedwerk, program_env
from tests.workshop.workshop import check_raw_output, events

NAMES = ["[/]", "Rood\x1b]52;c;aGk=\x07"]  # as typed on the command line
SHOWN = ["[/]", "Rood"]  # the OSC 52 sequence is dropped from the name
RATIONALE = "[b]vet[/b] <i>schuin</i>"
ACTIONS = ["[red]Elke maand[/red] een dilemma", "Rood vraagt door"]


def test_one_card_at_60x20_with_hostile_names(tmp_path: Path) -> None:
    """Choose, reveal, close with an action per team (Enter) and read the summary."""
    saves = tmp_path / "saves"
    argv = goedwerk("--save-dir", str(saves), "play", "--cards", "1", "--no-measure")
    for name in NAMES:
        argv += ["--team", name]
    term = Terminal(argv, env=program_env(tmp_path), cwd=tmp_path, size=(60, 20))
    try:
        term.wait_for(t("ui.status.round", "nl", n=1, total=1), timeout=START_TIMEOUT)
        choose(term, "nl", 1, SHOWN[0], steps=-1, option="A", pole_a=1, rationale=RATIONALE)
        choose(term, "nl", 2, SHOWN[1], steps=2, option="B", pole_b=1)
        term.press("r")
        term.wait_for(t("reveal.title", "nl"), *SHOWN, flat=True)
        term.press("n")  # the last card: on to the closing step
        term.wait_for(t("closing.title", "nl"), flat=True)
        for action in ACTIONS:
            term.type(action)
            term.wait_for(action)
            term.press(ENTER)
        term.wait_for(t("closing.done", "nl"), flat=True)
        term.press(ENTER)
        per_team = (f"{name}: {action}" for name, action in zip(SHOWN, ACTIONS, strict=True))
        term.wait_for(t("summary.title", "nl"), *per_team, flat=True)
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
    [save] = saves.glob("*.jsonl")
    lines = events(save)
    assert [team["name"] for team in lines[0]["teams"]] == SHOWN
    choices = [e for e in lines if e["event"] == "choice_recorded"]
    assert [(c["team"], c["stance"], c["option"]) for c in choices] == [
        ("t1", -1, "A"),
        ("t2", 2, "B"),
    ]
    assert choices[0]["rationale"] == RATIONALE
    assert [e["text"] for e in lines if e["event"] == "action_recorded"] == ACTIONS
    assert lines[-1]["event"] == "session_ended"
    check_raw_output([bytes(term.raw)])
