"""Issue 4: how long the replay screen takes to open a save of 10,000 choices.

Whole processes in a pseudo-terminal (see ptyrun.py): from process start to the first
round on screen, against the smallest Textual app measured the same way.

    python benchmarks/bench_replay.py [--runs N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from ptyrun import compiled_env, median, run_until

HERE = Path(__file__).resolve().parent
SAVE = HERE / "out" / "save-10k.jsonl"


ENV = compiled_env()


def run_until_env(argv: list[str], text: str):  # noqa: ANN201
    return run_until(argv, text, env=ENV)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not SAVE.exists():
        subprocess.run([sys.executable, str(HERE / "generate_save.py")], check=True)
    python = sys.executable
    minimal = [python, str(HERE / "minimal_app.py")]
    replay = [python, "-m", "goedwerk_tui", "replay", "--lang", "en", str(SAVE)]
    run_until_env(replay, "step 0 of")  # warm the file cache
    times: dict[str, list[float]] = {"minimal": [], "replay": []}
    rss: list[float] = []
    for _ in range(args.runs):
        times["minimal"].append(run_until_env(minimal, "MINIMAL-APP-READY").seconds)
        run = run_until_env(replay, "step 0 of")
        times["replay"].append(run.seconds)
        rss.append(run.max_rss_kib)
    t_min, t_replay = median(times["minimal"]), median(times["replay"])
    lines = sum(1 for _ in SAVE.open("rb"))
    print(f"save: {SAVE.name}, {lines:,} lines, {SAVE.stat().st_size / 1024 / 1024:.1f} MiB")
    print(
        f"replay open to first round on screen: {t_replay:.3f} s; minimal app {t_min:.3f} s "
        f"({t_replay / t_min:.2f}x); peak RSS {median(rss) / 1024:.1f} MiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
