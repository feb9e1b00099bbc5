"""A live session for the API tests: a real Game saving into the test's folder, its
hub, and httpx clients, one per team, against the ASGI app (or the real socket)."""

from __future__ import annotations

import functools
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.live.api import create_app
from goedwerk_tui.live.hub import LiveHub
from goedwerk_tui.live.security import RateLimit
from tests.conftest import DECKS, present

TEAMS = ["Noord", "Zuid", "Oost"]


@functools.cache
def english_deck() -> Deck:
    return load_deck(DECKS / "good-work-public-service.yaml")


def new_game(saves: Path, teams: list[str] | None = None, *, measure: bool = False) -> Game:
    return Game.new(english_deck(), teams or TEAMS, save_dir=saves, cards=3, measure=measure)


def app_client(hub: LiveHub, limit: RateLimit | None = None) -> httpx.AsyncClient:
    """A client of the ASGI app (its own cookie jar: one device)."""
    transport = httpx.ASGITransport(app=create_app(hub, limit=limit or RateLimit(burst=1000)))
    return httpx.AsyncClient(transport=transport, base_url="http://live.test")


@asynccontextmanager
async def device(hub: LiveHub, team: str) -> AsyncIterator[httpx.AsyncClient]:
    """A device that has joined as ``team``: it sends its token as a bearer header."""
    async with app_client(hub) as client:
        answer = await client.post("/api/join", json={"code": hub.join_code, "team": team})
        assert answer.status_code == 200, answer.text
        client.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        yield client


def choice_body(game: Game, request_id: str, **changes: Any) -> dict[str, Any]:
    """A choice the rules accept for the current card (changed by ``changes``)."""
    card = present(game.session.current_card)
    body: dict[str, Any] = {
        "card": card.id,
        "stance": -1,
        "option": "A",
        "values": {"a": [card.values[0]], "b": []},
        "rationale": "Omdat het moet.",
        "request_id": request_id,
    }
    body.update(changes)
    return body


def save_lines(game: Game) -> list[dict[str, Any]]:
    return [json.loads(line) for line in game.path.read_text("utf-8").splitlines()]


def kinds(game: Game) -> list[str]:
    return [line["event"] for line in save_lines(game)]
