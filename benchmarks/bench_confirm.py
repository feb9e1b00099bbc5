"""Issue 3: time from a team's confirm key to its choice being on disk (fsynced).

Drives the real app through Textual's Pilot. The clock starts when the app receives
the confirm key (ctrl+s in the choice screen, seen through ``message_hook``) and
stops when ``SaveLog.append`` has written and fsynced the line. Target: median under
20 ms.

    python benchmarks/bench_confirm.py [--choices N] [--save-dir DIR] [--quick]

``--quick`` (CI): 4 choices, only to prove the benchmark still runs.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events  # noqa: E402

from goedwerk_tui.cli import build_parser  # noqa: E402
from goedwerk_tui.domain.events import ChoiceRecorded, E  # noqa: E402
from goedwerk_tui.domain.savelog import SaveLog  # noqa: E402
from goedwerk_tui.ui.launch import build_app  # noqa: E402


async def measure(choices: int, save_dir: str) -> list[float]:
    pressed: list[float] = []
    written: list[float] = []
    original = SaveLog.append

    def timed_append(self: SaveLog, event: E) -> E:
        stamped = original(self, event)  # the same signature as SaveLog.append
        if isinstance(event, ChoiceRecorded):
            written.append(time.perf_counter())
        return stamped

    armed = [False]

    def hook(message: object) -> None:
        # a key message is seen once per node it bubbles through: take the first
        if armed[0] and isinstance(message, events.Key) and message.key == "ctrl+s":
            pressed.append(time.perf_counter())
            armed[0] = False

    SaveLog.append = timed_append  # type: ignore[method-assign]  # timing the real method
    try:
        args = build_parser().parse_args(
            [
                "play",
                "goed-werk-openbaar-bestuur",
                "--team",
                "Rood",
                "--team",
                "Blauw",
                "--no-measure",
            ]
        )
        app = build_app(args, None, save_dir)
        app.notify = lambda *a, **k: None  # type: ignore[method-assign]  # no toasts to draw
        async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
            for i in range(choices):
                await pilot.press(str(i % 2 + 1), "tab", "tab", "tab", "left")
                pressed_before = len(pressed)
                armed[0] = True
                await pilot.press("ctrl+s")
                await pilot.pause()
                assert len(pressed) == pressed_before + 1, "the confirm key never arrived"
                assert len(written) == i + 1, f"choice {i} was not saved ({app.screen})"
    finally:
        SaveLog.append = original  # type: ignore[method-assign]  # put back as it was
    return [(w - p) * 1000 for p, w in zip(pressed, written, strict=True)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--choices", type=int, default=60)
    parser.add_argument("--save-dir", help="where the save goes (default: a temporary folder)")
    parser.add_argument("--quick", action="store_true", help="4 choices: does it still run?")
    args = parser.parse_args()
    if args.quick:
        args.choices = 4
    save_dir = args.save_dir or tempfile.mkdtemp(prefix="goedwerk-bench-")
    latencies = asyncio.run(measure(args.choices, save_dir))
    latencies.sort()
    p90 = latencies[int(len(latencies) * 0.9) - 1]
    print(f"choices confirmed: {len(latencies)} (save folder {save_dir})")
    print(
        f"confirm key -> line fsynced: median {statistics.median(latencies):.2f} ms, "
        f"p90 {p90:.2f} ms, max {latencies[-1]:.2f} ms (target: median < 20 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
