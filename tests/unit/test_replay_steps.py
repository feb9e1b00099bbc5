"""The replay's index of steps gives what a scan of the round would, at any step."""

from __future__ import annotations

from pathlib import Path

import pytest

from goedwerk_tui.domain.debrief import Debrief, DebriefRound
from goedwerk_tui.domain.replay_steps import ReplayIndex, RoundSteps
from tests.golden.sessions import variation_saves
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


def test_after_a_rounds_choices_come_its_variation_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = variation_saves(tmp_path, monkeypatch)
    debrief = Debrief.from_paths([one, two])
    steps = ReplayIndex(debrief)[0]
    assert len(steps.steps) == 3  # two choices at table 1, one at table 2
    kinds = [(s.kind, s.variation.number, s.table_number) for s in steps.variation_steps]
    assert kinds == [
        ("played", 1, 1),
        *[("revised", 1, 1)] * 3,  # Rood, Blauw, Rood again, as recorded
        ("revealed", 1, 1),
        ("played", 2, 1),
        ("revised", 2, 1),  # closed without its reveal: no reveal step
        ("played", 2, 2),
        ("revised", 2, 2),
        ("revealed", 2, 2),
    ]
    revised = [
        (s.move.team.name, s.revision.stance)
        for s in steps.variation_steps
        if s.move is not None and s.revision is not None
    ]
    assert revised[:3] == [("Rood", 0), ("Blauw <i>", 1), ("Rood", 1)]
    assert len(steps) == 3 + 10
    assert steps.variations_at(3) == [] and len(steps.variations_at(5)[0].latest) == 1
    # the choices' lookups are those of before: every team's latest choice at the end
    assert {s.team.name for s, _ in steps.latest(len(steps))} == {"Rood", "Blauw <i>", "Groen"}


def test_the_measure_steps_are_each_teams_latest_in_the_order_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    debrief = Debrief.from_paths(variation_saves(tmp_path, monkeypatch))
    index = ReplayIndex(debrief)
    before = [(s.team.key, s.measure.scores.ownership) for s in index.measures["before"]]
    assert before == [("1.t1", 2), ("1.t2", 3), ("2.t1", 1)]
    assert [s.measure.moment for s in index.measures["after"]] == ["after"] * 3


def scanned_variations(
    steps: RoundSteps, step: int, order: dict[str, int]
) -> list[tuple[int, int, list[str], bool]]:
    """What ``variations_at`` answers, by brute force: a scan of the steps shown."""
    groups: dict[tuple[int, int], tuple[dict[str, str], list[bool]]] = {}
    for item in steps.variation_steps[: max(0, step - len(steps.steps))]:
        key = (item.variation.number, item.table_number)
        latest, revealed = groups.setdefault(key, ({}, [False]))
        if item.move is not None and item.revision is not None:
            latest[item.move.team.key] = item.revision.reason
        revealed[0] = revealed[0] or item.kind == "revealed"
    return [
        (number, table, [latest[k] for k in sorted(latest, key=order.__getitem__)], revealed[0])
        for (number, table), (latest, revealed) in reversed(groups.items())
    ]


def test_every_variation_step_matches_a_scan_of_the_round(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    debrief = Debrief.from_paths(variation_saves(tmp_path, monkeypatch))
    steps = ReplayIndex(debrief)[0]
    order = {team.key: i for i, team in enumerate(debrief.teams)}
    for step in range(len(steps) + 1):
        answered = [
            (
                v.variation.number,
                v.table_number,
                [i.revision.reason for i in v.latest if i.revision is not None],
                v.revealed,
            )
            for v in steps.variations_at(step)
        ]
        assert answered == scanned_variations(steps, step, order), step
