"""The debrief of "Maar wat als...?" variations and of the before/after measure, from
saves written by the play code (``tests/golden/sessions.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from msgspec.structs import replace

from goedwerk_tui.domain.debrief import Debrief, DebriefRound, Move
from goedwerk_tui.domain.debrief.overview import furthest_apart
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.measure import Scores
from tests.golden.sessions import golden_saves, variation_saves, variations_deck


@pytest.fixture
def saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    return variation_saves(tmp_path, monkeypatch)


@pytest.fixture
def one(saves: tuple[Path, Path]) -> Debrief:
    return Debrief.from_paths([saves[0]])


def moves(rnd: DebriefRound, number: int) -> dict[str, Move]:
    [variation] = [v for v in rnd.variations if v.number == number]
    return {m.team.name: m for m in variation.moves}


def test_a_move_is_the_latest_new_stance_against_the_stance_on_the_card(one: Debrief) -> None:
    figures = one.rounds[0]
    assert [v.number for v in figures.variations] == [1, 2]  # in the order played
    first = moves(figures, 1)
    rood = first["Rood"]
    assert (rood.card_stance, rood.stance, rood.steps, rood.toward) == (-1, 1, 2, "b")
    assert rood.reason == "=De Kamer beslist"  # the latest counts
    assert [(r.stance, r.reason) for r in rood.earlier] == [(0, "De Kamer vraagt het")]
    blauw = first["Blauw <i>"]
    assert (blauw.steps, blauw.toward, blauw.decided) == (0, "", ())  # it stayed
    assert [m.team.name for m in figures.variations[0].moved] == ["Rood"]


def test_the_values_that_decided_are_those_named_toward_the_pole_moved_to(one: Debrief) -> None:
    figures = one.rounds[0]
    # Rood named eerlijkheid and deskundigheid toward A, loyaliteit toward B on the card;
    # it moved toward B (politics), so loyaliteit decided
    assert moves(figures, 1)["Rood"].decided == ("loyaliteit",)
    # Blauw named deskundigheid toward A and moved toward A under the second variation
    blauw = moves(figures, 2)["Blauw <i>"]
    assert (blauw.steps, blauw.toward, blauw.decided) == (-2, "a", ("deskundigheid",))


def test_a_variation_closed_without_its_reveal_still_counts(one: Debrief) -> None:
    figures = one.rounds[0]
    plays = {v.number: [p.revealed for p in v.plays] for v in figures.variations}
    assert plays == {1: [True], 2: [False]}
    assert moves(figures, 2)["Blauw <i>"].revealed is False
    assert figures.variations[1].text is not None
    assert figures.variations[1].text.get("en").startswith("But what if the range")


def test_most_contested_counts_the_spread_with_variations_and_the_teams_that_moved(
    one: Debrief,
) -> None:
    figures, support = one.rounds[0], one.rounds[1]
    assert (figures.spread, figures.span, figures.movers, figures.contest) == (2, 2, 2, 4)
    assert (support.spread, support.span, support.movers, support.contest) == (1, 1, 0, 1)
    assert [r.number for r in one.overview.furthest_apart] == [1, 2]


def test_a_card_where_teams_agree_but_move_ranks_above_one_they_differ_on_a_little(
    one: Debrief,
) -> None:
    """Agreeing on the card (spread 0) and moving under a variation is contested too."""
    figures, support = one.rounds
    # a card where both teams stood together but one moved two steps: span 2, 1 mover
    agreed = replace(figures, number=9, spread=0, span=2, movers=1, contested=())
    assert [r.number for r in furthest_apart([support, agreed])] == [9, 2]


def test_without_variations_the_ranking_is_the_spread_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    debrief = Debrief.from_paths([golden_saves(tmp_path, monkeypatch)[0]])
    for rnd in debrief.rounds:
        assert (rnd.variations, rnd.span, rnd.movers) == ((), rnd.spread, 0)
    assert [r.card.id for r in debrief.overview.furthest_apart] == ["de-cijfers", "het-draagvlak"]
    assert not debrief.measures.taken and debrief.measures.goals == ()


def test_the_measure_gives_before_after_and_change_per_team(one: Debrief) -> None:
    measures = one.measures
    assert measures.taken and one.tables[0].measure is True
    rood, blauw = measures.teams
    assert (rood.score("before", "ownership"), rood.score("after", "ownership")) == (2, 4)
    assert [rood.change(g) for g in ("ownership", "meaningfulness", "identification")] == [2, 0, 0]
    assert blauw.change("identification") == -1


def test_merging_two_tables_gives_the_distribution_of_scores_per_goal(
    saves: tuple[Path, Path],
) -> None:
    measures = Debrief.from_paths(saves).measures
    assert [e.team.key for e in measures.teams] == ["1.t1", "1.t2", "2.t1"]
    ownership, meaningfulness, identification = measures.goals
    assert ownership.goal == "ownership"
    assert ownership.before == (1, 1, 1, 0, 0)  # Groen 1, Rood 2, Blauw 3
    assert ownership.after == (0, 0, 2, 1, 0)  # Groen 3, Blauw 3, Rood 4
    assert (ownership.paired, ownership.mean_change) == (3, 1.33)  # (+2 +0 +2) / 3
    assert ownership.mean(ownership.before) == 2.0
    assert meaningfulness.before == (0, 1, 2, 0, 0)
    assert identification.mean_change == -0.33


def test_a_team_without_its_after_measure_counts_only_before(tmp_path: Path) -> None:
    game = Game.new(variations_deck(tmp_path), ["Een", "Twee"], save_dir=tmp_path, measure=True)
    game.record_measure("before", "t1", Scores(ownership=5, meaningfulness=5, identification=5))
    game.next()
    game.close()
    measures = Debrief.from_paths([game.path]).measures
    een, twee = measures.teams
    assert (een.before is not None, een.after, een.change("ownership")) == (True, None, None)
    assert (twee.before, twee.after) == (None, None)
    [ownership, *_] = measures.goals
    assert (ownership.before, ownership.after, ownership.paired) == ((0, 0, 0, 0, 1), (0,) * 5, 0)
    assert ownership.mean_change is None


def test_a_new_stance_without_a_choice_on_the_card_is_no_move(tmp_path: Path) -> None:
    """The game reveals only when every team chose; a save may hold less (read_save
    checks without that rule): here Twee's choice line is taken out."""
    game = Game.new(variations_deck(tmp_path), ["Een", "Twee"], save_dir=tmp_path)
    game.record_choice("t1", -2, "A", ["eerlijkheid"], [], "")
    game.record_choice("t2", 0, None, [], ["loyaliteit"], "")
    game.reveal()
    game.play_variation(1)
    game.revise_stance("t2", 2, "Nu wel")
    game.close()
    lines = game.path.read_text("utf-8").splitlines(keepends=True)
    game.path.write_text("".join(line for line in lines if '"team":"t2","stance":0' not in line))
    debrief = Debrief.from_paths([game.path])
    [rnd, *_] = debrief.rounds
    twee = moves(rnd, 1)["Twee"]
    assert (twee.card_stance, twee.steps, twee.toward, twee.decided) == (None, None, "", ())
    assert (rnd.spread, rnd.span, rnd.movers) == (None, 4, 0)
