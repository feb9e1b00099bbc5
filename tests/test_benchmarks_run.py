"""Every benchmark still runs: ``benchmarks/bench_*.py --quick`` exits 0.

A benchmark that cannot run measures nothing (bench_confirm.py broke silently once:
``timed_append() takes 2 positional arguments but 3 were given``). The quick mode
runs few iterations on small inputs and checks no target, so this stays fast and
does not depend on the machine's load; it fails only when a script itself breaks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SCRIPTS = sorted(BENCHMARKS.glob("bench_*.py"))


def test_the_benchmarks_are_found() -> None:
    assert {p.name for p in SCRIPTS} >= {"bench_confirm.py", "bench_play.py", "bench_report.py"}


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_benchmark_runs_in_quick_mode(script: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(script), "--quick"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"{script.name} --quick failed:\n{result.stderr[-3000:]}"
    assert result.stdout.strip(), f"{script.name} --quick printed no result"
