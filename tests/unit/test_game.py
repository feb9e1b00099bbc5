"""A game as the screens drive it: rules and save together, across kills and resumes."""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.errors import RuleError, SaveError
from goedwerk_tui.domain.events import kind_of
from goedwerk_tui.domain.game import Game, deal_order, team_list
from goedwerk_tui.domain.measure import Scores
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.domain.session import MAX_NAME, Session
from tests.conftest import DECKS, ROOT
from tests.unit.deck_helpers import deck_text

BUNDLED = DECKS / "goed-werk-openbaar-bestuur.yaml"


@functools.cache
def bundled() -> Deck:
    return load_deck(BUNDLED)


def card_values(game: Game) -> list[str]:
    card = game.session.current_card
    assert card is not None
    return list(card.values)


def state(session: Session) -> Any:
    """Everything a screen or a report can show about a session."""
    return (
        [t.name for t in session.teams],
        session.cards,
        [
            (
                r.number,
                r.card_id,
                r.revealed,
                r.skipped,
                r.notes,
                [
                    (c.team, c.stance, c.option, c.values_a, c.values_b, c.rationale)
                    for c in r.history
                ],
                [
                    (v.number, v.revealed, [(s.team, s.stance, s.reason) for s in v.history])
                    for v in r.variations
                ],
            )
            for r in session.rounds
        ],
        session.actions,
        {
            moment: {t: m.scores for t, m in teams.items()}
            for moment, teams in session.measures.items()
        },
        session.phase,
    )


# ----- a real kill ---------------------------------------------------------------------

CHILD = """
import sys, time
from pathlib import Path
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game

deck_path, folder, stop_after = sys.argv[1], sys.argv[2], int(sys.argv[3])
deck = load_deck(Path(deck_path))
game = Game.new(deck, ["Rood", "Blauw"], save_dir=Path(folder))
print(game.path, flush=True)
value = deck.card(game.session.current.card_id).values[0]
n = 0
while True:
    game.record_choice("t1", n % 5 - 2, "A", [value], [], f"keuze {n}")
    print(n, flush=True)  # the screen confirms choice n
    n += 1
    if n == stop_after:
        time.sleep(600)
"""


def start_child(folder: Path, stop_after: int) -> tuple[subprocess.Popen[str], Path]:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(BUNDLED), str(folder), str(stop_after)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().strip()
    if not first:
        proc.kill()
        raise AssertionError(f"the game did not start: {proc.communicate(timeout=30)[1]}")
    return proc, Path(first)


def kill(proc: subprocess.Popen[str]) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    proc.stderr.close()


def test_a_choice_survives_a_kill_and_play_goes_on(saves_dir: Path) -> None:
    proc, path = start_child(saves_dir, stop_after=1)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "0"  # choice 0 is confirmed
        with pytest.raises(SaveError, match="open in another goedwerk window"):
            Game.resume(path)  # the running game still holds the save
    finally:
        kill(proc)
    assert proc.returncode == -signal.SIGKILL  # killed, not ended by itself

    game = Game.resume(path)
    assert game.warnings == []
    current = game.session.current
    assert current is not None and current.number == 1
    choice = current.choices["t1"]
    assert (choice.stance, choice.option, choice.rationale) == (-2, "A", "keuze 0")
    assert game.session.waiting_for() == ["t2"]
    game.record_choice("t2", 2, "B", card_values(game)[:1], [])
    game.reveal()
    game.next()
    assert game.session.current is not None and game.session.current.number == 2
    game.close()
    assert state(read_save(path).session) == state(game.session)


def test_a_kill_in_the_middle_of_writing_loses_no_confirmed_choice(saves_dir: Path) -> None:
    proc, path = start_child(saves_dir, stop_after=0)  # records as fast as it can
    try:
        assert proc.stdout is not None
        confirmed = -1
        while confirmed < 200:
            confirmed = int(proc.stdout.readline())
    finally:
        kill(proc)  # somewhere in the middle of the next choices
    assert proc.returncode == -signal.SIGKILL

    game = Game.resume(path)
    assert len(game.warnings) <= 1  # at most the line being written when it died
    history = game.session.rounds[0].history
    recovered = len(history)
    assert recovered >= confirmed + 1
    assert [c.rationale for c in history] == [f"keuze {n}" for n in range(recovered)]
    game.record_choice("t2", 0, None, card_values(game)[:1], [])
    game.reveal()
    game.close()
    after = read_save(path)
    assert after.warnings == []  # the file is whole again
    assert after.session.rounds[0].revealed
    assert len(after.session.rounds[0].history) == recovered + 1


# ----- resume is replay: any play, stopped and resumed anywhere, reads back the same ----

INTENTS = st.one_of(
    st.tuples(
        st.just("choose"),
        st.sampled_from(["t1", "t2", "t3"]),
        st.sampled_from([-2, -1, 0, 1, 2]),
        st.sampled_from([None, "A", "B", "C", "D"]),
        st.integers(0, 3),
        st.text(max_size=20),
    ),
    st.tuples(st.just("variation"), st.integers(0, 3)),
    st.tuples(st.just("revise"), st.sampled_from(["t1", "t2", "t3"]), st.integers(-2, 2)),
    st.tuples(
        st.just("measure"), st.sampled_from(["before", "after"]), st.sampled_from(["t1", "t3"])
    ),
    st.sampled_from(
        ["reveal", "next", "skip", "note", "stop", "action", "end", "resume", "tear"]
        + ["reveal-variation"]
    ),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(intents=st.lists(INTENTS, max_size=30), measure=st.booleans())
def test_what_was_played_reads_back_the_same(intents: list[Any], measure: bool) -> None:
    deck = bundled()
    with tempfile.TemporaryDirectory() as folder:
        game = Game.new(
            deck, ["Rood", "Blauw", "Groen"], save_dir=Path(folder), cards=3, measure=measure
        )
        torn = False
        try:
            for intent in intents:
                try:
                    torn = play(game, intent, torn)
                except RuleError:
                    pass
                if intent in ("resume", "tear") and not game.session.ended:
                    game.close()
                    shown = state(game.session)
                    game = Game.resume(game.path)
                    assert state(game.session) == shown
                    assert len(game.warnings) == torn
                    torn = False
        finally:
            game.close()
        read = read_save(game.path)
        assert read.warnings == []
        assert state(read.session) == state(game.session)
        assert [e.seq for e in read.events] == list(range(len(read.events)))


def play(game: Game, intent: Any, torn: bool) -> bool:
    """Do one intent; returns whether the save now ends in a torn line."""
    if isinstance(intent, tuple) and intent[0] != "choose":
        play_twist(game, intent)
    elif isinstance(intent, tuple):
        _, team, stance, option, n_values, rationale = intent
        values = card_values(game) if game.session.current_card else ["integriteit"]
        a, b = values[: n_values % 2 + 1], values[2:n_values]
        game.record_choice(team, stance, option, a, b, rationale)
    elif intent == "reveal":
        game.reveal()
    elif intent == "next":
        game.next()
    elif intent == "skip":
        game.skip()
    elif intent == "note":
        game.add_note("Een notitie")
    elif intent == "stop":
        game.stop_dealing()
    elif intent == "action":
        game.record_action("t2", "Een actie")
    elif intent == "end":
        game.end()
    elif intent == "reveal-variation":
        game.reveal_variation()
    elif intent == "tear" and not game.session.ended:
        with game.path.open("ab") as handle:
            handle.write(b'{"seq":99,"ts":"2025-03-01T08:00:00.000Z","event":"choi')
        return True
    return torn


def play_twist(game: Game, intent: tuple[Any, ...]) -> None:
    """A variation played or revised, or a measure taken."""
    if intent[0] == "variation":
        game.play_variation(intent[1])
    elif intent[0] == "revise":
        game.revise_stance(intent[1], intent[2], "omdat")
    else:
        scores = Scores(ownership=1, meaningfulness=3, identification=5)
        game.record_measure(intent[1], intent[2], scores)


# ----- the deck snapshot ------------------------------------------------------------------

OWN_VALUE_DECK = deck_text(
    header="""\
format: goedwerk-deck/1
id: eigen-deck
title: Eigen deck
language: nl
catalogue: kernaghan-2003
values:
  - id: rust-in-de-wijk
    name: Rust in de wijk
    families: [mensgericht]
""",
    cards="""\
- id: kaart-1
  title: Overlast
  field: inhoud-draagvlak
  situation: Buurtbewoners klagen over een opvang.
  options: [Handhaven, Bemiddelen]
  values: [rust-in-de-wijk, menselijkheid]
- id: kaart-2
  title: Tweede kaart
  field: professie-politiek
  situation: Iets anders.
  values: [moed]
""",
)


def test_a_save_replays_after_its_deck_file_is_gone(saves_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "eigen-deck.yaml"
    path.write_text(OWN_VALUE_DECK, encoding="utf-8")
    game = Game.new(load_deck(path), ["Rood", "Blauw"], save_dir=saves_dir)
    game.record_choice("t1", -2, "B", ["rust-in-de-wijk"], ["menselijkheid"], "Eerst praten")
    game.close()
    path.unlink()

    again = Game.resume(game.path)
    assert again.warnings == []
    deck = again.session.deck
    card = again.session.current_card
    assert card is not None and card.title.get("nl") == "Overlast"
    assert [o.get("nl") for o in card.options] == ["Handhaven", "Bemiddelen"]
    own = deck.catalogue.value("rust-in-de-wijk")
    assert own is not None and own.name.get("nl") == "Rust in de wijk"
    assert again.session.current is not None
    assert again.session.current.choices["t1"].values_a == ("rust-in-de-wijk",)
    again.record_choice("t2", 1, "A", ["rust-in-de-wijk"], [])  # the deck's own value still counts
    again.reveal()
    again.next()
    assert again.session.current_card is not None
    assert again.session.current_card.id == "kaart-2"
    again.close()


def test_a_save_keeps_the_deck_as_it_was_played(saves_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "eigen-deck.yaml"
    path.write_text(OWN_VALUE_DECK, encoding="utf-8")
    game = Game.new(load_deck(path), ["Rood", "Blauw"], save_dir=saves_dir)
    game.close()
    path.write_text(OWN_VALUE_DECK.replace("Overlast", "Iets heel anders"), encoding="utf-8")
    card = read_save(game.path).session.current_card
    assert card is not None and card.title.get("nl") == "Overlast"


# ----- dealing ------------------------------------------------------------------------------


def test_the_same_seed_deals_the_same_cards_in_the_same_order(saves_dir: Path) -> None:
    deck = bundled()
    one = Game.new(deck, [], save_dir=saves_dir, shuffle=True, seed=12345)
    two = Game.new(deck, [], save_dir=saves_dir, shuffle=True, seed=12345)
    other = Game.new(deck, [], save_dir=saves_dir, shuffle=True, seed=54321)
    for game in (one, two, other):
        game.close()
    in_deck_order = [c.id for c in deck.cards]
    assert one.session.cards == two.session.cards
    assert one.session.cards != in_deck_order
    assert one.session.cards != other.session.cards
    assert sorted(one.session.cards) == sorted(in_deck_order)  # a shuffle, not a pick
    assert one.session.current is not None
    assert one.session.current.card_id == two.session.cards[0]
    assert read_save(one.path).session.cards == one.session.cards


def test_a_shuffle_without_seed_records_one_that_repeats_the_deal(saves_dir: Path) -> None:
    deck = bundled()
    game = Game.new(deck, [], save_dir=saves_dir, shuffle=True)
    game.close()
    settings_ = read_save(game.path).session.settings
    assert settings_.order == "shuffled" and isinstance(settings_.seed, int)
    assert deal_order(deck, None, True, settings_.seed) == game.session.cards


def test_without_shuffle_cards_come_in_deck_order_and_cards_n_limits(saves_dir: Path) -> None:
    deck = bundled()
    game = Game.new(deck, [], save_dir=saves_dir, cards=3)
    game.close()
    assert game.session.cards == [c.id for c in deck.cards[:3]]
    shuffled = Game.new(deck, [], save_dir=saves_dir, cards=4, shuffle=True, seed=9)
    shuffled.close()
    assert shuffled.session.cards == deal_order(deck, None, True, 9)[:4]
    assert deal_order(deck, 500, False, None) == [c.id for c in deck.cards]  # more than there are
    with pytest.raises(RuleError, match="play at least one card"):
        Game.new(deck, [], save_dir=saves_dir, cards=0)
    assert len(list(saves_dir.iterdir())) == 2  # the refused game left no file


def test_after_the_last_of_n_cards_the_closing_step_starts(saves_dir: Path) -> None:
    game = Game.new(bundled(), ["Rood"], save_dir=saves_dir, cards=2)
    for _ in range(2):
        game.record_choice("t1", 0, None, card_values(game)[:1], [])
        game.reveal()
        event = game.next()
    assert kind_of(event) == "closing_started" and game.session.phase == "closing"
    game.record_action("t1", "We gaan dit doen.")
    game.end()
    game.close()
    assert len(read_save(game.path).session.played_rounds) == 2


def test_stopping_early_skips_the_open_card(saves_dir: Path) -> None:
    game = Game.new(bundled(), ["Rood", "Blauw"], save_dir=saves_dir)
    game.record_choice("t1", 0, None, card_values(game)[:1], [])
    game.stop_dealing()
    assert game.session.phase == "closing"
    assert game.session.rounds[0].skipped and game.session.played_rounds == []
    game.close()


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 8, 0, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def test_the_time_on_a_card_counts_from_the_deal(saves_dir: Path) -> None:
    clock = Clock()
    game = Game.new(bundled(), ["Rood"], save_dir=saves_dir, timer=120, clock=clock)
    clock.now += timedelta(seconds=90)
    assert game.seconds_left() == 30
    game.record_choice("t1", 0, None, card_values(game)[:1], [])
    clock.now += timedelta(seconds=60)
    assert game.seconds_left() == -30  # over time shows as negative; nothing is cut off
    game.close()
    assert read_save(game.path).session.rounds[0].choices["t1"].seconds == 90.0
    with pytest.raises(RuleError, match="at least one second"):
        Game.new(bundled(), [], save_dir=saves_dir, timer=0)


# ----- team names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("\x1b[31mRood\x1b[0m", "Rood"),  # colour codes go, with their leftovers
        ("\x1b]0;gehackt\x07Blauw", "Blauw"),  # a window title change
        ("\x1b[2J\x1b[HGroen", "Groen"),  # clear screen, cursor home
        ("\x9b2JGeel", "Geel"),  # the one-byte C1 form
        ("Team\nmet\r\nregels", "Team met regels"),
        ("  veel   ruimte\t ", "veel ruimte"),
        ("\u202eloov\u202c", "loov"),  # bidirectional override
        ("[bold]Vet[/bold]", "[bold]Vet[/bold]"),  # shown as typed: screens never use markup
        ("[red]Team[/]", "[red]Team[/]"),
    ],
)
def test_hostile_team_names_are_cleaned(typed: str, shown: str) -> None:
    (team,) = team_list([typed])
    assert team.name == shown
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in team.name)


def test_team_names_are_trimmed_unique_and_at_most_six() -> None:
    assert [t.name for t in team_list([])] == ["Team 1", "Team 2"]
    assert [t.name for t in team_list(["", "  ", "\x1b[0m"])] == ["Team 1", "Team 2"]
    assert len(team_list(["x" * 100])[0].name) == MAX_NAME
    with pytest.raises(RuleError) as refused:
        team_list(["Rood", "Blauw", "rood"])
    assert refused.value.message("nl") == (
        "De teamnaam 'rood' staat er twee keer in; geef elk team een eigen naam."
    )
    assert "'rood' is there twice" in refused.value.message("en")
    teams = team_list([f"Team {i}" for i in range(6)])
    assert [t.id for t in teams] == ["t1", "t2", "t3", "t4", "t5", "t6"]
    with pytest.raises(RuleError) as too_many:
        team_list([f"Team {i}" for i in range(7)])
    assert too_many.value.message("nl") == "hoogstens 6 teams"


def test_a_name_typed_twice_is_refused_not_renamed() -> None:
    with pytest.raises(RuleError, match="'Rood' is there twice"):
        team_list(["Rood", "Rood (2)", "Rood"])
    assert [t.name for t in team_list(["Rood", "Rood (2)"])] == ["Rood", "Rood (2)"]


def test_cleaned_team_names_are_what_the_save_holds(saves_dir: Path) -> None:
    game = Game.new(bundled(), ["\x1b[1mRood\x1b[0m", "Blauw\n"], save_dir=saves_dir)
    game.close()
    assert [t.name for t in read_save(game.path).session.teams] == ["Rood", "Blauw"]
    assert "\\u001b" not in game.path.read_text(encoding="utf-8")


def test_the_save_folder_is_left_alone_by_a_refused_game(saves_dir: Path) -> None:
    with pytest.raises(RuleError):
        Game.new(bundled(), [f"T{i}" for i in range(7)], save_dir=saves_dir)
    assert not saves_dir.exists() or list(saves_dir.iterdir()) == []


def test_a_copy_of_a_save_resumes_on_its_own(saves_dir: Path, tmp_path: Path) -> None:
    game = Game.new(bundled(), ["Rood", "Blauw"], save_dir=saves_dir)
    game.record_choice("t1", 1, None, card_values(game)[:1], [])
    copy = tmp_path / "kopie.jsonl"
    shutil.copy(game.path, copy)
    again = Game.resume(copy)  # a copy is another file: no lock in the way
    again.close()
    game.close()
    assert read_save(copy).session.rounds[0].choices["t1"].stance == 1
