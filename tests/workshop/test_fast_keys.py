"""Keys that arrive together go where a person means them: Tab between fields first.

A facilitator who types fast, a busy laptop, or a tool that types for you can deliver
"action one, Tab, action two" in one read of the terminal. Before, Textual queued all
of it at the field that had the focus ("AB" in the first field, the second team's
action empty). And Tab back into a field selected its text, so the next key typed
replaced a team's whole action. The real program in a pseudo-terminal, and the save.
"""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.i18n import t
from tests.workshop.terminal import (
    CTRL_S,
    ENTER,
    SHIFT_TAB,
    START_TIMEOUT,
    TAB,
    Terminal,
    goedwerk,
    program_env,
)
from tests.workshop.workshop import check_raw_output, events


def test_actions_typed_in_one_burst_land_in_their_own_fields(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    argv = goedwerk("--save-dir", str(saves), "play", "--cards", "1", "--no-measure")
    argv += ["--team", "Rood", "--team", "Blauw"]
    term = Terminal(argv, env=program_env(tmp_path), cwd=tmp_path)
    try:
        term.wait_for(t("ui.status.round", "nl", n=1, total=1), timeout=START_TIMEOUT)
        term.press("e")  # stop dealing
        term.wait_for(t("confirm.stop_dealing", "nl"), flat=True)
        term.press(ENTER)
        term.wait_for(t("closing.title", "nl"), flat=True)
        # one write: team 1's action, Tab, team 2's, back with shift+Tab, one more word
        term.type(f"Cijfers eerst delen.{TAB}Toon afspreken.{SHIFT_TAB} Echt.")
        term.wait_for("Cijfers eerst delen. Echt.", "Toon afspreken.")
        # Tab on, then a paste with an escape sequence and a tab in it: the text stays
        # in the field it was pasted into, cleaned, after what was there
        term.send(TAB)
        term.paste(" Met \x1b[31mrood\tdoorgestreept.")
        term.wait_for("Toon afspreken. Met rood doorgestreept.")
        term.press(CTRL_S)
        term.wait_for(t("summary.title", "nl"), flat=True)
        term.send("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
    [save] = saves.glob("*.jsonl")
    actions = {e["team"]: e["text"] for e in events(save) if e["event"] == "action_recorded"}
    assert actions == {
        "t1": "Cijfers eerst delen. Echt.",
        "t2": "Toon afspreken. Met rood doorgestreept.",
    }
    check_raw_output([bytes(term.raw)])
