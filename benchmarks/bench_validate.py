"""Issue 2: ``goedwerk validate`` on a 10,000-card deck against a bare YAML parse.

Both are measured as whole processes (start-up and imports included), because that
is what a trainer waits for. The runs are interleaved, and the first of the pair
alternates, so a burst of load on a shared machine hits both sides alike. The
figure that counts is the ratio of the medians; the target is at most 1.5x.

    python benchmarks/bench_validate.py            # generates the deck when missing
    python benchmarks/bench_validate.py --runs 15 --deck path/to/deck.yaml
    python benchmarks/bench_validate.py --quick    # CI: one run, 200 cards, no target
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

from machine import describe, timed

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET = 1.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (at least 7)")
    parser.add_argument("--deck", type=Path, help="deck to validate (default: generate one)")
    parser.add_argument("--cards", type=int, default=10_000, help="cards in a generated deck")
    parser.add_argument(
        "--quick", action="store_true", help="one run on 200 cards, no target: does it still run?"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.cards = 1, 200
    elif args.runs < 7:
        parser.error("use at least 7 runs; a median of fewer is too noisy here")

    deck = args.deck
    if deck is None:
        deck = HERE / "out" / f"deck-{args.cards}.yaml"
        if not deck.exists():
            subprocess.run(
                [sys.executable, str(HERE / "gen_deck.py"), "--cards", str(args.cards)], check=True
            )
    deck = deck.resolve()

    validate = [sys.executable, "-m", "goedwerk_tui", "validate", str(deck)]
    bare = [
        sys.executable,
        "-c",
        "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)",
        str(deck),
    ]
    check = subprocess.run(validate, cwd=ROOT, capture_output=True, text=True)
    if check.returncode != 0 or not check.stderr.startswith("ok:"):
        raise SystemExit(f"bench_validate: the deck does not validate cleanly:\n{check.stderr}")
    timed(bare)  # warm the page cache for both

    validate_times: list[float] = []
    bare_times: list[float] = []
    for run in range(args.runs):
        pair = [(validate, validate_times), (bare, bare_times)]
        if run % 2:
            pair.reverse()
        for command, times in pair:
            times.append(timed(command))
        print(
            f"run {run + 1}/{args.runs}: validate {validate_times[-1]:.3f}s, "
            f"bare parse {bare_times[-1]:.3f}s",
            file=sys.stderr,
        )

    v, b = statistics.median(validate_times), statistics.median(bare_times)
    ratio = v / b
    size = deck.stat().st_size
    print(f"deck: {deck.name} ({size:,} bytes)")
    print(describe())
    print(f"runs: {args.runs} of each, interleaved")
    print(f"validate median:   {v:.3f} s")
    print(f"bare parse median: {b:.3f} s  (yaml.load with CSafeLoader)")
    print(
        f"ratio: {ratio:.2f}x (target at most {TARGET}x: {'met' if ratio <= TARGET else 'MISSED'})"
    )
    return 0 if ratio <= TARGET or args.quick else 1


if __name__ == "__main__":
    raise SystemExit(main())
