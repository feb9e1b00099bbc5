"""The live server for real: a socket on 127.0.0.1, uvicorn on the test's loop, two
teams' devices as two httpx clients, with their event streams."""

from __future__ import annotations

import asyncio
import socket
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from goedwerk_tui.domain.game import Game
from goedwerk_tui.live.hub import LiveHub
from goedwerk_tui.live.server import DEFAULT_PORT, LiveError, LiveServer, prepare
from tests.conftest import present
from tests.live.helpers import choice_body, new_game
from tests.live.sse import Events


@asynccontextmanager
async def running(game: Game) -> AsyncIterator[tuple[LiveHub, LiveServer, str]]:
    hub = LiveHub(game)
    listener = prepare("127.0.0.1:0", None, None)
    server = LiveServer(listener, hub)
    task = asyncio.create_task(server.serve())
    try:
        yield hub, server, f"http://127.0.0.1:{listener.port}"
    finally:
        await server.stop()
        await asyncio.wait_for(task, 20)


@asynccontextmanager
async def joined(base: str, hub: LiveHub, team: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=base, timeout=20) as client:
        for _ in range(100):  # the server task starts on the next turns of the loop
            try:
                answer = await client.post("/api/join", json={"code": hub.join_code, "team": team})
                break
            except httpx.ConnectError:
                await asyncio.sleep(0.05)
        assert answer.status_code == 200
        client.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        yield client


@asynccontextmanager
async def stream(client: httpx.AsyncClient) -> AsyncIterator[Events]:
    async with client.stream("GET", "/api/events") as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
        yield Events(response)


def unanswered(state: dict[str, Any]) -> dict[str, Any]:
    return {**state, "teams": [{**t, "answered": None} for t in state["teams"]]}


async def test_two_teams_on_the_real_socket_follow_the_session(saves_dir: Path) -> None:
    game = new_game(saves_dir, ["Noord", "Zuid"])
    async with running(game) as (hub, server, base):
        async with (
            joined(base, hub, "t1") as noord,
            joined(base, hub, "t2") as zuid,
            stream(zuid) as zuid_events,
            stream(noord) as noord_events,
        ):
            kind, first = await zuid_events.next()
            assert kind == "state" and first == (await zuid.get("/api/state")).json()
            assert (await noord_events.next())[0] == "state"
            body = choice_body(game, "n1", stance=2, rationale="geheim")
            assert (await noord.post("/api/choice", json=body)).json() == {"seq": 2}
            kind, seen = await zuid_events.next()
            assert kind == "state" and seen["teams"][0]["answered"]
            assert unanswered(seen) == unanswered(first)  # nothing of Noord's choice
            assert (await noord_events.next())[1]["mine"]["rationale"] == "geheim"
            await zuid.post("/api/choice", json=choice_body(game, "z1", stance=-2))
            assert (await zuid_events.next())[1]["mine"]["stance"] == -2
            game.reveal()
            kind, revealed = await zuid_events.next()
            assert revealed["phase"] == "revealed"
            assert [c["rationale"] for c in revealed["reveal"]["choices"]] == [
                "geheim",
                "Omdat het moet.",
            ]
            hub.release("t2")
            assert (await zuid_events.next())[0] == "released"
            assert await zuid_events.ended()
            await server.stop()
            rest = await noord_events.rest()
            assert rest[-1] == "ended" and set(rest[:-1]) <= {"state"}
    lines = game.path.read_text("utf-8")
    assert lines.count('"choice_recorded"') == 2


async def test_stopping_tells_the_devices_ended_then_the_port_is_free(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    async with running(game) as (hub, server, base):
        async with joined(base, hub, "t1") as noord, stream(noord) as events:
            await events.next()
            await server.stop()
            assert (await events.next())[0] == "ended"
            assert await events.ended()
        port = int(base.rsplit(":", 1)[1])
    prepare(f"127.0.0.1:{port}", None, None).close()  # the port is given back


async def test_paused_devices_see_it_in_their_state(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    async with running(game) as (hub, server, base):
        async with joined(base, hub, "t1") as noord, stream(noord) as events:
            await events.next()
            hub.pause()
            assert (await events.next())[1]["live"] == "paused"
            await server.stop()
            assert await events.ended()  # paused stays paused: no "ended"


def test_a_port_in_use_is_one_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(LiveError) as caught:
            prepare(f"127.0.0.1:{port}", None, None)
    assert caught.value.message("en") == (
        f"--bind 127.0.0.1:{port}: that port is in use already; pick another with --bind HOST:PORT"
    )
    assert caught.value.exit_code == 1


@pytest.mark.parametrize(
    ("bind", "key"),
    [
        ("127.0.0.1:99999", "live.bad_bind"),
        ("127.0.0.1:http", "live.bad_bind"),
        (":8765", "live.bad_bind"),
        ("no-such-host.invalid:8765", "live.bad_address"),
        ("192.0.2.77:0", "live.cannot_bind"),  # not this machine's address
    ],
)
def test_a_bad_address_is_one_clear_error(bind: str, key: str) -> None:
    with pytest.raises(LiveError) as caught:
        prepare(bind, None, None)
    assert caught.value.code == key
    assert "\n" not in caught.value.message("nl")


def test_bind_forms() -> None:
    from goedwerk_tui.live.server import parse_bind

    assert parse_bind("0.0.0.0:8765") == ("0.0.0.0", 8765)
    assert parse_bind("127.0.0.1") == ("127.0.0.1", DEFAULT_PORT)
    assert parse_bind("[::1]:9000") == ("::1", 9000)
    listener = prepare("127.0.0.1:0", None, None)
    try:
        assert listener.port > 0 and not listener.tls
        assert listener.join_url("ABC234") == f"http://127.0.0.1:{listener.port}/j/ABC234"
    finally:
        listener.close()


def test_on_all_interfaces_the_join_address_is_the_lan_address() -> None:
    from goedwerk_tui.live.server import lan_address

    listener = prepare("0.0.0.0:0", None, None)
    try:
        url = listener.join_url("ABC234")
    finally:
        listener.close()
    host = lan_address() or "127.0.0.1"
    assert url == f"http://{host}:{listener.port}/j/ABC234"
    assert "0.0.0.0" not in url


def make_cert(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def test_tls_files_are_checked_before_anything_starts(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    cases = [
        ((tmp_path / "none.pem", None), "live.tls_pair"),
        ((tmp_path / "none.pem", tmp_path / "none.key"), "live.tls_missing"),
        ((junk, junk), "live.tls_bad"),
    ]
    for (cert, key), code in cases:
        with pytest.raises(LiveError) as caught:
            prepare("127.0.0.1:0", cert, key)
        assert caught.value.code == code


@pytest.mark.skipif(not Path("/usr/bin/openssl").exists(), reason="needs openssl for a certificate")
async def test_under_tls_the_devices_talk_https(tmp_path: Path, saves_dir: Path) -> None:
    import ssl

    cert, key = make_cert(tmp_path)
    hub = LiveHub(new_game(saves_dir))
    listener = prepare("127.0.0.1:0", cert, key)
    assert listener.tls and listener.join_url("ABC234").startswith("https://")
    server = LiveServer(listener, hub)
    task = asyncio.create_task(server.serve())
    trust = ssl.create_default_context(cafile=str(cert))
    trust.check_hostname = False
    try:
        async with httpx.AsyncClient(verify=trust, timeout=20) as client:
            for _ in range(100):
                try:
                    answer = await client.get(
                        f"https://127.0.0.1:{listener.port}/api/join/{hub.join_code}"
                    )
                    break
                except httpx.ConnectError:
                    await asyncio.sleep(0.05)
            assert answer.status_code == 200
            joined = await client.post(
                f"https://127.0.0.1:{listener.port}/api/join",
                json={"code": hub.join_code, "team": "t1"},
            )
            assert "Secure" in joined.headers["set-cookie"]
    finally:
        await server.stop()
        await asyncio.wait_for(task, 20)


def test_without_a_route_the_join_address_is_one_of_the_hosts_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from goedwerk_tui.live import server as live

    def unreachable(self: socket.socket, address: object) -> None:
        raise OSError("Network is unreachable")

    def addresses(host: str, *args: object) -> list[tuple[object, ...]]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.1.1", 0)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.42.0.1", 0)),
        ]

    monkeypatch.setattr(socket.socket, "connect", unreachable)
    monkeypatch.setattr(socket, "getaddrinfo", addresses)
    assert live.lan_address() == "10.42.0.1"  # the laptop's hotspot, not a loopback


async def test_a_device_that_goes_away_leaves_nothing_behind(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    async with running(game) as (hub, server, base):
        async with joined(base, hub, "t1") as noord:
            for _ in range(3):
                async with stream(noord) as events:
                    await events.next()
                    assert hub.devices_connected >= 1
            # the phone went to sleep: its streams are closed from its side
            for _ in range(200):
                if hub.devices_connected == 0:
                    break
                await asyncio.sleep(0.05)
            assert hub.devices_connected == 0
            card = present(game.session.current_card)
            game.record_choice("t1", 0, None, [card.values[0]], [], "")  # nobody to tell
