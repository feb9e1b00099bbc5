"""What a team's device may see: a pure function of the session (no web in it)."""

from __future__ import annotations

from pathlib import Path

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goedwerk_tui.domain.game import Game
from goedwerk_tui.live.state import LiveState, answered, project
from tests.conftest import present
from tests.live.helpers import new_game


def card_value_ids(game: Game) -> list[str]:
    return list(present(game.session.current_card).values)


def test_the_card_in_the_session_language_values_of_the_card_first(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    state = project(game.session, "t1")
    card = present(game.session.current_card)
    assert state.phase == "choosing" and state.round == 1 and state.live == "open"
    view = present(state.card)
    assert view.id == card.id and view.title == card.title.get("en")
    assert [o.letter for o in view.options] == list("ABCDEF"[: len(card.options)])
    assert [o.text for o in view.options] == [o.get("en") for o in card.options]
    assert [v.id for v in view.values] == list(card.values)
    assert view.reflection is None  # before the reveal
    own = len(card.values)
    assert [v.id for v in state.all_values[:own]] == list(card.values)
    rest = [v.name.casefold() for v in state.all_values[own:]]
    assert rest == sorted(rest)
    assert len(state.all_values) == len(game.session.deck.catalogue.values)


def test_after_a_skip_the_card_has_no_reveal(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    game.skip()
    state = project(game.session, "t2")
    assert state.phase == "revealed" and state.reveal is None
    assert present(state.card).reflection is None


def test_the_ended_session(saves_dir: Path) -> None:
    game = new_game(saves_dir, ["Noord"])
    game.stop_dealing()
    game.record_action("t1", "Doen")
    game.end()
    state = project(game.session, "t1", "ended")
    assert (state.live, state.phase, state.card, state.action) == ("ended", "ended", None, "Doen")
    assert answered(game.session, "t1")


choices = st.lists(
    st.tuples(
        st.sampled_from(["t1", "t3"]),
        st.sampled_from([-2, -1, 0, 1, 2]),
        st.sampled_from([None, "A", "B"]),
        st.booleans(),
        st.text(max_size=30),
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(made=choices)
def test_other_teams_choices_change_nothing_but_answered_before_the_reveal(
    tmp_path: Path, made: list[tuple[str, int, str | None, bool, str]]
) -> None:
    game = new_game(tmp_path / "saves")
    seen = project(game.session, "t2")
    values = card_value_ids(game)
    for team, stance, option, toward_a, rationale in made:
        picked = [values[stance % len(values)]]
        a, b = (picked, []) if toward_a else ([], picked)
        game.record_choice(team, stance, option, a, b, rationale)
    now = project(game.session, "t2")
    assert [t.answered for t in now.teams] == [
        t in game.session.rounds[0].choices for t in ("t1", "t2", "t3")
    ]
    blank = [msgspec.structs.replace(t, answered=False) for t in now.teams]
    assert msgspec.structs.replace(now, teams=blank) == msgspec.structs.replace(
        seen, teams=[msgspec.structs.replace(t, answered=False) for t in seen.teams]
    )
    assert isinstance(now, LiveState) and now.mine is None and now.reveal is None
