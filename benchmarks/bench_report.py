"""Issue 4: ``goedwerk report`` on a save of 10,000 choices against a bare JSON parse.

Both sides are whole processes (start-up and imports included), because that is
what a debrief leader waits for: ``python -m goedwerk_tui report SAVE --format F
-o FILE`` against ``python -c`` that ``json.loads`` every line of the same file.
Runs are interleaved and the first of each pair alternates, so a burst of load on a
shared machine hits both sides alike. The figure that counts is the ratio of the
medians; the target is at most 2x.

Both sides run with compiled bytecode, as an installed goedwerk does (pip compiles it
on install): in a private cache, ``benchmarks/out/pycache``, filled by a first run.
``--compile-each-run`` measures with ``PYTHONDONTWRITEBYTECODE=1`` instead, so a
checkout without ``__pycache__`` folders compiles goedwerk's modules in every run
(about 25 ms more; the bare side only imports the standard library, which is compiled).

    python benchmarks/bench_report.py                 # generates the save when missing
    python benchmarks/bench_report.py --runs 11 --formats md json --breakdown
    python benchmarks/bench_report.py --quick   # CI: one run on a 10-card save, no target
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from machine import describe, timed

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
TARGET = 2.0
BARE = "import json, sys\nfor line in open(sys.argv[1], 'rb'):\n    json.loads(line)\n"
# The floor under any report: start-up plus the imports ``goedwerk report --format md``
# makes, and nothing else (printed with --breakdown).
IMPORTS_ONLY = (
    "import goedwerk_tui.cli, goedwerk_tui.authoring, goedwerk_tui.report.command, "
    "goedwerk_tui.report.markdown"
)
# Where one report process spends its time (printed with --breakdown): the same
# steps as ``goedwerk report``, timed one by one inside a fresh process.
STAGES = """
import sys, time, gc
t = [time.perf_counter()]
from goedwerk_tui.cli import main, build_parser
from goedwerk_tui.files import atomic_write
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.report.command import render
from pathlib import Path
t.append(time.perf_counter())
gc.disable()
read = read_save(Path(sys.argv[1]), keep_events=False); t.append(time.perf_counter())
debrief = Debrief.from_reads([read]); t.append(time.perf_counter())
text = render(debrief, sys.argv[2], debrief.language); t.append(time.perf_counter())
atomic_write(Path(sys.argv[3]), text); t.append(time.perf_counter())
del read, debrief, text; t.append(time.perf_counter())
names = ["imports", "read_save", "Debrief", "render", "write", "free"]
print(" ".join(f"{n}={b - a:.4f}" for n, a, b in zip(names, t, t[1:])))
"""


def child_env(compile_each_run: bool) -> dict[str, str]:
    """The environment of the measured processes (see the module docstring)."""
    env = dict(os.environ)
    env.pop("PYTHONPYCACHEPREFIX", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if compile_each_run:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (at least 5)")
    parser.add_argument("--save", type=Path, help="save to report on (default: generate one)")
    parser.add_argument(
        "--formats", nargs="+", default=["md", "html", "csv", "json"], help="formats to time"
    )
    parser.add_argument(
        "--breakdown", action="store_true", help="also time the steps inside one report process"
    )
    parser.add_argument(
        "--compile-each-run",
        action="store_true",
        help="run with PYTHONDONTWRITEBYTECODE=1 (goedwerk's modules compiled every run)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="one run on a 10-card save, no target: does it run?"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 1
        if args.save is None:
            args.save = OUT / "save-quick.jsonl"
            generate = [sys.executable, str(HERE / "generate_save.py"), str(args.save)]
            subprocess.run([*generate, "--cards", "10"], check=True, stdout=subprocess.DEVNULL)
    elif args.runs < 5:
        parser.error("use at least 5 runs; a median of fewer is too noisy here")
    env = child_env(args.compile_each_run)

    save = args.save
    if save is None:
        save = OUT / "save-10k.jsonl"
        if not save.exists():
            subprocess.run([sys.executable, str(HERE / "generate_save.py"), str(save)], check=True)
    save = save.resolve()
    bare = [sys.executable, "-c", BARE, str(save)]
    reports = {
        fmt: [
            sys.executable,
            "-m",
            "goedwerk_tui",
            "report",
            str(save),
            "--format",
            fmt,
            "-o",
            str(OUT / f"report-10k.{fmt}"),
        ]
        for fmt in args.formats
    }
    for command in reports.values():  # also fills the bytecode cache
        check = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if check.returncode != 0 or "warning:" in check.stderr:  # not "debrief written to"
            raise SystemExit(f"bench_report: the save does not report cleanly:\n{check.stderr}")
    timed(bare, env)  # warm the page cache

    times: dict[str, list[float]] = {"bare": [], **{fmt: [] for fmt in reports}}
    for run in range(args.runs):
        for fmt, command in reports.items():
            pair = [(command, fmt), (bare, "bare")]
            if run % 2:
                pair.reverse()
            for cmd, key in pair:
                times[key].append(timed(cmd, env))
        print(
            f"run {run + 1}/{args.runs}: "
            + ", ".join(f"{key} {values[-1]:.3f}s" for key, values in times.items()),
            file=sys.stderr,
        )

    base = statistics.median(times["bare"])
    lines = sum(1 for _ in open(save, "rb"))
    print(f"save: {save.name} ({save.stat().st_size:,} bytes, {lines:,} lines)")
    print(describe())
    print(f"runs: {args.runs} of each, interleaved")
    mode = "compiled every run" if args.compile_each_run else "compiled once, cached"
    print(f"bytecode of goedwerk's modules: {mode}")
    print(f"bare json.loads of every line: {base:.3f} s (median)")
    worst = 0.0
    for fmt in reports:
        median = statistics.median(times[fmt])
        ratio = median / base
        worst = max(worst, ratio)
        size = (OUT / f"report-10k.{fmt}").stat().st_size
        verdict = "met" if ratio <= TARGET else "MISSED"
        print(
            f"report --format {fmt:4s}: {median:.3f} s  ratio {ratio:.2f}x "
            f"({verdict}; output {size:,} bytes)"
        )
    print(f"target: at most {TARGET}x")
    if args.breakdown:
        floor = statistics.median(
            timed([sys.executable, "-c", IMPORTS_ONLY], env) for _ in range(args.runs)
        )
        print(
            f"start-up and the imports of a report, nothing else: {floor:.3f} s "
            f"({floor / base:.2f}x the bare parse)"
        )
        for fmt in reports:
            steps = _steps(save, fmt, args.runs, env)
            print(f"steps of --format {fmt} (median of {args.runs}): {steps}")
    return 0 if worst <= TARGET or args.quick else 1


def _steps(save: Path, fmt: str, runs: int, env: dict[str, str]) -> str:
    """Median time per step inside a fresh process.

    ``free`` is dropping the save's and the report's objects (``goedwerk report`` does
    that before it returns); ``rest`` is interpreter start-up and exit.
    """
    found: dict[str, list[float]] = {}
    target = OUT / f"report-10k.{fmt}"
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", STAGES, str(save), fmt, str(target)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        total = time.perf_counter() - start
        steps = {k: float(v) for k, v in (part.split("=") for part in result.stdout.split())}
        steps["rest"] = total - sum(steps.values())
        for key, value in steps.items():
            found.setdefault(key, []).append(value)
    return ", ".join(f"{k} {statistics.median(v) * 1000:.0f} ms" for k, v in found.items())


if __name__ == "__main__":
    raise SystemExit(main())
