"""A device's event stream (server-sent events): its team's whole state on connect,
then again whenever it changes; ``released`` when the facilitator released the team,
``ended`` when the live part ends. Each stream waits on its hub subscription, so a
hundred idle devices cost no work until something changes."""

from __future__ import annotations

from collections.abc import AsyncIterator

from sse_starlette import EventSourceResponse, ServerSentEvent

from goedwerk_tui.live.hub import LiveHub


async def _events(hub: LiveHub, team: str, token: str) -> AsyncIterator[ServerSentEvent]:
    subscription = hub.subscribe(team, token)
    try:
        sent = hub.state_of(team)
        yield ServerSentEvent(data=sent.decode("utf-8"), event="state")
        while True:
            await subscription.wake.wait()
            subscription.wake.clear()
            if hub.team_of(token) != team:
                yield ServerSentEvent(data="{}", event="released")
                return
            if hub.live == "ended":
                yield ServerSentEvent(data="{}", event="ended")
                return
            now = hub.state_of(team)
            if now != sent:
                sent = now
                yield ServerSentEvent(data=now.decode("utf-8"), event="state")
            if hub.closed:
                return
    finally:
        hub.unsubscribe(subscription)


def event_stream(hub: LiveHub, team: str, token: str) -> EventSourceResponse:
    return EventSourceResponse(_events(hub, team, token), ping=15)
