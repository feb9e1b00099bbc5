"""Starting a live session other than ``play --live``: the home form's "Live" choice,
and ``resume --live``, which makes a new join code (devices join again)."""

from __future__ import annotations

from pathlib import Path

import pytest

import goedwerk_tui.ui.screens.new_session as new_session
from goedwerk_tui.i18n import t
from goedwerk_tui.ui.live_control import LiveControl
from goedwerk_tui.ui.screens.live_join import LiveJoinScreen
from goedwerk_tui.ui.screens.play import PlayScreen
from tests.tui.helpers import app_for, keys, open_form, screen_text, settle
from tests.tui.live_helpers import devices, live_app, until

PLAY = ["play", "goed-werk-openbaar-bestuur", "--team", "Rood", "--team", "Blauw"]


async def test_the_home_forms_live_choice_starts_a_live_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(new_session, "LIVE_BIND", "127.0.0.1:0")
    app = app_for([], tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        await pilot.press(*keys("Noord, Zuid"))
        await pilot.press(*["tab"] * 6)
        assert app.focused is not None and app.focused.id == "live"
        await pilot.press("space")
        await pilot.press(*["shift+tab"] * 6, "enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        live = app.live
        assert isinstance(live, LiveControl)
        assert live.join_url in screen_text(app, 100)
        async with devices(live, 1) as (phone,):
            assert (await phone.join(live.join_code, "t2")).status_code == 200
            await until(lambda: "Zuid" in screen_text(app, 100).split("LIVE")[-1], "Zuid", pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LiveJoinScreen)
        await pilot.press("escape", "q")


async def test_a_session_without_live_has_no_live_line_and_no_l(tmp_path: Path) -> None:
    app = app_for(PLAY, tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot:
        assert t("live.status.live", "nl") not in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("q")


async def test_resume_live_makes_a_new_join_code(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    app, first = live_app(PLAY, saves)
    async with app.run_test(size=(80, 24)) as pilot, devices(first, 1) as (phone,):
        assert (await phone.join(first.join_code, "t1")).status_code == 200
        token = phone.token
        await pilot.press("q")
    [save] = saves.glob("*.jsonl")
    again, second = live_app(["resume", str(save)], saves)
    async with again.run_test(size=(80, 24)) as pilot, devices(second, 1) as (phone,):
        assert second.join_code != first.join_code
        assert not second.hub.joined("t1")  # the device joins again
        phone.token = token
        assert (await phone.client.get("/api/state", headers=phone.auth)).status_code == 401
        assert (await phone.join(first.join_code, "t1")).status_code == 403  # the old code
        assert (await phone.join(second.join_code, "t1")).status_code == 200
        await pilot.press("q")


async def test_team_names_show_literally_on_the_live_line_and_the_join_screen(
    tmp_path: Path,
) -> None:
    argv = ["play", "--team", "[/]", "--team", "<b>Blauw</b>", "--team", "[red]Rood"]
    app, live = live_app(argv, tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot, devices(live, 1) as (phone,):
        assert (await phone.join(live.join_code, "t1")).status_code == 200
        devices_line = t("live.status.devices", "nl", teams="[/]")
        await until(lambda: devices_line in screen_text(app), "[/] on a device", pilot)
        await pilot.press("l")
        await pilot.pause()
        text = screen_text(app)
        assert "[/]" in text and "<b>Blauw</b>" in text and "[red]Rood" in text
        await pilot.press("q")
