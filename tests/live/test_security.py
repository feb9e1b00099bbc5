"""The live session's security (issue 9 "Security"): codes, tokens, headers on every
response, data never markup, nothing on the terminal or in a log."""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
from pathlib import Path

import httpx
import pytest

from goedwerk_tui.live import security
from goedwerk_tui.live.api import STATIC, create_app
from goedwerk_tui.live.hub import LiveHub
from goedwerk_tui.live.server import LiveServer, prepare
from tests.live.helpers import app_client, choice_body, device, new_game

LOOK_ALIKES = set("0O1IL") | set("abcdefghijklmnopqrstuvwxyz")


def test_join_codes_are_random_and_free_of_look_alikes() -> None:
    codes = {security.new_join_code() for _ in range(2000)}
    assert len(codes) == 2000  # 31**6 codes: no repeats in 2000 draws (p < 0.003)
    assert all(len(code) >= 6 for code in codes)
    assert not set("".join(codes)) & LOOK_ALIKES
    assert set("".join(codes)) == set(security.CODE_ALPHABET)


def test_each_hub_has_its_own_code(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    assert len({LiveHub(game).join_code for _ in range(50)}) == 50


def test_tokens_hold_128_random_bits() -> None:
    import base64

    tokens = {security.new_token() for _ in range(1000)}
    assert len(tokens) == 1000
    for token in tokens:
        assert len(base64.urlsafe_b64decode(token + "==")) == 16


def test_tokens_and_codes_are_compared_in_constant_time(
    saves_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = LiveHub(new_game(saves_dir))
    token = hub.claim("t1")
    assert token is not None
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)  # what security.same_secret calls
    assert hub.team_of(token) == "t1"
    assert hub.team_of(token[:-1] + "x") is None
    assert hub.code_ok(hub.join_code) and not hub.code_ok(
        "AAAAAA" if hub.join_code != "AAAAAA" else "BBBBBB"
    )
    assert (token.encode(), token.encode()) in compared
    assert len(compared) == 4


async def test_every_response_carries_the_strict_headers(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    async with device(hub, "t1") as noord:
        answers = [
            await noord.get(f"/j/{hub.join_code}"),
            await noord.get("/j/WRONG1"),
            await noord.get("/static/app.js"),
            await noord.get("/api/texts"),
            await noord.get(f"/api/join/{hub.join_code}"),
            await noord.get("/api/join/WRONG1"),
            await noord.post("/api/join", json={"code": hub.join_code, "team": "t1"}),
            await noord.post("/api/join", content=b"x" * 20_000),
            await noord.get("/api/state"),
            await noord.get("/api/state", headers={"Authorization": "Bearer nope"}),
            await noord.post("/api/choice", json=choice_body(game, "1")),
            await noord.post("/api/choice", json=choice_body(game, "2", stance=7)),
            await noord.post("/api/action", json={"text": "x", "request_id": "3"}),
            await noord.get("/no/such/path"),
            await noord.delete("/api/state"),
        ]
    for answer in answers:
        headers = answer.headers
        assert headers["content-security-policy"] == (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        ), answer.url
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"
        assert "server" not in headers


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", "[/]", "[bold red]x", '"&<>'])
async def test_a_team_name_comes_back_as_data_exactly_as_typed(saves_dir: Path, name: str) -> None:
    game = new_game(saves_dir, [name, "Zuid"])
    hub = LiveHub(game)
    async with app_client(hub) as client:
        info = await client.get(f"/api/join/{hub.join_code}")
        joined = await client.post("/api/join", json={"code": hub.join_code, "team": "t1"})
        client.headers["Authorization"] = f"Bearer {joined.json()['token']}"
        state = await client.get("/api/state")
    for answer in (info, joined, state):
        assert answer.headers["content-type"] == "application/json"
    assert info.json()["teams"][0]["name"] == name
    assert joined.json()["team"]["name"] == name
    assert state.json()["me"]["name"] == name and state.json()["teams"][0]["name"] == name


def test_the_page_never_puts_data_in_as_markup() -> None:
    scripts = sorted(STATIC.glob("*.js")) if STATIC.is_dir() else []
    if not scripts:
        pytest.skip("the device page (goedwerk_tui/live/static/) is not on this branch")
    markup = re.compile(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write")
    for script in scripts:
        assert not markup.search(script.read_text("utf-8")), script.name


async def test_nothing_reaches_the_terminal_or_a_log(
    saves_dir: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    game = new_game(saves_dir)
    hub = LiveHub(game)
    listener = prepare("127.0.0.1:0", None, None)
    server = LiveServer(listener, hub)
    task = asyncio.create_task(server.serve())
    base = f"http://127.0.0.1:{listener.port}"
    async with httpx.AsyncClient(base_url=base, timeout=20) as client:
        for _ in range(100):
            try:
                joined = await client.post("/api/join", json={"code": hub.join_code, "team": "t1"})
                break
            except httpx.ConnectError:
                await asyncio.sleep(0.05)
        token = joined.json()["token"]
        client.headers["Authorization"] = f"Bearer {token}"
        await client.post("/api/choice", json=choice_body(game, "1"))
        await client.get("/api/join/WRONG1")
        await client.get("/no/such/path")
    await server.stop()
    await asyncio.wait_for(task, 20)
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    server_side = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    logged = "\n".join(record.getMessage() for record in server_side)
    assert token not in logged and "127.0.0.1" not in logged
    assert token not in game.path.read_text("utf-8")


async def test_the_app_alone_serves_nothing_from_outside_its_folder(saves_dir: Path) -> None:
    hub = LiveHub(new_game(saves_dir))
    transport = httpx.ASGITransport(app=create_app(hub))
    async with httpx.AsyncClient(transport=transport, base_url="http://live.test") as client:
        for path in ("/static/..%2F..%2Fpyproject.toml", "/static/%2e%2e/api.py", "/static/"):
            assert (await client.get(path)).status_code == 404
