"""The instruments of ``bench_live_keyboard.py`` inside the facilitator's app: a driver
that draws every frame as for a terminal, a widget that changes every 20 ms, a clock of
wall, CPU, run-queue and garbage-collection time, and the probe that stamps the key,
the intent, the fsync and each frame."""

from __future__ import annotations

import gc
import itertools
import os
import time
import weakref
from typing import Any

from rich.console import RenderableType
from textual import events
from textual.drivers.headless_driver import HeadlessDriver
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from goedwerk_tui.domain.events import ChoiceRecorded, E
from goedwerk_tui.domain.savelog import SaveLog
from goedwerk_tui.ui.app import GoedWerkApp

TICK = 0.02  # seconds between the ticker's changes
ORIGINAL_APPEND = SaveLog.append


class SinkDriver(HeadlessDriver):
    """Headless input and size, but the app draws every frame as for a terminal (it
    skips turning a frame into escape codes when the driver says it is headless)."""

    written = 0

    @property
    def is_headless(self) -> bool:
        return False

    def write(self, data: str) -> None:
        self.written += len(data)


class Ticker(Static):
    """Something that changes every 20 ms, as a clock would: always a frame to draw.
    One on the screen on top (the choice dialog while it is open): a change below a
    dialog would redraw the whole dimmed screen under it every 20 ms, which nothing in
    a session does that often."""

    DEFAULT_CSS = "Ticker { dock: right; width: 4; height: 1; }"

    @classmethod
    def start(cls, app: GoedWerkApp) -> None:
        tickers: weakref.WeakKeyDictionary[Screen[Any], Ticker] = weakref.WeakKeyDictionary()
        count = itertools.count()

        def tick() -> None:
            screen = app.screen
            ticker = tickers.get(screen)
            if ticker is None:
                ticker = tickers[screen] = cls()
                screen.mount(ticker)
            ticker.update(f"{next(count) % 10000:04d}", layout=False)

        app.set_interval(TICK, tick)


class Clock:
    """Wall time with the main thread's time on a CPU, waiting for one (runnable, but
    the machine's other programs had the cores: the kernel's schedstat) and in Python's
    full (generation 2) garbage collections, each a running total in milliseconds."""

    def __init__(self) -> None:
        self.fd = os.open("/proc/thread-self/schedstat", os.O_RDONLY)  # this thread's
        self.collecting = 0.0
        self.collected = 0.0  # milliseconds in full collections so far
        self.collections: list[float] = []  # each one's milliseconds
        gc.callbacks.append(self._collection)

    def _collection(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self.collecting = time.perf_counter()
        else:
            took = (time.perf_counter() - self.collecting) * 1000
            self.collected += took
            self.collections.append(took)

    def __call__(self) -> Stamp:
        # the kernel's on-CPU figure (first) lags by up to a tick: the thread's clock
        waited = os.pread(self.fd, 100, 0).split()[1]
        wall, cpu = time.perf_counter() * 1000, time.thread_time() * 1000
        return wall, cpu, int(waited) / 1e6, self.collected

    def close(self) -> None:
        gc.callbacks.remove(self._collection)
        os.close(self.fd)


# milliseconds: wall, on a CPU, waiting for a CPU, in full garbage collections
Stamp = tuple[float, float, float, float]


class Probe:
    """The instants measured: ctrl+s handed to the app, the app taking it, the game's
    intent, keyboard choices fsynced, and the frames sent out (of the phase under way)."""

    def __init__(self, app: GoedWerkApp) -> None:
        self.app, self.clock = app, Clock()
        self.pressed: list[Stamp] = []  # ctrl+s handed to the app by the driver
        self.taken: list[Stamp] = []  # the app takes it from its queue
        self.intent: list[Stamp] = []  # the dialog closed: the game's record_choice called
        self.written: list[Stamp] = []  # the line written and fsynced
        self.frames: list[Stamp] = []
        self._display = app._display

    def install(self) -> None:
        append, display, clock = ORIGINAL_APPEND, self._display, self.clock

        def timed_append(log: SaveLog, event: E) -> E:
            stamped = append(log, event)
            if isinstance(event, ChoiceRecorded) and event.via == "keyboard":
                self.written.append(clock())
            return stamped

        def timed_display(screen: Screen[Any], renderable: RenderableType | None) -> None:
            display(screen, renderable)
            if renderable is not None and not self.app._batch_count:
                self.frames.append(clock())

        # timing the real method (mypy reads the nested function's first parameter as
        # not the method's self)
        SaveLog.append = timed_append  # type: ignore[method-assign,assignment]  # see above
        self.app._display = timed_display  # type: ignore[method-assign]  # timing each frame
        self._time_the_key()

    def _time_the_key(self) -> None:
        driver, game, clock = self.app._driver, self.app.game, self.clock
        assert driver is not None
        send, record = driver.send_message, game.record_choice

        def send_message(message: Message) -> None:
            if isinstance(message, events.Key) and message.key == "ctrl+s":
                self.pressed.append(clock())
            send(message)

        def record_choice(*args: Any, **kwargs: Any) -> ChoiceRecorded:
            if kwargs.get("via", args[6] if len(args) > 6 else "keyboard") == "keyboard":
                self.intent.append(clock())
            return record(*args, **kwargs)

        driver.send_message = send_message  # type: ignore[method-assign]  # the key's instant
        game.record_choice = record_choice  # type: ignore[method-assign]  # the intent's

    def hook(self, message: Message) -> None:
        """``run_test``'s message hook: a key is seen by every node it reaches, the
        app first."""
        if isinstance(message, events.Key) and message.key == "ctrl+s":
            if len(self.taken) < len(self.pressed):
                self.taken.append(self.clock())

    def uninstall(self) -> None:
        """Everything as it was (the class's own methods again), the clock closed."""
        SaveLog.append = ORIGINAL_APPEND  # type: ignore[method-assign]  # put back
        for wrapped, name in ((self.app, "_display"), (self.app._driver, "send_message"),
                              (self.app.game, "record_choice")):  # fmt: skip
            vars(wrapped).pop(name, None)
        self.clock.close()
