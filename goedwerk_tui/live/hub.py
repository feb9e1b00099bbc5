"""The one bridge between the devices and the ``Game``: who holds which team, what
each device may see, and who is told when something changes.

Everything here runs on the one asyncio loop the TUI runs on: a device's request
calls the same ``Game`` intents as the keyboard, the ``Game`` writes and fsyncs, and
``Game.on_commit`` tells the hub, which wakes every device's event stream and calls
``on_change`` (the TUI refreshes its live panel).
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable

from goedwerk_tui.domain.events import Event
from goedwerk_tui.domain.game import Game
from goedwerk_tui.live import security, state
from goedwerk_tui.live.state import Live

# Answers to requests with a request_id kept per hub, for a repeated submit.
MAX_REMEMBERED = 1024


def _call(callback: Callable[[], None]) -> None:
    """Call a listener; its failure goes to the loop's exception handler instead of
    into the Game's commit that called it (the line is written: a device's answer
    must still be its 200, remembered for a repeat)."""
    try:
        callback()
    except Exception as exc:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise exc from None
        loop.call_exception_handler({"message": "a live listener failed", "exception": exc})


class Subscription:
    """One device's event stream: woken when the state may have changed."""

    def __init__(self, team_id: str, token: str) -> None:
        self.team_id = team_id
        self.token = token
        self.wake = asyncio.Event()


class LiveHub:
    def __init__(self, game: Game) -> None:
        self.game = game
        self.join_code = security.new_join_code()
        self.live: Live = "open"
        self.closed = False  # the server stops: every event stream ends
        self.on_change: list[Callable[[], None]] = []
        self._tokens: dict[str, str] = {}  # team id -> its device's token
        self._subscriptions: set[Subscription] = set()
        self._version = 0
        self._cache: dict[str, tuple[tuple[int, int], tuple[bytes, bytes]]] = {}
        self._answers: OrderedDict[tuple[str, str], tuple[int, bytes]] = OrderedDict()
        game.on_commit.append(self._committed)

    # ----- the facilitator's view -------------------------------------------------
    def joined(self, team_id: str) -> bool:
        """Whether a device holds the team's token."""
        return team_id in self._tokens

    def answered(self, team_id: str) -> bool:
        """Whether the team has answered what is asked of it now."""
        return state.answered(self.game.session, team_id)

    def release(self, team_id: str) -> None:
        """Revoke the team's token: its device goes back to the team picker and the
        team can be claimed again."""
        if self._tokens.pop(team_id, None) is not None:
            self.changed()

    def pause(self) -> None:
        """Devices show that the session is paused (it can be resumed later)."""
        self.live = "paused"
        self.changed()

    def end(self) -> None:
        """Devices show that the live part has ended; their streams close."""
        self.live = "ended"
        self.changed()

    def close_streams(self) -> None:
        """End every device's event stream (after its last event): the server stops."""
        self.closed = True
        for subscription in self._subscriptions:
            subscription.wake.set()

    # ----- devices ----------------------------------------------------------------
    def code_ok(self, code: str) -> bool:
        return security.same_secret(security.normal_code(code), self.join_code)

    def claim(self, team_id: str) -> str | None:
        """A new token for the team's device, or None when another device holds it."""
        if team_id in self._tokens:
            return None
        token = self._tokens[team_id] = security.new_token()
        self.changed()
        return token

    def team_of(self, token: str) -> str | None:
        """The team whose token this is (every token compared in constant time)."""
        found = None
        for team_id, held in self._tokens.items():
            if security.same_secret(token, held):
                found = team_id
        return found

    def state_of(self, team_id: str) -> bytes:
        """The JSON of what the team's device may see now (computed once per change)."""
        return self._state(team_id)[0]

    def state_event(self, team_id: str) -> bytes:
        """The same as a whole server-sent event, encoded once for every stream."""
        return self._state(team_id)[1]

    def _state(self, team_id: str) -> tuple[bytes, bytes]:
        key = (self._version, len(self.game.events))
        cached = self._cache.get(team_id)
        if cached is not None and cached[0] == key:
            return cached[1]
        data = state.encode(state.project(self.game.session, team_id, self.live))
        # msgspec's JSON holds no line break, so it is one "data:" line
        both = (data, b"event: state\r\ndata: " + data + b"\r\n\r\n")
        self._cache[team_id] = (key, both)
        return both

    def subscribe(self, team_id: str, token: str) -> Subscription:
        subscription = Subscription(team_id, token)
        self._subscriptions.add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        self._subscriptions.discard(subscription)

    @property
    def devices_connected(self) -> int:
        return len(self._subscriptions)

    def answer_for(self, team_id: str, request_id: str) -> tuple[int, bytes] | None:
        """The answer already given to this team's request, when it is a repeat."""
        return self._answers.get((team_id, request_id))

    def remember(self, team_id: str, request_id: str, answer: tuple[int, bytes]) -> None:
        self._answers[(team_id, request_id)] = answer
        while len(self._answers) > MAX_REMEMBERED:
            self._answers.popitem(last=False)

    # ----- telling everyone -------------------------------------------------------
    def changed(self) -> None:
        """Something a device or the facilitator sees may have changed."""
        self._version += 1
        for subscription in self._subscriptions:
            subscription.wake.set()
        for callback in list(self.on_change):
            _call(callback)

    def detach(self) -> None:
        """Stop following the game (the live part is over)."""
        if self._committed in self.game.on_commit:
            self.game.on_commit.remove(self._committed)

    def _committed(self, event: Event) -> None:
        self.changed()
