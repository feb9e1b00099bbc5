"""Issue 4: how long the replay screen takes to open a save of 10,000 choices.

Whole processes in a pseudo-terminal (see ptyrun.py): from process start to the first
round on screen, against the smallest Textual app measured the same way.

    python benchmarks/bench_replay.py [--runs N] [--quick]

``--quick`` (CI): one run of each on a save of 10 cards (200 choices), no warm-up:
only to prove the benchmark still runs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from ptyrun import Run, compiled_env, median, run_until

HERE = Path(__file__).resolve().parent
SAVE = HERE / "out" / "save-10k.jsonl"


ENV = compiled_env()


def run_until_env(argv: list[str], text: str) -> Run:
    return run_until(argv, text, env=ENV)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="one small run: does it still run?")
    args = parser.parse_args()
    save = SAVE
    if args.quick:
        args.runs = 1
        save = Path(tempfile.mkdtemp(prefix="goedwerk-bench-")) / "save-quick.jsonl"
        generate = [sys.executable, str(HERE / "generate_save.py"), str(save), "--cards", "10"]
        subprocess.run(generate, check=True, stdout=subprocess.DEVNULL)
    elif not SAVE.exists():
        subprocess.run([sys.executable, str(HERE / "generate_save.py")], check=True)
    python = sys.executable
    minimal = [python, str(HERE / "minimal_app.py")]
    replay = [python, "-m", "goedwerk_tui", "replay", "--lang", "en", str(save)]
    if not args.quick:
        run_until_env(replay, "step 0 of")  # warm the file cache
    times: dict[str, list[float]] = {"minimal": [], "replay": []}
    rss: list[float] = []
    for _ in range(args.runs):
        times["minimal"].append(run_until_env(minimal, "MINIMAL-APP-READY").seconds)
        run = run_until_env(replay, "step 0 of")
        times["replay"].append(run.seconds)
        rss.append(run.max_rss_kib)
    t_min, t_replay = median(times["minimal"]), median(times["replay"])
    lines = sum(1 for _ in save.open("rb"))
    print(f"save: {save.name}, {lines:,} lines, {save.stat().st_size / 1024 / 1024:.1f} MiB")
    print(
        f"replay open to first round on screen: {t_replay:.3f} s; minimal app {t_min:.3f} s "
        f"({t_replay / t_min:.2f}x); peak RSS {median(rss) / 1024:.1f} MiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
