"""The replay's index of steps gives what a scan of the round would, at any step."""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.domain.debrief import Debrief, DebriefRound
from goedwerk_tui.domain.replay_steps import ReplayIndex
from tests.tui.sessions import played_save


def scanned(rnd: DebriefRound, step: int) -> dict[str, tuple[str, int]]:
    """Each team's latest rationale and earlier count after ``step``, by brute force."""
    steps = sorted(
        ((c.ts, a.team.key, c) for a in rnd.answers for c in (*a.changes, a.choice)),
        key=lambda m: (m[0], m[1]),
    )[:step]
    found: dict[str, tuple[str, int]] = {}
    for _, key, choice in steps:
        earlier = found[key][1] + 1 if key in found else 0
        found[key] = (choice.rationale, earlier)
    return found


def test_every_step_matches_a_scan_of_the_round(tmp_path: Path) -> None:
    first = played_save(tmp_path / "a")
    second = played_save(tmp_path / "b", teams=("Groen", "Geel"))
    debrief = Debrief.from_paths([first, second])
    index = ReplayIndex(debrief)
    rnd = debrief.rounds[0]
    steps = index[0]
    assert len(steps) == 6  # three choices at each table
    for step in range(len(steps) + 1):
        latest = {s.team.key: (s.choice.rationale, before) for s, before in steps.latest(step)}
        assert latest == scanned(rnd, step), step
    assert [s.choice.rationale for s in steps.earlier("1.t1", 6, 3)] == ["Eerst dit"]
    assert steps.earlier("1.t1", 2, 3) == []  # its change of mind is not shown yet
    assert len(index[1]) == 0  # the skipped card: no steps
