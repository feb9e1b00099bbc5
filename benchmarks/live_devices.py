"""The device load for ``bench_live_keyboard.py``: six teams that submit a choice each,
all at once, round after round, in a process of their own, started and stopped over
its stdin (so the facilitator's process can measure with and without them)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import httpx

TOKENS = "GOEDWERK_BENCH_TOKENS"  # as bench_live.py: how the devices get the tokens


class Teams:
    """Six teams' clients; while ``go`` is set they submit a choice each, all at once,
    round after round (``pace`` seconds from one round's start to the next; 0: at once)."""

    def __init__(self, base: str, tokens: list[str], pace: float) -> None:
        self.teams = [
            httpx.AsyncClient(base_url=base, timeout=30, headers={"Authorization": f"Bearer {t}"})
            for t in tokens
        ]
        self.pace = pace
        self.go = asyncio.Event()
        self.between = asyncio.Event()  # set while no round is under way
        self.between.set()
        self.latencies: list[float] = []

    async def _submit(self, client: httpx.AsyncClient, body: dict[str, Any]) -> None:
        start = time.perf_counter()
        answer = await client.post("/api/choice", json=body)
        if answer.status_code != 200:
            raise SystemExit(f"submit refused: {answer.status_code} {answer.text}")
        self.latencies.append(round((time.perf_counter() - start) * 1000, 3))

    async def rounds(self, card: str, value: str) -> None:
        n = 0
        while True:
            await self.go.wait()
            self.between.clear()
            started, n = time.perf_counter(), n + 1
            bodies = [
                {"card": card, "stance": (n + i) % 5 - 2, "option": None,
                 "values": {"a": [value], "b": []}, "rationale": f"ronde {n}",
                 "request_id": f"{os.getpid()}-{n}-{i}"}
                for i in range(len(self.teams))
            ]  # fmt: skip
            sent = (self._submit(c, b) for c, b in zip(self.teams, bodies, strict=True))
            await asyncio.gather(*sent)
            self.between.set()
            await asyncio.sleep(max(0.0, started + self.pace - time.perf_counter()))

    async def close(self) -> None:
        for client in self.teams:
            await client.aclose()


async def submitter(base: str, tokens: list[str], pace: float) -> None:
    """Commands on stdin: ``go`` starts the rounds, ``stop`` ends them (after the round
    under way) and prints that phase's latencies as one JSON line, ``quit`` (or the end
    of stdin) ends."""
    teams = Teams(base, tokens, pace)
    card = (await teams.teams[0].get("/api/state")).json()["card"]
    task = asyncio.create_task(teams.rounds(card["id"], card["values"][0]["id"]))
    print(json.dumps({"ready": True}), flush=True)
    loop = asyncio.get_running_loop()
    while (line := await loop.run_in_executor(None, sys.stdin.readline)).strip() != "quit":
        if line == "":
            break
        if line.strip() == "go":
            teams.latencies = []
            teams.go.set()
        elif line.strip() == "stop":
            teams.go.clear()
            await teams.between.wait()
            if task.done():
                task.result()  # its refusal, said
            print(json.dumps({"latencies": teams.latencies}), flush=True)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await teams.close()


class Child:
    """A devices' process, spoken to in lines of text and JSON."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def start(cls, script: Path, *args: str, tokens: list[str]) -> Child:
        env = {**os.environ, TOKENS: " ".join(tokens)}  # a token may start with "-"
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(script), *args, env=env,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            limit=2**26,  # a phase's latencies come as one line
        )  # fmt: skip
        child = cls(process)
        await child.answer()  # {"ready": true}
        return child

    async def say(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")
        await self.process.stdin.drain()

    async def answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = await self.process.stdout.readline()
        if not line:
            raise SystemExit(f"a devices' process failed (exit {await self.process.wait()})")
        answer: dict[str, Any] = json.loads(line)
        return answer
