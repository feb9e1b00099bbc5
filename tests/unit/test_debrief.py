"""The debrief analysis of saves written by the play code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from msgspec.structs import replace

from goedwerk_tui.domain.debrief import OPEN, REVEALED, SKIPPED, Answer, Debrief, DebriefError
from goedwerk_tui.domain.errors import SaveError
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.render.labels import table_label, team_label
from goedwerk_tui.report.json_export import render_json
from tests.golden.sessions import DECK_YAML, debrief_deck, golden_saves


@pytest.fixture
def saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    return golden_saves(tmp_path, monkeypatch)


@pytest.fixture
def one(saves: tuple[Path, Path]) -> Debrief:
    return Debrief.from_paths([saves[0]])


def by_name(debrief: Debrief, rnd_index: int) -> dict[str, Answer]:
    return {e.team.name: e for e in debrief.rounds[rnd_index].answers}


def test_rounds_follow_the_session_with_each_teams_last_choice(one: Debrief) -> None:
    assert [r.card.id for r in one.rounds] == ["de-cijfers", "het-draagvlak", "de-agenda"]
    assert [r.status for r in one.rounds] == [REVEALED, REVEALED, SKIPPED]
    first = by_name(one, 0)
    assert {name: e.stance for name, e in first.items()} == {
        "Beleid": -2,
        "Uitvoering <b>&": 2,
        "[x](javascript:alert(1))": 1,
    }
    beleid = first["Beleid"]
    assert beleid.option == "A"
    assert beleid.choice.values_a == ("eerlijkheid", "deskundigheid")
    assert beleid.choice.rationale == "De cijfers | kloppen"
    assert beleid.choice.seconds == 54.0


def test_changes_of_mind_are_the_earlier_choices_oldest_first(one: Debrief) -> None:
    first = by_name(one, 0)
    changes = first["Beleid"].changes
    assert [(c.stance, c.option, c.rationale) for c in changes] == [
        (-1, "A", "Eerst *twijfel*"),
        (0, "B", "Toch het midden"),
    ]
    assert first["Uitvoering <b>&"].changes == ()


def test_overview_counts_leans_and_values_without_skipped_cards(one: Debrief) -> None:
    teams = {s.team.name: s for s in one.overview.teams}
    beleid = teams["Beleid"]
    assert [(lean.field.id, lean.a, lean.neutral, lean.b) for lean in beleid.leans] == [
        ("professie-politiek", 1, 0, 0),
        ("inhoud-draagvlak", 0, 0, 1),
    ]  # the skipped card's field (agenda-maatschappij) has no counted answers
    assert (beleid.answered, beleid.changes) == (2, 2)
    uitvoering = teams["Uitvoering <b>&"]
    counts = {c.value_id: (c.toward_a, c.toward_b) for c in uitvoering.values}
    assert counts == {"deskundigheid": (1, 0), "loyaliteit": (0, 1), "responsiviteit": (0, 1)}
    # its choice on the skipped card is not counted, so nobody invoked "zorgzaamheid"
    assert "zorgzaamheid" in one.overview.unused_values
    assert "eerlijkheid" not in one.overview.unused_values


def test_values_are_ranked_most_invoked_first_then_in_catalogue_order(tmp_path: Path) -> None:
    from goedwerk_tui.domain.game import Game

    game = Game.new(debrief_deck(tmp_path), ["Een"], save_dir=tmp_path / "s")
    game.record_choice("t1", -1, None, ["respect"], ["loyaliteit"])
    game.reveal()
    game.next()
    game.record_choice("t1", 1, None, ["integriteit"], ["loyaliteit"])
    game.close()
    [summary] = Debrief.from_paths([game.path]).overview.teams
    assert [(c.value_id, c.total) for c in summary.values] == [
        ("loyaliteit", 2),
        ("integriteit", 1),
        ("respect", 1),
    ]


def test_furthest_apart_ranks_cards_by_stance_spread(one: Debrief) -> None:
    figures, support, agenda = one.rounds
    assert (figures.spread, figures.contested) == (4, ("eerlijkheid",))
    assert figures.different_options == 3
    assert (support.spread, support.contested, support.different_options) == (1, (), 1)
    assert agenda.spread is None  # skipped: nothing to compare
    assert [r.card.id for r in one.overview.furthest_apart] == ["de-cijfers", "het-draagvlak"]


def test_actions_and_notes(one: Debrief) -> None:
    assert [(team.name, text) for team, text in one.overview.actions] == [
        ("Beleid", "We leggen cijferafspraken vast met de directie."),
        ("[x](javascript:alert(1))", "<script>alert('actie')</script>"),
    ]
    assert one.rounds[0].notes == ((1, "Bespreek: wie is eigenaar van de cijfers?"),)
    assert one.warnings == ()
    assert one.language == "nl"
    assert team_label(one, one.teams[0], "nl") == "Beleid"


def test_two_tables_of_one_deck_merge_card_by_card(saves: tuple[Path, Path]) -> None:
    debrief = Debrief.from_paths(saves)
    assert [table_label(t.number, "nl") for t in debrief.tables] == ["Tafel 1", "Tafel 2"]
    assert [table_label(t.number, "en") for t in debrief.tables] == ["Table 1", "Table 2"]
    assert [team_label(debrief, team, "nl") for team in debrief.teams] == [
        "Tafel 1 · Beleid",
        "Tafel 1 · Uitvoering <b>&",
        "Tafel 1 · [x](javascript:alert(1))",
        "Tafel 2 · Noord",
        "Tafel 2 · Zuid",
    ]
    assert len({team.key for team in debrief.teams}) == 5  # both tables have a t1
    figures = debrief.rounds[0]
    assert [(p.table_number, p.round_number, p.status) for p in figures.table_rounds] == [
        (1, 1, REVEALED),
        (2, 1, REVEALED),
    ]
    assert len(figures.answers) == 5
    support = debrief.rounds[1]
    assert [(p.table_number, p.status) for p in support.table_rounds] == [(1, REVEALED), (2, OPEN)]
    assert support.spread == 3  # table 2's Noord at -2 against table 1 at +1
    assert debrief.tables[1].finished is False
    [warning] = debrief.warnings
    assert "tafel-2.jsonl: the session did not end" in str(warning)
    assert "round 2 was not revealed" in str(warning)
    assert "ronde 2 is niet onthuld" in warning.message("nl")


def test_saves_of_different_decks_are_refused(
    saves: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from goedwerk_tui.domain.deck_loader import load_deck
    from goedwerk_tui.domain.game import Game

    other_yaml = tmp_path / "other.yaml"
    other_yaml.write_text(DECK_YAML.replace("id: debrief-test", "id: other-deck"), "utf-8")
    game = Game.new(load_deck(other_yaml), ["A"], save_dir=tmp_path / "other")
    game.close()
    with pytest.raises(DebriefError) as caught:
        Debrief.from_paths([saves[0], game.path])
    message = str(caught.value)
    assert "'other-deck'" in message and "'debrief-test'" in message
    assert "\n" not in message
    assert isinstance(caught.value, SaveError)  # callers catching SaveError see it too


def test_the_same_session_twice_is_used_once(saves: tuple[Path, Path]) -> None:
    debrief = Debrief.from_paths([saves[0], saves[0]])
    assert len(debrief.tables) == 1
    assert not debrief.several_tables
    assert any("the same session" in str(w) for w in debrief.warnings)


def test_durations_that_are_not_usable_become_unknown(saves: tuple[Path, Path]) -> None:
    """``read_save`` refuses such choices (test_savelog); reads made otherwise are cleaned."""
    read = read_save(saves[0])
    for rnd, bad in zip(read.session.rounds, (float("nan"), -5.0), strict=False):
        rnd.history[:] = [replace(c, seconds=bad) if c.team == "t2" else c for c in rnd.history]
    debrief = Debrief.from_reads([read])
    assert by_name(debrief, 0)["Uitvoering <b>&"].choice.seconds is None
    assert by_name(debrief, 1)["Uitvoering <b>&"].choice.seconds is None
    text = render_json(debrief, "en").decode()
    json.loads(text, parse_constant=pytest.fail)  # stays valid JSON: no NaN or Infinity
    assert '"seconds": null' in text


def test_the_json_report_has_keys_that_refer_to_each_other(saves: tuple[Path, Path]) -> None:
    data = json.loads(render_json(Debrief.from_paths(saves), "en"))
    assert data["format"] == "goedwerk-debrief/1"
    keys = {team["key"] for table in data["tables"] for team in table["teams"]}
    assert {s["team"] for s in data["overview"]["teams"]} == keys
    assert {e["team"] for r in data["rounds"] for e in r["entries"]} <= keys
    numbers = {r["number"] for r in data["rounds"]}
    assert data["overview"]["furthest_apart"] == [1, 2]
    assert set(data["overview"]["furthest_apart"]) <= numbers
    assert data["tables"][1]["ended"] is None


def test_no_saves_is_an_error() -> None:
    with pytest.raises(DebriefError):
        Debrief.from_reads([])


def test_debrief_imports_no_ui_library() -> None:
    code = (
        "import sys, goedwerk_tui.domain.debrief; "
        "print('textual' in sys.modules, 'rich' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
