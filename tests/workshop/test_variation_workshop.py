""" "Maar wat als...?" and the before/after measure through the real program in a
pseudo-terminal, with only the keys the footer and help show; the save is then checked
line by line."""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.i18n import t
from tests.workshop.screens import choose
from tests.workshop.terminal import (
    CTRL_S,
    ENTER,
    LEFT,
    RIGHT,
    START_TIMEOUT,
    TAB,
    Terminal,
    goedwerk,
    program_env,
)
from tests.workshop.workshop import check_raw_output, events

TEAMS = ["Noord", "Zuid"]
POLE_A, POLE_B = "Professionele opvatting", "Politieke haalbaarheid"  # the first card's
# OSC 0 would set the window title: the reason arrives without it, its words in order
PASTED_REASON = "Dan telt\x1b]0;TITEL\x07 de Kamer"
REASON = "Dan telt de Kamer"
TYPED_REASON = "[b]Blijft[/b] lastig"


def play_argv(saves: Path, *extra: str) -> list[str]:
    argv = goedwerk("--save-dir", str(saves), "play", "--cards", "1", *extra)
    for name in TEAMS:
        argv += ["--team", name]
    return argv


def revise(term: Terminal, number: int, steps: int, reason: str, *, paste: bool) -> None:
    """Team ``number`` gives its new stance: the axis, Tab, a reason, Enter."""
    title = t("variation.stance_title", "nl", team=TEAMS[number - 1])
    term.press(str(number))
    term.wait_for(title)
    term.press(*([RIGHT if steps > 0 else LEFT] * abs(steps)))
    term.press(TAB)  # to the reason
    if paste:
        term.paste(reason)
    else:
        term.type(reason)
    term.wait_for(REASON if paste else reason)
    term.press(ENTER)
    term.wait_gone(title)


def test_a_variation_played_revised_and_revealed(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    argv = play_argv(saves, "--no-measure")
    term = Terminal(argv, env=program_env(tmp_path), cwd=tmp_path, size=(80, 24))
    try:
        term.wait_for(t("ui.status.round", "nl", n=1, total=1), timeout=START_TIMEOUT)
        choose(term, "nl", 1, TEAMS[0], steps=-1, option="A", pole_a=1)
        choose(term, "nl", 2, TEAMS[1], steps=1, option="B", pole_b=1)
        term.press("r")
        term.wait_for(t("reveal.title", "nl"))
        footer = t("key.variation", "nl")
        term.wait_until(lambda: footer in term.screen.display[-1], "v in the footer")
        term.press("v")
        term.wait_for(t("variation.pick_title", "nl"))
        term.press("1")
        term.wait_for(t("variation.status_open", "nl"))
        revise(term, 1, 2, PASTED_REASON, paste=True)  # -1 → +1
        revise(term, 2, -1, TYPED_REASON, paste=False)  # +1 → 0
        term.press("r")
        term.wait_for(
            f"{TEAMS[0]}: -1 → +1 (2 stappen naar {POLE_B})",
            f"{TEAMS[1]}: +1 → 0 (1 stap naar {POLE_A})",
            f"“{REASON}”",
            f"“{TYPED_REASON}”",
        )
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
    [save] = saves.glob("*.jsonl")
    lines = events(save)
    assert [e["seq"] for e in lines] == list(range(len(lines)))
    assert [e["event"] for e in lines] == [
        "session_started",
        "card_dealt",
        "choice_recorded",
        "choice_recorded",
        "card_revealed",
        "variation_played",
        "stance_revised",
        "stance_revised",
        "variation_revealed",
    ]
    card = lines[1]["card"]
    assert {(e["round"], e["card"], e["variation"]) for e in lines[5:]} == {(1, card, 1)}
    revised = [(e["team"], e["stance"], e["reason"], e["via"]) for e in lines[6:8]]
    assert revised == [("t1", 1, REASON, "keyboard"), ("t2", 0, TYPED_REASON, "keyboard")]
    check_raw_output([bytes(term.raw)])


def rate(term: Terminal, *scores: str) -> None:
    """The focused team's three scales, Tab between them, Enter records."""
    term.press(scores[0], TAB, scores[1], TAB, scores[2], ENTER)


def test_the_before_and_after_measure(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    term = Terminal(play_argv(saves), env=program_env(tmp_path), cwd=tmp_path, size=(80, 24))
    try:
        term.wait_for(t("measure.before.title", "nl"), timeout=START_TIMEOUT)
        rate(term, "4", "3", "5")
        term.wait_for(f"{TEAMS[0]}  ✓ {t('measure.recorded', 'nl')}")
        rate(term, "2", "2", "1")
        term.wait_for(t("measure.all_recorded", "nl"))
        term.press(CTRL_S)  # every team recorded: the first card
        term.wait_for(t("ui.status.round", "nl", n=1, total=1))
        choose(term, "nl", 1, TEAMS[0], steps=-1, option="A", pole_a=1)
        choose(term, "nl", 2, TEAMS[1], steps=1, option="B", pole_b=1)
        term.press("r")
        term.wait_for(t("reveal.title", "nl"))
        term.press("n")  # the only card: the closing step
        term.wait_for(t("closing.title", "nl"))
        # each step waits until the screen shows it was taken, as a person would: keys
        # typed before the focus moved would still go to the field that had it
        recorded = t("measure.recorded", "nl")
        for team, action, scores in (
            (TEAMS[0], "Elke maand een dilemma", ("5", "4", "5")),
            (TEAMS[1], "Vaker doorvragen", ("3", "3", "2")),
        ):
            term.type(action)
            term.wait_for(action)
            term.press(ENTER)  # the action recorded; on to the team's own scales
            term.wait_for(f"{team}  ✓ {recorded}")
            rate(term, *scores)
            term.wait_for(f"{t('measure.after_label', 'nl', team=team)}  ✓ {recorded}")
        term.wait_for(t("closing.done", "nl"))
        term.press(ENTER)  # Enter again in the last field: the summary
        term.wait_for(t("measure.summary", "nl"), "4 → 5 (+1)", "1 → 2 (+1)", "2 → 3 (+1)")
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
    [save] = saves.glob("*.jsonl")
    lines = events(save)
    assert lines[0]["settings"]["measure"] is True
    measured = [
        (e["moment"], e["team"], tuple(e["scores"].values()))
        for e in lines
        if e["event"] == "measure_recorded"
    ]
    assert measured == [
        ("before", "t1", (4, 3, 5)),
        ("before", "t2", (2, 2, 1)),
        ("after", "t1", (5, 4, 5)),
        ("after", "t2", (3, 3, 2)),
    ]
    kinds = [e["event"] for e in lines]
    assert kinds[:4] == ["session_started", "measure_recorded", "measure_recorded", "card_dealt"]
    assert kinds[-6:] == [
        "closing_started",
        "action_recorded",
        "measure_recorded",
        "action_recorded",
        "measure_recorded",
        "session_ended",
    ]
    assert list(lines[1]["scores"]) == ["ownership", "meaningfulness", "identification"]
