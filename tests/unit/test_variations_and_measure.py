""" "Maar wat als...?" variations and the before/after measure: the rules, the save, resume.

Each test plays through ``Game`` (the rules and the save together) and reads the save
back, as resume and replay do, so what the screen confirmed is what a reader finds.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.errors import RuleError
from goedwerk_tui.domain.events import Event, kind_of
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.measure import Scores
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.domain.session import CHOOSING, CLOSING, REVEALED, STARTING
from tests.conftest import DECKS

BUNDLED = DECKS / "goed-werk-openbaar-bestuur.yaml"
HIGH = Scores(ownership=4, meaningfulness=5, identification=3)
LOW = Scores(ownership=2, meaningfulness=2, identification=1)


@functools.cache
def bundled() -> Deck:
    return load_deck(BUNDLED)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def refusal(excinfo: pytest.ExceptionInfo[RuleError]) -> str:
    return excinfo.value.code


def revealed_game(saves_dir: Path, **kwargs: Any) -> Game:
    """Two teams, the first card chosen by both (Noord -1, Zuid +1) and revealed."""
    game = Game.new(bundled(), ["Noord", "Zuid"], save_dir=saves_dir, **kwargs)
    if game.session.phase == STARTING:
        game.next()
    values = list(game.session.current_card.values)  # type: ignore[union-attr]  # dealt
    game.record_choice("t1", -1, "A", [values[0]], [values[1]], "eerst de feiten")
    game.record_choice("t2", 1, "B", [values[1]], [values[0]])
    game.reveal()
    return game


class TestVariations:
    def test_a_played_variation_records_every_teams_move_in_the_save(self, saves_dir: Path) -> None:
        game = revealed_game(saves_dir)
        game.play_variation(2)
        assert game.session.open_variation is not None
        game.revise_stance("t1", 2, "  dan  weegt\tde motie zwaarder ")
        game.revise_stance("t1", 1)  # a change of mind: the last one counts
        game.revise_stance("t2", 1, "blijft staan")
        game.reveal_variation()
        assert game.session.open_variation is None
        game.play_variation(1)  # the other one, after the first was revealed
        game.next()

        saved = lines(game.path)
        kinds = [line["event"] for line in saved]
        assert kinds[-7:] == [
            "variation_played",
            "stance_revised",
            "stance_revised",
            "stance_revised",
            "variation_revealed",
            "variation_played",
            "card_dealt",
        ]
        first = saved[kinds.index("stance_revised")]
        assert first["variation"] == 2 and first["stance"] == 2
        assert first["reason"] == "dan weegt de motie zwaarder"  # cleaned as it is typed
        assert first["via"] == "keyboard"

        read = read_save(game.path)
        assert read.warnings == []
        variations = read.session.rounds[0].variations
        assert [v.number for v in variations] == [2, 1]
        assert {team: s.stance for team, s in variations[0].stances.items()} == {"t1": 1, "t2": 1}
        assert len(variations[0].history) == 3
        assert variations[0].revealed and not variations[1].revealed
        assert read.session.phase == CHOOSING  # the next card, with the variation closed

    def test_a_variation_waits_for_the_cards_reveal(self, saves_dir: Path) -> None:
        game = Game.new(bundled(), ["Noord"], save_dir=saves_dir)
        with pytest.raises(RuleError) as refused:
            game.play_variation(1)
        assert refusal(refused) == "rule.variation_after_reveal"
        game.skip()
        with pytest.raises(RuleError) as refused:
            game.play_variation(1)
        assert refusal(refused) == "rule.variation_after_reveal"  # a skipped card has no reveal

    def test_each_variation_once_and_only_those_the_card_has(self, saves_dir: Path) -> None:
        game = revealed_game(saves_dir)
        count = len(game.session.current_card.variations)  # type: ignore[union-attr]  # dealt
        for number in (0, count + 1):
            with pytest.raises(RuleError) as refused:
                game.play_variation(number)
            assert refusal(refused) == "rule.unknown_variation"
        game.play_variation(1)
        with pytest.raises(RuleError) as refused:
            game.play_variation(1)
        assert refusal(refused) == "rule.variation_played_already"

    def test_a_stance_needs_an_open_variation_a_known_team_and_a_short_reason(
        self, saves_dir: Path
    ) -> None:
        game = revealed_game(saves_dir)
        with pytest.raises(RuleError) as refused:
            game.revise_stance("t1", 0)
        assert refusal(refused) == "rule.no_open_variation"
        game.play_variation(1)
        with pytest.raises(RuleError) as refused:
            game.revise_stance("t9", 0)
        assert refusal(refused) == "rule.unknown_team"
        with pytest.raises(RuleError) as refused:
            game.revise_stance("t1", 3)
        assert refusal(refused) == "rule.bad_stance"
        with pytest.raises(RuleError) as refused:  # refused, not cut: a device hears why
            game.revise_stance("t1", 0, "x" * 201)
        assert refusal(refused) == "rule.long_reason"
        game.revise_stance("t1", 0, "x" * 190 + " " * 40 + "y")  # folded to 192 characters
        open_variation = game.session.open_variation
        assert open_variation is not None
        assert open_variation.stances["t1"].reason == "x" * 190 + " y"

    def test_the_reveal_waits_for_every_team_live_but_not_on_reading(self, saves_dir: Path) -> None:
        game = revealed_game(saves_dir)
        game.play_variation(1)
        game.revise_stance("t1", 2)
        with pytest.raises(RuleError) as refused:
            game.reveal_variation()
        assert refusal(refused) == "rule.waiting_for"
        assert refused.value.params == {"teams": "Zuid"}
        game.revise_stance("t2", -2)
        game.reveal_variation()
        # a save whose second revision was lost: the reveal stands on reading
        path = game.path
        kept = [line for line in path.read_text().splitlines() if '"team":"t2"' not in line]
        path.write_text("\n".join(kept) + "\n")
        read = read_save(path)
        assert read.warnings == []
        assert read.session.rounds[0].variations[0].revealed

    def test_a_resumed_session_keeps_the_open_variation(self, saves_dir: Path) -> None:
        game = revealed_game(saves_dir)
        game.play_variation(2)
        game.revise_stance("t1", -2, "reden")
        game.close()
        again = Game.resume(game.path)
        assert again.session.phase == REVEALED
        open_variation = again.session.open_variation
        assert open_variation is not None and open_variation.number == 2
        again.revise_stance("t2", 0)
        again.reveal_variation()
        assert again.session.rounds[0].variations[0].revealed


class TestMeasure:
    def test_before_and_after_are_in_the_save_and_read_back(self, saves_dir: Path) -> None:
        game = Game.new(bundled(), ["Noord", "Zuid"], save_dir=saves_dir, measure=True)
        assert game.session.phase == STARTING  # no card dealt before the measure
        assert game.session.settings.measure
        game.record_measure("before", "t1", LOW)
        game.record_measure("before", "t2", LOW)
        game.record_measure("before", "t2", HIGH)  # rated again: the last one counts
        game.next()
        assert game.session.phase == CHOOSING
        game.stop_dealing()
        assert game.session.phase == CLOSING
        game.record_measure("after", "t1", HIGH)
        game.record_action("t1", "Samen de beslisnota lezen.")
        game.end()

        saved = lines(game.path)
        assert saved[0]["settings"]["measure"] is True
        measures = [line for line in saved if line["event"] == "measure_recorded"]
        assert [(m["moment"], m["team"]) for m in measures] == [
            ("before", "t1"),
            ("before", "t2"),
            ("before", "t2"),
            ("after", "t1"),
        ]
        assert measures[-1]["scores"] == {"ownership": 4, "meaningfulness": 5, "identification": 3}
        read = read_save(game.path)
        assert read.warnings == []
        before, after = read.session.measures["before"], read.session.measures["after"]
        assert before["t2"].scores == HIGH and before["t1"].scores == LOW
        assert list(after) == ["t1"]

    def test_before_comes_before_the_first_card_and_after_in_the_closing_step(
        self, saves_dir: Path
    ) -> None:
        game = Game.new(bundled(), ["Noord"], save_dir=saves_dir, measure=True)
        with pytest.raises(RuleError) as refused:
            game.record_measure("after", "t1", HIGH)
        assert refusal(refused) == "rule.measure_after_early"
        game.next()
        with pytest.raises(RuleError) as refused:
            game.record_measure("before", "t1", HIGH)
        assert refusal(refused) == "rule.measure_before_late"

    def test_a_session_without_the_measure_refuses_it(self, saves_dir: Path) -> None:
        game = Game.new(bundled(), ["Noord"], save_dir=saves_dir)
        assert game.session.phase == CHOOSING  # dealt at once, as before
        game.stop_dealing()
        with pytest.raises(RuleError) as refused:
            game.record_measure("after", "t1", HIGH)
        assert refusal(refused) == "rule.measure_off"

    def test_a_score_out_of_range_is_refused(self, saves_dir: Path) -> None:
        game = Game.new(bundled(), ["Noord"], save_dir=saves_dir, measure=True)
        bad = Scores(ownership=0, meaningfulness=3, identification=6)
        with pytest.raises(RuleError) as refused:
            game.record_measure("before", "t1", bad)
        assert refusal(refused) == "rule.bad_score"
        assert all(line["event"] != "measure_recorded" for line in lines(game.path))

    def test_an_after_measure_keeps_the_closing_step(self, saves_dir: Path) -> None:
        game = Game.new(bundled(), ["Noord"], save_dir=saves_dir, measure=True)
        game.next()
        game.stop_dealing()
        game.record_measure("after", "t1", HIGH)
        with pytest.raises(RuleError) as refused:
            game.back_to_dealing()
        assert refusal(refused) == "rule.action_recorded_stays"

    def test_a_resumed_session_before_its_first_card_asks_for_the_measure_again(
        self, saves_dir: Path
    ) -> None:
        game = Game.new(bundled(), ["Noord", "Zuid"], save_dir=saves_dir, measure=True)
        game.record_measure("before", "t1", LOW)
        game.close()
        again = Game.resume(game.path)
        assert again.session.phase == STARTING
        assert list(again.session.measures["before"]) == ["t1"]
        again.record_measure("before", "t2", HIGH)
        again.next()
        assert again.session.current is not None


def test_every_commit_is_told_to_the_listeners(saves_dir: Path) -> None:
    game = Game.new(bundled(), ["Noord"], save_dir=saves_dir)
    seen: list[Event] = []
    game.on_commit.append(seen.append)
    game.add_note("een notitie")
    game.skip()
    assert [kind_of(event) for event in seen] == ["note_added", "card_skipped"]
    assert all(event.seq >= 0 and event.ts for event in seen)  # written, then told


def test_a_device_choice_says_so_and_old_lines_read_as_keyboard(saves_dir: Path) -> None:
    game = Game.new(bundled(), ["Noord", "Zuid"], save_dir=saves_dir)
    values = list(game.session.current_card.values)  # type: ignore[union-attr]  # dealt
    game.record_choice("t1", 0, None, [values[0]], [], via="device")
    game.record_choice("t2", 0, None, [values[0]], [])
    saved = [line for line in lines(game.path) if line["event"] == "choice_recorded"]
    assert [line["via"] for line in saved] == ["device", "keyboard"]
    path = game.path
    text = path.read_text().replace(',"via":"keyboard"', "")
    path.write_text(text)
    read = read_save(path)
    assert [c.via for c in read.session.rounds[0].history] == ["device", "keyboard"]
