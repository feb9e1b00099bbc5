"""Issue 7: every step and jump of the replay answers in under 100 ms, whatever the save.

Two saves are generated in benchmarks/out/ through the real session rules: one whose
first card holds N changes of mind (two teams taking turns), one whose first card
holds N facilitator's notes. Each is opened in the real replay screen (Textual's
Pilot, 100x30) and timed in-process:

- step: → (``action_forward``) until the screen has processed it (``pilot.pause``);
- back: ← the same way;
- jump: a card picked in the card list (to the end of that card, so every note or
  change of mind is behind it), and n/p between the cards;

against a baseline in the same run: a no-op refresh of the same screen, timed the
same way. Each is timed as the process's CPU time from the key's action until
Textual is idle again (``pilot.pause``: layout, render, compositor), so other
programs on a shared machine do not count; the wall time is printed too (it adds
the idle detection's sleeps, about 10 ms a time, and whatever else the machine runs).
Prints median and maximum of each; exits 1 when a maximum of CPU time is over 100 ms.

    python benchmarks/bench_replay_steps.py [--size N]   # default 100,000
    python benchmarks/bench_replay_steps.py --quick      # 2,000, no target check
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.pilot import Pilot

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generate_save import SaveWriter, big_deck  # noqa: E402
from machine import describe  # noqa: E402

from goedwerk_tui.domain.session import Session, Settings, Team  # noqa: E402

TARGET_MS = 100.0
CARDS = 3


def generate(path: Path, size: int, kind: str) -> Path:
    """A finished session of three cards; the first holds ``size`` changes or notes."""
    deck = big_deck()
    session = Session(
        session_id=f"bench-steps-{kind}",
        deck=deck,
        teams=[Team("t1", "Rood"), Team("t2", "Blauw")],
        cards=[c.id for c in deck.cards[:CARDS]],
        settings=Settings(),
        language="nl",
        app_version="bench",
    )
    start = datetime(2026, 3, 4, 9, 0, tzinfo=timezone.utc)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        commit = SaveWriter(out, session, start, lambda: timedelta(milliseconds=10)).commit
        commit(session.start_event())
        for number in range(CARDS):
            commit(session.deal())
            card = session.current_card
            assert card is not None
            values = list(card.values)
            choices = size if kind == "changes" and number == 0 else 2
            for i in range(choices):
                team = ("t1", "t2")[i % 2]
                stance = (i % 5) - 2
                choice = session.record_choice(
                    team, stance, "ABCD"[i % 4], values[:1], values[1:2], f"Reden {i}", 5.0
                )
                commit(choice)
            commit(session.reveal())
            notes = size if kind == "notes" and number == 0 else 1
            for i in range(notes):
                commit(session.add_note(f"Notitie {i}: wie is eigenaar van de cijfers?"))
        commit(session.start_closing())
        commit(session.end())
    return path


async def timed(pilot: Pilot[None], action: Callable[[], object]) -> tuple[float, float]:
    """CPU and wall milliseconds from the action until the app is idle again."""
    cpu, wall = time.process_time(), time.perf_counter()
    action()
    await pilot.pause()
    return (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000


Times = dict[str, list[tuple[float, float]]]


async def measure(path: Path, moves: int) -> tuple[float, Times]:
    from goedwerk_tui.ui.screens.replay import ReplayScreen, replay_app

    start = time.perf_counter()
    app = replay_app([path], "nl", Path(tempfile.mkdtemp(prefix="goedwerk-bench-")))
    opened = 0.0
    times: Times = {"baseline": [], "step": [], "back": [], "jump": []}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        opened = time.perf_counter() - start
        screen = app.screen
        assert isinstance(screen, ReplayScreen)

        def run(action: Callable[[], object]) -> Awaitable[tuple[float, float]]:
            return timed(pilot, action)

        for _ in range(moves):
            times["baseline"].append(await run(screen.refresh))
        screen.jump(0, to_end=False)
        for _ in range(moves):  # into the long card from its start...
            times["step"].append(await run(screen.action_forward))
        screen.jump(0, to_end=True)
        await pilot.pause()
        for _ in range(moves):  # ...and back from its end, every change behind
            times["back"].append(await run(screen.action_back))
        for i in range(moves):
            times["jump"].append(await run(partial(screen.jump, i % CARDS, to_end=True)))
            times["jump"].append(await run(screen.action_next_card))
            times["jump"].append(await run(screen.action_previous_card))
    return opened, times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--moves", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="small saves, no target check")
    args = parser.parse_args()
    size, moves = (2_000, 3) if args.quick else (args.size, args.moves)
    print(describe())
    worst = 0.0
    for kind in ("changes", "notes"):
        path = generate(HERE / "out" / f"replay-{kind}-{size}.jsonl", size, kind)
        opened, times = asyncio.run(measure(path, moves))
        mib = path.stat().st_size / 1024 / 1024
        print(f"{path.name}: {mib:.1f} MiB, opened in {opened:.2f} s")
        for name, pairs in times.items():
            cpu, wall = [p[0] for p in pairs], [p[1] for p in pairs]
            print(
                f"  {name:>8}: CPU median {statistics.median(cpu):6.1f} ms, max {max(cpu):6.1f} ms"
                f"; wall median {statistics.median(wall):6.1f} ms, max {max(wall):6.1f} ms"
                f" ({len(pairs)} times)"
            )
            if name != "baseline":
                worst = max(worst, max(cpu))
    print(f"slowest step or jump: {worst:.1f} ms CPU (target: under {TARGET_MS:.0f} ms)")
    if not args.quick and worst >= TARGET_MS:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
