"""Issues 3 and 8: start-up to the first card on screen, and peak memory with a 10,000-card deck.

Every case is a whole process in a pseudo-terminal (see ptyrun.py), timed from process
start until the first card's title is on the screen, against the smallest Textual app
(minimal_app.py) measured the same way in the same run. The machine is shared and
noisy, so the runs are interleaved: each round runs every case once, in an order
shuffled per round (a burst of load then hits every case alike), and the figures are
medians over the rounds. For each case it prints the ratio of the medians to the
minimal app's (the figure that is judged: at most 1.3x); the median of the ratios taken
round by round against that round's minimal app, with their middle half (p25 to p75)
to show the noise; the ratio of the fastest runs; and the CPU time of the process
(with the children it waited for), which load on the machine changes much less than
the wall time.

    python benchmarks/bench_play.py [--runs N] [--no-big] [--baseline-checkout DIR] [--quick]

``--baseline-checkout DIR`` (repeatable) measures another checkout of goedwerk (an
older commit, unpacked with ``git archive COMMIT | tar -x -C DIR``) in the same rounds,
with the same Python and packages: before and after, measured together.
``--quick`` (CI): one round, a 200-card deck instead of 10,000, no warm-up and no
target check: only to prove the benchmark still runs.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from machine import describe
from ptyrun import Run, compiled_env, median, quantile, run_until

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
BIG_DECK = OUT / "deck-10000.yaml"
TARGET = 1.3
BUNDLED = "goed-werk-openbaar-bestuur"
FIRST_TITLE = "De cijfers in de Kamerbrief"  # the first card of the bundled deck, in deck order
MINIMAL_TEXT = "MINIMAL-APP-READY"
ENV = compiled_env()


@dataclass
class Case:
    name: str
    label: str
    argv: list[str]
    marker: str
    cache: Callable[[], str | None]  # the GOEDWERK_CACHE folder for one run
    cwd: str | None = None  # a checkout to run ``python -m goedwerk_tui`` from
    judged: bool = False  # held to TARGET x the minimal app

    def run(self) -> Run:
        folder = self.cache()
        env = ENV if folder is None else {**ENV, "GOEDWERK_CACHE": folder}
        return run_until(self.argv, self.marker, env=env, cwd=self.cwd)


def play_argv(saves: str, deck: str, *extra: str) -> list[str]:
    team = ["--team", "Rood", "--team", "Blauw"]
    return [sys.executable, "-m", "goedwerk_tui", "--save-dir", saves, "play", deck, *team, *extra]


def make_cases(args: argparse.Namespace, work: Path, big_deck: Path) -> list[Case]:
    saves = str(work / "saves")

    def fresh() -> str:  # a new, empty deck cache: the first start after installing or editing
        return tempfile.mkdtemp(dir=work)

    def folder(name: str) -> Callable[[], str]:
        path = work / name
        path.mkdir(exist_ok=True)
        return lambda: str(path)

    # straight to the first card, as before the measure existed (its screen comes first
    # otherwise); a baseline checkout older than --no-measure gets the plain command
    play = play_argv(saves, BUNDLED, "--no-measure")
    base_play = play_argv(saves, BUNDLED)
    cases = [
        Case(
            "minimal",
            "minimal Textual app",
            [sys.executable, str(HERE / "minimal_app.py")],
            MINIMAL_TEXT,
            lambda: None,
        ),
        Case(
            "warm", "goedwerk play, deck cache warm", play, FIRST_TITLE, folder("warm"), judged=True
        ),
        Case("cold", "goedwerk play, deck cache empty", play, FIRST_TITLE, fresh, judged=True),
    ]
    for number, checkout in enumerate(args.baseline_checkout or [], start=1):
        base = str(checkout.resolve())
        cases += [
            Case(
                f"base{number}-warm",
                f"baseline ({base}), deck cache warm",
                base_play,
                FIRST_TITLE,
                folder(f"base{number}-warm"),
                cwd=base,
            ),
            Case(
                f"base{number}-cold",
                f"baseline ({base}), deck cache empty",
                base_play,
                FIRST_TITLE,
                fresh,
                cwd=base,
            ),
        ]
    if not args.no_big:
        big = play_argv(saves, str(big_deck), "--no-measure")
        cases.append(
            Case(
                "big",
                f"goedwerk play {big_deck.name}",
                big,
                first_card_title(big_deck),
                folder("warm"),
            )
        )
    return cases


def measure(cases: list[Case], rounds: int, seed: int) -> dict[str, list[Run]]:
    """Every case once per round, in an order shuffled per round (seeded: repeatable)."""
    runs: dict[str, list[Run]] = {case.name: [] for case in cases}
    shuffle = random.Random(seed)
    for number in range(rounds):
        order = list(cases)
        shuffle.shuffle(order)
        for case in order:
            runs[case.name].append(case.run())
        times = ", ".join(f"{c.name} {runs[c.name][-1].seconds:.3f}" for c in cases)
        print(f"round {number + 1}/{rounds}: {times}", file=sys.stderr)
    return runs


def summarize(cases: list[Case], runs: dict[str, list[Run]]) -> bool:
    """Print every case's figures; whether every judged case met the target."""
    base = [run.seconds for run in runs["minimal"]]
    base_cpu = [run.cpu_seconds for run in runs["minimal"]]
    t_min = median(base)
    print(
        f"{cases[0].label}: {t_min:.3f} s (p25-p75 {quantile(base, 0.25):.3f}-"
        f"{quantile(base, 0.75):.3f} s, fastest {min(base):.3f} s; CPU {median(base_cpu):.3f} s)"
    )
    met = True
    for case in cases[1:]:
        times = [run.seconds for run in runs[case.name]]
        cpu = [run.cpu_seconds for run in runs[case.name]]
        ratio = median(times) / t_min
        paired = [t / b for t, b in zip(times, base, strict=True)]
        line = (
            f"{case.label}: {median(times):.3f} s, {ratio:.2f}x the minimal app "
            f"(round by round: median {median(paired):.2f}x, "
            f"p25-p75 {quantile(paired, 0.25):.2f}-{quantile(paired, 0.75):.2f}x; "
            f"fastest runs {min(times) / min(base):.2f}x; "
            f"CPU {median(cpu):.3f} s, {median(cpu) / median(base_cpu):.2f}x)"
        )
        if case.judged:
            line += f"; target at most {TARGET}x: {'met' if ratio <= TARGET else 'MISSED'}"
            met = met and ratio <= TARGET
        print(line)
    return met


def print_memory(runs: dict[str, list[Run]], big_deck: Path) -> None:
    m_min, m_play = (median([r.max_rss_kib for r in runs[k]]) for k in ("minimal", "warm"))
    line = f"peak RSS: minimal {m_min / 1024:.1f} MiB, bundled deck {m_play / 1024:.1f} MiB"
    if "big" not in runs:
        print(line)
        return
    m_big = median([r.max_rss_kib for r in runs["big"]])
    deck_kib = big_deck.stat().st_size / 1024
    print(f"{line}, {big_deck.name} {m_big / 1024:.1f} MiB; deck file {deck_kib / 1024:.1f} MiB")
    budget = m_min * 1.5 + deck_kib
    print(
        f"memory budget (1.5x minimal + deck file): {budget / 1024:.1f} MiB; "
        f"{big_deck.name} uses {m_big / budget:.2f} of it"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="rounds (at least 7)")
    parser.add_argument("--no-big", action="store_true", help="leave out the 10,000-card deck")
    parser.add_argument(
        "--baseline-checkout", type=Path, metavar="DIR", action="append", help="repeatable"
    )
    parser.add_argument("--seed", type=int, default=8, help="seed of the rounds' orders")
    parser.add_argument("--quick", action="store_true", help="one small run: does it still run?")
    args = parser.parse_args()
    big_deck = BIG_DECK
    work = Path(tempfile.mkdtemp(prefix="goedwerk-bench-"))
    if args.quick:
        args.runs = 1
        big_deck = work / "deck-200.yaml"
        generate = [sys.executable, str(HERE / "gen_deck.py"), "--cards", "200", "-o"]
        subprocess.run([*generate, str(big_deck)], check=True, stdout=subprocess.DEVNULL)
    elif args.runs < 7:
        parser.error("use at least 7 runs; a median of fewer is too noisy here")
    elif not args.no_big and not BIG_DECK.exists():
        subprocess.run([sys.executable, str(HERE / "gen_deck.py")], check=True)
    try:
        cases = make_cases(args, work, big_deck)
        if not args.quick:
            for case in cases:  # warm the file cache, the bytecode and the warm deck caches
                case.run()
        load_before = os.getloadavg()
        runs = measure(cases, args.runs, args.seed)
        load_after = os.getloadavg()
        print(describe())
        print(
            f"load average (1, 5, 15 min) before: {_load(load_before)}, after: {_load(load_after)}"
        )
        print(f"runs: {args.runs} rounds, every case once a round in a shuffled order")
        met = summarize(cases, runs)
        print_memory(runs, big_deck)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if met or args.quick else 1


def _load(load: tuple[float, float, float]) -> str:
    return " ".join(f"{value:.2f}" for value in load)


def first_card_title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("title:") and line.startswith("    "):
            return stripped.removeprefix("title:").strip().strip("'\"")
    raise SystemExit(f"{path}: no card title found")


if __name__ == "__main__":
    raise SystemExit(main())
