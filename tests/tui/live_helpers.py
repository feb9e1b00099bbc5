"""A live session under Pilot, its server on 127.0.0.1:0, teams as httpx clients."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

from goedwerk_tui.ui.app import GoedWerkApp
from goedwerk_tui.ui.live_control import LiveControl
from tests.tui.helpers import app_for

LIVE = ["--live", "--bind", "127.0.0.1:0"]
_REQUESTS = itertools.count(1)


def live_app(argv: list[str], save_dir: Path) -> tuple[GoedWerkApp, LiveControl]:
    app = app_for([*argv, *LIVE], save_dir)
    assert isinstance(app.live, LiveControl)
    return app, app.live


def base_url(live: LiveControl) -> str:
    return f"http://127.0.0.1:{live.listener.port}"


class Device:
    """One team's phone: a client holding the team's token."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.token = ""

    async def join(self, code: str, team: str) -> httpx.Response:
        answer = await self.client.post("/api/join", json={"code": code, "team": team})
        if answer.status_code == 200:
            self.token = answer.json()["token"]
        return answer

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    async def state(self) -> dict[str, Any]:
        answer = await self.client.get("/api/state", headers=self.auth)
        assert answer.status_code == 200, answer.text
        data: dict[str, Any] = answer.json()
        return data

    async def post(self, path: str, body: dict[str, Any]) -> httpx.Response:
        body = {**body, "request_id": f"r{next(_REQUESTS)}"}
        return await self.client.post(path, json=body, headers=self.auth)

    async def choose(
        self, stance: int, option: str | None, value: str, rationale: str
    ) -> httpx.Response:
        card = (await self.state())["card"]
        body = {
            "card": card["id"],
            "stance": stance,
            "option": option,
            "values": {"a": [value] if stance <= 0 else [], "b": [value] if stance > 0 else []},
            "rationale": rationale,
        }
        return await self.post("/api/choice", body)


@asynccontextmanager
async def devices(live: LiveControl, count: int) -> AsyncIterator[list[Device]]:
    """``count`` separate clients (each its own cookies) against the live server."""
    clients = [httpx.AsyncClient(base_url=base_url(live), timeout=20) for _ in range(count)]
    try:
        yield [Device(client) for client in clients]
    finally:
        for client in clients:
            await client.aclose()


async def read_events(device: Device, opened: asyncio.Event) -> list[str]:
    """Every event name of the device's stream, until the server ends it; ``opened``
    is set at the first event."""
    names: list[str] = []
    headers = {**device.auth, "Accept": "text/event-stream"}
    async with device.client.stream("GET", "/api/events", headers=headers) as answer:
        assert answer.status_code == 200
        async for line in answer.aiter_lines():
            if line.startswith("event:"):
                names.append(line.removeprefix("event:").strip())
                opened.set()
    return names


async def until(condition: Any, what: str, pilot: Any) -> None:
    """Let the app run until ``condition()`` holds (the server and the screen are on
    the same loop as the test)."""
    for _ in range(2000):
        if condition():
            return
        await pilot.pause()
        await asyncio.sleep(0.01)
    raise AssertionError(f"never: {what}")
