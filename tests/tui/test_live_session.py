"""A live session as a workshop plays it: the facilitator's app under Pilot with its
server on 127.0.0.1, two teams on their own devices (httpx clients) and a third at the
keyboard. What each device may see, what the facilitator's screen shows, and what the
save says, line by line."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from goedwerk_tui.i18n import t
from goedwerk_tui.ui.screens.live_join import LiveJoinScreen
from goedwerk_tui.ui.widgets.text_field import TextField
from tests.tui.helpers import choose, save_lines, screen_text
from tests.tui.live_helpers import devices, live_app, read_events, until

TEAMS = ["--team", "Rood", "--team", "Blauw", "--team", "Groen"]
PLAY = ["play", "goed-werk-openbaar-bestuur", "--cards", "1", *TEAMS]
SECRET = "Rood denkt eerst aan de Kamer"


async def test_two_devices_and_the_keyboard_play_a_card(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    app, live = live_app(PLAY, saves)
    async with app.run_test(size=(80, 24)) as pilot, devices(live, 3) as (red, blue, spare):
        assert (await red.join(live.join_code, "t1")).status_code == 200
        assert (await blue.join(live.join_code, "t2")).status_code == 200
        assert (await spare.join(live.join_code, "t2")).status_code == 409  # claimed
        await until(lambda: "Rood, Blauw" in screen_text(app), "the live line", pilot)
        assert t("live.status.devices", "nl", teams="Rood, Blauw") in screen_text(app)

        # Rood answers, then changes its mind; Blauw learns only that Rood answered
        value = (await red.state())["card"]["values"][0]["id"]
        assert (await red.choose(-2, "A", value, "eerst")).status_code == 200
        assert (await red.choose(1, "B", value, SECRET)).status_code == 200
        seen_by_blue = await blue.client.get("/api/state", headers=blue.auth)
        assert SECRET not in seen_by_blue.text and "eerst" not in seen_by_blue.text
        assert seen_by_blue.json()["reveal"] is None
        answered = {team["id"]: team["answered"] for team in seen_by_blue.json()["teams"]}
        assert answered == {"t1": True, "t2": False, "t3": False}
        assert (await red.state())["mine"]["rationale"] == SECRET  # its own, after a reload
        await until(lambda: "✓ gekozen" in screen_text(app), "Rood chosen on screen", pilot)

        # Groen chooses at the keyboard, Blauw on its device
        await choose(pilot, 3, steps=-1, option="C", pole_a=1)
        assert (await blue.choose(2, None, value, "")).status_code == 200
        await until(lambda: not app.game.session.waiting_for(), "all three chosen", pilot)
        await pilot.pause()
        assert screen_text(app).count("✓ " + t("ui.status.chosen", "nl")) == 3

        # the reveal is pressed on the keyboard; both devices see every choice
        await pilot.press("r")
        await pilot.pause()
        for device in (red, blue):
            state = await device.state()
            assert state["phase"] == "revealed"
            rationales = {c["team"]: c["rationale"] for c in state["reveal"]["choices"]}
            assert rationales["t1"] == SECRET and set(rationales) == {"t1", "t2", "t3"}
        await pilot.press("n")  # the only card: the closing step
        await pilot.pause()
        assert (await red.post("/api/action", {"text": "Elke maand"})).status_code == 200
        assert (await blue.post("/api/action", {"text": "Doorvragen"})).status_code == 200
        await until(lambda: len(app.game.session.actions) == 2, "two actions", pilot)
        await pilot.pause()
        assert "Elke maand" in [field.value for field in app.screen.query(TextField)]
        assert "^l" in screen_text(app)  # letters type here: ctrl+l opens the join screen
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LiveJoinScreen)
        assert screen_text(app).count("✓ " + t("live.join.answered", "nl")) == 2
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")
    lines = save_lines(saves)
    choices = [line for line in lines if line["event"] == "choice_recorded"]
    assert [(c["team"], c["stance"], c.get("via", "keyboard")) for c in choices] == [
        ("t1", -2, "device"),
        ("t1", 1, "device"),
        ("t3", -1, "keyboard"),
        ("t2", 2, "device"),
    ]
    actions = [line for line in lines if line["event"] == "action_recorded"]
    assert [(a["team"], a["text"], a["via"]) for a in actions] == [
        ("t1", "Elke maand", "device"),
        ("t2", "Doorvragen", "device"),
    ]
    raw = "\n".join(json.dumps(line) for line in lines)
    assert red.token not in raw and blue.token not in raw and "127.0.0.1" not in raw


async def test_a_released_device_is_refused_and_another_claims_the_team(tmp_path: Path) -> None:
    """l opens the join screen; 2 and Enter release Blauw's device."""
    app, live = live_app(PLAY, tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot, devices(live, 2) as (lost, found):
        assert (await lost.join(live.join_code, "t2")).status_code == 200
        await pilot.press("l")
        await until(lambda: isinstance(app.screen, LiveJoinScreen), "the join screen", pilot)
        text = screen_text(app)
        assert live.join_url in text and t("live.join.code", "nl", code=live.join_code) in text
        assert "● " + t("live.join.device", "nl") in text  # Blauw's
        await pilot.press("2")
        await pilot.pause()
        assert t("live.release.confirm", "nl", team="Blauw") in screen_text(app)
        await pilot.press("enter")
        await until(lambda: not live.hub.joined("t2"), "Blauw released", pilot)
        assert "● " + t("live.join.device", "nl") not in screen_text(app)
        gone = await lost.client.get("/api/state", headers=lost.auth)
        assert gone.status_code == 401
        assert (await found.join(live.join_code, "t2")).status_code == 200
        assert (await found.state())["me"]["id"] == "t2"
        device = "● " + t("live.join.device", "nl")
        await until(lambda: device in screen_text(app), "the open join screen updated", pilot)
        await pilot.press("escape")
        await pilot.press("q")


async def test_quitting_ends_the_live_part_for_the_devices(tmp_path: Path) -> None:
    """q on the laptop: an open event stream gets ``ended``, then the port is closed."""
    app, live = live_app(PLAY, tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot, devices(live, 1) as (red,):
        assert (await red.join(live.join_code, "t1")).status_code == 200
        opened = asyncio.Event()
        stream = asyncio.ensure_future(read_events(red, opened))
        await until(opened.is_set, "the stream open", pilot)
        await pilot.press("q")
        events = await asyncio.wait_for(stream, 20)
    assert events[0] == "state" and events[-1] == "ended"
    assert live.hub.live == "ended"
