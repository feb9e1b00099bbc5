"""A save that cannot be read says precisely why, not just "not a goedwerk save"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.errors import SaveError
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.domain.session import MAX_TEAMS
from tests.conftest import DECKS


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")


def saved(deck: Deck, folder: Path) -> Path:
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=folder, cards=1)
    game.close()
    return game.path


def refusal(path: Path) -> SaveError:
    with pytest.raises(SaveError) as caught:
        read_save(path)
    for lang in ("nl", "en"):
        line = caught.value.message(lang)
        assert "\n" not in line and line.startswith(f"{path}:1: ")
        assert "not a goedwerk save" not in line and "geen goedwerk" not in line
    return caught.value


def test_a_cut_off_first_line_says_the_save_was_not_fully_written(
    deck: Deck, tmp_path: Path
) -> None:
    path = saved(deck, tmp_path)
    first = path.read_bytes().split(b"\n")[0]
    path.write_bytes(first[: len(first) // 2])  # the program stopped while writing it
    error = refusal(path)
    assert error.code == "save.torn_first_line"  # the same line as for a cut that parses
    assert error.message("en").endswith(
        "the first line was cut off (the program stopped while writing); the save holds no session"
    )


def test_a_byte_order_mark_is_read_past(deck: Deck, tmp_path: Path) -> None:
    """Decided: an editor that saved the file with a BOM did not damage the session."""
    path = saved(deck, tmp_path)
    plain = read_save(path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    read = read_save(path)
    assert read.warnings == []
    assert read.session.session_id == plain.session.session_id
    again = Game.resume(path)  # and it can be continued
    again.close()
    assert read_save(path).session.resumed == 1


def test_very_deep_nesting_says_nested_too_deeply(tmp_path: Path) -> None:
    path = tmp_path / "diep.jsonl"
    path.write_text('{"a":' + "[" * 100_000 + "\n", encoding="utf-8")
    error = refusal(path)
    assert error.code == "save.nested_too_deeply"
    assert "nested too deeply" in error.message("en")
    assert "te diep genest" in error.message("nl")


def rewrite_teams(path: Path, teams: list[dict[str, str]]) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = json.loads(lines[0])
    start["teams"] = teams
    lines[0] = json.dumps(start)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_save_without_teams_is_refused_with_a_reason(deck: Deck, tmp_path: Path) -> None:
    path = saved(deck, tmp_path)
    rewrite_teams(path, [])
    error = refusal(path)
    assert error.code == "save.no_teams"
    assert error.message("en").endswith("the save has no teams; a session has at least one")


def test_a_save_with_thousands_of_teams_is_refused_with_a_reason(
    deck: Deck, tmp_path: Path
) -> None:
    path = saved(deck, tmp_path)
    rewrite_teams(path, [{"id": f"t{i}", "name": f"Team {i}"} for i in range(5000)])
    error = refusal(path)
    assert error.code == "save.too_many_teams"
    assert error.message("en").endswith(
        f"the save has 5000 teams; a session has at most {MAX_TEAMS}"
    )
    rewrite_teams(path, [{"id": f"t{i}", "name": f"Team {i}"} for i in range(MAX_TEAMS)])
    assert len(read_save(path).session.teams) == MAX_TEAMS  # the writer's limit is readable
