"""Issue 9: a device's submit to its line fsynced and the 200 answer, under load.

The facilitator's side runs here as in a live session: a real ``Game`` (six teams,
the bundled deck, the save in a temporary folder), its ``LiveHub`` and the uvicorn
server on 127.0.0.1:0, all on one asyncio loop. The devices run in a second process
(this script with ``--devices``), so their work does not share the server's loop:
six teams join, ``--streams`` other clients (default 100) hold ``/api/events`` open,
then for ``--rounds`` rounds the six teams submit a choice at the same moment (a
change of mind each time: the card stays open). Each submit is timed from the
request to its 200 answer, as the device sees it; the server answers only after
the line is fsynced.

Baseline in the same run, before and after the load: a bare ``os.write`` +
``os.fsync`` of a line as long as a choice's, to a file in the same folder. The
ratio is median against median.

Memory per connected device: with ``tracemalloc`` on in the server's process, the
traced memory before and after ``--streams`` devices have joined their event
streams (and got their first state), divided by their number.

Targets (issue 9): median under 20 ms, p99 under 50 ms; under 200 KiB per device.

    python benchmarks/bench_live.py [--rounds N] [--streams N]
    python benchmarks/bench_live.py --quick     # 3 rounds, 10 streams, no target check
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
from machine import describe  # noqa: E402
from starlette.types import ASGIApp, Message, Receive, Scope, Send  # noqa: E402

from goedwerk_tui.domain.deck_loader import load_deck  # noqa: E402
from goedwerk_tui.domain.events import E  # noqa: E402
from goedwerk_tui.domain.game import Game  # noqa: E402
from goedwerk_tui.domain.savelog import SaveLog  # noqa: E402
from goedwerk_tui.live import server as live_server  # noqa: E402
from goedwerk_tui.live.api import create_app  # noqa: E402
from goedwerk_tui.live.hub import LiveHub  # noqa: E402
from goedwerk_tui.live.server import LiveServer, prepare  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEAMS = ["Rood", "Blauw", "Groen", "Geel", "Paars", "Oranje"]
MEDIAN_MS, P99_MS, PER_DEVICE_KIB = 20.0, 50.0, 200.0
TOKENS = "GOEDWERK_BENCH_TOKENS"  # how the devices' processes get the teams' tokens


# ----- the devices (two more processes) ---------------------------------------------
async def _stream(
    client: httpx.AsyncClient, token: str, ready: asyncio.Event, seen: list[int]
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    async with client.stream("GET", "/api/events", headers=headers) as response:
        async for line in response.aiter_lines():
            if line.startswith("event: state"):
                seen[0] += 1
                ready.set()


async def streams(base: str, count: int, tokens: list[str]) -> dict[str, Any]:
    """Hold ``count`` event streams open until a line comes on stdin."""
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    watcher = httpx.AsyncClient(base_url=base, timeout=None, limits=limits)
    seen = [0]
    ready = [asyncio.Event() for _ in range(count)]
    tasks = [
        asyncio.create_task(_stream(watcher, tokens[i % len(tokens)], ready[i], seen))
        for i in range(count)
    ]
    await asyncio.gather(*(event.wait() for event in ready))
    print(json.dumps({"ready": True}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await watcher.aclose()
    return {"events": seen[0]}


async def _submit(client: httpx.AsyncClient, body: dict[str, Any]) -> float:
    start = time.perf_counter()
    answer = await client.post("/api/choice", json=body)
    elapsed = (time.perf_counter() - start) * 1000
    if answer.status_code != 200:
        raise SystemExit(f"submit refused: {answer.status_code} {answer.text}")
    return elapsed


async def submits(base: str, rounds: int, tokens: list[str]) -> dict[str, Any]:
    """Each team submits a choice at the same moment, ``rounds`` times."""
    teams = [
        httpx.AsyncClient(base_url=base, timeout=30, headers={"Authorization": f"Bearer {t}"})
        for t in tokens
    ]
    state = (await teams[0].get("/api/state")).json()
    card, value = state["card"]["id"], state["card"]["values"][0]["id"]
    latencies: list[float] = []
    for n in range(rounds):
        bodies = [
            {"card": card, "stance": (n + i) % 5 - 2, "option": None,
             "values": {"a": [value], "b": []}, "rationale": f"ronde {n}",
             "request_id": f"{n}-{i}"}
            for i in range(len(teams))
        ]  # fmt: skip
        sent = (_submit(client, body) for client, body in zip(teams, bodies, strict=True))
        latencies += await asyncio.gather(*sent)
    for client in teams:
        await client.aclose()
    return {"latencies": latencies}


# ----- the facilitator's side ------------------------------------------------------
def bare_fsync(folder: Path, count: int) -> list[float]:
    """Milliseconds per bare append + fsync of a choice-sized line."""
    line = (
        b'{"event":"choice_recorded","seq":9,"ts":"2026-12-02T03:00:00.000Z"' + b" " * 200 + b"}\n"
    )
    fd = os.open(folder / "bare.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    times = []
    try:
        for _ in range(count):
            start = time.perf_counter()
            os.write(fd, line)
            os.fsync(fd)
            times.append((time.perf_counter() - start) * 1000)
    finally:
        os.close(fd)
    return times


async def _child(*args: str, tokens: list[str]) -> asyncio.subprocess.Process:
    env = {**os.environ, TOKENS: " ".join(tokens)}  # a token may start with "-"
    return await asyncio.create_subprocess_exec(
        sys.executable, __file__, *args, env=env,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def _answer(child: asyncio.subprocess.Process) -> dict[str, Any]:
    assert child.stdout is not None
    line = await child.stdout.readline()
    if not line:
        raise SystemExit(f"a devices' process failed (exit {await child.wait()})")
    answer: dict[str, Any] = json.loads(line)
    return answer


async def _release(child: asyncio.subprocess.Process) -> dict[str, Any]:
    assert child.stdin is not None
    child.stdin.write(b"go\n")
    await child.stdin.drain()
    answer = await _answer(child)
    await child.wait()
    return answer


ORIGINAL_APPEND = SaveLog.append


def _timed_appends() -> list[float]:
    """Milliseconds of each ``SaveLog.append`` (write + fsync) from now on."""
    times: list[float] = []

    def timed(self: SaveLog, event: E) -> E:
        start = time.perf_counter()
        written = ORIGINAL_APPEND(self, event)
        times.append((time.perf_counter() - start) * 1000)
        return written

    SaveLog.append = timed  # type: ignore[method-assign]  # timing the real method
    return times


class ServerSide:
    """ASGI wrapper: milliseconds from a POST /api/choice reaching the app to its answer
    sent, as the server sees it (the devices' own work left out)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.times: list[float] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("path") != "/api/choice":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def timed(message: Message) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                self.times.append((time.perf_counter() - start) * 1000)

        await self.app(scope, receive, timed)


async def facilitator(rounds: int, count: int, folder: Path) -> dict[str, Any]:
    deck = load_deck(ROOT / "decks" / "goed-werk-openbaar-bestuur.yaml")
    game = Game.new(deck, TEAMS, save_dir=folder)
    hub = LiveHub(game)
    tokens = [token for team in game.session.team_ids if (token := hub.claim(team))]
    listener = prepare("127.0.0.1:0", None, None)
    wrapped: list[ServerSide] = []

    def timed_app(*args: Any, **kwargs: Any) -> ASGIApp:
        wrapped.append(ServerSide(create_app(*args, **kwargs)))
        return wrapped[0]

    live_server.create_app = timed_app  # type: ignore[attr-defined]  # server.py's own import of it, timed
    server = LiveServer(listener, hub)
    live_server.create_app = create_app  # type: ignore[attr-defined]  # put back
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    url = f"http://127.0.0.1:{listener.port}"
    before = bare_fsync(folder, 100)
    held = await _child("--streams-of", url, str(count), tokens=tokens)
    await _answer(held)  # every stream open, its first state received
    appends = _timed_appends()
    cpu = time.process_time()
    submitter = await _child("--submit", url, str(rounds), tokens=tokens)
    load = await _answer(submitter)
    await submitter.wait()
    cpu = time.process_time() - cpu
    SaveLog.append = ORIGINAL_APPEND  # type: ignore[method-assign]  # put back as it was
    seen = await _release(held)
    after = bare_fsync(folder, 100)
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    held = await _child("--streams-of", url, str(count), tokens=tokens)
    await _answer(held)
    await asyncio.sleep(0.5)  # the last streams' first events are sent
    traced = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    await _release(held)
    await server.stop()
    await task
    lines = sum(1 for _ in game.path.open("rb"))
    game.close()
    return {
        "latencies": load["latencies"],
        "server_side": wrapped[0].times,
        "events": seen["events"],
        "bare": before + after,
        "appends": appends,
        "cpu_per_submit": cpu * 1000 / max(1, len(load["latencies"])),
        "per_device": (traced - start) / count,
        "lines": lines,
    }


def report(result: dict[str, Any], streams: int, quick: bool) -> int:
    latencies = sorted(result["latencies"])
    median = statistics.median(latencies)
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    bare = statistics.median(result["bare"])
    kib = result["per_device"] / 1024
    print(describe())
    events, lines = result["events"], result["lines"]
    print(f"submits: {len(latencies)} (6 teams at once), {streams} event streams open, "
          f"{events} state events received, {lines} lines in the save")  # fmt: skip
    print(f"submit -> fsynced 200: median {median:.2f} ms, p99 {p99:.2f} ms, "
          f"max {latencies[-1]:.2f} ms (target: median < {MEDIAN_MS:.0f} ms, "
          f"p99 < {P99_MS:.0f} ms)")  # fmt: skip
    inside = sorted(result["server_side"])
    print(f"the same, from the request reaching the server's app to its answer sent: "
          f"median {statistics.median(inside):.2f} ms, "
          f"p99 {inside[max(0, int(len(inside) * 0.99) - 1)]:.2f} ms")  # fmt: skip
    append = statistics.median(result["appends"])
    print(f"bare write + fsync: median {bare:.3f} ms; submit / bare = {median / bare:.1f}x")
    print(f"the save's own append (write + fsync) during the load: median {append:.3f} ms; "
          f"submit / append = {median / append:.1f}x")  # fmt: skip
    print(f"server process CPU per submit (its events to {streams} streams included): "
          f"{result['cpu_per_submit']:.2f} ms")  # fmt: skip
    print(f"memory per connected device: {kib:.1f} KiB (target < {PER_DEVICE_KIB:.0f} KiB)")
    if quick:
        return 0
    return 0 if median < MEDIAN_MS and p99 < P99_MS and kib < PER_DEVICE_KIB else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--streams", type=int, default=100)
    parser.add_argument("--quick", action="store_true", help="3 rounds, 10 streams, no targets")
    parser.add_argument("--streams-of", nargs=2, dest="held", help=argparse.SUPPRESS)
    parser.add_argument("--submit", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.held or args.submit:  # one of the devices' processes
        url, number = args.held or args.submit
        tokens = os.environ[TOKENS].split()
        work = streams(url, int(number), tokens) if args.held else submits(url, int(number), tokens)
        print(json.dumps(asyncio.run(work)), flush=True)
        return 0
    if args.quick:
        args.rounds, args.streams = 3, 10
    folder = Path(tempfile.mkdtemp(prefix="goedwerk-bench-live-"))
    result = asyncio.run(facilitator(args.rounds, args.streams, folder))
    return report(result, args.streams, args.quick)


if __name__ == "__main__":
    raise SystemExit(main())
