"""A device's event stream (server-sent events): its team's whole state on connect,
then again whenever it changes; ``released`` when the facilitator released the team,
``ended`` when the live part ends. Each stream waits on its hub subscription, so a
hundred idle devices cost no work until something changes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Final

from sse_starlette import EventSourceResponse, ServerSentEvent

from goedwerk_tui.live.hub import LiveHub

COALESCE: Final = 0.025  # seconds a stream waits after a change for the next ones


async def _events(hub: LiveHub, team: str, token: str) -> AsyncIterator[ServerSentEvent | bytes]:
    subscription = hub.subscribe(team, token)
    try:
        sent = hub.state_event(team)  # encoded once per change, shared by every stream
        yield sent
        while True:
            await subscription.wake.wait()
            # changes close together (six teams submitting at once) go out as one
            # event, after the submits' own answers
            await asyncio.sleep(COALESCE)
            subscription.wake.clear()
            if hub.team_of(token) != team:
                yield ServerSentEvent(data="{}", event="released")
                return
            if hub.live == "ended":
                yield ServerSentEvent(data="{}", event="ended")
                return
            now = hub.state_event(team)
            if now != sent:
                sent = now
                yield now
            if hub.closed:
                return
    finally:
        hub.unsubscribe(subscription)


def event_stream(hub: LiveHub, team: str, token: str) -> EventSourceResponse:
    return EventSourceResponse(_events(hub, team, token), ping=15)
