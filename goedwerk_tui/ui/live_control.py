"""The live part of a session inside the app: the hub and the server, run as a task on
Textual's own asyncio loop (no thread, no second writer), and stopped when the
facilitator quits. Imported only for a session started with ``--live`` (or the home
form's "Live" choice), so other sessions never load the web stack.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from goedwerk_tui.domain.game import Game
from goedwerk_tui.live.hub import LiveHub
from goedwerk_tui.live.server import Listener, LiveServer
from goedwerk_tui.ui.widgets.live_status import LiveTeam

STOP_TIMEOUT = 5.0  # seconds the server gets to tell the devices and close


class LiveControl:
    """One live session: its listener (bound before the save existed), its hub and its
    server. Implements the ``LiveView`` the screens read."""

    def __init__(self, listener: Listener, game: Game) -> None:
        self.listener = listener
        self.game = game
        self.hub = LiveHub(game)  # subscribes to the game's commits
        self.server = LiveServer(listener, self.hub)
        # asked once: finding the LAN address opens a socket (and may ask the resolver),
        # and the address on the screen and in the QR code must not change mid-session
        self._join_url = listener.join_url(self.hub.join_code)
        self._task: asyncio.Task[None] | None = None
        self.stopped = False

    @property
    def join_code(self) -> str:
        return self.hub.join_code

    @property
    def join_url(self) -> str:
        return self._join_url

    def teams(self) -> list[LiveTeam]:
        return [
            LiveTeam(
                number=number,
                id=team.id,
                name=team.name,
                joined=self.hub.joined(team.id),
                answered=self.hub.answered(team.id),
            )
            for number, team in enumerate(self.game.session.teams, start=1)
        ]

    def release(self, team_id: str) -> None:
        self.hub.release(team_id)

    def start(
        self, on_change: Callable[[], None], on_failure: Callable[[str], None]
    ) -> asyncio.Task[None]:
        """Serve on the running loop; ``on_change`` runs whenever a device joins, is
        released or commits (the screens redraw), ``on_failure`` with a reason when
        the server stops by itself (the session goes on at the keyboard)."""
        self.hub.on_change.append(on_change)
        task = asyncio.get_running_loop().create_task(self.server.serve())

        def done(task: asyncio.Task[None]) -> None:
            if self.stopped or task.cancelled():
                return
            error = task.exception()
            on_failure(str(error) if error is not None else "-")

        task.add_done_callback(done)
        self._task = task
        return task

    async def stop(self) -> None:
        """End the live part: the devices are told, the server closes. Idempotent."""
        if self.stopped:
            return
        self.stopped = True
        try:
            await asyncio.wait_for(self.server.stop(), STOP_TIMEOUT)
        except asyncio.TimeoutError:  # (TimeoutError itself from Python 3.11)
            pass  # a device that does not let go: the task is cancelled below
        finally:
            task = self._task
            if task is not None and not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
