"""Issue 3: start-up to the first card on screen, and peak memory with a 10,000-card deck.

Both are measured as whole processes in a pseudo-terminal (see ptyrun.py), against
the smallest Textual app measured the same way, interleaved, median of N runs.

    python benchmarks/bench_play.py [--runs N] [--quick]

``--quick`` (CI): one run of each, a 200-card deck instead of 10,000, no warm-up:
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
OUT = HERE / "out"
BIG_DECK = OUT / "deck-10000.yaml"


ENV = compiled_env()


def run_until_env(argv: list[str], text: str, cache: str | None = None) -> Run:
    env = ENV if cache is None else {**ENV, "GOEDWERK_CACHE": cache}
    return run_until(argv, text, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--quick", action="store_true", help="one small run: does it still run?")
    args = parser.parse_args()
    big_deck = BIG_DECK
    if args.quick:
        args.runs = 1
        big_deck = Path(tempfile.mkdtemp(prefix="goedwerk-bench-")) / "deck-200.yaml"
        generate = [sys.executable, str(HERE / "gen_deck.py"), "--cards", "200", "-o"]
        subprocess.run([*generate, str(big_deck)], check=True, stdout=subprocess.DEVNULL)
    elif not BIG_DECK.exists():
        subprocess.run([sys.executable, str(HERE / "gen_deck.py")], check=True)
    saves = tempfile.mkdtemp(prefix="goedwerk-bench-")
    python = sys.executable
    minimal = [python, str(HERE / "minimal_app.py")]
    # the first card of the bundled default deck, in deck order
    play = [
        python,
        "-m",
        "goedwerk_tui",
        "--save-dir",
        saves,
        "play",
        "goed-werk-openbaar-bestuur",
        "--team",
        "Rood",
        "--team",
        "Blauw",
    ]
    big = [
        python,
        "-m",
        "goedwerk_tui",
        "--save-dir",
        saves,
        "play",
        str(big_deck),
        "--team",
        "Rood",
        "--team",
        "Blauw",
    ]
    big_marker = first_card_title(big_deck)
    names = ("minimal", "play", "cold", "big")
    times: dict[str, list[float]] = {name: [] for name in names}
    memory: dict[str, list[float]] = {name: [] for name in names}
    warm_cache = tempfile.mkdtemp(prefix="goedwerk-cache-")
    if not args.quick:
        run_until_env(minimal, "MINIMAL-APP-READY")  # warm the file cache
        run_until_env(play, "De cijfers in de Kamerbrief", warm_cache)  # and the deck cache
    for _ in range(args.runs):
        for name, argv, marker, cache in (
            ("minimal", minimal, "MINIMAL-APP-READY", None),
            ("play", play, "De cijfers in de Kamerbrief", warm_cache),
            # a new, empty deck cache: the first start after installing or editing a deck
            ("cold", play, "De cijfers in de Kamerbrief", tempfile.mkdtemp()),
            ("big", big, big_marker, warm_cache),
        ):
            run = run_until_env(argv, marker, cache)
            times[name].append(run.seconds)
            memory[name].append(run.max_rss_kib)
    t_min, t_play, t_cold, t_big = (median(times[k]) for k in names)
    m_min, m_play, _, m_big = (median(memory[k]) for k in names)
    deck_kib = big_deck.stat().st_size / 1024
    print(f"runs: {args.runs}")
    print(
        f"start-up to first card, bundled deck: {t_play:.3f} s; minimal app: {t_min:.3f} s; "
        f"ratio {t_play / t_min:.2f}x (target <= 1.3x)"
    )
    print(
        f"  the same with an empty deck cache (first start after installing or editing "
        f"the deck): {t_cold:.3f} s, ratio {t_cold / t_min:.2f}x"
    )
    print(
        f"start-up to first card, {big_deck.name}{'' if args.quick else ' (too big to cache)'}: "
        f"{t_big:.3f} s"
    )
    print(
        f"peak RSS: minimal {m_min / 1024:.1f} MiB, bundled deck {m_play / 1024:.1f} MiB, "
        f"{big_deck.name} {m_big / 1024:.1f} MiB; deck file {deck_kib / 1024:.1f} MiB"
    )
    budget = m_min * 1.5 + deck_kib
    print(
        f"memory budget (1.5x minimal + deck file): {budget / 1024:.1f} MiB; "
        f"{big_deck.name} uses {m_big / budget:.2f} of it"
    )
    return 0


def first_card_title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("title:") and line.startswith("    "):
            return stripped.removeprefix("title:").strip().strip("'\"")
    raise SystemExit(f"{path}: no card title found")


if __name__ == "__main__":
    raise SystemExit(main())
