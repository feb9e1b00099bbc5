"""Reading a server-sent event stream as a browser's EventSource does."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

WAIT = 20.0  # seconds: only so a broken server fails the test instead of hanging it


class Events:
    """The events of one open stream, one at a time (``next``)."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self._lines: AsyncIterator[str] = response.aiter_lines()

    async def next(self) -> tuple[str, Any]:
        return await asyncio.wait_for(self._next(), WAIT)

    async def _next(self) -> tuple[str, Any]:
        kind, data = "message", ""
        async for line in self._lines:
            if line.startswith(":"):
                continue  # a ping
            if line.startswith("event:"):
                kind = line[6:].strip()
            elif line.startswith("data:"):
                data += line[5:].strip()
            elif line == "" and data:
                return kind, json.loads(data)
        raise EOFError("the stream ended")

    async def rest(self) -> list[str]:
        """The kinds of the events still to come, until the stream ends."""
        kinds = []
        while True:
            try:
                kinds.append((await self.next())[0])
            except EOFError:
                return kinds

    async def ended(self) -> bool:
        """Whether the stream ends without another event."""
        try:
            await self.next()
        except EOFError:
            return True
        return False
