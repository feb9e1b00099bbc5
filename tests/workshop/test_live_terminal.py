"""The real ``goedwerk play --live`` in a pseudo-terminal: a team reads the join
address off the facilitator's screen, joins with its own client and answers; the
screen marks the team as answered, and the QR code on the join screen is, cell for
cell, the code of that address."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from goedwerk_tui.i18n import t
from goedwerk_tui.ui.widgets.live_qr import UPPER_HALF, qr_matrix
from tests.workshop.terminal import START_TIMEOUT, Terminal, goedwerk, program_env
from tests.workshop.workshop import events

JOIN_URL = re.compile(r"http://127\.0\.0\.1:(\d+)/j/([A-Z0-9]+)")
BLACK, WHITE = "000000", "ffffff"


def qr_on_screen(term: Terminal) -> list[list[bool]]:
    """The modules drawn on the screen (True = dark), two a cell: the half block's
    colour above, its background below; only black and white cells count."""
    rows: list[list[bool]] = []
    for y in range(term.screen.lines):
        line = term.screen.buffer[y]
        cells = [line[x] for x in range(term.screen.columns)]
        code = [c for c in cells if c.data == UPPER_HALF and {c.fg, c.bg} <= {BLACK, WHITE}]
        if code:
            rows += [[c.fg == BLACK for c in code], [c.bg == BLACK for c in code]]
    return rows


def test_a_device_joins_from_the_address_on_screen_and_answers(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    argv = goedwerk(
        "--save-dir", str(saves), "play", "--cards", "1", "--no-measure", "--team", "Rood"
    )
    argv += ["--team", "Blauw", "--live", "--bind", "127.0.0.1:0"]
    term = Terminal(argv, env=program_env(tmp_path), cwd=tmp_path, size=(80, 24))
    try:
        screen = term.wait_for("/j/", t("live.status.no_device", "nl"), timeout=START_TIMEOUT)
        found = JOIN_URL.search(screen)
        assert found is not None, term.dump()
        url, code = found.group(0), found.group(2)
        with httpx.Client(base_url=f"http://127.0.0.1:{found.group(1)}", timeout=20) as phone:
            joined = phone.post("/api/join", json={"code": code, "team": "t1"})
            assert joined.status_code == 200, joined.text
            auth = {"Authorization": f"Bearer {joined.json()['token']}"}
            card = phone.get("/api/state", headers=auth).json()["card"]
            choice = {
                "card": card["id"],
                "stance": -1,
                "option": "A",
                "values": {"a": [card["values"][0]["id"]], "b": []},
                "rationale": "van de telefoon",
                "request_id": "een",
            }
            assert phone.post("/api/choice", json=choice, headers=auth).status_code == 200
        term.wait_for(t("live.status.devices", "nl", teams="Rood"))
        term.wait_for("Rood ✓ " + t("ui.status.chosen", "nl"))
        term.press("l")
        term.wait_for(t("live.join.title", "nl"), "● " + t("live.join.device", "nl"))
        term.wait_for("✓ " + t("live.join.answered", "nl"))
        term.quiet()  # the whole frame drawn
        drawn = qr_on_screen(term)
        expected = qr_matrix(url)  # the standard's four-module quiet zone fits at 80x24
        assert drawn[: len(expected)] == expected
        term.press("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
    [save] = saves.glob("*.jsonl")
    [choice_line] = [e for e in events(save) if e["event"] == "choice_recorded"]
    assert choice_line["team"] == "t1" and choice_line["rationale"] == "van de telefoon"
    assert choice_line.get("via") == "device"
    assert "--live" in "\n".join(term.after_exit_lines())  # the resume command stays live
