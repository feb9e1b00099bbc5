"""Starting a live session other than ``play --live``: the home form's "Live" choice,
and ``resume --live``, which makes a new join code (devices join again)."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.pilot import Pilot

import goedwerk_tui.ui.screens.new_session as new_session
from goedwerk_tui.i18n import t
from goedwerk_tui.ui.live_control import LiveControl
from goedwerk_tui.ui.screens.live_join import LiveJoinScreen
from goedwerk_tui.ui.screens.play import PlayScreen
from tests.tui.helpers import app_for, choose, keys, open_form, screen_text, settle
from tests.tui.live_helpers import devices, live_app, until

PLAY = ["play", "goed-werk-openbaar-bestuur", "--team", "Rood", "--team", "Blauw"]


async def tab_to(pilot: Pilot[None], field: str, key: str) -> None:
    """Press ``key`` (Tab or shift+Tab) until ``field`` has the focus."""
    for _ in range(20):
        if pilot.app.focused is not None and pilot.app.focused.id == field:
            return
        await pilot.press(key)
    raise AssertionError(f"{key} never reached #{field}")


async def test_the_home_forms_live_choice_starts_a_live_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(new_session, "LIVE_BIND", "127.0.0.1:0")
    app = app_for([], tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        await pilot.press(*keys("Noord, Zuid"))
        await tab_to(pilot, "measure", "tab")  # the fields after the teams; no measure
        await pilot.press("space")
        await tab_to(pilot, "live", "tab")  # then Live
        await pilot.press("space")
        await tab_to(pilot, "team-names", "shift+tab")
        await pilot.press("enter")
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


async def test_a_server_that_stops_by_itself_is_said_and_the_keyboard_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, live = live_app(PLAY, tmp_path / "saves")

    async def broken() -> None:
        raise OSError("kapot")

    monkeypatch.setattr(live.server, "serve", broken)
    said: list[str] = []
    notify = app.notify

    def record(message: str, **kwargs: Any) -> None:
        said.append(message)
        notify(message, **kwargs)

    monkeypatch.setattr(app, "notify", record)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(lambda: bool(said), "the failure said", pilot)
        assert said == [t("live.server_failed", "nl", error="kapot")]
        await choose(pilot, 1, option="A", pole_a=1)  # the keyboard records on
        current = app.game.session.current
        assert current is not None and "t1" in current.choices
        await pilot.press("q")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the test certificate")
async def test_with_a_certificate_the_join_address_is_https_and_devices_verify_it(
    tmp_path: Path,
) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"]
        + ["-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    tls = ["--tls-cert", str(cert), "--tls-key", str(key)]
    app, live = live_app([*PLAY, *tls], tmp_path / "saves")
    assert live.join_url.startswith(f"https://127.0.0.1:{live.listener.port}/j/")
    verify = ssl.create_default_context(cafile=str(cert))
    async with app.run_test(size=(80, 24)) as pilot:
        base = f"https://127.0.0.1:{live.listener.port}"
        async with httpx.AsyncClient(base_url=base, verify=verify, timeout=20) as phone:
            joined = await phone.post("/api/join", json={"code": live.join_code, "team": "t1"})
            assert joined.status_code == 200
            assert "secure" in joined.headers["set-cookie"].lower()
        assert live.join_url in screen_text(app, 100)
        await pilot.press("q")


async def test_the_help_of_a_live_session_names_the_join_screens_key(tmp_path: Path) -> None:
    """? on the card of a live session says what l does; without --live it does not."""
    app, _ = live_app(PLAY, tmp_path / "saves")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert t("help.live", "nl").splitlines()[0] in screen_text(app, 120)
    plain = app_for(PLAY, tmp_path / "other")
    async with plain.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "het scherm om mee te doen" not in screen_text(plain, 100)
